//! Modality: whether an event is said to have happened, and how.
//!
//! Cue words in the trigger's clause before the trigger decide, in order of
//! precedence: negated ("did not agree", "refused to"), hypothetical ("if ...
//! would", "could", "may", "whether", what a deterrent is to prevent:
//! "deter X from attacking"), demanded ("must", "should", "urged ... to"),
//! intended ("plan to", "will", "pledged to", reported "would", "its intent
//! to", "a strategy to"), else asserted. A bare infinitive ("to support
//! Kyiv") is intended too, unless an aspect verb governs it ("began to
//! withdraw"). Negation reaches three tokens back, the others the whole
//! clause up to eight tokens.

use tidings_model::Modality;

const NEGATION_REACH: usize = 3;
const CUE_REACH: usize = 8;

/// The modality of a trigger starting at `trigger` in `words` (lower-cased
/// tokens of its sentence), whose clause starts at `clause_start`.
pub fn detect<S: AsRef<str>>(words: &[S], clause_start: usize, trigger: usize) -> Modality {
    let w = |i: usize| words[i].as_ref();
    let from = clause_start.max(trigger.saturating_sub(CUE_REACH));
    let near = trigger.saturating_sub(NEGATION_REACH).max(clause_start);
    let window = from..trigger;
    let has = |pred: &dyn Fn(&str) -> bool| window.clone().any(|i| pred(w(i)));
    if (near..trigger).any(|i| {
        matches!(w(i), "not" | "n't" | "never" | "no" | "neither" | "nor")
            || matches!(
                w(i),
                "refused" | "refuses" | "refuse" | "failed" | "declined"
            )
    }) {
        return Modality::Negated;
    }
    let if_before = (0..trigger).any(|i| matches!(w(i), "if" | "unless" | "whether"));
    let prevented = trigger > 0
        && w(trigger - 1) == "from"
        && window.clone().any(|i| {
            matches!(
                w(i),
                "deter"
                    | "deters"
                    | "deterred"
                    | "prevent"
                    | "prevents"
                    | "prevented"
                    | "stop"
                    | "stops"
                    | "stopped"
                    | "discourage"
                    | "dissuade"
                    | "bar"
                    | "barred"
                    | "keep"
                    | "keeps"
            )
        });
    if prevented || has(&|x| x == "whether") {
        return Modality::Hypothetical;
    }
    let conditional = has(&|x| matches!(x, "would" | "could" | "might" | "may" | "'d"));
    if (if_before && (conditional || has(&|x| matches!(x, "if" | "unless"))))
        || has(&|x| matches!(x, "could" | "might" | "may" | "possible" | "possibly"))
    {
        return Modality::Hypothetical;
    }
    let demand_at = (from..=trigger.min(words.len().saturating_sub(1))).any(|i| {
        matches!(
            w(i),
            "must"
                | "should"
                | "ought"
                | "urged"
                | "urges"
                | "urge"
                | "demanded"
                | "demands"
                | "demand"
        ) || (w(i) == "need" || w(i) == "needs") && i + 1 < words.len() && w(i + 1) == "to"
            || w(i) == "called" && i + 1 < words.len() && matches!(w(i + 1), "on" | "for")
    });
    if demand_at {
        return Modality::Demanded;
    }
    if has(&|x| {
        matches!(
            x,
            "will"
                | "'ll"
                | "would"
                | "plan"
                | "plans"
                | "planned"
                | "planning"
                | "intend"
                | "intends"
                | "intended"
                | "aim"
                | "aims"
                | "pledged"
                | "pledge"
                | "promised"
                | "vowed"
                | "prepare"
                | "prepares"
                | "preparing"
                | "expected"
                | "going"
                | "set"
                | "ready"
                | "offered"
                | "proposed"
                | "intent"
                | "intention"
                | "strategy"
                | "bid"
                | "effort"
                | "efforts"
                | "want"
                | "wants"
                | "wanted"
        )
    }) {
        return Modality::Intended;
    }
    let infinitive = trigger > 0 && w(trigger - 1) == "to";
    let aspect = trigger > 1
        && matches!(
            w(trigger - 2),
            "began"
                | "begun"
                | "begin"
                | "started"
                | "start"
                | "continued"
                | "continue"
                | "continues"
                | "managed"
                | "used"
        );
    if infinitive && !aspect {
        return Modality::Intended;
    }
    Modality::Asserted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modality(sentence: &str, trigger: &str) -> Modality {
        let words: Vec<String> = sentence
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let t = words.iter().position(|w| w == trigger).unwrap();
        detect(&words, 0, t)
    }

    #[test]
    fn each_modality() {
        assert_eq!(
            modality("The two sides agreed on a truce", "agreed"),
            Modality::Asserted
        );
        assert_eq!(
            modality("The two sides did not agree on a truce", "agree"),
            Modality::Negated
        );
        assert_eq!(
            modality("If talks fail the army would attack the port", "attack"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality("The rebels must release the hostages", "release"),
            Modality::Demanded
        );
        assert_eq!(
            modality("The allies plan to deploy troops", "deploy"),
            Modality::Intended
        );
        assert_eq!(
            modality("The minister will visit Rome", "visit"),
            Modality::Intended
        );
    }

    #[test]
    fn prevention_whether_and_purpose() {
        assert_eq!(
            modality(
                "a force to deter the rebels from attacking again",
                "attacking"
            ),
            Modality::Hypothetical
        );
        assert_eq!(
            modality("asked whether the army attacked the port", "attacked"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality("a strategy to support the farmers", "support"),
            Modality::Intended
        );
        assert_eq!(
            modality("the cabinet signalled its intent to ease sanctions", "ease"),
            Modality::Intended
        );
        assert_eq!(
            modality("the troops began to withdraw", "withdraw"),
            Modality::Asserted
        );
    }

    #[test]
    fn negation_is_local() {
        assert_eq!(
            modality(
                "Not long after the vote the rebels attacked the town",
                "attacked"
            ),
            Modality::Asserted
        );
    }
}
