//! Places that stand for their governments: "Kyiv", "Washington", "Moscow",
//! "the White House".
//!
//! A capital or a seat of government ([`SEATS`]) is a metonym unless it is
//! used as a place: after a locative preposition or verb of travel ("talks
//! in Paris", "at the White House", "visited Moscow"), or as a modifier
//! ("Paris talks"), or before a place it contains ("London's Northwood
//! headquarters"). A country is a metonym only as the subject of a speech
//! or action verb ("the US is pushing", "Ukraine and Russia agreed").

use tidings_model::{Document, MentionKind, Span, TokenKind};

use super::draft::Draft;
use super::gazetteer::PlaceKind;
use super::names::NameForm;

/// Seats of government (folded names) and the country they govern (ISO alpha-2).
pub const SEATS: &[(&str, &str)] = &[
    ("white house", "US"),
    ("pentagon", "US"),
    ("capitol hill", "US"),
    ("foggy bottom", "US"),
    ("kremlin", "RU"),
    ("downing street", "GB"),
    ("number 10", "GB"),
    ("no 10", "GB"),
    ("whitehall", "GB"),
    ("elysee", "FR"),
    ("elysee palace", "FR"),
    ("quai dorsay", "FR"),
    ("zhongnanhai", "CN"),
    ("bankova", "UA"),
    ("blue house", "KR"),
    ("chancellery", "DE"),
];

/// Words before a place that make it a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "to",
    "into",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "through",
    "toward",
    "towards",
    "via",
    "from",
    "visit",
    "visits",
    "visited",
    "visiting",
    "arrived",
    "arrives",
    "flew",
    "fly",
    "travelled",
    "traveled",
    "returned",
    "reached",
    "leave",
    "left",
    "of",
    "central",
    "downtown",
];

/// Auxiliaries and adverbs between a subject and its verb.
const BETWEEN: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "has",
    "been",
    "also",
    "not",
    "now",
    "already",
    "still",
    "reportedly",
    "repeatedly",
    "then",
    "again",
    "swiftly",
    "quickly",
    "firmly",
];

/// Speech and action verbs, as lemmas.
const VERBS: &[&str] = &[
    "say",
    "tell",
    "announce",
    "accuse",
    "warn",
    "insist",
    "demand",
    "agree",
    "reject",
    "refuse",
    "deny",
    "want",
    "plan",
    "push",
    "threaten",
    "respond",
    "claim",
    "urge",
    "sign",
    "launch",
    "impose",
    "sanction",
    "condemn",
    "welcome",
    "call",
    "order",
    "send",
    "offer",
    "propose",
    "attack",
    "strike",
    "invade",
    "deploy",
    "expel",
    "recognise",
    "recognize",
    "approve",
    "veto",
    "back",
    "support",
    "oppose",
    "blame",
    "criticise",
    "criticize",
    "praise",
    "pledge",
    "promise",
    "vow",
    "seek",
    "ask",
    "press",
    "pressure",
    "negotiate",
    "meet",
    "host",
    "invite",
    "suspend",
    "halt",
    "resume",
    "cut",
    "ban",
    "block",
    "retaliate",
    "confirm",
    "declare",
    "argue",
    "decide",
    "accept",
    "allow",
    "fire",
    "shell",
    "bomb",
    "arrest",
    "detain",
    "release",
    "withdraw",
    "boost",
    "increase",
    "raise",
    "cancel",
    "summon",
    "protest",
    "complain",
    "appeal",
    "sue",
    "step",
    "pause",
    "mobilise",
    "mobilize",
    "help",
    "aid",
    "provide",
    "supply",
    "give",
    "grant",
    "lend",
    "fund",
    "pay",
    "buy",
    "sell",
    "insist",
    "signal",
    "dismiss",
    "hit",
    "vote",
    "pass",
    "adopt",
    "end",
    "stop",
    "start",
    "begin",
    "seize",
    "capture",
    "annex",
    "occupy",
    "target",
];

/// Irregular past forms of [`VERBS`].
const IRREGULAR: &[&str] = &[
    "said",
    "told",
    "sent",
    "struck",
    "sought",
    "gave",
    "given",
    "paid",
    "sold",
    "bought",
    "met",
    "lent",
    "withdrew",
    "withdrawn",
    "began",
    "begun",
    "cut",
    "hit",
    "shot",
];

/// The seat-of-government country of a name, if it is one.
pub fn seat_of(form: &NameForm) -> Option<&'static str> {
    let f = form.words.join(" ");
    SEATS.iter().find(|(s, _)| *s == f).map(|&(_, c)| c)
}

/// Is `w` (lower case) a form of a speech or action verb?
pub fn is_action_verb(w: &str) -> bool {
    if IRREGULAR.contains(&w) || VERBS.contains(&w) {
        return true;
    }
    let stems = |suffix: &str| -> Vec<String> {
        let Some(stem) = w.strip_suffix(suffix) else {
            return Vec::new();
        };
        let mut v = vec![stem.to_string(), format!("{stem}e")];
        // stepped, stopped: doubled final consonant.
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            v.push(stem[..stem.len() - 1].to_string());
        }
        if let Some(s) = stem.strip_suffix('i') {
            v.push(format!("{s}y"));
        }
        v
    };
    ["s", "es", "ed", "d", "ing"]
        .iter()
        .flat_map(|s| stems(s))
        .any(|l| VERBS.contains(&l.as_str()))
}

/// Mark metonymic name mentions of places.
pub fn mark(doc: &Document, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let government_like = d.seat.is_some() || matches!(&d.place, Some((_, PlaceKind::Capital)));
        if !government_like && !d.is_country() {
            continue;
        }
        for m in d
            .mentions
            .iter_mut()
            .filter(|m| m.kind == MentionKind::Name)
        {
            m.metonym = if government_like {
                capital_as_government(doc, m.span)
            } else {
                is_subject_of_action(doc, m.span)
            };
        }
    }
}

fn tok_after(doc: &Document, at: usize) -> usize {
    doc.tokens.partition_point(|t| t.span.start < at)
}

fn text_of(doc: &Document, i: usize) -> Option<&str> {
    doc.tokens.get(i).map(|t| doc.slice(t.span))
}

fn is_capitalised(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Word && doc.slice(t.span).starts_with(char::is_uppercase)
    })
}

/// Does a speech or action verb follow `span` as its subject's verb?
/// "Washington is pushing", "Ukraine and Russia agreed".
pub fn is_subject_of_action(doc: &Document, span: Span) -> bool {
    let mut k = tok_after(doc, span.end);
    // Skip a conjoined name: "Ukraine and Russia agreed".
    if text_of(doc, k) == Some("and") {
        let mut j = k + 1;
        if text_of(doc, j).is_some_and(|s| s.eq_ignore_ascii_case("the")) {
            j += 1;
        }
        if is_capitalised(doc, j) {
            while is_capitalised(doc, j) {
                j += 1;
            }
            k = j;
        }
    }
    for _ in 0..4 {
        let Some(t) = doc.tokens.get(k) else {
            return false;
        };
        let w = doc.slice(t.span).to_lowercase();
        if t.kind == TokenKind::Quote {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            return false;
        }
        if is_action_verb(&w) {
            return true;
        }
        if !BETWEEN.contains(&w.as_str()) {
            return false;
        }
        k += 1;
    }
    false
}

fn capital_as_government(doc: &Document, span: Span) -> bool {
    let first = tok_after(doc, span.start);
    let mut p = first;
    // Look past "the" of "the White House".
    while p > 0 && text_of(doc, p - 1).is_some_and(|s| s.eq_ignore_ascii_case("the")) {
        p -= 1;
    }
    if p > 0 && text_of(doc, p - 1).is_some_and(|s| LOCATIVE.contains(&s.to_lowercase().as_str())) {
        return false;
    }
    if is_subject_of_action(doc, span) {
        return true;
    }
    let next = tok_after(doc, span.end);
    match text_of(doc, next) {
        // "London's Northwood headquarters" is a place; "Kyiv's military chiefs" is not.
        Some("'s" | "’s") => !is_capitalised(doc, next + 1),
        // "Paris talks": a modifier.
        Some(w)
            if w.starts_with(char::is_lowercase) && doc.tokens[next].kind == TokenKind::Word =>
        {
            BETWEEN.contains(&w) || matches!(w, "and" | "or" | "that" | "which" | "to")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::resolve::fold::fold;

    #[test]
    fn verb_forms() {
        for w in [
            "said", "agreed", "pushing", "accuses", "stepped", "urged", "denies",
        ] {
            assert!(is_action_verb(w), "{w}");
        }
        for w in ["city", "talks", "is", "the"] {
            assert!(!is_action_verb(w), "{w}");
        }
    }

    #[test]
    fn seats() {
        assert_eq!(seat_of(&NameForm::new("White House")), Some("US"));
        assert_eq!(seat_of(&NameForm::new("Kremlin")), Some("RU"));
        assert_eq!(seat_of(&NameForm::new("Kyiv")), None);
        assert_eq!(fold("Élysée"), "elysee");
    }
}
