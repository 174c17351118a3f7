//! Tokens of English news text, with byte offsets.
//!
//! Penn-Treebank-like: punctuation is split off, clitics (`'s`, `n't`, `’re`)
//! are tokens of their own so that "Kyiv’s" yields the name "Kyiv", and
//! hyphens between words are tokens so that "Trump-initiated" yields "Trump".
//! Kept whole: decimals and grouped numbers (`3.5`, `1,000`, `10:30`,
//! `2025-03-28`), abbreviations with their full stop (`Mr.`, `U.S.`, `Jan.`),
//! initials (`J.`), ellipses (`...`), URLs, e-mail addresses, @handles and
//! #hashtags.

use tidings_model::{Span, Token, TokenKind};

use super::abbrev;

/// Quotation marks, straight and typographic.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

/// Split `text` into tokens. Offsets are bytes into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0, &mut out);
    out
}

/// Tokenize `text` (which starts at byte `base` of the document) into `out`.
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i);
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let (end, kind) = if let Some(end) = url_like(text, i) {
            (end, TokenKind::Word)
        } else if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number)
        } else if is_word_char(c) {
            (scan_word(text, i), TokenKind::Word)
        } else if (c == '@' || c == '#') && next_char(text, i).is_some_and(|n| n.is_alphanumeric())
        {
            (scan_word(text, i + 1), TokenKind::Word)
        } else if c == '.' && bytes.get(i + 1) == Some(&b'.') {
            let mut j = i;
            while bytes.get(j) == Some(&b'.') {
                j += 1;
            }
            (j, TokenKind::Punct)
        } else if is_quote_char(c) {
            // An apostrophe opening a clitic or an elided year: 's, 'em, '90s.
            if is_apostrophe(c)
                && let Some(end) = leading_clitic(text, i)
            {
                (end, TokenKind::Word)
            } else {
                (i + c.len_utf8(), TokenKind::Quote)
            }
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            (i + c.len_utf8(), TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Symbol)
        };
        // Every scanner consumes at least the character it starts on; this
        // guards the loop against one that does not (hostile text).
        let end = end.max(i + c.len_utf8());
        push_word_parts(text, start, end, kind, base, out);
        i = end;
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '—' | '–'
            | '‐'
            | '‑'
            | '‒'
            | '―'
            | '…'
            | '·'
            | '•'
            | '¿'
            | '¡'
            | '«'
            | '»'
            | '。'
            | '、'
    )
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

fn next_char(text: &str, i: usize) -> Option<char> {
    let c = char_at(text, i);
    text[i + c.len_utf8()..].chars().next()
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// URLs, e-mail addresses and `www.` hosts run to the next space (trailing
/// punctuation excluded).
fn url_like(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let lower_starts = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let is_url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    let word_end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>'))
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    let is_email = !is_url && {
        let at = word.find('@');
        at.is_some_and(|a| {
            a > 0
                && word[a + 1..].contains('.')
                && word[..a]
                    .chars()
                    .all(|c| is_word_char(c) || c == '.' || c == '-' || c == '+')
        })
    };
    if !(is_url || is_email) {
        return None;
    }
    let trimmed = word.trim_end_matches(|c: char| ".,;:!?)]}'’".contains(c));
    Some(i + trimmed.len())
}

fn scan_number(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    loop {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        // Separators inside numbers: 3.5  1,000  10:30  2025-03-28  1/2
        if j + 1 < b.len()
            && matches!(b[j], b'.' | b',' | b':' | b'/' | b'-')
            && b[j + 1].is_ascii_digit()
        {
            j += 1;
            continue;
        }
        break;
    }
    // Ordinals and units glued to digits: 1st, 20th, 5km, 1990s.
    if j < b.len() && (b[j] as char).is_ascii_alphabetic() {
        let k = scan_letters(text, j);
        j = k;
    }
    j
}

fn scan_letters(text: &str, mut j: usize) -> usize {
    while j < text.len() {
        let c = char_at(text, j);
        if is_word_char(c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// A word: letters and digits, with inner apostrophes ("rock'n'roll", "O’Brien")
/// and the full stops of abbreviations and initials.
fn scan_word(text: &str, i: usize) -> usize {
    let mut j = scan_letters(text, i);
    while let Some(c) = (j < text.len()).then(|| char_at(text, j)) {
        let after = next_char(text, j);
        if is_apostrophe(c) && after.is_some_and(is_word_char) {
            // Keep "O’Brien", "rock'n'roll"; clitics are split later.
            j = scan_letters(text, j + c.len_utf8());
            continue;
        }
        if c == '.' {
            let word = &text[i..j];
            // U.S. / U.K. / e.g. : single letters joined by stops.
            if after.is_some_and(|a| a.is_alphabetic())
                && text[i..j].chars().count() == 1
                && next_after_letter_is_stop(text, j + 1)
            {
                // Never shorter than the word already scanned: a first
                // "letter" that is a digit-like symbol (U+10F51) stops
                // `scan_dotted` at once.
                j = scan_dotted(text, i).max(j);
                break;
            }
            let number_follows = text[j + 1..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
            if abbrev::is_abbreviation(word)
                || is_initial(word)
                || (number_follows && abbrev::is_numbered_abbreviation(word))
            {
                j += 1;
            }
        }
        break;
    }
    j
}

fn next_after_letter_is_stop(text: &str, j: usize) -> bool {
    let c = char_at(text, j);
    let k = j + c.len_utf8();
    text.as_bytes().get(k) == Some(&b'.')
}

/// `U.S.`, `e.g.`, `a.m.`: letter-stop pairs.
fn scan_dotted(text: &str, i: usize) -> usize {
    let mut j = i;
    loop {
        let c = char_at(text, j);
        if !c.is_alphabetic() {
            break;
        }
        let k = j + c.len_utf8();
        if text.as_bytes().get(k) != Some(&b'.') {
            break;
        }
        j = k + 1;
        if j >= text.len() {
            break;
        }
    }
    j
}

/// A single capital letter: "J" of "J. K. Rowling".
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// An apostrophe that begins a clitic or elided form: `'s`, `’re`, `'90s`.
fn leading_clitic(text: &str, i: usize) -> Option<usize> {
    let prev_is_word = prev_char(text, i).is_some_and(is_word_char);
    let a = char_at(text, i);
    let rest_start = i + a.len_utf8();
    let end = scan_letters(text, rest_start);
    if end == rest_start {
        return None;
    }
    let tail = text[rest_start..end].to_ascii_lowercase();
    if prev_is_word {
        return matches!(tail.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m").then_some(end);
    }
    // '90s, 'em
    (tail.starts_with(|c: char| c.is_ascii_digit()) || tail == "em" || tail == "tis").then_some(end)
}

/// Push a scanned word, split into its parts: clitics and inner hyphens.
fn push_word_parts(
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    base: usize,
    out: &mut Vec<Token>,
) {
    let push = |out: &mut Vec<Token>, s: usize, e: usize, k: TokenKind| {
        out.push(Token {
            span: Span::new(base + s, base + e),
            kind: k,
        })
    };
    if kind != TokenKind::Word || text[start..end].contains("://") || text[start..end].contains('@')
    {
        push(out, start, end, kind);
        return;
    }
    let word = &text[start..end];
    // Clitics: Kyiv’s -> Kyiv ’s ; don't -> do n't ; they’re -> they ’re
    if let Some((stem_end, _)) = clitic_split(word) {
        push_hyphen_parts(text, start, start + stem_end, out, base);
        push(out, start + stem_end, end, TokenKind::Word);
        return;
    }
    push_hyphen_parts(text, start, end, out, base);
}

/// Where a trailing clitic begins in `word`, if it has one.
fn clitic_split(word: &str) -> Option<(usize, &str)> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    for suf in ["n't", "n’t"] {
        if lower.ends_with(suf) && word.len() > suf.len() {
            let at = word.len() - suf.len();
            return Some((at, &word[at..]));
        }
    }
    for suf in [
        "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
    ] {
        if lower.ends_with(suf) && word.len() > suf.len() {
            let at = word.len() - suf.len();
            return Some((at, &word[at..]));
        }
    }
    // Plural possessive with a bare apostrophe is handled as a quote token.
    None
}

fn push_hyphen_parts(text: &str, start: usize, end: usize, out: &mut Vec<Token>, base: usize) {
    let word = &text[start..end];
    if !word.contains('-') || word.ends_with('.') {
        out.push(Token {
            span: Span::new(base + start, base + end),
            kind: if word.starts_with(|c: char| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        return;
    }
    let mut s = start;
    for (k, ch) in word.char_indices() {
        if ch == '-' {
            let at = start + k;
            if at > s {
                out.push(Token {
                    span: Span::new(base + s, base + at),
                    kind: TokenKind::Word,
                });
            }
            out.push(Token {
                span: Span::new(base + at, base + at + 1),
                kind: TokenKind::Punct,
            });
            s = at + 1;
        }
    }
    if end > s {
        out.push(Token {
            span: Span::new(base + s, base + end),
            kind: TokenKind::Word,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digit_like_letter_before_a_stop_ends() {
        // U+10F51 is alphanumeric but not alphabetic: once sent the
        // tokenizer round a loop that never advanced.
        let mut out = Vec::new();
        tokenize_into("\u{10F51}.\u{C4}.", 0, &mut out);
        assert!(!out.is_empty() && out.len() <= 4, "{out:?}");
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn punctuation_is_split() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
    }

    #[test]
    fn possessives_and_negations() {
        assert_eq!(toks("Kyiv’s chiefs"), ["Kyiv", "’s", "chiefs"]);
        assert_eq!(toks("we can’t"), ["we", "ca", "n’t"]);
        assert_eq!(toks("they're here"), ["they", "'re", "here"]);
        assert_eq!(toks("O’Brien said"), ["O’Brien", "said"]);
    }

    #[test]
    fn abbreviations_keep_their_stop() {
        assert_eq!(toks("Mr. Smith"), ["Mr.", "Smith"]);
        assert_eq!(toks("the U.S. and U.K."), ["the", "U.S.", "and", "U.K."]);
        assert_eq!(toks("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(toks("Jan. 5"), ["Jan.", "5"]);
        assert_eq!(toks("He left."), ["He", "left", "."]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(
            toks("3.5% of 1,000 at 10:30"),
            ["3.5", "%", "of", "1,000", "at", "10:30"]
        );
        assert_eq!(toks("on 2025-03-28."), ["on", "2025-03-28", "."]);
        assert_eq!(toks("the 1990s"), ["the", "1990s"]);
    }

    #[test]
    fn hyphens_and_dashes() {
        assert_eq!(
            toks("Trump-initiated process"),
            ["Trump", "-", "initiated", "process"]
        );
        assert_eq!(toks("war — again"), ["war", "—", "again"]);
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            toks("“Yes…” he said..."),
            ["“", "Yes", "…", "”", "he", "said", "..."]
        );
        assert_eq!(toks("'Go,' she said"), ["'", "Go", ",", "'", "she", "said"]);
    }

    #[test]
    fn urls_and_handles() {
        assert_eq!(
            toks("see https://x.org/a?b=1."),
            ["see", "https://x.org/a?b=1", "."]
        );
        assert_eq!(toks("mail a.b@c.org now"), ["mail", "a.b@c.org", "now"]);
        assert_eq!(toks("@jack #news"), ["@jack", "#news"]);
    }

    #[test]
    fn offsets_are_exact_on_multibyte_text() {
        let text = "Zoë’s café — “naïve” ✓";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.of(text).trim().is_empty());
        }
    }
}
