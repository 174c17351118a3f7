//! Write the `extract` JSONL (FORMAT.md) for every page in a folder.
//!
//! `cargo run --release -p tidings-ingest --example extract_dir -- PAGES_DIR OUT.jsonl`

use std::io::Write;

fn page_id(name: &str) -> &str {
    for ext in [".html.gz", ".htm.gz", ".html", ".htm"] {
        if let Some(s) = name.strip_suffix(ext) {
            return s;
        }
    }
    name
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (dir, out) = (&args[1], &args[2]);
    let mut paths: Vec<_> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for p in paths {
        let bytes = std::fs::read(&p)?;
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let id = page_id(name);
        let rec = match tidings_ingest::extract_html(&bytes, None) {
            Ok(a) => serde_json::json!({
                "id": id, "path": p.display().to_string(), "title": a.title, "authors": a.authors,
                "published": a.published, "site": a.site, "language": a.language, "text": a.text,
                "page_type": a.page_type,
            }),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                serde_json::json!({"id": id, "path": p.display().to_string(), "error": e.to_string()})
            }
        };
        writeln!(w, "{rec}")?;
    }
    Ok(())
}
