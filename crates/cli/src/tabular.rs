//! Query results for people (aligned tables) and programs (JSON Lines, CSV).
//!
//! Table cells are cleaned of control characters, so that hostile article
//! text cannot move the cursor or recolour the terminal, and cut to a column
//! width. CSV follows RFC 4180 (fields quoted when they hold a comma, quote
//! or line break); JSON is one object per line.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

/// How a query prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON object per line, every field.
    Json,
    /// A header line, then one row per result.
    Csv,
}

/// A result list in the three formats: `cells` gives the table and CSV
/// columns named by `headers`; JSON serialises each item whole.
pub fn write<T: Serialize>(
    out: &mut dyn Write,
    format: Format,
    headers: &[&str],
    widths: &[usize],
    items: &[T],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    match format {
        Format::Json => {
            for item in items {
                serde_json::to_writer(&mut *out, item).context("cannot write output")?;
                out.write_all(b"\n").context("cannot write output")?;
            }
        }
        Format::Csv => {
            csv_row(out, headers.iter().map(|h| h.to_string()))?;
            for item in items {
                csv_row(out, cells(item).into_iter())?;
            }
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = items.iter().map(&cells).collect();
            table(out, headers, widths, &rows)?;
        }
    }
    Ok(())
}

/// One CSV record.
pub fn csv_row(out: &mut dyn Write, fields: impl Iterator<Item = String>) -> Result<()> {
    let line: Vec<String> = fields.map(|f| csv_field(&f)).collect();
    writeln!(out, "{}", line.join(",")).context("cannot write output")
}

pub fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

/// Aligned columns, each at most its width in `widths` (the last column is
/// never padded).
pub fn table(
    out: &mut dyn Write,
    headers: &[&str],
    widths: &[usize],
    rows: &[Vec<String>],
) -> Result<()> {
    let cleaned: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .zip(widths)
                .map(|(c, &w)| cut(&clean(c), w))
                .collect()
        })
        .collect();
    let mut width: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &cleaned {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let n = cells.len();
        let mut s = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            s.push_str(c);
            if i + 1 < n {
                let pad = width[i] - c.chars().count() + 2;
                s.extend(std::iter::repeat_n(' ', pad));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(headers.to_vec())).context("cannot write output")?;
    for r in &cleaned {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))
            .context("cannot write output")?;
    }
    Ok(())
}

/// Control characters (escape sequences, line breaks) become spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn tables_strip_escape_sequences_and_cut_long_cells() {
        let mut out = Vec::new();
        let rows = vec![vec!["\u{1b}[31mred".to_string(), "x".repeat(50)]];
        table(&mut out, &["a", "b"], &[10, 20], &rows).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains('\u{1b}'));
        assert!(s.contains(&format!("{}…", "x".repeat(19))), "{s}");
    }
}
