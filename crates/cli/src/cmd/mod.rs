//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod annotate;
pub mod articles;
pub mod entity;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod load;
pub mod quotes;
pub mod serve;
pub mod store_args;
pub mod synth;
pub mod train;
