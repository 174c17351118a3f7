//! Sentence boundaries, decided on the tokens of one paragraph.

use tidings_model::{Span, Token, TokenKind};

use super::abbrev;

/// Split one paragraph's tokens into sentence spans (bytes into `text`).
///
/// A sentence ends at `.`, `!`, `?`, an ellipsis, or an abbreviation's full
/// stop, together with any closing quotation marks and brackets after it,
/// when the next token opens a sentence. A paragraph's last sentence ends
/// with the paragraph, stop or no stop (headlines have none).
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    let mut start = 0usize;
    let mut k = 0usize;
    while k < tokens.len() {
        let end_kind = terminal(text, &tokens[k]);
        if end_kind == Terminal::No {
            k += 1;
            continue;
        }
        // Absorb more stops and the closing marks that belong to this sentence.
        let mut j = k + 1;
        while j < tokens.len() {
            let t = &tokens[j];
            let s = t.span.of(text);
            let attached = t.span.start == tokens[j - 1].span.end;
            let is_stop =
                t.kind == TokenKind::Punct && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'));
            let is_closer = matches!(s, "”" | "’" | "»" | "›" | ")" | "]" | "}")
                || (attached && matches!(s, "\"" | "'"));
            if is_stop || is_closer {
                j += 1;
            } else {
                break;
            }
        }
        if j >= tokens.len() {
            break;
        }
        let next = &tokens[j];
        let spaced = next.span.start > tokens[j - 1].span.end;
        if spaced && opens_sentence(text, end_kind, &tokens[k], next) {
            out.push(Span::new(tokens[start].span.start, tokens[j - 1].span.end));
            start = j;
        }
        k = j;
    }
    out.push(Span::new(
        tokens[start].span.start,
        tokens[tokens.len() - 1].span.end,
    ));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminal {
    No,
    /// `.`, `!`, `?`
    Stop,
    /// `...` or `…`: ends a sentence only before a clear opener.
    Ellipsis,
    /// A title's stop ("Mr."): never ends a sentence.
    Title,
    /// An initial ("J.") or other abbreviation ("U.S.", "Inc."): ends one only
    /// before a word that typically starts sentences.
    Abbrev,
}

fn terminal(text: &str, t: &Token) -> Terminal {
    let s = t.span.of(text);
    match t.kind {
        TokenKind::Punct => {
            if s == "." || s == "!" || s == "?" {
                Terminal::Stop
            } else if s == "…" || s.starts_with("..") {
                Terminal::Ellipsis
            } else {
                Terminal::No
            }
        }
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
            let stem = &s[..s.len() - 1];
            if abbrev::is_title(stem) {
                Terminal::Title
            } else {
                Terminal::Abbrev
            }
        }
        _ => Terminal::No,
    }
}

fn opens_sentence(text: &str, end: Terminal, _last: &Token, next: &Token) -> bool {
    let s = next.span.of(text);
    let first = s.chars().next().unwrap_or(' ');
    let opener = next.kind == TokenKind::Quote || matches!(s, "(" | "[" | "—" | "–" | "-" | "•");
    match end {
        Terminal::No | Terminal::Title => false,
        Terminal::Stop => first.is_uppercase() || first.is_ascii_digit() || opener,
        Terminal::Ellipsis => {
            first.is_uppercase() && abbrev::starts_sentence(s) || opener && first != '-'
        }
        Terminal::Abbrev => abbrev::starts_sentence(s) || next.kind == TokenKind::Quote,
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        super::split_sentences(text, &toks)
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn plain_stops() {
        assert_eq!(
            sents("It rained. We left! Why? Because."),
            ["It rained.", "We left!", "Why?", "Because."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sents("Mr. Smith met Dr. Jones and Sen. Warren. Gov. Hochul spoke."),
            [
                "Mr. Smith met Dr. Jones and Sen. Warren.",
                "Gov. Hochul spoke."
            ]
        );
        assert_eq!(sents("Mrs. May left."), ["Mrs. May left."]);
    }

    #[test]
    fn dotted_abbreviations() {
        assert_eq!(
            sents("The U.S. and U.K. agreed. The U.S. Senate voted on Jan. 5 at No. 10."),
            [
                "The U.S. and U.K. agreed.",
                "The U.S. Senate voted on Jan. 5 at No. 10."
            ]
        );
        assert_eq!(
            sents("Troops left the U.S. The talks went on."),
            ["Troops left the U.S.", "The talks went on."]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            sents("J. K. Rowling wrote it. George W. Bush agreed."),
            ["J. K. Rowling wrote it.", "George W. Bush agreed."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sents("Growth was 2.5 per cent. Prices rose."),
            ["Growth was 2.5 per cent.", "Prices rose."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("He paused… then went on."),
            ["He paused… then went on."]
        );
        assert_eq!(
            sents("Wait... The vote is in."),
            ["Wait...", "The vote is in."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("He said: “They are playing games. It is a classic.” Then he left."),
            [
                "He said: “They are playing games.",
                "It is a classic.”",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("“Is it over?” she asked. “No.”"),
            ["“Is it over?” she asked.", "“No.”"]
        );
        assert_eq!(
            sents("\"Go home,\" he said. \"Now.\""),
            ["\"Go home,\" he said.", "\"Now.\""]
        );
        assert_eq!(sents("'Stop!' said Mr Brown."), ["'Stop!' said Mr Brown."]);
    }

    #[test]
    fn dashes_and_headlines() {
        assert_eq!(
            sents("Zelensky thanks Starmer for support"),
            ["Zelensky thanks Starmer for support"]
        );
        assert_eq!(
            sents("It was over — or so it seemed. Not quite."),
            ["It was over — or so it seemed.", "Not quite."]
        );
    }
}
