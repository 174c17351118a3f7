//! Each format's records, from an opened stream: the readers of
//! [`crate::read`] wrapped so that every record and every problem names its
//! file and place (WARC record number, offset and ID; feed item; line).
//! Numbers in names and ids count from 1.

use std::iter;

use crate::guard;
use crate::read::ReadError;
use crate::read::feed::{FeedItem, parse_feed};
use crate::read::jsonl::{JsonlBody, JsonlDoc, JsonlReader};
use crate::read::text::read_text;
use crate::read::warc::{self, WarcReader};

use super::open::{Stream, read_capped};
use super::{Format, Hints, Payload, Record, SourceError};

/// The records of one file, lazily.
pub type Records = Box<dyn Iterator<Item = Result<Record, SourceError>>>;

/// Largest feed file read (feeds are read whole).
const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;

/// Names of one file for records: `path` for output, `stem` for ids,
/// `label` for messages (`stdin` for `-`).
pub struct FileNames {
    pub path: String,
    pub stem: String,
    pub label: String,
}

pub fn records(format: Format, stream: Stream, names: FileNames) -> Records {
    match format {
        Format::Html => whole(stream, names, guard::MAX_PAGE_BYTES, |bytes| {
            Payload::Page {
                bytes,
                charset: None,
            }
        }),
        Format::Text => whole(stream, names, guard::MAX_PAGE_BYTES, |bytes| {
            Payload::Text(read_text(&bytes))
        }),
        Format::Feed => feed(stream, names),
        Format::Jsonl => jsonl(stream, names),
        Format::Warc => warc(stream, names),
    }
}

fn one(r: Result<Record, SourceError>) -> Records {
    Box::new(iter::once(r))
}

/// A file that is one record.
fn whole(
    mut stream: Stream,
    names: FileNames,
    cap: usize,
    payload: impl FnOnce(Vec<u8>) -> Payload,
) -> Records {
    one(match read_capped(&mut stream.reader, cap) {
        Ok(bytes) => Ok(Record {
            id: names.stem,
            origin: names.label,
            path: names.path,
            payload: payload(bytes),
            hints: Hints::default(),
        }),
        Err(why) => Err(SourceError::error(names.label, why)),
    })
}

/// ISO 639 primary subtag of a language tag (`en-GB` -> `en`).
fn primary_language(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3)
        .contains(&p.len())
        .then_some(p)
        .filter(|p| p.bytes().all(|b| b.is_ascii_alphabetic()))
}

fn feed(mut stream: Stream, names: FileNames) -> Records {
    let bytes = match read_capped(&mut stream.reader, MAX_FEED_BYTES) {
        Ok(b) => b,
        Err(why) => return one(Err(SourceError::error(names.label, why))),
    };
    let feed = match parse_feed(&bytes) {
        Ok(f) => f,
        Err(e) => return one(Err(SourceError::error(names.label, e.reason()))),
    };
    let site = feed.title;
    let language = feed.language.as_deref().and_then(primary_language);
    Box::new(feed.items.into_iter().map(move |item| match item {
        Ok(item) => feed_record(item, &names, &site, &language),
        Err(e) => Err(SourceError::error(
            format!("{}: feed item {}", names.label, e.record() + 1),
            e.reason(),
        )),
    }))
}

fn feed_record(
    item: FeedItem,
    names: &FileNames,
    site: &Option<String>,
    language: &Option<String>,
) -> Result<Record, SourceError> {
    let n = item.index + 1;
    let origin = format!("{}: feed item {n}", names.label);
    let payload = match (item.content, item.summary) {
        (Some(html), _) if !html.trim().is_empty() => Payload::Fragment { html, full: true },
        (_, Some(html)) if !html.trim().is_empty() => Payload::Fragment { html, full: false },
        _ => {
            return Err(SourceError::skip(
                origin,
                format!(
                    "only a link ({}); pages are not fetched",
                    item.url.as_deref().unwrap_or("none")
                ),
            ));
        }
    };
    Ok(Record {
        id: format!("{}#{n}", names.stem),
        path: names.path.clone(),
        origin,
        payload,
        hints: Hints {
            url: item.url,
            title: item.title.filter(|t| !t.is_empty()),
            // The date of an RFC 3339 time, as extraction gives dates.
            published: item.published.map(|p| p.chars().take(10).collect()),
            authors: item.authors,
            site: site.clone(),
            language: language.clone(),
        },
    })
}

fn jsonl(stream: Stream, names: FileNames) -> Records {
    Box::new(JsonlReader::new(stream.reader).map(move |doc| match doc {
        Ok(doc) => Ok(jsonl_record(doc, &names)),
        Err(e) => Err(SourceError::error(
            format!("{}: line {}", names.label, e.record()),
            e.reason(),
        )),
    }))
}

fn jsonl_record(doc: JsonlDoc, names: &FileNames) -> Record {
    let payload = match doc.body {
        JsonlBody::Text(t) => Payload::Text(t),
        JsonlBody::Html(h) => Payload::Page {
            bytes: h.into_bytes(),
            charset: None,
        },
    };
    Record {
        id: doc.id,
        path: names.path.clone(),
        origin: format!("{}: line {}", names.label, doc.line),
        payload,
        hints: Hints {
            url: doc.url,
            title: doc.title,
            published: doc.published,
            authors: doc.authors,
            site: doc.site,
            language: doc.language,
        },
    }
}

/// How a WARC/ARC record is named: number, offset, and ID (or URL).
fn warc_origin(path: &str, n: usize, offset: u64, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{path}: record {n} at offset {offset} {id}"),
        None => format!("{path}: record {n} at offset {offset}"),
    }
}

fn warc(stream: Stream, names: FileNames) -> Records {
    let mut reader = WarcReader::new(stream.reader);
    Box::new(iter::from_fn(move || {
        loop {
            let rec = reader.next()?;
            let (offset, id) = reader.last_record();
            let rec = match rec {
                Ok(rec) => rec,
                Err(e) => {
                    let origin = warc_origin(&names.label, e.record() + 1, offset, id);
                    return Some(Err(SourceError::error(origin, warc_reason(&e))));
                }
            };
            let n = rec.index + 1;
            let label = rec.record_id.as_deref().or(rec.target_uri.as_deref());
            let origin = warc_origin(&names.label, n, rec.offset, label);
            match rec.payload() {
                warc::Payload::None => continue,
                warc::Payload::Skip(why) => return Some(Err(SourceError::skip(origin, why))),
                warc::Payload::Html { body, charset } => {
                    return Some(Ok(Record {
                        id: format!("{}#{n}", names.stem),
                        path: names.path.clone(),
                        origin,
                        payload: Payload::Page {
                            bytes: body,
                            charset,
                        },
                        hints: Hints {
                            url: rec.target_uri,
                            ..Hints::default()
                        },
                    }));
                }
            }
        }
    }))
}

fn warc_reason(e: &ReadError) -> String {
    match e {
        ReadError::Io { source, .. } => format!("the file ends in a broken record ({source})"),
        other => other.reason(),
    }
}
