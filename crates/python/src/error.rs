//! Why a whole batch was refused (one record's failure is not a batch error:
//! it goes in that record's `error` column).

use arrow_schema::{ArrowError, DataType};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The bytes are not a valid Arrow IPC stream, or a table could not be built.
    #[error("Arrow: {0}")]
    Arrow(#[from] ArrowError),
    /// A column the call needs is absent.
    #[error("the input has no `{column}` column")]
    MissingColumn { column: &'static str },
    /// A column has a type the call cannot read.
    #[error("column `{column}` should be {expected}, found {found}")]
    ColumnType {
        column: &'static str,
        expected: &'static str,
        found: DataType,
    },
    /// A row did not fit the tables of the one schema.
    #[error(transparent)]
    Table(#[from] tidings_tables::TableError),
    /// A WARC file could not be read.
    #[error("{0}")]
    Warc(#[from] std::io::Error),
    /// The annotation models could not be loaded.
    #[error(transparent)]
    Engine(#[from] crate::EngineError),
}
