//! The event coder: sentences in, PLOVER/CAMEO events out.
//!
//! Per sentence: the trigger lexicon finds candidate triggers; the learned
//! classifier picks the sentence's CAMEO PentaClass from words, bigrams and
//! all those triggers. Coding then keeps only triggers that can stand where
//! they are (see `SentenceContext::stands`): none inside a name ("United
//! States"), no reporting verb in the infinitive, a bare "must" only as a
//! reported demand, a noun (or a verb used as one: "the negotiating table")
//! only with an actor in an argument position; a support verb and the
//! violent noun it carries on ("prosecuting their invasion") make one
//! trigger of the noun's type.
//!
//! The sentence's main event is the first standing trigger of the class (a
//! request switches between appeal and demand codes to fit it; a material
//! trigger not demanded may be recoded as its verbal counterpart); its
//! evidence is the whole sentence, so it comes first. Where no trigger of
//! the class stands, the event is anchored to the main verb after the
//! sentence's subject and typed by the class's default code; a reporting
//! verb that opens a quotation makes a statement instead; a copular
//! sentence or one with no subject and no verb makes none. Every event has
//! a trigger.
//!
//! Every other standing verb trigger of a different PLOVER type makes an
//! event of its own, with its clause as evidence, when it has a source and
//! is not what an accusation alleges; so does a negated trigger recoded as
//! a refusal ("did not agree": REJECT, and AGREE negated). Each event then
//! gets its actors, place, date, modality and quote.

use tidings_model::{Actor, Document, Event, Modality, Span, Token, TokenKind};

use super::actors::{self, Candidate};
use super::cameo;
use super::classifier::{Classifier, ModelError};
use super::dating;
use super::features::{self, Words};
use super::lexicon::{Hit, Lexicon, TriggerKind};
use super::modality;
use super::shallow;
use crate::entities::mention_index::MentionIndex;

/// The committed classifier, trained by `examples/train_events.rs`.
const BUILTIN_MODEL: &[u8] = include_bytes!("../../models/events.bin");

/// Shortest sentence (in words) that makes an event without any trigger.
const MIN_WORDS_WITHOUT_TRIGGER: usize = 5;

/// Lexicon and classifier; load once, share across threads.
#[derive(Debug, Clone)]
pub struct EventCoder {
    lexicon: Lexicon,
    classifier: Classifier,
}

impl EventCoder {
    /// The built-in model.
    pub fn builtin() -> Result<Self, ModelError> {
        Self::from_model_bytes(BUILTIN_MODEL)
    }

    /// A coder with the built-in lexicon and a stored classifier.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(EventCoder {
            lexicon: Lexicon::builtin(),
            classifier: Classifier::from_bytes(bytes)?,
        })
    }

    /// A coder from parts (for training and tests).
    pub fn new(lexicon: Lexicon, classifier: Classifier) -> Self {
        EventCoder {
            lexicon,
            classifier,
        }
    }

    /// Fill `doc.events`, ordered by position, from its sentences and the
    /// layers before (entities, timexes, quotes), when present.
    pub fn annotate(&self, doc: &mut Document) {
        let mut events = Vec::new();
        let mentions = MentionIndex::new(&doc.entities);
        for &sentence in &doc.sentences {
            self.code_sentence(doc, &mentions, sentence, &mut events);
        }
        events.sort_by_key(|e: &Event| e.span.start);
        doc.events = events;
    }

    fn code_sentence(
        &self,
        doc: &Document,
        mentions: &MentionIndex,
        sentence: Span,
        out: &mut Vec<Event>,
    ) {
        let tokens = doc.tokens_in(sentence);
        if tokens.is_empty() {
            return;
        }
        let words = Words::new(tokens.iter().map(|t| {
            (
                doc.slice(t.span),
                matches!(t.kind, TokenKind::Word | TokenKind::Number),
            )
        }));
        let hits = self.lexicon.find(&words.lower);
        let cands = actors::candidates(doc, mentions, tokens, &words.lower, &hits);
        let n_words = words.is_word.iter().filter(|&&w| w).count();
        if hits.is_empty() && (cands.is_empty() || n_words < MIN_WORDS_WITHOUT_TRIGGER) {
            return;
        }
        let probs = self
            .classifier
            .probabilities(&features::extract(&words, &hits));
        let class = decide_class(&probs, &hits, SUPPORTED_CLASS_RATIO);
        // The classifier sees every lexicon match; coding ignores those
        // inside a name ("United States", "State Department").
        let hits: Vec<Hit> = hits
            .into_iter()
            .filter(|h| {
                !cands.iter().any(|c| {
                    matches!(c.who, actors::Who::Entity(_))
                        && c.first <= h.first
                        && h.last <= c.last
                })
            })
            .collect();
        let hits = support_verbs(&words.lower, hits);
        let ctx = SentenceContext {
            doc,
            sentence,
            tokens,
            words: &words.lower,
            hits: &hits,
            cands: &cands,
        };
        let negated = |h: &Hit| {
            let (cs, _) = clause(&words.lower, h.first, h.last);
            modality::detect(&words.lower, cs, h.first) == Modality::Negated
        };
        let stands: Vec<bool> = (0..hits.len()).map(|i| ctx.stands(i)).collect();
        let demanded = |h: &Hit| {
            let (cs, _) = clause(&words.lower, h.first, h.last);
            modality::detect(&words.lower, cs, h.first) == Modality::Demanded
        };
        let main = main_trigger(&hits, class, negated, demanded, |i| stands[i]);
        let first = out.len();
        // The main event may lack a source (a headline, a passive), unless
        // it is quoted directly: in someone's words, an event nobody is named for
        // ("they continue ...") is left to the speaker's statement.
        let mut push_main = |event: Event| {
            let quoted = event
                .quote
                .is_some_and(|q| doc.quotes[q].kind == tidings_model::QuoteKind::Direct);
            if event.source.is_some() || !quoted {
                out.push(event);
            }
        };
        let main_hit = match main {
            Some((code, i)) => {
                push_main(ctx.event(&code, Anchor::Hit(i), sentence));
                Some(i)
            }
            None => {
                if let Some((code, anchor)) = ctx.fallback(class, &stands, demanded) {
                    push_main(ctx.event(&code, anchor, sentence));
                }
                None
            }
        };
        let code = out[first..].first().map(|e| e.cameo.clone());
        for (i, h) in hits.iter().enumerate() {
            // A negated trigger recoded as a refusal ("did not agree" ->
            // REJECT) also stands as what it literally says, negated.
            let recoded_negation =
                Some(i) == main_hit && code.as_ref() != Some(&h.code) && negated(h);
            if (Some(i) == main_hit && !recoded_negation)
                || h.kind != TriggerKind::Verb
                || !stands[i]
            {
                continue;
            }
            let Some(info) = cameo::info(&h.code) else {
                continue;
            };
            if info.plover == "STATEMENT" || out[first..].iter().any(|e| e.etype == info.plover) {
                continue;
            }
            if !recoded_negation
                && main_hit.is_some_and(|m| hits[m].first <= h.last && h.first <= hits[m].last)
            {
                continue;
            }
            if ctx.alleged(i) {
                continue;
            }
            let (cs, ce) = clause(&words.lower, h.first, h.last);
            let evidence = Span::new(tokens[cs].span.start, tokens[ce].span.end);
            let event = ctx.event(&h.code, Anchor::Hit(i), evidence);
            // Only the sentence's main event may lack a source: an event of
            // its own needs someone who did it.
            if event.source.is_some() {
                out.push(event);
            }
        }
    }
}

/// Verbs that carry on an event named by their object ("prosecuting their
/// invasion", "waged war"): the event is the object's.
const SUPPORT_VERBS: &[&str] = &[
    "prosecute",
    "prosecutes",
    "prosecuted",
    "prosecuting",
    "wage",
    "wages",
    "waged",
    "waging",
    "pursue",
    "pursues",
    "pursued",
    "pursuing",
    "continue",
    "continues",
    "continued",
    "continuing",
    "escalate",
    "escalates",
    "escalated",
    "escalating",
    "intensify",
    "intensifies",
    "intensified",
    "intensifying",
];

/// Join a support verb with the violent event noun it governs (through a
/// determiner, a possessive and up to two modifiers) into one trigger of
/// the noun's code, replacing both: "prosecuting their illegal invasion" is
/// an invasion, not a prosecution.
fn support_verbs(words: &[String], hits: Vec<Hit>) -> Vec<Hit> {
    let mut joined: Vec<Hit> = Vec::new();
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for (v, w) in words.iter().enumerate() {
        if !SUPPORT_VERBS.contains(&w.as_str()) {
            continue;
        }
        let object = hits.iter().find(|n| {
            n.kind == TriggerKind::Noun
                && n.first > v
                && n.first <= v + 4
                && cameo::root(&n.code).is_some_and(|r| r >= 18)
                && (v + 1..n.first).all(|k| {
                    let x = words[k].as_str();
                    shallow::is_determiner(x)
                        || x == "'s"
                        || (x.chars().all(char::is_alphabetic)
                            && !shallow::is_verb_form(x)
                            && !shallow::is_preposition(x)
                            && !shallow::is_auxiliary(x))
                })
        });
        if let Some(n) = object {
            joined.push(Hit {
                code: n.code.clone(),
                kind: TriggerKind::Verb,
                first: v,
                last: n.last,
                positions: n.positions + 1,
            });
            absorbed.push((v, n.last));
        }
    }
    let mut out: Vec<Hit> = hits
        .into_iter()
        .filter(|h| !absorbed.iter().any(|&(a, b)| a <= h.first && h.last <= b))
        .collect();
    out.extend(joined);
    out.sort_by_key(|h| h.first);
    out
}

/// A class with a trigger of its own in the sentence is preferred to a
/// likelier class without one when its probability is at least this share
/// of the likelier one's (chosen by cross-validation on the training part).
pub const SUPPORTED_CLASS_RATIO: f32 = 0.4;

/// The sentence's class: the likeliest, unless it has no trigger and a class
/// with a trigger is nearly as likely (`ratio`; 0 means always the likeliest
/// with a trigger, 1 never switches).
pub fn decide_class(probs: &[f32; 5], hits: &[Hit], ratio: f32) -> u8 {
    let best = super::classifier::argmax(probs);
    let supported = |c: usize| {
        hits.iter().any(|h| {
            cameo::penta(&h.code) == Some(c as u8)
                || cameo::request_in_class(&h.code, c as u8).is_some()
        })
    };
    if supported(best) {
        return best as u8;
    }
    (0..probs.len())
        .filter(|&c| supported(c) && probs[c] >= ratio * probs[best])
        .max_by(|&a, &b| probs[a].total_cmp(&probs[b]))
        .unwrap_or(best) as u8
}

/// The main event's code and trigger for a sentence of class `class`,
/// among the triggers that can stand (`stands`): the first verb or noun of
/// that class; else a request recoded as appeal or demand; else a material
/// trigger recoded as its verbal counterpart (an intent, a threat, a
/// refusal: see [`cameo::verbal_counterpart`]; not one that is demanded:
/// "must release" is no threat); else a reporting verb of
/// the class. `None` leaves the choice to
/// [`SentenceContext::fallback`].
fn main_trigger(
    hits: &[Hit],
    class: u8,
    negated: impl Fn(&Hit) -> bool,
    demanded: impl Fn(&Hit) -> bool,
    stands: impl Fn(usize) -> bool,
) -> Option<(String, usize)> {
    let of_class = |h: &Hit| cameo::penta(&h.code) == Some(class);
    let usable = |i: usize| stands(i).then_some(&hits[i]);
    let indices = || (0..hits.len()).filter_map(|i| usable(i).map(|h| (i, h)));
    if let Some((i, h)) = indices().find(|(_, h)| h.kind != TriggerKind::Report && of_class(h)) {
        return Some((h.code.clone(), i));
    }
    for (i, h) in indices() {
        if let Some(code) = cameo::request_in_class(&h.code, class) {
            return Some((code, i));
        }
    }
    for (i, h) in indices() {
        if h.kind == TriggerKind::Verb
            && !demanded(h)
            && let Some(code) = cameo::verbal_counterpart(&h.code, class, negated(h))
        {
            return Some((code, i));
        }
    }
    indices()
        .find(|(_, h)| of_class(h))
        .map(|(i, h)| (h.code.clone(), i))
}

/// Token range `(start, end)` (inclusive) of the clause around a trigger:
/// bounded by clause punctuation and by conjunctions that open a clause.
fn clause(words: &[String], first: usize, last: usize) -> (usize, usize) {
    let boundary = |w: &str| {
        matches!(
            w,
            ";" | ":"
                | ","
                | "—"
                | "–"
                | "("
                | ")"
                | "but"
                | "while"
                | "whereas"
                | "although"
                | "because"
        )
    };
    let start = (0..first)
        .rev()
        .find(|&i| boundary(&words[i]))
        .map_or(0, |i| i + 1);
    let end = (last + 1..words.len())
        .find(|&i| boundary(&words[i]))
        .map_or(words.len() - 1, |i| i.saturating_sub(1).max(last));
    (start, end)
}

/// What an event is anchored to: a lexicon trigger, or (for a sentence
/// the classifier types but no trigger of its class names) the main verb of
/// the sentence, by token index.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Hit(usize),
    Verb(usize),
}

/// Prepositions after an event noun that introduce one of its actors
/// ("the attack by rebels", "aggression from Moscow", "the invasion of
/// Ukraine").
const NOUN_ARGUMENT_PREPOSITIONS: &[&str] = &["by", "from", "of", "against", "on", "with"];

/// What is known about the sentence being coded.
struct SentenceContext<'a> {
    doc: &'a Document,
    sentence: Span,
    tokens: &'a [Token],
    words: &'a [String],
    hits: &'a [Hit],
    cands: &'a [Candidate],
}

impl SentenceContext<'_> {
    /// Whether trigger `i` can make or type an event where it stands:
    /// a reporting verb not in the infinitive ("the first president to say
    /// this" says nothing); a bare modal ("must") only as a demand with a
    /// subject and someone reporting it; a noun, or a verb used as one ("the
    /// negotiating table"), only with an actor in an argument position.
    fn stands(&self, i: usize) -> bool {
        let h = &self.hits[i];
        let w = |k: usize| self.words[k].as_str();
        if h.kind == TriggerKind::Report {
            return !shallow::is_infinitive(self.words, h.first);
        }
        if h.first == h.last && matches!(w(h.first), "must" | "should") {
            return self.reported_demand(h);
        }
        let nominal = h.kind == TriggerKind::Noun
            || (h.first == h.last && shallow::is_nominal_use(self.words, h.first));
        !nominal || self.has_argument(h)
    }

    /// "He said X must ...": a third-party subject right before the modal
    /// (an actor, "the rebels in Darfur", or "it", "they": not "we"), and
    /// someone demanding it (an
    /// actor before it, or a quote around it with a speaker).
    fn reported_demand(&self, h: &Hit) -> bool {
        let subject = h.first > 0
            && (self.cands.iter().any(|c| c.last + 1 == h.first)
                || matches!(
                    self.words[h.first - 1].as_str(),
                    "it" | "they" | "he" | "she"
                ));
        let reported = self.cands.iter().any(|c| !c.place && c.last + 1 < h.first);
        let at = self.tokens[h.first].span;
        let quoted = self
            .doc
            .quotes
            .iter()
            .any(|q| q.span.contains(at) && q.speaker.is_some());
        subject && (reported || quoted)
    }

    /// An actor in an argument position of the nominal trigger `h`: the
    /// noun itself names the actors ("protesters"); its possessor or
    /// modifier ("Russia's invasion", "Israeli airstrikes", "Paris talks");
    /// the subject of the verb it is the object of ("Putin launched a
    /// mediation effort"); or after "by", "from", "of" and the like ("the
    /// missiles fired by the Israeli military").
    fn has_argument(&self, h: &Hit) -> bool {
        let w = |k: usize| self.words[k].as_str();
        let actor_at = |k: usize| {
            self.cands
                .iter()
                .any(|c| !c.place && c.first <= k && k <= c.last)
        };
        if actor_at(h.first) {
            return true;
        }
        let mut k = h.first;
        let mut skipped = 0;
        while k > 0 && skipped < 3 {
            let prev = w(k - 1);
            if actor_at(k - 1) {
                return true;
            }
            // "put under investigation", "went on strike": a past verb and
            // a bare preposition (not "decided at the negotiating table").
            if shallow::is_preposition(prev)
                && skipped == 0
                && k >= 2
                && shallow::is_past(w(k - 2))
                && !shallow::is_preposition(w(k - 2))
            {
                return true;
            }
            if shallow::is_verb_form(prev) && !shallow::is_preposition(prev) {
                // The object of a finite verb: its subject acts ("Putin
                // launched a mediation effort", "workers began a strike");
                // not the object of a modifier ("military planning talks").
                return !prev.ends_with("ing");
            }
            if shallow::is_determiner(prev) {
                k -= 1;
                skipped += 1;
                continue;
            }
            let modifier = prev == "'s"
                || (prev.chars().all(char::is_alphabetic)
                    && !shallow::is_determiner(prev)
                    && !shallow::is_preposition(prev)
                    && !shallow::is_auxiliary(prev)
                    && !shallow::is_clause_opener(prev)
                    && !shallow::is_past(prev));
            if !modifier {
                break;
            }
            k -= 1;
            skipped += 1;
        }
        let mut j = h.last + 1;
        if j + 1 < self.words.len() && shallow::is_past(w(j)) && w(j + 1) == "by" {
            j += 1;
        }
        if j >= self.words.len() || !NOUN_ARGUMENT_PREPOSITIONS.contains(&w(j)) {
            return false;
        }
        j += 1;
        while j < self.words.len() && shallow::is_determiner(w(j)) {
            j += 1;
        }
        j < self.words.len() && actor_at(j)
    }

    /// Trigger `i` is what an accusation alleges ("accused him of playing
    /// games and attempting to ... continue assaults"): the accusation is
    /// the event, its content is not.
    fn alleged(&self, i: usize) -> bool {
        let h = &self.hits[i];
        let (cs, _) = clause(self.words, h.first, h.last);
        self.hits[..i].iter().any(|a| {
            a.first >= cs
                && a.last < h.first
                && cameo::info(&a.code).is_some_and(|info| info.plover == "ACCUSE")
        })
    }

    /// The main event of a sentence that no standing trigger of its class
    /// names: anchored to the main verb after the sentence's subject actor
    /// and typed by the class's default code. A reporting verb that opens a
    /// quotation ("He said: ...") makes a statement instead; one that
    /// reports a clause ("Lebanon says it will not accept ...") passes the
    /// anchor to that clause's verb when it has an actor subject. No actor
    /// subject or no verb (a copula: "It is a classic"), no event, unless a
    /// reporting verb stands.
    fn fallback(
        &self,
        class: u8,
        stands: &[bool],
        demanded: impl Fn(&Hit) -> bool,
    ) -> Option<(String, Anchor)> {
        let report_at = |tok: usize| {
            self.hits
                .iter()
                .position(|h| h.kind == TriggerKind::Report && h.first == tok)
        };
        let report = || {
            (0..self.hits.len())
                .find(|&i| self.hits[i].kind == TriggerKind::Report && stands[i])
                .map(|i| (self.hits[i].code.clone(), Anchor::Hit(i)))
        };
        let default = || cameo::default_code(class).to_string();
        let Some(verb) = self.main_verb_after(0) else {
            return report().or_else(|| self.first_verb().map(|v| (default(), Anchor::Verb(v))));
        };
        let Some(r) = report_at(verb) else {
            // A demanded action is coded as itself, demanded ("the rebels
            // must release the hostages": RETREAT), not as the class's
            // default.
            if let Some(i) = (0..self.hits.len()).find(|&i| {
                let h = &self.hits[i];
                h.first == verb && h.kind == TriggerKind::Verb && stands[i] && demanded(h)
            }) {
                return Some((self.hits[i].code.clone(), Anchor::Hit(i)));
            }
            return Some((default(), Anchor::Verb(verb)));
        };
        if shallow::introduces_quote(self.words, self.hits[r].last) {
            return stands[r].then(|| (self.hits[r].code.clone(), Anchor::Hit(r)));
        }
        let embedded = self.main_verb_after(self.hits[r].last + 1).unwrap_or(verb);
        Some((default(), Anchor::Verb(embedded)))
    }

    /// Token `i` starts with a capital letter.
    fn capitalised(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
            && self
                .doc
                .slice(self.tokens[i].span)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The first past or "-ing" verb of a plain sentence whose subject is
    /// no actor ("Flights supporting the evacuation ... occurred"), or a
    /// headline's second word ("Obama Increases ..."): not in quoted
    /// speech, not after an opening pronoun ("It is ...").
    fn first_verb(&self) -> Option<usize> {
        let quoted = self
            .words
            .iter()
            .any(|w| w.chars().any(crate::segment::is_quote_char));
        let pronoun = self.words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "it" | "he" | "she" | "they" | "we" | "i" | "you" | "this" | "that" | "there"
            )
        });
        if quoted || pronoun {
            return None;
        }
        (1..self.words.len()).find(|&i| {
            let w = &self.words[i];
            shallow::is_past(w)
                || (w.len() > 5 && w.ends_with("ing") && !w.ends_with("ning"))
                || (i == 1 && shallow::is_verb_form(w) && self.capitalised(i))
        })
    }

    /// The main verb after the first actor at or after token `from` that
    /// is not the object of a preposition.
    /// A capitalised run opening the sentence stands in when no actor does.
    fn main_verb_after(&self, from: usize) -> Option<usize> {
        let subject = self
            .cands
            .iter()
            .find(|c| {
                c.first >= from
                    && !c.place
                    && !(c.first > 0 && shallow::is_preposition(&self.words[c.first - 1]))
                    && !(c.first > 1
                        && shallow::is_determiner(&self.words[c.first - 1])
                        && shallow::is_preposition(&self.words[c.first - 2]))
            })
            .map(|c| (c.first, c.last));
        let leading = (from == 0)
            .then(|| actors::leading_name(self.doc, self.tokens, self.words))
            .flatten();
        let subject_last = match (subject, leading) {
            (Some((first, _)), Some(lead)) if lead < first => lead,
            (Some((_, last)), _) => last,
            (None, lead) => lead?,
        };
        let candidate_at = |i: usize| self.cands.iter().any(|c| c.first <= i && i <= c.last);
        let is_name = |i: usize| {
            let capitalised = self.tokens[i].kind == TokenKind::Word
                && self
                    .doc
                    .slice(self.tokens[i].span)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            // A headline's verb is capitalised too ("Obama Increases ...").
            let headline_verb = i == subject_last + 1 && shallow::is_verb_form(&self.words[i]);
            candidate_at(i) || (capitalised && !headline_verb)
        };
        shallow::main_verb(self.words, subject_last, is_name)
    }

    fn event(&self, code: &str, anchor: Anchor, evidence: Span) -> Event {
        let info = cameo::info(code);
        let (first, last, hit) = match anchor {
            Anchor::Hit(i) => (self.hits[i].first, self.hits[i].last, self.hits[i].clone()),
            Anchor::Verb(t) => (
                t,
                t,
                Hit {
                    code: code.to_string(),
                    kind: TriggerKind::Verb,
                    first: t,
                    last: t,
                    positions: 0,
                },
            ),
        };
        let clause = clause(self.words, first, last);
        let trigger = Span::new(self.tokens[first].span.start, self.tokens[last].span.end);
        let symmetric = info.is_some_and(|i| matches!(i.plover, "AGREE" | "CONSULT" | "COOPERATE"))
            || code.starts_with("057");
        let (source, target) =
            actors::assign(self.words, self.cands, self.hits, &hit, clause, symmetric);
        let doc = self.doc;
        let mut source = source.map(|w| w.actor(doc));
        let target = target.map(|w| w.actor(doc));
        let quote = self
            .doc
            .quotes
            .iter()
            .position(|q| q.span.contains(trigger));
        let speaker = |q: &tidings_model::Quote| {
            let speaker = q.speaker.as_ref()?;
            Some(Actor::new(speaker.entity.clone(), speaker.name.clone()?))
        };
        // A reporting verb's source is the speaker the quote layer found
        // for it ("Speaking to Sky News, Pat McFadden said: ...").
        if hit.kind == TriggerKind::Report
            && let Some(s) = self
                .doc
                .quotes
                .iter()
                .filter(|q| q.cue.is_some_and(|c| c.overlaps(trigger)))
                .find_map(speaker)
        {
            source = Some(s);
        }
        // Inside a quote, the speaker did it when the subject is "we" or
        // "I", or when what is done is a speech act with no subject of its
        // own (not an infinitive: "tools to pressure Russia").
        if source.is_none()
            && let Some(s) = quote.and_then(|q| speaker(&self.doc.quotes[q]))
        {
            let first_person =
                (clause.0..first).any(|i| matches!(self.words[i].as_str(), "i" | "we"));
            let verbal = cameo::penta(code).is_some_and(|c| matches!(c, 0 | 1 | 3));
            if first_person || (verbal && !shallow::is_infinitive(self.words, first)) {
                source = Some(s);
            }
        }
        Event {
            etype: info.map_or("STATEMENT", |i| i.plover).to_string(),
            mode: info.and_then(|i| i.mode).map(str::to_string),
            cameo: code.to_string(),
            span: evidence,
            trigger: Some(trigger),
            source,
            target,
            date: dating::date(self.doc, self.sentence, trigger),
            place: actors::place(self.cands, clause, first).map(|w| w.actor(doc)),
            modality: modality::detect(self.words, clause.0, first),
            quote,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn clauses_stop_at_punctuation_and_conjunctions() {
        let words = w("he came , but they attacked the town ; then left");
        assert_eq!(clause(&words, 5, 5), (4, 7));
        assert_eq!(clause(&words, 0, 0), (0, 1));
    }

    #[test]
    fn main_trigger_follows_the_class() {
        let no = |_: &Hit| false;
        let all = |_: usize| true;
        let code = |hits: &[Hit], class: u8| main_trigger(hits, class, no, no, all).map(|m| m.0);
        let lex = Lexicon::builtin();
        let words: Vec<String> = w("rebels accused the army and attacked the base");
        let hits = lex.find(&words);
        assert_eq!(code(&hits, 3).as_deref(), Some("112"));
        assert_eq!(code(&hits, 4).as_deref(), Some("190"));
        assert_eq!(code(&hits, 2), None);
        let words = w("they urged the government to act");
        let hits = lex.find(&words);
        assert_eq!(code(&hits, 0).as_deref(), Some("020"));
        assert_eq!(code(&hits, 3).as_deref(), Some("100"));
        let words = w("the un will provide food aid to refugees");
        let hits = lex.find(&words);
        assert_eq!(code(&hits, 1).as_deref(), Some("0333"));
        assert_eq!(code(&hits, 2).as_deref(), Some("073"));
        let words = w("they will not release the hostages");
        let hits = lex.find(&words);
        let negated = main_trigger(&hits, 3, |_: &Hit| true, no, all).map(|m| m.0);
        assert_eq!(negated.as_deref(), Some("1243"));
        // A trigger that cannot stand is passed over.
        assert_eq!(main_trigger(&hits, 3, |_: &Hit| true, no, |_| false), None);
    }
}
