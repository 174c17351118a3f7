//! Attribution of quotations in marks: which cue and which speaker phrase
//! each one has, and whether it is a whole quote (direct) or a fragment
//! inside the writer's own sentence (mixed).
//!
//! The rules, in order of trust:
//! 1. right after the closing mark: `“…,” Sir Keir said` / `“…,” said Mr X`
//!    / `“…,” according to X` (the phrase must start at the comma);
//! 2. before the opening mark, in the same sentence: `X said: “…”`,
//!    `X told reporters the “world has changed”`; a cue without its own
//!    subject (`…, saying: “…”`, `and accused him of “…”`) takes the subject
//!    of an earlier cue in the sentence, else the previous quote's speaker;
//! 3. the previous paragraph ends with `X said:`;
//! 4. continuation: a quote with no cue of its own keeps the speaker of the
//!    quote just before it (same or previous paragraph).
//!
//! A fragment with no cue at all is not reported: short quoted words that
//! nobody is said to have said are scare quotes or terms.

use tidings_model::TokenKind;

use super::cues::Form;
use super::marks::Quoted;
use super::speaker::{
    Phrase, PhraseKind, clause_subject, left_subject, np_ending_at, np_starting_at, subject_name,
};
use super::view::View;

/// Where a quote's speaker comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A phrase found for this quote.
    Phrase(Phrase),
    /// The speaker of the earlier quote with this index.
    SameAs(usize),
    /// Nobody identified.
    Nobody,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Attribution {
    pub cue: Option<usize>,
    pub source: Source,
    /// The cue came after the quote (`“…,” she said`); `reach` is one past
    /// the last token the attribution used.
    pub after: bool,
    pub reach: usize,
    /// True when the quote stands as a sentence of its own (not a fragment).
    pub standalone: bool,
}

/// Does the quote stand alone: at its sentence start or after a colon, or
/// opening with a capital after a comma?
pub(crate) fn standalone(v: &View, q: &Quoted) -> bool {
    let first_upper = v
        .word(q.first)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let s0 = v.sentence_first(q.open);
    if s0 == q.open || v.para_first[v.para_of[q.open]] == q.open {
        return true;
    }
    let prev = q.open - 1;
    match v.word(prev) {
        ":" => true,
        "," | "—" | "–" | "(" | "-" | ";" => first_upper,
        _ => first_upper && v.kind(prev) == TokenKind::Quote,
    }
}

/// Attribute quote `qi` of `quotes` (earlier ones already attributed in `done`).
pub(crate) fn attribute(
    v: &View,
    quotes: &[Quoted],
    qi: usize,
    done: &[Attribution],
) -> Attribution {
    let q = quotes[qi];
    let standalone = standalone(v, &q);
    let mut at = Attribution {
        cue: None,
        source: Source::Nobody,
        after: false,
        reach: q.end,
        standalone,
    };
    if let Some((c, p, reach)) = after_quote(v, &q) {
        at.cue = Some(c);
        at.source = Source::Phrase(p);
        at.after = true;
        at.reach = reach;
        return at;
    }
    let s0 = v.sentence_first(q.open);
    if let Some((c, source)) = before_quote(v, s0, q.open, quotes, qi, done) {
        at.cue = Some(c);
        at.source = source;
        return at;
    }
    // The previous paragraph ends "… said:".
    let para = v.para_of[q.open];
    if s0 == q.open && q.open == v.para_first[para] && para > 0 {
        let (ps, pe) = v.para_range(para - 1);
        if pe > ps && v.word(pe - 1) == ":" && !v.quoted[pe - 1] {
            let s = v.sentence_first(pe - 1);
            if let Some((c, source)) = before_quote(v, s, pe, quotes, qi, done) {
                at.cue = Some(c);
                at.source = source;
                return at;
            }
        }
    }
    // A quote paragraph signed in the next one: "“…”" then "- Bernie Sanders."
    if let Some(p) = signed_below(v, &q) {
        at.source = Source::Phrase(p);
        return at;
    }
    // Continuation: the whole quote just before, in this or the previous
    // paragraph, past any fragments quoted in its attribution (“A,” she
    // said after calling it “a farce”. “B.”).
    if qi > 0 && standalone {
        let mut k = qi - 1;
        while k > 0 && !done[k].standalone && v.para_of[quotes[k].open] == para {
            k -= 1;
        }
        let prev = quotes[k];
        let pp = v.para_of[prev.open];
        let gap_clean = v.sentence_first(q.open) == q.open
            || (prev.end..q.open).all(|i| v.kind(i) == TokenKind::Punct);
        // A quoted sentence left open ("“A,” …") goes on in the same paragraph
        // even when its speaker was not found.
        let goes_on = pp == para && done[k].standalone && open_ended(v, &prev);
        if (pp == para || pp + 1 == para)
            && gap_clean
            && (done[k].source != Source::Nobody || goes_on)
        {
            at.source = Source::SameAs(k);
        }
    }
    at
}

/// `“…,” X said` or `“…,” said X`: the attribution right after the quote.
fn after_quote(v: &View, q: &Quoted) -> Option<(usize, Phrase, usize)> {
    let para_end = v.para_range(v.para_of[q.last.min(v.len() - 1)]).1;
    let mut a = q.end;
    while a < para_end && matches!(v.word(a), "," | "—" | "–" | "-") {
        a += 1;
    }
    if a >= para_end || v.quoted[a] {
        return None;
    }
    // Inverted: "said Mr X", "according to X".
    if let Some(c) = v.cue_at(a).filter(|_| !v.is_capitalised(a) || a == q.end)
        && c.form != Form::Ing
    {
        let p = np_starting_at(v, a + 1, para_end)?;
        return Some((a, p, p.b));
    }
    if v.is(a, "according") && v.is(a + 1, "to") {
        let p = np_starting_at(v, a + 2, para_end)?;
        return Some((a, p, p.b));
    }
    // Subject first: "Sir Keir said", "the spokesman for X told reporters".
    // After a quote that ends its sentence with a full stop, a capitalised
    // word may start a new one ("… .” The star then recalled an incident"):
    // accept only a cue that ends the attribution. A question or an
    // exclamation is often still attributed ("“…?” Trump asked reporters").
    let closed_sentence =
        q.last > q.first && v.is_any(q.last - 1, &[".", "…", "..."]) && v.is_capitalised(a);
    // A whole quoted sentence left open is surely attributed by what follows,
    // unless a conjunction starts a clause of its own ("…”, while Mr X said).
    let lenient = open_ended(v, q)
        && standalone(v, q)
        && !v.is_any(
            a,
            &[
                "while", "and", "but", "or", "as", "when", "whereas", "although", "though",
                "because", "so", "if", "since", "after", "before", "then",
            ],
        );
    let limit = (a + 30).min(para_end);
    for c in a..limit {
        if v.quoted[c] || v.is_stop(c) {
            break;
        }
        if let Some(cu) = v.cue_at(c)
            && cu.form != Form::Ing
            && !v.is_capitalised(c)
        {
            let p = subject_after_quote(v, a, c, lenient)?;
            let next = c + 1;
            let ends = next >= para_end
                || matches!(v.kind(next), TokenKind::Punct | TokenKind::Quote)
                || v.is_any(
                    next,
                    &[
                        "in",
                        "on",
                        "at",
                        "during",
                        "after",
                        "before",
                        "to",
                        "of",
                        "about",
                        "while",
                        "when",
                        "as",
                        "last",
                        "this",
                        "yesterday",
                        "today",
                    ],
                );
            if closed_sentence && !ends {
                return None;
            }
            return Some((c, p, c + 1));
        }
    }
    // A verb the lexicon lacks, right after its subject, when the quoted
    // sentence is left open: "“…,” he surmised."
    if lenient {
        return unknown_verb_after(v, a, para_end);
    }
    None
}

/// "“…,” he surmised", "“…!” some protesters chanted", "“…?” reacted
/// Trump": a subject and a past-tense verb the lexicon lacks, either order,
/// right after a quote left open.
fn unknown_verb_after(v: &View, a: usize, para_end: usize) -> Option<(usize, Phrase, usize)> {
    let is_past = |c: usize| {
        let w = v.word(c);
        v.kind(c) == TokenKind::Word && !v.is_capitalised(c) && w.len() > 4 && w.ends_with("ed")
    };
    if v.is_any(a, &["he", "she", "they", "we", "i"]) && a + 1 < para_end && is_past(a + 1) {
        let p = Phrase {
            a,
            b: a + 1,
            kind: PhraseKind::Pronoun,
            name: None,
        };
        return Some((a + 1, p, a + 2));
    }
    // Inverted: "“…?” reacted Trump."
    if is_past(a)
        && let Some(p) = np_starting_at(v, a + 1, para_end).filter(|p| p.kind == PhraseKind::Name)
    {
        return Some((a, p, p.b));
    }
    let limit = (a + 8).min(para_end);
    let c = (a + 1..limit)
        .take_while(|&c| v.kind(c) == TokenKind::Word || matches!(v.word(c), "." | "-" | "’" | "'"))
        .find(|&c| is_past(c))?;
    let p = np_ending_at(v, c, a).filter(|p| p.a == a)?;
    Some((c, p, c + 1))
}

/// The quoted sentence goes on after the closing mark: it ends with a comma
/// (`“…,” she said`), a question or an exclamation.
fn open_ended(v: &View, q: &Quoted) -> bool {
    q.last > q.first && matches!(v.word(q.last - 1), "," | "?" | "!")
        || (q.end < v.len() && v.word(q.end) == ",")
}

/// The subject of the cue at `c` in the attribution that starts at token `a`
/// right after a quote: the phrase that ends at the cue and starts at `a`;
/// else a name at `a` set off by an appositive ("Mr. Daniloff, now 81 and
/// retired, said"); else the name just before the cue, after a description
/// ("the assailant, John McGraw, told", "organizing director Kendall Fells
/// told"); the last three only when the quoted sentence is left `open`.
fn subject_after_quote(v: &View, a: usize, c: usize, open: bool) -> Option<Phrase> {
    let left = left_subject(v, c, a);
    if let Some(p) = left.filter(|p| p.a == a) {
        return Some(p);
    }
    if !open {
        return None;
    }
    if let Some(p) = np_starting_at(v, a, c)
        && p.kind != PhraseKind::Nominal
        && p.b < c
        && v.word(p.b) == ","
    {
        return Some(p);
    }
    if let Some(p) = left.filter(|p| p.kind == PhraseKind::Name) {
        return Some(p);
    }
    let mut e = c;
    while e > a && is_adverb(v, e - 1) {
        e -= 1;
    }
    if e > a + 1 && v.word(e - 1) == "," {
        return np_ending_at(v, e - 1, a).filter(|p| p.kind == PhraseKind::Name);
    }
    None
}

/// A lower-case "-ly" adverb between a subject and its cue ("said pleasantly").
fn is_adverb(v: &View, i: usize) -> bool {
    let w = v.word(i);
    v.kind(i) == TokenKind::Word && !v.is_capitalised(i) && w.len() > 4 && w.ends_with("ly")
}

/// The last cue before the opening mark in the sentence, and its speaker.
fn before_quote(
    v: &View,
    s0: usize,
    open: usize,
    quotes: &[Quoted],
    qi: usize,
    done: &[Attribution],
) -> Option<(usize, Source)> {
    let mut c = open;
    let mut found = None;
    while c > s0 {
        c -= 1;
        if v.quoted[c] {
            continue;
        }
        if v.is(c, "according") && v.is(c + 1, "to") {
            if let Some(p) = np_starting_at(v, c + 2, open) {
                return Some((c, Source::Phrase(p)));
            }
            continue;
        }
        let Some(cu) = v.cue_at(c) else { continue };
        if v.is_capitalised(c) && c != s0 {
            continue;
        }
        if found.is_none() {
            found = Some(c);
        }
        // "X was quoted as saying": the subject is before "was quoted".
        let at = if cu.form == Form::Ing && c >= 2 && v.is(c - 1, "as") && v.cue_at(c - 2).is_some()
        {
            c - 2
        } else {
            c
        };
        if cu.form == Form::Ing && at == c {
            // "…, Nefzi said, adding, “…”": the subject of an earlier cue;
            // "…, saying: “…”": else the subject of the sentence.
            if let Some(p) = earlier_cue_subject(v, s0, c).or_else(|| clause_subject(v, s0, c)) {
                return Some((found.unwrap_or(c), Source::Phrase(p)));
            }
            continue;
        }
        if let Some(p) = left_subject(v, at, s0) {
            return Some((found.unwrap_or(c), Source::Phrase(p)));
        }
        // Inverted before the quote: "said Mr X: “…”".
        if cu.takes_object {
            continue;
        }
        if let Some(p) = np_starting_at(v, c + 1, open)
            && p.b < open
            && matches!(v.word(p.b), ":" | ",")
        {
            return Some((c, Source::Phrase(p)));
        }
    }
    // "As X put it, “…”", "As The Post's Dana Milbank puts it: “…”".
    if let Some((c, p)) = as_put_it(v, s0, open) {
        return Some((c, Source::Phrase(p)));
    }
    if found.is_none() {
        // A heading or lead-in: "Trump: ‘…’", "Stated Stone:", "Kasich resisted:".
        if open > s0
            && v.word(open - 1) == ":"
            && !v.quoted[open - 1]
            && let Some(p) = lead_in(v, s0, open - 1)
        {
            return Some((open - 1, Source::Phrase(p)));
        }
    }
    let c = found?;
    // A cue without a subject: the speaker of the previous quote in the sentence
    // or paragraph ("…, saying: “…”").
    if qi > 0 {
        let prev = quotes[qi - 1];
        if v.para_of[prev.open] == v.para_of[open - 1] && done[qi - 1].source != Source::Nobody {
            return Some((c, Source::SameAs(qi - 1)));
        }
    }
    Some((c, Source::Nobody))
}

/// "As X put it, “…”": a sentence that opens with "As", a name and its verb,
/// before the quote. Returns the verb and the name.
fn as_put_it(v: &View, s0: usize, open: usize) -> Option<(usize, Phrase)> {
    let mut k = s0;
    while k < open && matches!(v.kind(k), TokenKind::Punct | TokenKind::Quote) {
        k += 1;
    }
    let verb_of = |k: usize| {
        let p = subject_name(v, k + 1, open)?;
        let verb = p.b;
        (verb < open && v.kind(verb) == TokenKind::Word && !v.is_capitalised(verb))
            .then_some((verb, p))
    };
    if v.is(k, "as") {
        return verb_of(k);
    }
    // Inside the sentence: "…, as prosecutor Marc Trévidic put it, “…”".
    let lead = open
        .checked_sub(1)
        .filter(|&b| matches!(v.word(b), "," | ":"))?;
    let k = (s0..lead)
        .rev()
        .take(10)
        .find(|&k| v.is(k, "as") && k > s0 && v.word(k - 1) == ",")?;
    let (verb, p) = verb_of(k)?;
    let tail_ok = (verb + 1..lead).all(|i| v.is_any(i, &["it", "out", "so", "once", "recently"]))
        && lead - verb <= 3;
    tail_ok.then_some((verb, p))
}

/// The speaker of a lead-in that ends in a colon at `colon`: the name that
/// is the whole lead-in ("Trump:", "Rep. Trey Gowdy:") or follows a dash
/// ("HEADLINE - Jeffrey M. Jones:"), else the subject
/// of its clause ("Sarah Silverman heckles Sanders supporters:", "Mr.
/// Christie gloated:"), else the phrase before the colon.
fn lead_in(v: &View, s0: usize, colon: usize) -> Option<Phrase> {
    // A digest's "HEADLINE - Mark Blumenthal and Jon Cohen:".
    if let Some(dash) = (s0..colon)
        .rev()
        .find(|&i| matches!(v.word(i), "-" | "—" | "–"))
        && v.toks[dash].span.start > 0
        && v.text[..v.toks[dash].span.start].ends_with(' ')
        && let Some(p) = np_ending_at(v, colon, dash + 1).filter(|p| p.kind == PhraseKind::Name)
    {
        return Some(p);
    }
    let np = np_ending_at(v, colon, s0);
    let whole = |p: &Phrase| {
        p.a <= first_word(v, s0, colon) || (p.a > s0 && matches!(v.word(p.a - 1), "-" | "—" | "–"))
    };
    if let Some(p) = np.filter(|p| p.kind == PhraseKind::Name && whole(p)) {
        return Some(p);
    }
    if let Some(p) = clause_subject(v, s0, colon) {
        return Some(p);
    }
    let p = np?;
    // "Wallnau continues:": a verb the lexicon lacks after a name.
    if p.kind == PhraseKind::Nominal && p.b - 1 > p.a && v.is_capitalised(p.b - 2) {
        return np_ending_at(v, p.b - 1, s0).or(Some(p));
    }
    Some(p)
}

/// The first word token in `[s0, end)` (or `end`), past bullets and
/// conjunctions.
fn first_word(v: &View, s0: usize, end: usize) -> usize {
    let mut k = s0;
    while k < end
        && (matches!(v.kind(k), TokenKind::Punct | TokenKind::Quote)
            || v.is_any(k, &["and", "but", "so"]))
    {
        k += 1;
    }
    k
}

/// A quote that is its whole paragraph, signed by the next paragraph's
/// dash and name: "- Bernie Sanders.", "—President Obama, tweeting …".
fn signed_below(v: &View, q: &Quoted) -> Option<Phrase> {
    let para = v.para_of[q.open];
    let (ps, pe) = v.para_range(para);
    if q.open != ps
        || (q.end..pe).any(|i| v.kind(i) != TokenKind::Punct)
        || para + 2 > v.para_first.len() - 1
    {
        return None;
    }
    let (ns, ne) = v.para_range(para + 1);
    if ne <= ns + 1 || !matches!(v.word(ns), "-" | "—" | "–") {
        return None;
    }
    subject_name(v, ns + 1, ne)
}

/// The subject of a finite cue in `[s0, c)`: "Nefzi said, adding, …".
fn earlier_cue_subject(v: &View, s0: usize, c: usize) -> Option<Phrase> {
    (s0..c).rev().find_map(|k| {
        let cu = v.cue_at(k)?;
        if cu.form == Form::Ing || v.quoted[k] || v.is_capitalised(k) {
            return None;
        }
        left_subject(v, k, s0)
    })
}
