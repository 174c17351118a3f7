//! A sentence as the recogniser sees it: its tokens, lowercased, with spans.

use tidings_model::{Span, Token, TokenKind};

/// One token of a sentence, with its lowercased form.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub raw: &'t str,
    pub lower: String,
    pub span: Span,
    pub kind: TokenKind,
}

impl Word<'_> {
    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word as a plain unsigned integer ("1,500" is not one).
    pub fn integer(&self) -> Option<u32> {
        if self.kind == TokenKind::Number && self.raw.bytes().all(|b| b.is_ascii_digit()) {
            self.raw.parse().ok()
        } else {
            None
        }
    }
}

/// The words of `tokens` (a sentence's tokens) over `text`.
pub fn words<'t>(text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
    tokens
        .iter()
        .map(|t| {
            let raw = t.span.of(text);
            // Typographic apostrophes read as straight ones ("Friday’s").
            let lower = raw.to_lowercase().replace('’', "'");
            Word {
                raw,
                lower,
                span: t.span,
                kind: t.kind,
            }
        })
        .collect()
}
