//! Write the `extract` JSONL (FORMAT.md) for every page in a folder.
//!
//! `cargo run --release -p tidings-ingest --example extract_dir -- PAGES_DIR OUT.jsonl`

use std::io::Write;

use tidings_ingest::record::{extract_json, page_id};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: extract_dir PAGES_DIR OUT.jsonl");
        std::process::exit(2);
    }
    let (dir, out) = (&args[1], &args[2]);
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for p in paths {
        let bytes = std::fs::read(&p)?;
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let id = page_id(name);
        let path = p.display().to_string();
        let rec = match tidings_ingest::extract_html(&bytes, None) {
            Ok(a) => extract_json(id, &path, &a),
            Err(e) => {
                eprintln!("{path}: {e}");
                serde_json::json!({"id": id, "path": path, "error": e.to_string()})
            }
        };
        writeln!(w, "{rec}")?;
    }
    Ok(())
}
