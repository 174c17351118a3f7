//! The event coder: sentences in, PLOVER/CAMEO events out.
//!
//! Per sentence: the trigger lexicon finds candidate triggers; the learned
//! classifier picks the sentence's CAMEO PentaClass from words, bigrams and
//! those triggers. The sentence's main event is the first trigger of that
//! class (a request switches between appeal and demand codes to fit it),
//! else the class's default code; its evidence is the whole sentence, so it
//! comes first. Every other verbal trigger of a different PLOVER type makes
//! an event of its own, with its clause as evidence, and so does a negated
//! trigger recoded as a refusal ("did not agree": REJECT, and AGREE negated). Each event then gets
//! its actors, place, date, modality and quote.

use tidings_model::{Actor, Document, Event, Modality, Span, Token, TokenKind};

use super::actors::{self, Candidate, MentionIndex};
use super::cameo;
use super::classifier::{Classifier, ModelError};
use super::dating;
use super::features::{self, Words};
use super::lexicon::{Hit, Lexicon, TriggerKind};
use super::modality;

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
        let mentions = MentionIndex::new(doc);
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
        let cands = actors::candidates(doc, mentions, tokens, &words.lower);
        let n_words = words.is_word.iter().filter(|&&w| w).count();
        if hits.is_empty() && (cands.is_empty() || n_words < MIN_WORDS_WITHOUT_TRIGGER) {
            return;
        }
        let probs = self
            .classifier
            .probabilities(&features::extract(&words, &hits));
        let class = decide_class(&probs, &hits, SUPPORTED_CLASS_RATIO);
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
        let (code, main) = main_trigger(&hits, class, negated);
        let first = out.len();
        out.push(ctx.event(&code, main, sentence));
        for (i, h) in hits.iter().enumerate() {
            // A negated trigger recoded as a refusal ("did not agree" ->
            // REJECT) also stands as what it literally says, negated.
            let recoded_negation = Some(i) == main && h.code != code && negated(h);
            if (Some(i) == main && !recoded_negation) || h.kind != TriggerKind::Verb {
                continue;
            }
            let Some(info) = cameo::info(&h.code) else {
                continue;
            };
            if info.plover == "STATEMENT" || out[first..].iter().any(|e| e.etype == info.plover) {
                continue;
            }
            if !recoded_negation
                && main.is_some_and(|m| hits[m].first <= h.last && h.first <= hits[m].last)
            {
                continue;
            }
            let (cs, ce) = clause(&words.lower, h.first, h.last);
            let evidence = Span::new(tokens[cs].span.start, tokens[ce].span.end);
            out.push(ctx.event(&h.code, Some(i), evidence));
        }
    }
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

/// The main event's code and trigger for a sentence of class `class`: the
/// first trigger of that class; else a request recoded as appeal or demand;
/// else a material trigger recoded as its verbal counterpart (an intent, a
/// threat, a refusal: see [`cameo::verbal_counterpart`]); else a noun or
/// reporting trigger of the class; else the class's default code.
fn main_trigger(
    hits: &[Hit],
    class: u8,
    negated: impl Fn(&Hit) -> bool,
) -> (String, Option<usize>) {
    let of_class = |h: &Hit| cameo::penta(&h.code) == Some(class);
    let action = |h: &Hit| h.kind != TriggerKind::Report;
    if let Some(i) = hits.iter().position(|h| action(h) && of_class(h)) {
        return (hits[i].code.clone(), Some(i));
    }
    for (i, h) in hits.iter().enumerate() {
        if let Some(code) = cameo::request_in_class(&h.code, class) {
            return (code, Some(i));
        }
    }
    for (i, h) in hits.iter().enumerate() {
        if h.kind == TriggerKind::Verb
            && let Some(code) = cameo::verbal_counterpart(&h.code, class, negated(h))
        {
            return (code, Some(i));
        }
    }
    if let Some(i) = hits.iter().position(of_class) {
        return (hits[i].code.clone(), Some(i));
    }
    (cameo::default_code(class).to_string(), None)
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
    fn event(&self, code: &str, hit: Option<usize>, evidence: Span) -> Event {
        let info = cameo::info(code);
        let (first, last) = match hit {
            Some(i) => (self.hits[i].first, self.hits[i].last),
            None => (0, 0),
        };
        let clause = clause(self.words, first, last);
        let trigger =
            hit.map(|_| Span::new(self.tokens[first].span.start, self.tokens[last].span.end));
        let anchor = trigger.unwrap_or(evidence);
        let symmetric = info.is_some_and(|i| matches!(i.plover, "AGREE" | "CONSULT" | "COOPERATE"));
        let (source, target) = match hit {
            Some(i) => actors::assign(
                self.words,
                self.cands,
                self.hits,
                &self.hits[i],
                clause,
                symmetric,
            ),
            None => {
                let pseudo = Hit {
                    code: code.to_string(),
                    kind: TriggerKind::Verb,
                    first: self.words.len() / 2,
                    last: self.words.len() / 2,
                    positions: 0,
                };
                let whole = (0, self.words.len().saturating_sub(1));
                actors::assign(self.words, self.cands, self.hits, &pseudo, whole, symmetric)
            }
        };
        let doc = self.doc;
        let mut source = source.map(|w| w.actor(doc));
        let target = target.map(|w| w.actor(doc));
        let quote =
            self.doc.quotes.iter().position(|q| {
                q.span.contains(anchor) || (hit.is_none() && q.span.overlaps(evidence))
            });
        if source.is_none()
            && let Some(speaker) = quote.and_then(|q| self.doc.quotes[q].speaker.as_ref())
            && let Some(name) = speaker.name.clone()
        {
            source = Some(Actor {
                entity: speaker.entity.clone(),
                name,
            });
        }
        let modality = match hit {
            Some(_) => modality::detect(self.words, clause.0, first),
            None => Modality::Asserted,
        };
        Event {
            etype: info.map_or("STATEMENT", |i| i.plover).to_string(),
            mode: info.and_then(|i| i.mode).map(str::to_string),
            cameo: code.to_string(),
            span: evidence,
            trigger,
            source,
            target,
            date: dating::date(self.doc, self.sentence, anchor),
            place: actors::place(self.cands, clause, first).map(|w| w.actor(doc)),
            modality,
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
        let lex = Lexicon::builtin();
        let words: Vec<String> = w("rebels accused the army and attacked the base");
        let hits = lex.find(&words);
        assert_eq!(main_trigger(&hits, 3, no).0, "112");
        assert_eq!(main_trigger(&hits, 4, no).0, "190");
        assert_eq!(main_trigger(&hits, 2, no).0, "060");
        let words = w("they urged the government to act");
        let hits = lex.find(&words);
        assert_eq!(main_trigger(&hits, 0, no).0, "020");
        assert_eq!(main_trigger(&hits, 3, no).0, "100");
        let words = w("the un will provide food aid to refugees");
        let hits = lex.find(&words);
        assert_eq!(main_trigger(&hits, 1, no).0, "0333");
        assert_eq!(main_trigger(&hits, 2, no).0, "073");
        let words = w("they will not release the hostages");
        let hits = lex.find(&words);
        assert_eq!(main_trigger(&hits, 3, |_: &Hit| true).0, "1243");
    }
}
