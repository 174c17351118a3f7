//! JSON Lines documents: one object a line with a `text` or an `html`
//! field and optional `id`, `url`, `title`, `published`, `authors`, `site`,
//! `language`. A line that is not JSON, has neither field, or has a
//! `published` that is not an ISO date is an error naming its line number
//! (the `record` of the error, 1-based);
//! the reader goes on with the next line. Blank lines are skipped. Lines are
//! read with a cap ([`MAX_LINE_BYTES`]): a longer one is skipped to its end
//! with an error, so memory stays bounded whatever the input.

use std::io::{BufRead, Read};

use serde_json::Value;

use super::ReadError;

/// Longest line kept, in bytes.
pub const MAX_LINE_BYTES: u64 = 64 * 1024 * 1024;

/// One JSONL document.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonlDoc {
    /// The `id` field, else the 1-based line number.
    pub id: String,
    /// 1-based line number.
    pub line: usize,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub body: JsonlBody,
}

/// The document's content.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonlBody {
    Text(String),
    Html(String),
}

/// Iterator over the documents of a JSONL stream.
pub struct JsonlReader<R> {
    reader: R,
    line_no: usize,
    done: bool,
    max_line: u64,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R) -> Self {
        Self::with_max_line(reader, MAX_LINE_BYTES)
    }

    /// A reader that skips lines longer than `max_line` bytes.
    pub fn with_max_line(reader: R, max_line: u64) -> Self {
        JsonlReader {
            reader,
            line_no: 0,
            done: false,
            max_line: max_line.max(1),
        }
    }

    /// The next line, at most `max_line` bytes; `Ok(None)` at the end,
    /// `Ok(Some(Err(len)))` for a longer line (skipped to its end).
    fn next_line(&mut self) -> std::io::Result<Option<Result<Vec<u8>, u64>>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(self.max_line)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        if buf.last() == Some(&b'\n') || (n as u64) < self.max_line {
            return Ok(Some(Ok(buf)));
        }
        // Over the cap: skip to the end of the line without keeping it.
        let mut len = n as u64;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            match memchr::memchr(b'\n', chunk) {
                Some(p) => {
                    self.reader.consume(p + 1);
                    len += p as u64 + 1;
                    break;
                }
                None => {
                    let l = chunk.len();
                    self.reader.consume(l);
                    len += l as u64;
                }
            }
        }
        Ok(Some(Err(len)))
    }
}

fn field(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(|x| match x {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// `authors` as a list of strings, or one string.
fn authors(v: &Value) -> Vec<String> {
    match v.get("authors").or_else(|| v.get("author")) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        _ => Vec::new(),
    }
}

/// Parse one line into a document.
fn parse(line: &[u8], record: usize) -> Result<JsonlDoc, ReadError> {
    let malformed = |why: String| ReadError::Malformed { record, why };
    let v: Value = serde_json::from_slice(line).map_err(|e| malformed(format!("not JSON: {e}")))?;
    if !v.is_object() {
        return Err(malformed("not a JSON object".to_string()));
    }
    let body = match (field(&v, "text"), field(&v, "html")) {
        (Some(t), _) => JsonlBody::Text(t),
        (None, Some(h)) => JsonlBody::Html(h),
        (None, None) => {
            return Err(malformed("neither `text` nor `html`".to_string()));
        }
    };
    let published = field(&v, "published").filter(|p| !p.trim().is_empty());
    if let Some(p) = &published
        && tidings_model::meta::parse_iso_date(p).is_none()
    {
        return Err(malformed(format!("`published` is {p:?}, not an ISO date")));
    }
    Ok(JsonlDoc {
        id: field(&v, "id").unwrap_or_else(|| record.to_string()),
        line: record,
        url: field(&v, "url"),
        title: field(&v, "title"),
        published,
        authors: authors(&v),
        site: field(&v, "site"),
        language: field(&v, "language"),
        body,
    })
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<JsonlDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line = self.next_line();
            self.line_no += 1;
            let record = self.line_no;
            let line = match line {
                Ok(Some(Ok(l))) => l,
                Ok(Some(Err(len))) => {
                    return Some(Err(ReadError::TooLarge {
                        record,
                        size: len,
                        limit: self.max_line,
                    }));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(ReadError::Io { record, source }));
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse(&line, record));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n\n{\"html\":\"<p>Two</p>\",\"url\":\"https://e.org/x\"}\n{\"id\":\"c\"}\n";
        let out: Vec<_> = JsonlReader::new(input.as_bytes()).collect();
        assert_eq!(out.len(), 4);
        assert_eq!(
            out[0].as_ref().unwrap().body,
            JsonlBody::Text("One.".into())
        );
        assert!(matches!(
            out[1],
            Err(ReadError::Malformed { record: 2, .. })
        ));
        let d = out[2].as_ref().unwrap();
        assert_eq!(d.id, "4");
        assert_eq!(d.url.as_deref(), Some("https://e.org/x"));
        assert!(out[3].is_err());
    }

    #[test]
    fn metadata_is_kept_and_bad_dates_refused() {
        let input = concat!(
            "{\"id\":7,\"text\":\"A.\",\"authors\":[\"Ann Lee\",\"\"],\"site\":\"Courier\",\"language\":\"en\",\"published\":\"2024-05-02T08:00:00Z\"}\n",
            "{\"text\":\"B.\",\"author\":\"Bo Chen\",\"published\":\"last Tuesday\"}\n",
            "[1, 2]\n",
        );
        let out: Vec<_> = JsonlReader::new(input.as_bytes()).collect();
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.authors, ["Ann Lee"]);
        assert_eq!(a.site.as_deref(), Some("Courier"));
        assert_eq!(a.published.as_deref(), Some("2024-05-02T08:00:00Z"));
        let err = out[1].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("record 2") && err.contains("last Tuesday"),
            "{err}"
        );
        assert!(out[2].is_err());
    }

    #[test]
    fn an_overlong_line_is_skipped_and_the_next_read() {
        let input =
            "{\"text\":\"a line far longer than the cap\"}\n{\"text\":\"ok\"}\n{\"text\":\"end\"}";
        let out: Vec<_> = JsonlReader::with_max_line(input.as_bytes(), 20).collect();
        assert_eq!(out.len(), 3);
        assert!(matches!(out[0], Err(ReadError::TooLarge { record: 1, .. })));
        assert_eq!(out[1].as_ref().unwrap().body, JsonlBody::Text("ok".into()));
        assert_eq!(out[2].as_ref().unwrap().line, 3);
    }
}
