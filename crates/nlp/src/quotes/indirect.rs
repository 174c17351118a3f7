//! Indirect speech: the reported clause of a cue outside quotation marks.
//!
//! Four shapes:
//! - `X said (that) CLAUSE`: the content runs from after the cue (its
//!   listener, time words and `that` stepped over) to the end of the
//!   sentence, cut before a coordinated verb (`, and accused …`), a
//!   participle (`, saying …`) or a contrast (`, while …`);
//! - `CLAUSE, X said.` and `CLAUSE, said X.`: the content is the sentence
//!   up to the comma;
//! - `according to X, CLAUSE` and `CLAUSE, according to X`;
//! - `X praised NP`, `X wants NP`, `X supports NP`: an attitude towards a
//!   noun phrase, after a short list of verbs and only with its own subject
//!   (PolNeAR counts these as attributions).
//!
//! A cue that attributes the quotation closing just before it (`“…,” said
//! Jane Roe, a lawyer`) reports no clause of its own.
//!
//! A clause holding quotation marks is left to the quotation rules, which
//! report the quoted words themselves (the partial-quote convention), unless
//! it holds one short fragment among more words of the writer's and no
//! report inside it (`said they were “extremely enthusiastic” about
//! voting`): then the clause is reported, as `mixed`, in place of the
//! fragment.

use tidings_model::TokenKind;

use super::cues::{CueClass, Form};
use super::lexicon::Classes;
use super::names::is_calendar;
use super::speaker::{Phrase, left_subject, np_starting_at};
use super::view::View;

/// One reported clause: content tokens `[a, b)`, the cue token, the speaker phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reported {
    pub a: usize,
    pub b: usize,
    pub cue: usize,
    pub speaker: Option<Phrase>,
    /// The clause holds a short quoted fragment: report the clause (mixed).
    pub mixed: bool,
}

const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "on",
    "last",
    "this",
    "earlier",
    "later",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "again",
    "also",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "previously",
    "then",
    "now",
    "weekend",
];

const PRONOUN_SUBJECTS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "there"];

const SUBJECT_DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "some",
    "many",
    "most",
    "all",
    "no",
    "every",
    "each",
    "any",
    "both",
    "several",
    "few",
    "more",
    "less",
    "nobody",
    "nothing",
    "everyone",
    "everybody",
    "someone",
    "none",
];

/// Words that cannot start a reported clause.
const NOT_CLAUSE_START: &[&str] = &[
    "to", "in", "on", "at", "for", "with", "by", "of", "about", "as", "and", "or", "but", "from",
    "into", "up", "out", "off", "over", "so", "than", "how", "what", "why", "whether", "if",
    "when", "where", "who", "which", "goodbye", "hello", "yes", "no", "so",
];

/// Words after a comma that end the reported clause.
const CLAUSE_BREAKS: &[&str] = &[
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "according",
    "even",
    "despite",
    "who",
    "which",
];

/// Find every reported clause of the document.
pub(crate) fn find(v: &View) -> Vec<Reported> {
    let mut out = Vec::new();
    for c in 0..v.len() {
        if v.quoted[c] || v.kind(c) != TokenKind::Word {
            continue;
        }
        if v.is(c, "according") && v.is(c + 1, "to") {
            if let Some(r) = according_to(v, c) {
                out.push(r);
            }
            continue;
        }
        let Some(cu) = v.cue_at(c) else {
            if v.has(c, Classes::STANCE)
                && STANCE_VERBS.contains(&v.word(c))
                && !attributes_quotation(v, c)
                && let Some(r) = object_after(v, c, Form::Past)
            {
                out.push(r);
            }
            continue;
        };
        if attributes_quotation(v, c) {
            continue;
        }
        if v.is_capitalised(c) && v.sentence_first(c) != c {
            continue;
        }
        if !cu.takes_clause {
            if let Some(r) = object_after(v, c, cu.form) {
                out.push(r);
            }
            continue;
        }
        if let Some(r) = clause_after(v, c, cu.class, cu.takes_object, cu.form) {
            out.push(r);
        } else if cu.class == CueClass::Speech
            && let Some(r) = clause_before(v, c)
        {
            out.push(r);
        } else if cu.class == CueClass::Belief
            && let Some(r) = object_after(v, c, cu.form)
        {
            out.push(r);
        }
    }
    out
}

fn sentence_end(v: &View, c: usize) -> usize {
    v.sentence_end(c)
}

/// `X said (that) CLAUSE`.
fn clause_after(
    v: &View,
    c: usize,
    class: CueClass,
    takes_object: bool,
    form: Form,
) -> Option<Reported> {
    let s0 = v.sentence_first(c);
    let end = sentence_end(v, c);
    // Passive raising ("is said to be") and infinitives ("to say") report nothing here.
    if v.is(c + 1, "to") || (c > s0 && v.is(c - 1, "to")) {
        return None;
    }
    // "that" within reach: "told reporters on Thursday that …".
    let that = (c + 1..(c + 10).min(end))
        .take_while(|&k| {
            !v.quoted[k] && !matches!(v.word(k), ":" | ";" | "(") && v.cue_at(k).is_none()
        })
        .find(|&k| v.is(k, "that"));
    let had_that = that.is_some();
    let mut j = that.map_or(c + 1, |k| k + 1);
    if !had_that {
        if takes_object {
            let obj = np_starting_at(v, j, end)?;
            j = obj.b;
        }
        while j < end && (v.is_any(j, TIME_WORDS) || is_calendar(v.word(j))) {
            j += 1;
        }
        if class != CueClass::Speech && !v.is_any(j, PRONOUN_SUBJECTS) {
            return None;
        }
        if form == Form::Ing && class != CueClass::Speech {
            return None;
        }
        // Without "that" the clause must open with a subject: "said the bill …".
        let subject_like = v.is_any(j, PRONOUN_SUBJECTS)
            || v.is_any(j, SUBJECT_DETERMINERS)
            || v.is_capitalised(j)
            || v.kind(j) == TokenKind::Number;
        let plain_speech = class == CueClass::Speech && form != Form::Ing;
        let adverb = v.word(j).ends_with("ly") && !v.is_capitalised(j);
        if !(subject_like || plain_speech) || adverb || v.is(j + 1, "to") {
            return None;
        }
    }
    if j >= end
        || v.kind(j) != TokenKind::Word && v.kind(j) != TokenKind::Number
        || (!had_that && v.is_any(j, NOT_CLAUSE_START))
    {
        return None;
    }
    let (b, mixed) = match clause_end(v, j, end) {
        Some(b) => (b, false),
        None => (mixed_clause_end(v, j, end)?, true),
    };
    if (j..b).filter(|&k| v.kind(k) == TokenKind::Word).count() < 3 {
        return None;
    }
    let speaker = subject(v, c, s0);
    Some(Reported {
        a: j,
        b,
        cue: c,
        speaker,
        mixed,
    })
}

/// Is the word at `c` the cue of the quotation that closes just before it
/// (`“…,” said Jane Roe, a lawyer` / `“…,” she told reporters on Tuesday`)?
/// What follows it then is the speaker or the setting, not reported content.
fn attributes_quotation(v: &View, c: usize) -> bool {
    let s0 = v.sentence_first(c);
    let mut k = c;
    while k > s0 && c - k < 8 {
        k -= 1;
        if v.quoted[k] {
            // A quotation that ends its sentence part: `,”` `?”` `”,`; a
            // closing mark may be written as two tokens (`,''`).
            let mut m = k;
            while m > 0 && v.quoted[m - 1] && v.kind(m) == TokenKind::Quote {
                m -= 1;
            }
            return (m > 0 && matches!(v.word(m), "," | "?" | "!" | "—" | "-" | "…"))
                || v.word(k + 1) == ",";
        }
        if v.cue_at(k).is_some() || matches!(v.word(k), "." | ";" | ":") {
            return false;
        }
    }
    false
}

/// Prepositions stepped over before an attitude's object (`worries about X`).
const OBJECT_PREPOSITIONS: &[&str] = &["about", "for", "of", "on", "against"];

/// Stems of the cue verbs whose noun-phrase object is reported content (the
/// word must also be a cue, so `wanton` or `urgent` never match).
const ATTITUDE_STEMS: &[&str] = &[
    "prais",
    "critici",
    "blast",
    "slam",
    "mock",
    "derid",
    "defend",
    "dismiss",
    "question",
    "tout",
    "want",
    "wish",
    "accus",
    "urg",
    "demand",
    "propos",
    "recommend",
    "reject",
    "blam",
    "deni",
    "deny",
    "worr",
    "fear",
    "doubt",
    "hope",
    "welcom",
    "condemn",
    "applaud",
    "endors",
];

/// Verbs of stance that are no speech cues but whose object is an attributed
/// position (`Sanders supports raising the minimum wage`), as written in
/// lower case.
pub(super) const STANCE_VERBS: &[&str] = &[
    "supports",
    "supported",
    "opposes",
    "opposed",
    "endorses",
    "endorsed",
    "condemns",
    "condemned",
    "backs",
    "backed",
    "favors",
    "favored",
    "favours",
    "favoured",
    "rejects",
    "rejected",
    "ripped",
    "attacked",
    "attacks",
    "applauded",
    "welcomed",
    "welcomes",
];

/// Words that open the setting of an act after its object (`praised X
/// during a rally`, `X on Sunday`, `X in a tweet`).
const OBJECT_SETTING: &[&str] = &["during", "while", "amid", "yesterday", "today", "tonight"];

/// Auxiliaries before a passive participle (`was praised`): no object follows.
const PASSIVE_AUX: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];

/// `X praised NP`, `X wants NP`: an attitude towards a noun phrase, which the
/// attribution corpora count as reported content. Only with a subject of its
/// own right before the verb, and never in the passive.
fn object_after(v: &View, c: usize, form: Form) -> Option<Reported> {
    let w = v.word(c).to_lowercase();
    if !ATTITUDE_STEMS.iter().any(|s| w.starts_with(s)) && !STANCE_VERBS.contains(&v.word(c)) {
        return None;
    }
    let s0 = v.sentence_first(c);
    let end = sentence_end(v, c);
    if form == Form::Ing || (c > s0 && v.is_any(c - 1, PASSIVE_AUX)) {
        return None;
    }
    let speaker = left_subject(v, c, s0)?;
    let mut j = c + 1;
    if v.is_any(j, OBJECT_PREPOSITIONS) {
        j += 1;
    }
    if j >= end
        || v.kind(j) != TokenKind::Word && v.kind(j) != TokenKind::Number
        || v.is_any(j, NOT_CLAUSE_START)
        || v.is_any(
            j,
            &[
                "to", "that", "as", "by", "in", "at", "with", "from", "up", "out", "off", "back",
                "down",
            ],
        )
    {
        return None;
    }
    let mut b = clause_end(v, j, end)?;
    // The object ends where a coordinated clause begins ("X and the owners
    // …", "X and handed …"), at a comma, and before the setting of the act
    // ("praised X during a rally", "X on Sunday").
    if let Some(k) = (j + 1..b).find(|&k| {
        v.is_any(k, &["and", "but", "or"]) && v.is_any(k + 1, SUBJECT_DETERMINERS)
            || v.is_any(k, &["and", "but"])
                && (v.is_any(k + 1, PRONOUN_SUBJECTS)
                    || v.cue_at(k + 1).is_some()
                    || v.word(k + 1).ends_with("ed"))
            || v.word(k) == ","
            || v.is_any(k, OBJECT_SETTING)
    }) {
        b = k;
    }
    Some(Reported {
        a: j,
        b,
        cue: c,
        speaker: Some(speaker),
        mixed: false,
    })
}

/// Token `k` ends the clause that starts at `j` (in a sentence ending at
/// `end`): a semicolon, colon, dash or parenthesis, or a comma before a
/// contrast, a cue, a coordinated verb or a parenthetical attribution.
fn breaks_clause(v: &View, j: usize, k: usize, end: usize) -> bool {
    let w = v.word(k);
    if matches!(w, ";" | ":" | "—" | "–" | "(") || (w == "-" && k > j && spaced(v, k)) {
        return true;
    }
    let n = k + 1;
    w == ","
        && (v.is_any(n, CLAUSE_BREAKS)
            || v.cue_at(n).is_some()
            || (v.is_any(n, &["and", "but"])
                && (v.cue_at(n + 1).is_some() || v.word(n + 1).ends_with("ed")))
            || attribution_follows(v, n, end))
}

/// Where a clause starting at `j` ends, or `None` when it holds a quotation.
fn clause_end(v: &View, j: usize, end: usize) -> Option<usize> {
    let mut k = j;
    while k < end {
        if v.quoted[k] {
            return None;
        }
        if breaks_clause(v, j, k, end) {
            break;
        }
        k += 1;
    }
    while k > j && v.kind(k - 1) == TokenKind::Punct {
        k -= 1;
    }
    (k > j).then_some(k)
}

/// A clause holding quoted fragments, reported whole when its own words
/// outnumber the quoted ones: `said they were “extremely enthusiastic” about
/// voting`. `None` when the quoted words are half of it or more (the
/// fragments are reported alone) or the clause cannot be bounded.
fn mixed_clause_end(v: &View, j: usize, end: usize) -> Option<usize> {
    let mut k = j;
    let (mut own, mut quoted, mut fragments) = (0usize, 0usize, 0usize);
    let mut inner_cue = false;
    while k < end {
        if v.quoted[k] {
            if v.kind(k) == TokenKind::Word {
                quoted += 1;
            }
            if k == 0 || !v.quoted[k - 1] {
                fragments += 1;
                if inner_cue {
                    return None;
                }
            }
            k += 1;
            continue;
        }
        // A report inside the report ("said the allies had agreed that …"):
        // the fragment is the inner speaker's; leave it alone.
        if v.cue_at(k).is_some() && !v.is(k + 1, "to") {
            inner_cue = true;
        }
        // "as she pledged …": a clause of the writer's, not the report's.
        if k > j && v.is(k, "as") && v.is_any(k + 1, PRONOUN_SUBJECTS) {
            break;
        }
        if breaks_clause(v, j, k, end) {
            break;
        }
        if v.kind(k) == TokenKind::Word {
            own += 1;
        }
        k += 1;
    }
    while k > j && matches!(v.kind(k - 1), TokenKind::Punct) {
        k -= 1;
    }
    (k > j && fragments == 1 && own > quoted).then_some(k)
}

/// What quotation marks inside a clause make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// No quoted words.
    None,
    /// One short fragment among more words of the writer's: the clause is
    /// reported (mixed).
    Clause,
    /// The quoted words are reported alone.
    Fragments,
}

/// See [`Quoting`]; the same tests as [`mixed_clause_end`], on a bounded clause.
fn quoting(v: &View, a: usize, b: usize) -> Quoting {
    let (mut own, mut quoted, mut fragments) = (0usize, 0usize, 0usize);
    let mut inner_cue = false;
    for k in a..b {
        if v.quoted[k] {
            if v.kind(k) == TokenKind::Word {
                quoted += 1;
            }
            if k == a || !v.quoted[k - 1] {
                fragments += 1;
                if inner_cue {
                    return Quoting::Fragments;
                }
            }
        } else {
            if v.cue_at(k).is_some() && !v.is(k + 1, "to") {
                inner_cue = true;
            }
            if v.kind(k) == TokenKind::Word {
                own += 1;
            }
        }
    }
    match fragments {
        0 => Quoting::None,
        1 if own > quoted => Quoting::Clause,
        _ => Quoting::Fragments,
    }
}

/// Is token `k` set off by spaces on both sides (a dash typed as `-`)?
fn spaced(v: &View, k: usize) -> bool {
    let s = v.toks[k].span;
    let bytes = v.text.as_bytes();
    s.start > 0
        && bytes[s.start - 1].is_ascii_whitespace()
        && bytes.get(s.end).is_some_and(|b| b.is_ascii_whitespace())
}

/// A parenthetical attribution at `n`: ", he said," / ", officials said.".
fn attribution_follows(v: &View, n: usize, end: usize) -> bool {
    for k in n..(n + 5).min(end) {
        if let Some(c) = v.cue_at(k) {
            return c.form != Form::Ing
                && k < end
                && (k + 1 == end || matches!(v.word(k + 1), "," | "."));
        }
        if v.word(k) == "," {
            return false;
        }
    }
    false
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`
fn clause_before(v: &View, c: usize) -> Option<Reported> {
    let s0 = v.sentence_first(c);
    let end = sentence_end(v, c);
    // After the cue only time words, a listener or the inverted subject, then the end.
    let mut after = c + 1;
    let mut inverted = None;
    if after < end
        && v.word(after) != ","
        && !v.is_stop(after)
        && let Some(p) = np_starting_at(v, after, end)
    {
        inverted = Some(p);
        after = p.b;
    }
    while after < end && (v.is_any(after, TIME_WORDS) || is_calendar(v.word(after))) {
        after += 1;
    }
    if !(after >= end || v.is_stop(after) || v.word(after) == ",") {
        return None;
    }
    // Before the cue: ", SUBJECT" (or "," right before an inverted cue).
    let (comma, speaker) = match inverted {
        Some(p) if c > s0 && v.word(c - 1) == "," => (c - 1, Some(p)),
        _ => {
            let p = left_subject(v, c, s0)?;
            if p.a == s0 || v.word(p.a - 1) != "," {
                return None;
            }
            (p.a - 1, Some(p))
        }
    };
    let mut b = comma;
    while b > s0 && v.kind(b - 1) == TokenKind::Punct {
        b -= 1;
    }
    let mixed = match quoting(v, s0, b) {
        Quoting::None => false,
        Quoting::Clause => true,
        Quoting::Fragments => return None,
    };
    if (s0..b).filter(|&k| v.kind(k) == TokenKind::Word).count() < 3 {
        return None;
    }
    // `A, he said, B.`: the attribution interrupts one reported sentence,
    // which runs on to its end (the words of the attribution inside it).
    if after < end && v.word(after) == "," && !(after..end).any(|k| v.quoted[k]) {
        let mut e = end;
        while e > after && v.kind(e - 1) == TokenKind::Punct {
            e -= 1;
        }
        if (after..e).filter(|&k| v.kind(k) == TokenKind::Word).count() >= 2 {
            b = e;
        }
    }
    // A sentence's opening conjunction joins it to the text before, not to the report.
    let a = if v.is_any(s0, &["but", "and", "yet", "so", "still"]) && s0 + 1 < b {
        s0 + 1
    } else {
        s0
    };
    Some(Reported {
        a,
        b,
        cue: c,
        speaker,
        mixed,
    })
}

/// `according to X, CLAUSE` and `CLAUSE, according to X`.
fn according_to(v: &View, c: usize) -> Option<Reported> {
    let s0 = v.sentence_first(c);
    let end = sentence_end(v, c);
    let p = np_starting_at(v, c + 2, end)?;
    if c == s0 {
        let mut a = p.b;
        if a < end && v.word(a) == "," {
            a += 1;
        }
        let b = clause_end(v, a, end)?;
        return ((a..b).filter(|&k| v.kind(k) == TokenKind::Word).count() >= 3).then_some(
            Reported {
                a,
                b,
                cue: c,
                speaker: Some(p),
                mixed: false,
            },
        );
    }
    if c > s0 && v.word(c - 1) == "," {
        let mut b = c - 1;
        while b > s0 && v.kind(b - 1) == TokenKind::Punct {
            b -= 1;
        }
        if (s0..b).any(|k| v.quoted[k])
            || (s0..b).filter(|&k| v.kind(k) == TokenKind::Word).count() < 3
        {
            return None;
        }
        return Some(Reported {
            a: s0,
            b,
            cue: c,
            speaker: Some(p),
            mixed: false,
        });
    }
    None
}

/// The subject of a cue: its own, else (a coordinated or participle cue) the
/// subject of the sentence's earlier cue.
fn subject(v: &View, c: usize, s0: usize) -> Option<Phrase> {
    // "X was quoted as saying": the subject is before "was quoted".
    let c = if c >= s0 + 2 && v.is(c - 1, "as") && v.cue_at(c - 2).is_some() {
        c - 2
    } else {
        c
    };
    if let Some(p) = left_subject(v, c, s0) {
        return Some(p);
    }
    let mut k = c;
    while k > s0 {
        k -= 1;
        if !v.quoted[k]
            && v.cue_at(k).is_some_and(|cu| cu.form != Form::Ing)
            && let Some(p) = left_subject(v, k, s0)
        {
            return Some(p);
        }
    }
    None
}

/// Words stepped over between a cue and the content it governs
/// (`criticism for [the move]`, `said that [...]`).
const CONTENT_LINKS: &[&str] = &[
    "that", "about", "of", "for", "on", "to", "against", "with", "over", "at", "in", "as", ",",
    "whether", "if",
];

/// The cue and speaker of a content span `[a, b)` found without a rule (by
/// the learned tagger): the word before it (stepping over `that` and
/// prepositions) and that word's subject; for content that opens its
/// sentence, the attribution after it (`…, officials said.`).
pub(crate) fn attribute_content(v: &View, a: usize, b: usize) -> (Option<usize>, Option<Phrase>) {
    let s0 = v.sentence_first(a);
    let mut k = a;
    let mut steps = 0;
    while k > s0
        && steps < 3
        && (v.is_any(k - 1, CONTENT_LINKS) || v.kind(k - 1) == TokenKind::Quote)
    {
        k -= 1;
        steps += 1;
    }
    // A cue of the lexicon a few words back (`told reporters on Friday that`).
    let lo = k.saturating_sub(6).max(s0);
    if let Some(c) = (lo..k)
        .rev()
        .find(|&c| !v.quoted[c] && v.cue_at(c).is_some())
    {
        return (Some(c), subject(v, c, s0));
    }
    if k > s0 && v.kind(k - 1) == TokenKind::Word && !v.quoted[k - 1] {
        let c = k - 1;
        return (Some(c), subject(v, c, s0));
    }
    if k == s0 {
        let end = sentence_end(v, a);
        let mut j = b;
        while j < end && v.kind(j) != TokenKind::Word {
            j += 1;
        }
        for c in j..(j + 5).min(end) {
            if v.quoted[c] || v.cue_at(c).is_none() {
                continue;
            }
            let speaker = if c > j {
                left_subject(v, c, j)
            } else {
                np_starting_at(v, c + 1, end)
            };
            return (Some(c), speaker);
        }
    }
    (None, None)
}
