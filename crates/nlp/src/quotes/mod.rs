//! Quotes: who said what. Direct quotations in marks, fragments quoted inside
//! the writer's sentence (mixed), and reported speech (indirect), each with
//! its cue and its speaker resolved to an entity or the fullest name.
//!
//! The layer runs after entities and reads `doc.entities` when present; it
//! also works without them, on tokens alone. Steps, each its own module:
//!
//! | module | job |
//! |---|---|
//! | [`marks`] | pair quotation marks, across paragraphs too |
//! | [`scare`] | set aside scare quotes and titles |
//! | [`direct`] | find each quotation's cue and speaker phrase |
//! | [`indirect`] | find reported clauses and their speakers |
//! | [`cues`] | the lexicon of reporting verbs |
//! | [`lexicon`] | each token's cue and word classes, looked up once |
//! | [`speaker`] | speaker phrases on tokens |
//! | [`names`] | name runs and fullest names |
//! | [`resolve`] | phrase -> entity or name |
//!
//! Conventions (those of the project's gold): a quote's span is the quoted
//! words without marks; a quote over several paragraphs is one quote; a
//! quotation interrupted by its attribution (`“A,” she said. “B.”`, or
//! `“A,” she said, “because …”`) is one quote; a fragment quoted inside
//! reported speech is reported alone, as `mixed`, unless it is one short
//! fragment in a longer clause of the writer's (`said they were “extremely
//! enthusiastic” about voting`): then the clause is, in its place.
//! Everything is linear in the number of tokens.

mod cues;
mod direct;
mod indirect;
pub mod learned;
mod lexicon;
mod marks;
mod names;
mod resolve;
mod scare;
mod speaker;
mod view;

use std::collections::HashSet;
use std::sync::LazyLock;

use tidings_model::{Document, Quote, QuoteKind, Span, Speaker, TokenKind};

use crate::events::features::FnvBuild;

use direct::{Attribution, Source};
use learned::QuoteModel;
use marks::Quoted;
use resolve::Resolver;
use speaker::{Phrase, PhraseKind};
use view::View;

/// Where one found quote's speaker comes from, before resolution.
#[derive(Debug, Clone, Copy)]
enum From {
    Phrase(Phrase),
    /// The speaker of another found quote (by index).
    SameAs(usize),
    Nobody,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    span: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    from: From,
    /// The words in marks of a mixed clause (the quote itself otherwise).
    quoted: Span,
}

/// Fill `doc.quotes` from its tokens (and entities, where present), with the
/// rules alone (no tagger: what [`Scope::Speech`] reports less the content
/// the tagger adds after cues).
pub fn annotate(doc: &mut Document) {
    let quotes = find(doc, Learned::None);
    doc.quotes = quotes;
}

/// What the layer reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Speech: quotations (a short fragment quoted inside reported speech
    /// is reported alone, unless it is one fragment in a longer clause of
    /// the writer's) and reported speech, belief and stance content, by
    /// rule, and the content the learned tagger finds right after a cue the
    /// rules left without a report. Intentions (`pledged [to …]`) and joint
    /// decisions (`agreed [that …]`) are left out.
    #[default]
    Speech,
    /// Every attribution, as PolNeAR annotates them: speech, beliefs,
    /// intentions and stances towards a noun phrase, found by the learned
    /// tagger over the whole text on top of the rules; a quoted fragment is
    /// reported with the clause around it (`mixed`).
    Attributions,
}

/// How the learned tagger takes part.
#[derive(Clone, Copy)]
enum Learned<'m> {
    None,
    /// After cues the rules left without a report ([`Scope::Speech`]).
    AfterCues(&'m QuoteModel),
    /// Over the whole text ([`Scope::Attributions`]).
    Everywhere(&'m QuoteModel),
}

/// Fill `doc.quotes` in the given scope.
pub fn annotate_scoped(doc: &mut Document, scope: Scope, model: &QuoteModel) {
    let quotes = match scope {
        Scope::Speech => find(doc, Learned::AfterCues(model)),
        Scope::Attributions => find(doc, Learned::Everywhere(model)),
    };
    doc.quotes = quotes;
}

/// The document as the rules see it, with its kept (non-scare) quotations.
pub(crate) fn view_of(doc: &Document) -> (View<'_>, Vec<Quoted>) {
    let mut v = View::new(doc);
    let paired = marks::pair(&v);
    let all: Vec<(usize, usize)> = paired.iter().map(|q| (q.open, q.end)).collect();
    v.set_quoted(&all);
    let standalone: Vec<bool> = paired.iter().map(|q| direct::standalone(&v, q)).collect();
    let scare = scare::scare_quotes(&v, &paired, &standalone);
    let kept: Vec<Quoted> = paired
        .iter()
        .zip(&scare)
        .filter(|(_, s)| !**s)
        .map(|(q, _)| *q)
        .collect();
    v.quoted.fill(false);
    let spans: Vec<(usize, usize)> = kept.iter().map(|q| (q.open, q.end)).collect();
    v.set_quoted(&spans);
    (v, kept)
}

fn find(doc: &Document, learned: Learned) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let (v, kept) = view_of(doc);
    let mut found = quotations(&v, &kept);
    for r in indirect::find(&v) {
        let span = v.span(r.a, r.b);
        let (mut kind, mut quoted) = (QuoteKind::Indirect, span);
        if r.mixed {
            // The clause replaces the fragment quoted inside it.
            kind = QuoteKind::Mixed;
            if let Some(k) = found
                .iter()
                .position(|f| f.kind == QuoteKind::Mixed && span.contains(f.span))
            {
                quoted = found.remove(k).span;
            }
        }
        found.push(Found {
            span,
            kind,
            cue: Some(cue_span(&v, r.cue)),
            from: r.speaker.map_or(From::Nobody, From::Phrase),
            quoted,
        });
    }
    match learned {
        Learned::None => {}
        Learned::AfterCues(m) => content_after_cues(&v, m, &mut found),
        Learned::Everywhere(m) => learned_content(&v, m, &mut found),
    }
    resolve_all(&v, doc, found)
}

/// Add what the learned tagger finds (the PolNeAR convention): its content
/// spans replace the rules' reported clauses they overlap, a quoted fragment
/// inside a tagged clause at least twice its length grows to that clause
/// (`mixed`), and every other tagged span no rule touches is reported as
/// indirect, with the cue and speaker found around it.
fn learned_content(v: &View, model: &QuoteModel, found: &mut Vec<Found>) {
    let spans = model.spans(v);
    let overlaps = |x: &Span, y: &Span| x.start < y.end && y.start < x.end;
    let rules = found.len();
    let mut taken = vec![false; rules];
    for (a, b) in spans {
        let span = v.span(a, b);
        // A reported clause of the rules: the tagger's bounds, the rule's cue and speaker.
        if let Some(k) = (0..rules).find(|&k| {
            !taken[k] && found[k].kind == QuoteKind::Indirect && overlaps(&found[k].span, &span)
        }) {
            taken[k] = true;
            found[k].span = span;
            continue;
        }
        // A quoted fragment inside a clause at least twice its length: the clause.
        if let Some(k) = (0..rules).find(|&k| {
            !taken[k]
                && found[k].kind == QuoteKind::Mixed
                && span.start <= found[k].span.start
                && found[k].span.end <= span.end
                && span.len() >= 2 * found[k].span.len()
        }) {
            taken[k] = true;
            found[k].span = span;
            continue;
        }
        if found.iter().any(|f| overlaps(&f.span, &span)) {
            continue;
        }
        let (cue, speaker) = indirect::attribute_content(v, a, b);
        found.push(Found {
            span,
            kind: QuoteKind::Indirect,
            cue: cue.map(|c| cue_span(v, c)),
            from: speaker.map_or(From::Nobody, From::Phrase),
            quoted: span,
        });
    }
    // Rule clauses the tagger found no content in stay; two rule clauses
    // grown into one tagged span keep the first.
    let mut seen: Vec<Span> = Vec::new();
    found.retain(|f| {
        if f.kind == QuoteKind::Direct || seen.iter().all(|s| !overlaps(s, &f.span)) {
            seen.push(f.span);
            true
        } else {
            false
        }
    });
}

/// Verbs of joint decision: what allies "agreed" is a decision they made,
/// not something one of them said.
const DECISIONS: &[&str] = &[
    "agree", "agrees", "agreed", "agreeing", "decide", "decides", "decided", "deciding",
];

/// Verbs of stance and attitude that the rules do not read as cues but
/// whose object the tagger may report (`cited [the poll]`, `praised [the
/// deal]`). Verb forms only: a noun reading ("the talks", "a claim")
/// would open reports that nobody made.
const STANCE_CUES: &[&str] = &[
    "attacked",
    "attacking",
    "attacks",
    "blame",
    "blamed",
    "blames",
    "blaming",
    "call",
    "called",
    "calling",
    "calls",
    "cite",
    "cited",
    "cites",
    "citing",
    "claim",
    "claims",
    "criticise",
    "criticised",
    "criticize",
    "criticized",
    "criticizes",
    "criticizing",
    "decline",
    "declined",
    "declines",
    "declining",
    "denounce",
    "denounced",
    "denounces",
    "denouncing",
    "discuss",
    "discussed",
    "discusses",
    "discussing",
    "doubt",
    "doubted",
    "doubts",
    "endorse",
    "endorsed",
    "endorses",
    "endorsing",
    "express",
    "expressed",
    "expresses",
    "expressing",
    "fear",
    "feared",
    "fears",
    "find",
    "finds",
    "found",
    "hope",
    "hopes",
    "identified",
    "learned",
    "named",
    "noted",
    "notes",
    "offer",
    "offered",
    "offering",
    "offers",
    "praise",
    "praised",
    "praises",
    "praising",
    "promise",
    "promised",
    "promises",
    "questioned",
    "questioning",
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "reports",
    "saw",
    "see",
    "seek",
    "seeking",
    "seeks",
    "sees",
    "show",
    "shows",
    "slam",
    "slammed",
    "slamming",
    "slams",
    "sought",
    "talked",
    "talking",
    "want",
    "wants",
];

/// How far after its cue the tagger looks for the start of content.
const CONTENT_REACH: usize = 6;

/// Token `c` may open content for the tagger: a cue of the lexicon or a
/// stance verb, outside quotation marks, not a joint decision.
fn opens_content(v: &View, c: usize) -> bool {
    static STANCE: LazyLock<HashSet<&'static str, FnvBuild>> =
        LazyLock::new(|| STANCE_CUES.iter().copied().collect());
    v.kind(c) == TokenKind::Word
        && !v.quoted[c]
        && (v.cue_at(c).is_some()
            || (v.has(c, lexicon::Classes::STANCE_CUE) && STANCE.contains(v.word(c))))
        && !v.is_any(c, DECISIONS)
}

/// The speech scope's use of the tagger: content the rules left unreported
/// right after a cue (stances, beliefs, reports without a clause the rules
/// can bound). Only the words after each sentence's first cue are tagged,
/// which keeps the cost at a fraction of tagging the document.
fn content_after_cues(v: &View, model: &QuoteModel, found: &mut Vec<Found>) {
    // Tokens the rules already report.
    let mut reported = vec![false; v.len()];
    for f in found.iter() {
        let a = v.toks.partition_point(|t| t.span.end <= f.span.start);
        let b = v.toks.partition_point(|t| t.span.start < f.span.end);
        reported[a..b.max(a)].fill(true);
    }
    let mut ranges = Vec::new();
    let mut c = 0;
    while c < v.len() {
        let end = v.sentence_end(c);
        // The first cue whose next words the rules left unreported.
        let unreported = |k: usize| !reported[k + 1..(k + 4).min(end)].iter().any(|&r| r);
        if let Some(first) = (c..end).find(|&k| k + 1 < end && opens_content(v, k) && unreported(k))
        {
            ranges.push((first + 1, end));
        }
        c = end.max(c + 1);
    }
    for (a, b) in model.spans_after(v, &ranges, CONTENT_REACH) {
        let span = v.span(a, b);
        if found.iter().any(|f| f.span.overlaps(span)) {
            continue;
        }
        let (cue, speaker) = indirect::attribute_content(v, a, b);
        let Some(c) = cue.filter(|&c| c < a && opens_content(v, c)) else {
            continue;
        };
        // An intention (`pledged [to keep …]`) is not speech.
        if v.is(a, "to") {
            continue;
        }
        found.push(Found {
            span,
            kind: QuoteKind::Indirect,
            cue: Some(cue_span(v, c)),
            from: speaker.map_or(From::Nobody, From::Phrase),
            quoted: span,
        });
    }
}

/// Attribute the kept quotations, drop unattributed fragments, and join
/// quotations interrupted by their attribution.
fn quotations(v: &View, kept: &[Quoted]) -> Vec<Found> {
    let mut ats: Vec<Attribution> = Vec::with_capacity(kept.len());
    for i in 0..kept.len() {
        let at = direct::attribute(v, kept, i, &ats);
        ats.push(at);
    }
    // Index in `out` of each kept quotation (None when dropped or merged).
    let mut slot: Vec<Option<usize>> = vec![None; kept.len()];
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let (q, at) = (kept[i], ats[i]);
        // Without a cue, only a whole quote that goes on with a known
        // speaker's is reported: words in marks that nobody is said to say
        // are titles, slogans, or a writer's scare quotes.
        // A quote that only goes on with an earlier one, and was not joined to
        // it, must open its paragraph (the next paragraph of a long quote).
        let opens_para = v.para_first[v.para_of[q.open]] == q.open;
        if at.cue.is_none()
            && (!at.standalone
                || at.source == Source::Nobody
                || (matches!(at.source, Source::SameAs(_)) && !opens_para))
        {
            i += 1;
            continue;
        }
        // “A,” she said. “B.” and a next paragraph that only goes on: one quote.
        let mut j = i;
        while let Some(n) = next_part(v, kept, &ats, i, j) {
            j = n;
        }
        let last = kept[j].last;
        let from = match at.source {
            Source::Phrase(p) => From::Phrase(p),
            Source::SameAs(k) => slot[k].map_or(From::Nobody, From::SameAs),
            Source::Nobody => From::Nobody,
        };
        for s in &mut slot[i..=j] {
            *s = Some(out.len());
        }
        let span = v.span(q.first, last);
        out.push(Found {
            span,
            quoted: span,
            kind: if at.standalone || is_whole_complement(v, &q, at.cue) {
                QuoteKind::Direct
            } else {
                QuoteKind::Mixed
            },
            cue: at.cue.map(|c| cue_span(v, c)),
            from,
        });
        i = j + 1;
    }
    out
}

/// The next quotation that goes on with quote `i` (joined up to `j`), past
/// fragments quoted inside the attribution between them.
fn next_part(v: &View, kept: &[Quoted], ats: &[Attribution], i: usize, j: usize) -> Option<usize> {
    let gap = |n: usize| gap_is_attribution(v, ats[j].reach.max(kept[j].end), kept[n].open);
    let n = j + 1;
    if n >= kept.len() {
        return None;
    }
    if (continues(ats, i, n) || resumes(v, kept, ats, j)) && gap(n) {
        return Some(n);
    }
    let para = v.para_of[kept[j].open];
    let mut m = n;
    while m < kept.len() && !ats[m].standalone && v.para_of[kept[m].open] == para {
        m += 1;
    }
    (m > n && m < kept.len() && continues(ats, i, m) && gap(m)).then_some(m)
}

/// Quotation `n` has no cue of its own and goes on with a quotation of the
/// run that starts at `i`.
fn continues(ats: &[Attribution], i: usize, n: usize) -> bool {
    ats[n].cue.is_none() && matches!(ats[n].source, Source::SameAs(k) if k >= i && k < n)
}

/// `“A,” he said, “because …”`: quotation `j + 1` resumes, lower-case, the
/// sentence that quotation `j`'s own trailing attribution interrupted, so its
/// cue is that attribution's cue.
fn resumes(v: &View, kept: &[Quoted], ats: &[Attribution], j: usize) -> bool {
    let next = kept[j + 1];
    ats[j].after
        && ats[j].cue.is_some()
        && ats[j + 1].cue == ats[j].cue
        && !ats[j + 1].standalone
        && next.open > 0
        && v.word(next.open - 1) == ","
}

/// A lower-case quotation that is the whole complement of its cue is still a
/// direct quote: `writing “allow me …”`, `calling the protester “a …”.`
fn is_whole_complement(v: &View, q: &Quoted, cue: Option<usize>) -> bool {
    let Some(c) = cue.filter(|&c| c < q.open) else {
        return false;
    };
    let gap = q.open - c - 1;
    let clause_ends = q.end >= v.len()
        || v.para_of[q.end] != v.para_of[q.open]
        || matches!(v.word(q.end), "." | "," | ";" | ":" | "!" | "?" | "—")
        || (q.last > q.first && matches!(v.word(q.last - 1), "." | "," | "!" | "?"));
    gap == 0
        && (c + 1..q.open).all(|k| v.kind(k) == TokenKind::Word || v.word(k) == ",")
        && clause_ends
}

/// Is everything from token `from` to `to` punctuation, or the rest of the
/// sentence that ends the quote before (its attribution)?
fn gap_is_attribution(v: &View, from: usize, to: usize) -> bool {
    if from >= to {
        return true;
    }
    let s = v.sentence_first(from - 1);
    // A title's closing mark may trail the sentence: "… on ''Meet the Press.''".
    (from..to).all(|t| {
        matches!(v.kind(t), TokenKind::Punct | TokenKind::Quote) || v.sentence_first(t) == s
    })
}

/// The cue's span: the verb, or "according to".
fn cue_span(v: &View, c: usize) -> Span {
    if v.is(c, "according") && v.is(c + 1, "to") {
        v.span(c, c + 2)
    } else {
        v.toks[c].span
    }
}

/// Resolve every speaker in text order, then give fragments whose speaker is
/// unknown or a bare description the speaker of a later full quote that
/// repeats their words.
fn resolve_all(v: &View, doc: &Document, found: Vec<Found>) -> Vec<Quote> {
    let resolver = Resolver::new(v, &doc.entities);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].span.start, found[i].span.end));
    let mut speakers: Vec<Option<Speaker>> = vec![None; found.len()];
    let mut named: Vec<bool> = vec![false; found.len()];
    let mut last: Option<(Speaker, usize)> = None;
    // Sentences that start at or before a byte offset.
    let sentences_to = |x: usize| doc.sentences.partition_point(|s| s.start <= x);
    for &i in &order {
        let f = found[i];
        let sp = match f.from {
            From::Phrase(p) => {
                let at = v.toks[p.a].span.start;
                let near = last
                    .as_ref()
                    .is_some_and(|(_, end)| sentences_to(at) <= sentences_to(*end) + 2);
                let s = resolver.resolve(v, p, last.as_ref().map(|l| &l.0), near);
                named[i] = p.kind == PhraseKind::Name || s.entity.is_some();
                if named[i] {
                    last = Some((s.clone(), f.span.end));
                }
                Some(s)
            }
            From::SameAs(k) => {
                named[i] = named[k];
                speakers[k].clone()
            }
            From::Nobody => None,
        };
        speakers[i] = sp;
    }
    // Fragments teased before the full quote: "admitted he was “part of the change”".
    for i in 0..found.len() {
        if found[i].kind != QuoteKind::Mixed || named[i] {
            continue;
        }
        let words = found[i].quoted.of(v.text).to_lowercase();
        let source = (0..found.len()).find(|&k| {
            k != i
                && named[k]
                && found[k].span.len() > found[i].quoted.len()
                && found[k].span.of(v.text).to_lowercase().contains(&words)
        });
        if let Some(k) = source {
            speakers[i] = speakers[k].clone().map(|mut s| {
                s.span = speakers[i].as_ref().and_then(|o| o.span);
                s
            });
        }
    }
    order
        .into_iter()
        .map(|i| {
            Quote::whole(
                found[i].span,
                found[i].kind,
                speakers[i].clone(),
                found[i].cue,
            )
        })
        .collect()
}
