//! The tense of the clause around a time expression, enough to decide
//! whether a bare "Friday" or "in April" lies before or after publication.
//!
//! No parser: the nearest tense-bearing word within the sentence decides,
//! looking a few words either side (left first on ties) and not across a
//! semicolon or a quotation mark. Future markers ("will", "would",
//! "scheduled", "expected", "plans") are checked before past forms, so
//! "planned to leave on Thursday" reads as future.

use super::words::Word;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// How far from the expression to look, in words.
const REACH: usize = 10;

/// The tense of the clause holding words `start..end` of `ws`.
pub fn tense_around(ws: &[Word], start: usize, end: usize) -> Tense {
    let mut left_open = true;
    let mut right_open = true;
    for d in 1..=REACH {
        if left_open && start >= d {
            let w = &ws[start - d];
            if is_boundary(w) {
                left_open = false;
            } else if let Some(t) = marker(ws, start - d) {
                return t;
            }
        }
        let r = end + d - 1;
        if right_open && r < ws.len() {
            let w = &ws[r];
            if is_boundary(w) {
                right_open = false;
            } else if let Some(t) = marker(ws, r) {
                return t;
            }
        }
    }
    Tense::Unknown
}

fn is_boundary(w: &Word) -> bool {
    matches!(
        w.lower,
        ";" | "``" | "''" | "\"" | "“" | "”" | "--" | "—" | "(" | ")"
    )
}

/// The tense word `i` signals, if any.
fn marker(ws: &[Word], i: usize) -> Option<Tense> {
    let w = ws[i].lower;
    let before = |k: usize| i.checked_sub(k).map_or("", |j| ws[j].lower);
    if is_future_word(w) || w == "to" && is_intention_word(before(1)) {
        // "had been scheduled", "was expected", "were planning": a past plan.
        let past_aux = |x: &str| matches!(x, "had" | "was" | "were" | "been");
        if !matches!(w, "will" | "'ll" | "shall" | "wo")
            && (past_aux(before(1)) || past_aux(before(2)))
        {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    if is_present_word(w) {
        return Some(Tense::Present);
    }
    if is_past_word(w) || is_regular_past(w) {
        // "could be held", "has been scheduled": a participle after an
        // auxiliary; the auxiliary decides.
        if matches!(
            before(1),
            "be" | "been" | "being" | "is" | "are" | "'s" | "'re" | "to"
        ) {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

fn is_future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "wo"
            | "would"
            | "going"
            | "planned"
            | "plans"
            | "plan"
            | "expected"
            | "expects"
            | "scheduled"
            | "due"
            | "intends"
            | "intend"
            | "upcoming"
            | "next"
            | "tomorrow"
            | "later"
            | "soon"
            | "deadline"
            | "planning"
            | "ahead"
    )
}

fn is_intention_word(w: &str) -> bool {
    matches!(
        w,
        "set" | "hopes" | "aims" | "wants" | "agreed" | "likely" | "is" | "are" | "ready"
    )
}

fn is_present_word(w: &str) -> bool {
    matches!(w, "is" | "are" | "am" | "'re" | "says" | "say")
}

fn is_past_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "went"
            | "came"
            | "met"
            | "told"
            | "took"
            | "gave"
            | "made"
            | "left"
            | "began"
            | "fell"
            | "rose"
            | "saw"
            | "found"
            | "got"
            | "held"
            | "led"
            | "sent"
            | "spent"
            | "won"
            | "lost"
            | "paid"
            | "sold"
            | "bought"
            | "brought"
            | "thought"
            | "wrote"
            | "spoke"
            | "struck"
            | "shot"
            | "became"
            | "broke"
            | "built"
            | "caught"
            | "chose"
            | "drove"
            | "flew"
            | "fought"
            | "knew"
            | "ran"
            | "sat"
            | "stood"
            | "understood"
            | "killed"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "since"
            | "been"
            | "slid"
            | "sank"
            | "hit"
            | "quit"
            | "grew"
            | "drew"
            | "felt"
            | "heard"
            | "kept"
            | "meant"
            | "read"
            | "shut"
            | "split"
            | "swept"
            | "threw"
            | "wore"
            | "hung"
            | "fled"
            | "dealt"
            | "forgot"
            | "froze"
    )
}

/// "-ed" forms, less a few common words that only look like them.
fn is_regular_past(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "need"
                | "speed"
                | "indeed"
                | "hundred"
                | "united"
                | "breed"
                | "proceed"
                | "succeed"
                | "exceed"
                | "embed"
                | "seed"
                | "feed"
                | "weed"
                | "bleed"
                | "limited"
                | "based"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;
    use crate::time::words::Lowered;

    fn tense(text: &str, at: &str) -> Tense {
        let toks = tokenize(text);
        let lowered = Lowered::new(text, &toks);
        let ws = lowered.words(text, &toks);
        let i = ws.iter().position(|w| w.raw == at).unwrap();
        tense_around(&ws, i, i + 1)
    }

    #[test]
    fn nearest_marker_decides() {
        assert_eq!(
            tense("The minister said on Friday that talks failed.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense("The minister will travel to Rome on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense("The team planned to leave on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(tense("Talks on Friday.", "Friday"), Tense::Unknown);
    }
}
