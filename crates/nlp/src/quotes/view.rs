//! A read-only view of a segmented document for the quote rules: token
//! texts, their paragraph, and which tokens lie inside quotation marks.
//!
//! Everything here is computed once per document in linear time, so the rules
//! can ask "which paragraph is token `i` in?" or "is it quoted?" in O(1).
//! So are the facts the rules test on token after token: each token's text
//! is sliced once, and its cue and word classes (see [`super::lexicon`]:
//! honorific, function word, pronoun, boundary…, plus capitalised, name word
//! and sentence stop) are looked up once, so a rule reads a bit where it
//! would compare strings against a list.

use tidings_model::{Document, Span, Token, TokenKind};

use super::cues::Cue;
use super::lexicon::{self, Classes, Entry};

pub(crate) struct View<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// The paragraph index of every token.
    pub para_of: Vec<usize>,
    /// The first token of every paragraph (and the token count at the end).
    pub para_first: Vec<usize>,
    /// True for tokens inside a kept quotation, marks included.
    pub quoted: Vec<bool>,
    /// The first token of every token's sentence (see [`View::set_quoted`]).
    pub sent_first: Vec<usize>,
    /// The text of every token.
    words: Vec<&'a str>,
    /// The word classes of every token, and the cue of every word token.
    facts: Vec<Entry>,
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let toks = doc.tokens.as_slice();
        let mut para_first = first_tokens(toks, &doc.paragraphs);
        para_first.push(toks.len());
        let mut para_of = vec![0; toks.len()];
        for p in 0..doc.paragraphs.len() {
            para_of[para_first[p]..para_first[p + 1]].fill(p);
        }
        let words: Vec<&str> = toks.iter().map(|t| t.span.of(&doc.text)).collect();
        let facts = toks
            .iter()
            .zip(&words)
            .map(|(t, w)| token_facts(t.kind, w))
            .collect();
        View {
            text: &doc.text,
            toks,
            para_of,
            para_first,
            quoted: vec![false; toks.len()],
            sent_first: Vec::new(),
            words,
            facts,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.words[i]
    }

    /// Token `i` is in a class of `c` (false past the end).
    pub fn has(&self, i: usize, c: Classes) -> bool {
        self.facts.get(i).is_some_and(|f| f.classes.has(c))
    }

    /// Token `i` can be part of a name: capitalised, and no calendar word.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.facts[i].classes.has(Classes::NAME_WORD)
    }

    /// The cue token `i` is, if any (none past the end).
    pub fn cue_at(&self, i: usize) -> Option<Cue> {
        self.facts.get(i).and_then(|f| f.cue)
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        self.toks[i].kind
    }

    /// Token `i` equals `w`, ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Token `i` is one of `ws`, ignoring ASCII case.
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        i < self.toks.len() && ws.iter().any(|w| self.word(i).eq_ignore_ascii_case(w))
    }

    /// Token `i` is a word starting with an upper-case letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.facts[i].classes.has(Classes::CAPITALISED)
    }

    /// Token `i` ends a sentence: `.`, `!`, `?` or an ellipsis.
    pub fn is_stop(&self, i: usize) -> bool {
        self.facts[i].classes.has(Classes::STOP)
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// Token range `[first, end)` of paragraph `p`.
    pub fn para_range(&self, p: usize) -> (usize, usize) {
        (self.para_first[p], self.para_first[p + 1])
    }
}

/// The first token of every paragraph: the count of tokens that start
/// before it. Paragraphs come in text order, so one walk over the tokens
/// finds them all; one out of order is searched for.
fn first_tokens(toks: &[Token], paragraphs: &[Span]) -> Vec<usize> {
    let mut k = 0;
    paragraphs
        .iter()
        .map(|p| {
            if k > 0 && toks[k - 1].span.start >= p.start {
                k = toks.partition_point(|t| t.span.start < p.start);
            }
            while k < toks.len() && toks[k].span.start < p.start {
                k += 1;
            }
            k
        })
        .collect()
}

/// The classes and cue of one token: the word's from the lexicon, and the
/// token's own (capitalised, name word, stop), which depend on its kind.
fn token_facts(kind: TokenKind, w: &str) -> Entry {
    let entry = lexicon::lookup(w);
    let mut classes = entry.classes;
    if kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase) {
        classes = classes | Classes::CAPITALISED;
        if !classes.has(Classes::CALENDAR) {
            classes = classes | Classes::NAME_WORD;
        }
    }
    if kind == TokenKind::Punct && matches!(w, "." | "!" | "?" | "…" | "...") {
        classes = classes | Classes::STOP;
    }
    let cue = if kind == TokenKind::Word {
        entry.cue
    } else {
        None
    };
    Entry { classes, cue }
}

impl View<'_> {
    /// Mark the tokens of kept quotations, then find sentence starts outside
    /// them: a stop inside quotation marks does not end the sentence around
    /// the quote, unless the quote closes it and a capitalised word follows.
    pub fn set_quoted(&mut self, quotes: &[(usize, usize)]) {
        // The closing marks that end their sentence, in order.
        let mut closes: Vec<usize> = Vec::new();
        for &(open, end) in quotes {
            self.quoted[open..end].fill(true);
            let close = end - 1;
            if close > open
                && self.is_stop(close - 1)
                && (end >= self.len()
                    || self.para_of[end] != self.para_of[close]
                    || self.is_capitalised(end)
                    || self.kind(end) == TokenKind::Quote)
            {
                closes.push(close);
            }
        }
        closes.sort_unstable();
        closes.dedup();
        let mut closes = closes.into_iter().peekable();
        // Every paragraph starts a sentence; `para_first` is in order.
        let mut para_starts = self.para_first.iter().copied().peekable();
        let mut first = 0;
        let mut sent_first = std::mem::take(&mut self.sent_first);
        sent_first.clear();
        sent_first.extend((0..self.len()).map(|i| {
            while para_starts.next_if(|&p| p < i).is_some() {}
            if para_starts.next_if_eq(&i).is_some() {
                first = i;
            }
            let sentence = first;
            let closes_here = closes.next_if_eq(&i).is_some();
            if (self.is_stop(i) && !self.quoted[i]) || closes_here {
                first = i + 1;
            }
            sentence
        }));
        self.sent_first = sent_first;
    }

    /// The first token of the sentence of token `i`.
    pub fn sentence_first(&self, i: usize) -> usize {
        self.sent_first[i]
    }

    /// Every sentence as a token range `[first, end)`, in text order.
    pub fn sentence_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let end = self.sentence_end(i).max(i + 1);
            out.push((i, end));
            i = end;
        }
        out
    }

    /// One past the last token of the sentence that contains token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let (_, pend) = self.para_range(self.para_of[i]);
        let mut k = i;
        while k < pend {
            if k > i && self.sent_first[k] != self.sent_first[i] {
                return k;
            }
            k += 1;
        }
        pend
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_tokens_match_a_search_in_any_order() {
        // Tokens at 0, 5, 10, 15, 20.
        let toks: Vec<Token> = (0..5)
            .map(|k| Token {
                span: Span::new(5 * k, 5 * k + 3),
                kind: TokenKind::Word,
            })
            .collect();
        let paragraphs = [
            Span::new(0, 9),
            Span::new(9, 12),
            Span::new(12, 12),
            Span::new(4, 30),
            Span::new(30, 40),
        ];
        let searched: Vec<usize> = paragraphs
            .iter()
            .map(|p| toks.partition_point(|t| t.span.start < p.start))
            .collect();
        assert_eq!(first_tokens(&toks, &paragraphs), searched);
        assert_eq!(searched, vec![0, 2, 3, 1, 5]);
    }
}
