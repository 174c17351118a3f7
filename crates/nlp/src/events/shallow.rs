//! Shallow syntax over the lower-cased tokens of one sentence.
//!
//! The coder has no parser; these are the few structural guesses it needs,
//! each from closed word classes and word shapes:
//!
//! - whether a word looks like a finite verb (`-ed`, an irregular past, a
//!   present `-s` right after the subject);
//! - whether a trigger is used as a noun ("the negotiating table", "a
//!   possible peacekeeping force") or as an infinitive ("to support");
//! - where a predicate's arguments end: at a clause opener ("that",
//!   "which", "whether"), an infinitive marker ("to secure"), or the next
//!   predicate;
//! - the main verb of a clause after its subject ("The army on Thursday
//!   shelled", "Egypt has lifted"), or none when the clause is copular ("It
//!   is a classic").

/// Determiners and possessive pronouns: a word after one is a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
    "any", "every", "each", "some",
];

/// Prepositions that put a noun phrase out of subject position.
pub const PREPOSITIONS: &[&str] = &[
    "of",
    "from",
    "with",
    "to",
    "in",
    "at",
    "for",
    "by",
    "on",
    "near",
    "against",
    "about",
    "over",
    "into",
    "between",
    "under",
    "like",
    "than",
    "given",
    "including",
    "regarding",
    "concerning",
    "despite",
    "amid",
    "during",
    "via",
    "toward",
    "towards",
    "within",
    "without",
    "through",
];

/// Auxiliaries and modals: a verb follows.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "having", "will", "would", "can", "could", "may", "might", "shall",
    "should", "must", "does", "do", "did", "'ve", "'ll", "'d",
];

/// Forms of "be": a copula unless a participle follows.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'re", "'m", "am", "'s",
];

/// Words that open a subordinate or complement clause: a predicate's
/// arguments do not reach past them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "whether", "where", "when", "if", "unless", "because",
    "since", "until", "while", "although", "whereas", "there",
];

/// Adverbs that may sit between a subject and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "now",
    "still",
    "already",
    "again",
    "recently",
    "reportedly",
    "later",
    "then",
    "just",
    "finally",
    "once",
    "jointly",
    "today",
    "yesterday",
    "never",
    "not",
    "n't",
    "further",
    "even",
    "soon",
    "allegedly",
    "formally",
    "officially",
    "first",
];

/// Irregular past tenses and participles.
const IRREGULAR_PAST: &[&str] = &[
    "led",
    "paid",
    "sent",
    "gave",
    "given",
    "made",
    "took",
    "taken",
    "said",
    "met",
    "held",
    "left",
    "won",
    "lost",
    "fought",
    "brought",
    "began",
    "begun",
    "came",
    "went",
    "told",
    "struck",
    "threw",
    "sold",
    "bought",
    "kept",
    "put",
    "set",
    "cut",
    "hit",
    "shot",
    "stole",
    "saw",
    "seen",
    "spoke",
    "spoken",
    "wrote",
    "written",
    "broke",
    "broken",
    "froze",
    "withdrew",
    "withdrawn",
    "sought",
    "built",
    "drove",
    "ran",
    "rose",
    "fell",
    "flew",
    "grew",
    "knew",
    "thought",
    "caught",
    "meant",
    "lent",
    "spent",
    "dealt",
    "swore",
    "chose",
    "laid",
    "forgave",
    "forgiven",
    "oversaw",
    "stood",
    "became",
    "drew",
    "drawn",
    "arose",
    "shut",
    "let",
    "beat",
    "beaten",
    "blew",
    "hung",
    "overtook",
    "undertook",
    "upheld",
    "withheld",
    "stuck",
    "fled",
    "fed",
    "bound",
    "found",
];

/// Words that introduce a quotation rather than a clause.
fn opens_quote(w: &str) -> bool {
    w == ":" || w.chars().all(crate::segment::is_quote_char)
}

pub fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(&w)
}

pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// A finite or participle verb form by its shape: past, "-ing", or a
/// present "-s".
pub fn is_verb_form(w: &str) -> bool {
    is_past(w) || (w.len() > 4 && w.ends_with("ing") && alphabetic(w)) || is_present(w)
}

/// A word that opens a subordinate or complement clause ("that",
/// "whether", "which").
pub fn is_clause_opener(w: &str) -> bool {
    CLAUSE_OPENERS.contains(&w)
}

pub fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(&w) || COPULAS.contains(&w)
}

fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly"))
}

fn is_possessive(w: &str) -> bool {
    w == "'s" || w == "'"
}

fn alphabetic(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A past tense or participle by its shape ("attacked", "sent").
pub fn is_past(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed") && alphabetic(w)) || IRREGULAR_PAST.contains(&w)
}

/// A present third-person verb by its shape ("says", "increases"); only
/// meaningful right after a subject, where a plural noun is unlikely.
fn is_present(w: &str) -> bool {
    w.len() > 3
        && alphabetic(w)
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

/// The trigger at token `first` is an infinitive ("to support").
pub fn is_infinitive<S: AsRef<str>>(words: &[S], first: usize) -> bool {
    first > 0 && words[first - 1].as_ref() == "to"
}

/// The single-word trigger at token `at` is used as a noun: right after a
/// determiner or a possessive ("the negotiating table", "their support"),
/// or a gerund after a determiner and one modifier ("a possible
/// peacekeeping force"). Past forms are verbs whatever precedes them.
pub fn is_nominal_use<S: AsRef<str>>(words: &[S], at: usize) -> bool {
    let w = |i: usize| words[i].as_ref();
    if at == 0 || is_past(w(at)) {
        return false;
    }
    let prev = w(at - 1);
    let hyphenated = prev == "-" || words.get(at + 1).is_some_and(|n| n.as_ref() == "-");
    if is_determiner(prev) || is_possessive(prev) || hyphenated {
        return true;
    }
    // "to that deadline": a demonstrative after a preposition.
    if matches!(prev, "that" | "this") && at >= 2 && is_preposition(w(at - 2)) {
        return true;
    }
    at >= 2
        && w(at).ends_with("ing")
        && is_determiner(w(at - 2))
        && alphabetic(prev)
        && !is_auxiliary(prev)
        && !is_adverb(prev)
        && !is_past(prev)
}

/// Which boundaries end a predicate's arguments besides clause openers
/// and other predicates.
#[derive(Debug, Clone, Copy)]
pub struct Stops {
    /// An infinitive of purpose ("troops to secure a deal").
    pub purpose: bool,
    /// A "that" complement ("agreed that Russia ..."); directed acts reach
    /// into it ("demanded that the US cancel").
    pub complement: bool,
}

/// Number words and quantifiers: "to five officers" is no infinitive.
const QUANTIFIERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
    "all",
    "both",
    "more",
    "about",
    "nearly",
    "up",
    "dozens",
    "hundreds",
    "thousands",
];

/// The last token (inclusive) of the arguments of a predicate ending at
/// token `last`: up to `clause_end`, stopping before a clause opener or a
/// token in `other_predicates`, and, for an action (`stops.purpose`),
/// before an infinitive of purpose ("deploy troops to secure a deal", not
/// "to refugees" or "to Britain"). What is said, promised or demanded
/// reaches into its infinitive ("offered to hand them over to Britain").
/// `is_name(i)` tells whether token `i` is part of a name.
pub fn argument_end<S: AsRef<str>>(
    words: &[S],
    last: usize,
    clause_end: usize,
    other_predicates: &[usize],
    stops: Stops,
    is_name: impl Fn(usize) -> bool,
) -> usize {
    let w = |i: usize| words[i].as_ref();
    for j in last + 1..=clause_end.min(words.len().saturating_sub(1)) {
        let infinitive = stops.purpose
            && w(j) == "to"
            && j + 1 < words.len()
            && !is_name(j + 1)
            && alphabetic(w(j + 1))
            && !is_determiner(w(j + 1))
            && !QUANTIFIERS.contains(&w(j + 1))
            && (!w(j + 1).ends_with('s') || w(j + 1).ends_with("ss"));
        let opener = CLAUSE_OPENERS.contains(&w(j)) && (stops.complement || w(j) != "that");
        if opener || infinitive || other_predicates.contains(&j) {
            return j.saturating_sub(1).max(last);
        }
    }
    clause_end
}

/// The main verb after a subject ending at token `subject_last`: skips
/// auxiliaries, adverbs, names and a short time or place phrase ("on
/// Thursday"), and up to two words of the subject's head ("Hezbollah
/// group"). `None` when the clause is copular ("is a classic"), when a
/// quotation or clause punctuation comes first, or when nothing looks like
/// a verb. `is_name(i)` tells whether token `i` is part of a name.
pub fn main_verb<S: AsRef<str>>(
    words: &[S],
    subject_last: usize,
    is_name: impl Fn(usize) -> bool,
) -> Option<usize> {
    let w = |i: usize| words[i].as_ref();
    let end = (subject_last + 12).min(words.len());
    let mut head_words = 0;
    let mut after_aux = false;
    let mut j = subject_last + 1;
    while j < end {
        let x = w(j);
        if is_name(j) || is_possessive(x) || x == "-" {
            j += 1;
            continue;
        }
        // A coordinated subject ("the US and Russian negotiators"), a name
        // with its "of" phrase ("the Office of Inspector General"), an
        // apposition ("Russia's president, Mr Putin, launched").
        if matches!(x, "and" | "&" | "," | "of")
            && j + 1 < end
            && (is_name(j + 1) || (x != "of" && is_determiner(w(j + 1))))
        {
            j += 2;
            continue;
        }
        if x == "," && words.get(j + 1).is_some_and(|n| is_past(n.as_ref())) {
            j += 1;
            continue;
        }
        if matches!(x, "on" | "in" | "at" | "last" | "this" | "earlier")
            && j + 1 < end
            && (is_name(j + 1) || matches!(w(j + 1), "week" | "month" | "year"))
        {
            j += 2;
            continue;
        }
        if is_adverb(x) {
            j += 1;
            continue;
        }
        if COPULAS.contains(&x) {
            // "is training", "was attacked", "is willing to send": the
            // participle or the infinitive is the verb; else copular.
            let mut k = j + 1;
            while k < end && is_adverb(w(k)) {
                k += 1;
            }
            let next = words.get(k).map(|s| s.as_ref()).unwrap_or("");
            if matches!(next, "willing" | "ready" | "able" | "set" | "due" | "about")
                && words.get(k + 1).is_some_and(|t| t.as_ref() == "to")
                && k + 2 < words.len()
            {
                return Some(k + 2);
            }
            if is_past(next) || next.ends_with("ing") && next.len() > 4 {
                return Some(k);
            }
            // "Germany is a partner ... and has contributed": a second,
            // non-copular predicate of the same subject.
            return second_predicate(words, k, end + 12);
        }
        if AUXILIARIES.contains(&x) {
            after_aux = true;
            j += 1;
            continue;
        }
        if !alphabetic(x) || opens_quote(x) || is_preposition(x) {
            return None;
        }
        if is_past(x) || (after_aux && !is_preposition(x) && !is_determiner(x)) {
            return Some(j);
        }
        // "Egypt says", not "Islamic fundamentalists continued".
        let next_is_verb = words
            .get(j + 1)
            .is_some_and(|n| is_past(n.as_ref()) || AUXILIARIES.contains(&n.as_ref()));
        if head_words == 0 && is_present(x) && !next_is_verb {
            return Some(j);
        }
        if is_preposition(x) || is_determiner(x) || head_words >= 3 {
            return None;
        }
        head_words += 1;
        j += 1;
    }
    None
}

/// A predicate "and (has) VERBED" after token `from`, before any clause
/// punctuation or clause opener, within `limit` tokens.
fn second_predicate<S: AsRef<str>>(words: &[S], from: usize, limit: usize) -> Option<usize> {
    let w = |i: usize| words[i].as_ref();
    let end = limit.min(words.len());
    let mut j = from;
    while j + 1 < end {
        let x = w(j);
        if matches!(x, ";" | ":" | "," | "(") || CLAUSE_OPENERS.contains(&x) {
            return None;
        }
        if x == "and" {
            let mut k = j + 1;
            while k < end && (AUXILIARIES.contains(&w(k)) || is_adverb(w(k))) {
                k += 1;
            }
            return (k < end && is_past(w(k))).then_some(k);
        }
        j += 1;
    }
    None
}

/// The token after `at` opens a quotation ("said:", "said “...").
pub fn introduces_quote<S: AsRef<str>>(words: &[S], at: usize) -> bool {
    words.get(at + 1).is_some_and(|w| opens_quote(w.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn nouns_and_verbs_by_position() {
        let s = w("they came back to the negotiating table");
        assert!(is_nominal_use(&s, 5));
        let s = w("plans for a possible peacekeeping force");
        assert!(is_nominal_use(&s, 4));
        let s = w("the army attacked the town");
        assert!(!is_nominal_use(&s, 2));
        let s = w("a new free - trade pact");
        assert!(is_nominal_use(&s, 2));
    }

    #[test]
    fn arguments_stop_at_clauses_and_infinitives() {
        let s = w("allies agreed that Russia was stalling");
        let none = |_: usize| false;
        let all = Stops {
            purpose: true,
            complement: true,
        };
        let said = Stops {
            purpose: false,
            complement: true,
        };
        let demanded = Stops {
            purpose: false,
            complement: false,
        };
        assert_eq!(argument_end(&s, 1, 5, &[], all, none), 1);
        assert_eq!(argument_end(&s, 1, 5, &[], demanded, none), 5);
        let s = w("they sent troops to secure a deal with Russia");
        assert_eq!(argument_end(&s, 1, 8, &[], all, none), 2);
        assert_eq!(argument_end(&s, 1, 8, &[], said, none), 8);
        let s = w("they sent troops to Ukraine");
        assert_eq!(argument_end(&s, 1, 4, &[], all, |i| i == 4), 4);
        let s = w("they sent food to refugees");
        assert_eq!(argument_end(&s, 1, 4, &[], all, none), 4);
    }

    #[test]
    fn the_main_verb_after_a_subject() {
        let none = |_: usize| false;
        let s = w("the army on thursday shelled the port");
        assert_eq!(main_verb(&s, 1, |i| i == 3), Some(4));
        let s = w("egypt has lifted the curfew");
        assert_eq!(main_verb(&s, 0, none), Some(2));
        let s = w("the minister is a veteran of the party");
        assert_eq!(main_verb(&s, 1, none), None);
        let s = w("germany is a partner of the agency and has contributed funds");
        assert_eq!(main_verb(&s, 0, none), Some(9));
        let s = w("the un is willing to send more aid");
        assert_eq!(main_verb(&s, 1, none), Some(5));
        let s = w("she said : we are ready");
        assert_eq!(main_verb(&s, 0, none), Some(1));
        assert!(introduces_quote(&s, 1));
    }
}
