//! The `tidings._native` extension module: thin calls into [`crate::engine`]
//! and [`crate::ipc`], with the GIL released while the engine works.
//!
//! Records cross as JSON text (the CLI's own lines) and batches as Arrow IPC
//! stream bytes; the Python package (`python/tidings/__init__.py`) turns them
//! into dicts and pyarrow tables. Every failure is a `ValueError`.

use pyo3::prelude::*;

#[pymodule]
mod _native {
    use pyo3::exceptions::PyValueError;
    use pyo3::prelude::*;
    use pyo3::types::PyBytes;

    use std::path::PathBuf;
    use std::sync::Mutex;

    use crate::warc::WarcPages;
    use crate::{engine, ipc};

    fn value_error(e: impl std::fmt::Display) -> PyErr {
        PyValueError::new_err(e.to_string())
    }

    /// Annotate one `annotate` JSON record; returns the output record as JSON.
    #[pyfunction]
    fn annotate_json(py: Python<'_>, record: String) -> PyResult<String> {
        py.detach(|| engine::annotate_json(&record))
            .map_err(value_error)
    }

    /// Extract the article from one page; returns the `extract` record as JSON.
    #[pyfunction]
    #[pyo3(signature = (html, url=None, id=None, path=None))]
    fn extract_json(
        py: Python<'_>,
        html: &[u8],
        url: Option<String>,
        id: Option<String>,
        path: Option<String>,
    ) -> PyResult<String> {
        py.detach(|| {
            engine::extract_json(
                id.as_deref().unwrap_or(""),
                path.as_deref().unwrap_or(""),
                html,
                url.as_deref(),
            )
        })
        .map_err(value_error)
    }

    /// Annotate an Arrow IPC stream of documents; returns `(layer, stream)`
    /// pairs, one per layer table.
    #[pyfunction]
    fn annotate_ipc<'py>(
        py: Python<'py>,
        data: &[u8],
    ) -> PyResult<Vec<(&'static str, Bound<'py, PyBytes>)>> {
        let tables = py.detach(|| ipc::annotate_ipc(data)).map_err(value_error)?;
        Ok(tables
            .into_iter()
            .map(|(name, bytes)| (name, PyBytes::new(py, &bytes)))
            .collect())
    }

    /// Extract the articles of an Arrow IPC stream of pages; returns one stream.
    #[pyfunction]
    fn extract_ipc<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = py.detach(|| ipc::extract_ipc(data)).map_err(value_error)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Annotate an Arrow IPC stream of documents into the tables of the one
    /// schema of `tidings export --format parquet` and `tidings load`;
    /// returns `(table, stream)` pairs (see `crate::bulk`).
    #[pyfunction]
    fn bulk_ipc<'py>(
        py: Python<'py>,
        data: &[u8],
        ingested_at: String,
    ) -> PyResult<Vec<(&'static str, Bound<'py, PyBytes>)>> {
        let tables = py
            .detach(|| ipc::bulk_ipc(data, &ingested_at))
            .map_err(value_error)?;
        Ok(tables
            .into_iter()
            .map(|(name, bytes)| (name, PyBytes::new(py, &bytes)))
            .collect())
    }

    /// The pages of a WARC file (a path, or the file's bytes), as Arrow IPC
    /// streams of up to `batch_rows` pages each (see `crate::warc`).
    #[pyclass(name = "WarcPages")]
    struct PyWarcPages {
        pages: Mutex<WarcPages>,
    }

    #[pymethods]
    impl PyWarcPages {
        #[new]
        #[pyo3(signature = (source, name=None, batch_rows=1000))]
        fn new(
            py: Python<'_>,
            source: &Bound<'_, PyAny>,
            name: Option<String>,
            batch_rows: usize,
        ) -> PyResult<Self> {
            let pages = if let Ok(bytes) = source.cast::<PyBytes>() {
                let data = bytes.as_bytes().to_vec();
                let name = name.unwrap_or_else(|| "warc".into());
                py.detach(|| WarcPages::from_bytes(data, &name, batch_rows))
            } else {
                let path: PathBuf = source.extract()?;
                py.detach(|| WarcPages::open(&path, batch_rows))
            }
            .map_err(value_error)?;
            Ok(PyWarcPages {
                pages: Mutex::new(pages),
            })
        }

        fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
            slf
        }

        fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyBytes>>> {
            let next = py.detach(|| {
                let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
                pages
                    .next_batch()
                    .map(|b| b.and_then(|b| ipc::write_stream(&b)))
            });
            match next {
                None => Ok(None),
                Some(Ok(bytes)) => Ok(Some(PyBytes::new(py, &bytes))),
                Some(Err(e)) => Err(value_error(e)),
            }
        }

        /// Records skipped so far because they could not be read.
        #[getter]
        fn skipped(&self) -> u64 {
            self.pages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .skipped()
        }
    }

    /// The names of the tables `bulk_ipc` returns, in order.
    #[pymodule_export]
    const BULK_TABLES: [&str; 8] = crate::bulk::BULK_TABLES;

    /// The names of the tables `annotate_ipc` returns, in order.
    #[pymodule_export]
    const LAYERS: [&str; 6] = crate::tables::LAYERS;
}
