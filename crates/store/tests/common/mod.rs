//! Helpers shared by the store's test files.

pub mod postgres;
