//! Social platforms whose names a statistical recogniser cannot see: `X`
//! (formerly Twitter) is one capital letter, which CoNLL-era training text
//! never tags. News writes it in a fixed frame — "posted on X", "a message
//! on X", "said in a post on X (formerly Twitter)" — and only that frame is
//! read here: the letter right after `on`/`via`, ending its phrase, in a
//! sentence about posting (or followed by "formerly Twitter").

use tidings_model::{Document, EntityType, Span, TokenKind};

use super::NameMention;

/// Words that make a sentence about posting.
const POSTING: &[&str] = &[
    "post",
    "posted",
    "posts",
    "posting",
    "message",
    "messages",
    "wrote",
    "writes",
    "write",
    "said",
    "says",
    "statement",
    "tweet",
    "tweeted",
    "video",
    "account",
    "shared",
    "published",
    "reply",
    "replied",
    "comment",
    "comments",
    "thread",
    "followers",
    "announced",
];

/// Lower-case words that may follow the platform's name in its frame ("on X
/// in response to", "on X on Sunday", "on X that …"); not `and`/`or`,
/// which would make the letter one of a list.
const AFTER: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "that",
    "after",
    "before",
    "about",
    "saying",
    "where",
    "which",
    "with",
    "late",
    "early",
    "earlier",
    "this",
    "last",
    "yesterday",
    "today",
    "overnight",
];

/// Add the platform names the recogniser missed, keeping text order.
pub fn add(doc: &Document, names: &mut Vec<NameMention>) {
    let toks = &doc.tokens;
    let word = |i: usize| doc.slice(toks[i].span);
    let mut added = false;
    for i in 1..toks.len() {
        // "on X." may come as one token, the letter read as an initial.
        let initial = word(i) == "X.";
        if !(word(i) == "X" || initial)
            || !matches!(word(i - 1).to_ascii_lowercase().as_str(), "on" | "via")
        {
            continue;
        }
        let next = toks.get(i + 1);
        // The letter must end its phrase: "on X." / "on X," / "on X (formerly …", not "X-ray".
        let ends_phrase = initial
            || next.is_none_or(|n| {
                if n.kind == TokenKind::Word {
                    AFTER.contains(&word(i + 1))
                } else {
                    word(i + 1) != "-"
                }
            });
        if !ends_phrase
            || names
                .iter()
                .any(|n| n.span.start <= toks[i].span.start && toks[i].span.end <= n.span.end)
        {
            continue;
        }
        let formerly = toks
            .get(i + 2)
            .is_some_and(|_| word(i + 2).eq_ignore_ascii_case("formerly"));
        let s = doc
            .sentences
            .iter()
            .find(|s| s.start <= toks[i].span.start && toks[i].span.end <= s.end)
            .copied()
            .unwrap_or(Span::new(0, doc.text.len()));
        let about_posting = toks
            .iter()
            .filter(|t| s.start <= t.span.start && t.span.end <= s.end)
            .any(|t| POSTING.contains(&doc.slice(t.span).to_lowercase().as_str()));
        if formerly || about_posting {
            let t = toks[i].span;
            names.push(NameMention {
                span: Span::new(t.start, t.start + 1),
                etype: EntityType::Org,
            });
            added = true;
        }
    }
    if added {
        names.sort_by_key(|n| (n.span.start, n.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn found(text: &str) -> Vec<String> {
        let mut doc = Document::new("t", text);
        segment::segment(&mut doc);
        let mut names = Vec::new();
        add(&doc, &mut names);
        names
            .iter()
            .map(|n| doc.slice(n.span).to_string())
            .collect()
    }

    #[test]
    fn the_platform_in_its_frame() {
        assert_eq!(found("The mayor posted a message on X on Sunday."), ["X"]);
        assert_eq!(
            found("The mayor posted a message on X.\n\nShe left."),
            ["X"]
        );
        assert_eq!(
            found("She said on X (formerly Twitter) that the port would open."),
            ["X"]
        );
    }

    #[test]
    fn the_letter_elsewhere() {
        assert!(found("The team wrote on X-ray film.").is_empty());
        assert!(found("Rates rose on X and Y bonds.").is_empty());
        assert!(found("Mr X said nothing.").is_empty());
        assert!(found("The grid marks the spot on X.").is_empty());
        assert!(found("Prices posted on X and Y exchanges rose.").is_empty());
    }
}
