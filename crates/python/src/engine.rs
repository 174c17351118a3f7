//! One shared pipeline, and one record at a time through it.
//!
//! The pipeline loads once per process (on first use) and is shared by every
//! thread. A panic inside the engine on one record becomes that record's
//! error, so a batch goes on, as in the CLI.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use serde_json::Value;
use tidings_model::Document;
use tidings_model::wire::{AnnotateInput, AnnotateOutput, ExtractOutput, OutputOptions};
use tidings_nlp::Pipeline;

/// Why a record could not be annotated or extracted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The built-in models could not be loaded.
    #[error("cannot load the annotation models: {0}")]
    Models(String),
    /// The record was refused (bad JSON, id, or date).
    #[error("{0}")]
    Input(#[from] tidings_model::wire::InputError),
    /// The page yielded no article.
    #[error("{0}")]
    Extract(#[from] tidings_ingest::ExtractError),
    /// The engine failed on this record.
    #[error("internal error (please report): {0}")]
    Panic(String),
}

/// The process's pipeline, loaded on first use.
pub fn pipeline() -> Result<&'static Pipeline, EngineError> {
    static PIPELINE: OnceLock<Result<Pipeline, String>> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| EngineError::Models(e.clone()))
}

/// Annotate one `annotate` input record, as `tidings annotate` does a line.
pub fn annotate_record(input: AnnotateInput) -> Result<AnnotateOutput, EngineError> {
    let id = input.id.clone();
    let doc = annotate_document(input)?;
    Ok(AnnotateOutput::from_document(
        &doc,
        id,
        OutputOptions::default(),
    ))
}

/// Annotate one input record into the engine's `Document` (byte spans).
pub fn annotate_document(input: AnnotateInput) -> Result<Document, EngineError> {
    let pipeline = pipeline()?;
    let mut doc = input.into_document()?;
    guarded(|| pipeline.annotate(&mut doc))?;
    Ok(doc)
}

/// Annotate one JSON record (`{"id", "text", "published"?, ...}`) and return
/// the output record as JSON: the same line `tidings annotate` writes.
pub fn annotate_json(record: &str) -> Result<String, EngineError> {
    let out = annotate_record(AnnotateInput::parse(record)?)?;
    Ok(serde_json::to_string(&out).expect("wire records always serialise"))
}

/// Extract the article from one page, as `tidings extract` does a file.
///
/// `path` is where the page came from (a file, a WARC record), echoed in the
/// output; `url` is the page's address when known.
pub fn extract_page(
    id: &str,
    path: &str,
    html: &[u8],
    url: Option<&str>,
) -> Result<ExtractOutput, EngineError> {
    extract_page_with_charset(id, path, html, url, None)
}

/// [`extract_page`] with the charset the transport declared (the HTTP
/// `Content-Type` of a WARC response), used when the page declares none.
pub fn extract_page_with_charset(
    id: &str,
    path: &str,
    html: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
) -> Result<ExtractOutput, EngineError> {
    let a = guarded(|| tidings_ingest::extract_html_with_charset(html, url, charset))??;
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

/// [`extract_page`] as a JSON record, the line `tidings extract` writes.
pub fn extract_json(
    id: &str,
    path: &str,
    html: &[u8],
    url: Option<&str>,
) -> Result<String, EngineError> {
    let out = extract_page(id, path, html, url)?;
    Ok(serde_json::to_string(&out).expect("wire records always serialise"))
}

/// An id given as a JSON value, as the text the tables use.
pub fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Run `f`, turning a panic into [`EngineError::Panic`].
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, EngineError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        EngineError::Panic(why)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_record_in_cli_line_out() {
        let line = annotate_json(
            r#"{"id":7,"text":"The mayor spoke.\n\nThen she left.","published":"2025-03-28"}"#,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["published"], "2025-03-28");
        assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
        for layer in ["entities", "quotes", "timexes", "events"] {
            assert!(v[layer].is_array(), "{layer} is missing");
        }
    }

    #[test]
    fn bad_date_is_an_input_error() {
        let err = annotate_json(r#"{"id":"a","text":"x","published":"soon"}"#).unwrap_err();
        assert!(matches!(err, EngineError::Input(_)), "{err}");
    }

    #[test]
    fn extraction_keeps_the_given_url() {
        let html = b"<html lang=en><head><title>Rain due</title></head><body><article>\
            <p>Rain is due on Friday, forecasters said.</p></article></body></html>";
        let out = extract_page("p1", "", html, Some("https://news.example/rain")).unwrap();
        assert_eq!(out.title.as_deref(), Some("Rain due"));
        assert_eq!(out.url.as_deref(), Some("https://news.example/rain"));
        assert!(out.text.contains("forecasters said"));
        assert!(matches!(
            extract_page("p2", "", b"  ", None),
            Err(EngineError::Extract(_))
        ));
    }
}
