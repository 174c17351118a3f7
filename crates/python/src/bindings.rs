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

    /// The names of the tables `annotate_ipc` returns, in order.
    #[pymodule_export]
    const LAYERS: [&str; 6] = crate::tables::LAYERS;
}
