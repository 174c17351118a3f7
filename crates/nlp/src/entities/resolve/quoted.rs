//! Where the text is inside double quotation marks, so that first-person
//! pronouns there (the quoted speaker's) are told from the narrator's.
//!
//! Per paragraph: “ opens, ” closes, a straight " toggles. Single quotes are
//! ignored: they are too often apostrophes.

use tidings_model::{Document, Span, TokenKind};

/// Spans of quoted text, in order.
pub fn regions(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let mut open: Option<usize> = None;
        for t in doc.tokens_in(*para) {
            if t.kind != TokenKind::Quote {
                continue;
            }
            match (doc.slice(t.span), open) {
                ("“" | "«" | "„", None) => open = Some(t.span.end),
                ("\"", None) => open = Some(t.span.end),
                ("”" | "»" | "\"" | "“", Some(s)) => {
                    out.push(Span::new(s, t.span.start));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            out.push(Span::new(s, para.end));
        }
    }
    out
}

/// Is byte `at` inside one of `regions`?
pub fn inside(regions: &[Span], at: usize) -> bool {
    let i = regions.partition_point(|r| r.end <= at);
    regions.get(i).is_some_and(|r| r.start <= at)
}
