//! Print the gazetteer facts file generated from mledoze/countries'
//! `countries.json`:
//!
//! ```text
//! cargo run -p tidings-nlp --example build_gazetteer -- \
//!     ../shared/data/gazetteer/countries.json > crates/nlp/data/gazetteer/countries.tsv
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: build_gazetteer PATH/countries.json");
        return ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match tidings_nlp::entities::resolve::gazetteer::build::facts_from_countries_json(&json) {
        Ok(facts) => {
            print!("{facts}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
