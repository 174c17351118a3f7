//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod annotate;
pub mod extract;
