//! The `tidings` command line: flag definitions and glue over the library crates.
//!
//! Exit status: 0 when every record succeeded, 1 when some record failed (each
//! failure is reported on stderr with its line or path), 2 when the run could
//! not go on at all. A closed output pipe (`| head`) ends the run quietly.

mod batch;
mod cmd;
mod io;
mod pretty;
mod sources;
mod tabular;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Tidings reads the news and writes down, with evidence, who said what, to
/// whom, when and where.
#[derive(Debug, Parser)]
#[command(name = "tidings", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Annotate(cmd::annotate::Args),
    Extract(cmd::extract::Args),
    Ingest(cmd::ingest::Args),
    Quotes(cmd::quotes::Args),
    Entity(cmd::entity::Args),
    Articles(cmd::articles::Args),
    Export(cmd::export::Args),
    Serve(cmd::serve::Args),
    Synth(cmd::synth::Args),
    Train(cmd::train::Args),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("TIDINGS_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("warn,html5ever=error,selectors=error")
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(args) => cmd::annotate::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Quotes(args) => cmd::quotes::run(args),
        Command::Entity(args) => cmd::entity::run(args),
        Command::Articles(args) => cmd::articles::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Train(args) => cmd::train::run(args),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            if io::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tidings: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
