//! Tidings for Python: the Rust engine behind the `tidings` Python package.
//!
//! The crate has two halves:
//!
//! | module | job |
//! | --- | --- |
//! | [`engine`] | one shared pipeline; one record in, the CLI's JSON out |
//! | [`records`] | the input columns of a batch, read from Arrow |
//! | [`tables`] | annotated documents as one flat Arrow table per layer |
//! | [`batch`] | many records on all cores, into those tables |
//! | [`bulk`] | many records into the tables of the one schema of export and load (`tidings-tables`) |
//! | [`warc`] | the pages of a WARC file, in Arrow batches (the Rust WARC reader) |
//! | [`ipc`] | Arrow IPC stream bytes in and out of the batch calls |
//! | `bindings` | the `tidings._native` module (feature `python`) |
//!
//! Everything but `bindings` is plain Rust, tested by `cargo test` without a
//! Python interpreter. The bindings are behind the `python` cargo feature, which
//! maturin turns on (with `extension-module`) when it builds the abi3 wheel; see
//! `docs/PYTHON.md`.
//!
//! Batches cross the boundary as Arrow IPC stream bytes rather than through
//! pyarrow's C data interface: it keeps the build light (no `arrow` umbrella
//! crate, no pyarrow at build time) and needs no `unsafe`; the copy costs far
//! less than annotation.

pub mod batch;
pub mod bulk;
pub mod engine;
mod error;
pub mod ipc;
pub mod records;
pub mod tables;
pub mod warc;

#[cfg(feature = "python")]
mod bindings;

pub use engine::EngineError;
pub use error::BatchError;
pub use ipc::{annotate_ipc, extract_ipc};
