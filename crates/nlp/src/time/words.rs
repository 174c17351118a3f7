//! A document's tokens as the recogniser sees them: lowercased, with spans.
//!
//! Lowercase forms are written once into one buffer per document
//! ([`Lowered`]), so building the view allocates twice, not once a token.

use tidings_model::{Span, Token, TokenKind};

/// One token, with its lowercased form.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    pub raw: &'t str,
    /// Lowercased, with typographic apostrophes made straight ("friday's").
    pub lower: &'t str,
    pub span: Span,
    pub kind: TokenKind,
    /// The word is a time word that can stand alone, or a number
    /// ([`super::lexicon::signals_time`]).
    pub signal: bool,
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

/// The lowercase forms of a run of tokens, in one buffer; tokens already in
/// lowercase are not copied.
pub struct Lowered {
    buf: String,
    /// Per token: its range in `buf`, or `None` when the token is its own lowercase.
    ranges: Vec<Option<(usize, usize)>>,
}

impl Lowered {
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        let mut buf = String::new();
        let mut ranges = Vec::with_capacity(tokens.len());
        for t in tokens {
            let raw = t.span.of(text);
            let plain = raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
            if plain {
                ranges.push(None);
                continue;
            }
            let start = buf.len();
            if raw.is_ascii() {
                buf.push_str(raw);
                buf[start..].make_ascii_lowercase();
            } else {
                for c in raw.chars() {
                    match c {
                        '’' => buf.push('\''),
                        c => buf.extend(c.to_lowercase()),
                    }
                }
            }
            ranges.push(Some((start, buf.len())));
        }
        Lowered { buf, ranges }
    }

    /// The words of `tokens` (the same tokens `self` was made from).
    pub fn words<'t>(&'t self, text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
        tokens
            .iter()
            .zip(&self.ranges)
            .map(|(t, range)| {
                let raw = t.span.of(text);
                let lower = match range {
                    Some((a, b)) => &self.buf[*a..*b],
                    None => raw,
                };
                Word {
                    raw,
                    lower,
                    span: t.span,
                    kind: t.kind,
                    signal: super::lexicon::signals_time(raw),
                }
            })
            .collect()
    }
}
