//! `tidings extract`: web pages in, articles out (JSONL).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use tidings_model::wire::ExtractOutput;

use crate::batch::{CHUNK, Outcome, guarded};
use crate::io;

/// Extract the article from web pages: body text, title, authors, date, site.
///
/// Takes HTML files (`.html`, `.htm`, optionally gzipped) and folders of them;
/// with no path, reads one page from stdin. Writes one JSON object a page.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// HTML files or folders (searched recursively). Default: one page on stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output file (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut out = io::open_output(args.output.as_deref())?;
    let mut outcome = Outcome::default();
    if args.paths.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read the page from stdin")?;
        match guarded(|| extract_bytes("stdin", "-", &bytes)) {
            Ok(rec) => {
                write_record(&mut out, &rec)?;
                outcome.ok += 1;
            }
            Err(why) => {
                eprintln!("tidings: stdin: {why}");
                outcome.failed += 1;
            }
        }
        out.flush().context("cannot write output")?;
        return Ok(outcome);
    }
    let mut files = Vec::new();
    for p in &args.paths {
        collect_pages(p, &mut files)?;
    }
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Result<ExtractOutput, String>> = chunk
            .par_iter()
            .map(|p| guarded(|| extract_file(p)))
            .collect();
        for (path, r) in chunk.iter().zip(results) {
            match r {
                Ok(rec) => {
                    write_record(&mut out, &rec)?;
                    outcome.ok += 1;
                }
                Err(why) => {
                    eprintln!("tidings: {}: {why}", path.display());
                    outcome.failed += 1;
                }
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(outcome)
}

fn write_record(out: &mut dyn Write, rec: &ExtractOutput) -> Result<()> {
    serde_json::to_writer(&mut *out, rec).context("cannot write output")?;
    out.write_all(b"\n").context("cannot write output")
}

pub const PAGE_SUFFIXES: [&str; 4] = [".html.gz", ".htm.gz", ".html", ".htm"];

/// The record id: the file name without a page suffix.
pub fn page_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for suf in PAGE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suf) {
            return stem.to_string();
        }
    }
    name
}

fn collect_pages(path: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_file() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    if !meta.is_dir() {
        bail!("{} is neither a file nor a folder", path.display());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("cannot list {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            collect_pages(&e, files)?;
        } else {
            let name = e
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if PAGE_SUFFIXES.iter().any(|s| name.ends_with(s)) {
                files.push(e);
            }
        }
    }
    Ok(())
}

pub fn extract_file(path: &Path) -> Result<ExtractOutput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let bytes = if path.extension().is_some_and(|x| x == "gz") {
        let mut dec = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(512 << 20)
            .read_to_end(&mut dec)
            .map_err(|e| format!("not a valid gzip file: {e}"))?;
        dec
    } else {
        bytes
    };
    extract_bytes(&page_id(path), &path.display().to_string(), &bytes)
}

pub fn extract_bytes(id: &str, path: &str, bytes: &[u8]) -> Result<ExtractOutput, String> {
    let a = tidings_ingest::extract_html(bytes, None).map_err(|e| e.to_string())?;
    Ok(ExtractOutput {
        id: id.to_string(),
        path: path.to_string(),
        title: a.title,
        authors: a.authors,
        published: a.published,
        site: a.site,
        language: a.language,
        url: a.url,
        page_type: a.page_type,
        content_hash: a.content_hash,
        text: a.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_page_suffixes() {
        assert_eq!(page_id(Path::new("a/0001.html.gz")), "0001");
        assert_eq!(page_id(Path::new("0001.htm")), "0001");
        assert_eq!(page_id(Path::new("x.y.html")), "x.y");
    }
}
