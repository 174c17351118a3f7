//! JSON Lines documents: one object a line with a `text` or an `html`
//! field and optional `id`, `url`, `title`, `published`. A line that is not
//! JSON, or has neither field, is an error naming its line number; the
//! reader goes on with the next line. Blank lines are skipped.

use std::io::BufRead;

use serde_json::Value;

use super::ReadError;

/// One JSONL document.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonlDoc {
    /// The `id` field, else the 1-based line number.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
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
    lines: std::io::Lines<R>,
    line_no: usize,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R) -> Self {
        JsonlReader {
            lines: reader.lines(),
            line_no: 0,
        }
    }
}

fn field(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(|x| match x {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<JsonlDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = self.lines.next()?;
            self.line_no += 1;
            let record = self.line_no;
            let line = match line {
                Ok(l) => l,
                Err(source) => return Some(Err(ReadError::Io { record, source })),
            };
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(ReadError::Malformed {
                        record,
                        why: format!("line {record} is not JSON: {e}"),
                    }));
                }
            };
            let body = match (field(&v, "text"), field(&v, "html")) {
                (Some(t), _) => JsonlBody::Text(t),
                (None, Some(h)) => JsonlBody::Html(h),
                (None, None) => {
                    return Some(Err(ReadError::Malformed {
                        record,
                        why: format!("line {record} has neither `text` nor `html`"),
                    }));
                }
            };
            return Some(Ok(JsonlDoc {
                id: field(&v, "id").unwrap_or_else(|| record.to_string()),
                url: field(&v, "url"),
                title: field(&v, "title"),
                published: field(&v, "published"),
                body,
            }));
        }
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
}
