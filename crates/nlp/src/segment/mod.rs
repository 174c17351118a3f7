//! Paragraphs, sentences and tokens of English news text.
//!
//! Paragraphs are the text's non-blank lines (extracted articles put one
//! paragraph on a line; blank lines also separate them). Sentences never
//! cross a paragraph. Tokens are found per paragraph by [`tokenize`], and
//! sentence ends are decided on tokens by [`sentences`].

pub mod abbrev;
pub mod sentences;
pub mod tokenize;

use tidings_model::{Document, Span};

pub use sentences::split_sentences;
pub use tokenize::{is_quote_char, tokenize};

/// Fill `paragraphs`, `sentences` and `tokens` of `doc` from its text.
pub fn segment(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    for para in paragraph_spans(text) {
        let first = tokens.len();
        tokenize::tokenize_into(para.of(text), para.start, &mut tokens);
        if tokens.len() == first {
            continue;
        }
        paragraphs.push(para);
        sentences.extend(split_sentences(text, &tokens[first..]));
    }
    doc.paragraphs = paragraphs;
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// The non-blank lines of `text`, trimmed.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(
            c,
            '\n' | '\r' | '\u{2029}' | '\u{2028}' | '\u{0B}' | '\u{0C}' | '\u{85}'
        ) {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = Span::new(start, end).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs() {
        let text = "Headline here\n\nFirst para. Two sentences.\r\n  Second para  \n";
        let mut doc = Document::new("d", text);
        segment(&mut doc);
        let paras: Vec<&str> = doc.paragraphs.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            paras,
            ["Headline here", "First para. Two sentences.", "Second para"]
        );
        let sents: Vec<&str> = doc.sentences.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            sents,
            [
                "Headline here",
                "First para.",
                "Two sentences.",
                "Second para"
            ]
        );
    }

    #[test]
    fn empty_text_has_no_layers() {
        let mut doc = Document::new("d", " \n\t\n");
        segment(&mut doc);
        assert!(doc.paragraphs.is_empty() && doc.sentences.is_empty() && doc.tokens.is_empty());
    }
}
