//! Honorifics and offices: what stands before a name without being part of it.
//!
//! "Sir Keir Starmer" is the name "Keir Starmer" with the honorific "Sir";
//! "Russian President Vladimir Putin" is "Vladimir Putin" with the office
//! "president" of the country `RU`. Honorifics may tell gender ("Mrs", "Sir");
//! offices and their countries let descriptions like "the Russian president"
//! find their entity later. Offices are matched on folded words and named by
//! a canonical form ("premier" is "prime minister").

use tidings_model::{Document, EntityType, Span, TokenKind};

use super::fold::fold;
use super::gazetteer::{Gazetteer, PlaceKind};

/// Grammatical gender, where a title or a pronoun reveals it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

use Gender::{Female, Male};

/// Honorifics (folded, without full stop) and the gender they imply.
const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("mr", Some(Male)),
    ("mister", Some(Male)),
    ("mrs", Some(Female)),
    ("ms", Some(Female)),
    ("miss", Some(Female)),
    ("mx", None),
    ("dr", None),
    ("doctor", None),
    ("prof", None),
    ("professor", None),
    ("sir", Some(Male)),
    ("dame", Some(Female)),
    ("lord", Some(Male)),
    ("lady", Some(Female)),
    ("baroness", Some(Female)),
    ("baron", Some(Male)),
    ("rev", None),
    ("reverend", None),
    ("saint", None),
    ("st", None),
    ("abba", Some(Male)),
    ("fr", Some(Male)),
    ("father", Some(Male)),
    ("sister", Some(Female)),
    ("brother", Some(Male)),
];

/// Letters after a name (honours, degrees) that are not part of it.
const POST_NOMINALS: &[&str] = &[
    "frs", "dbe", "obe", "cbe", "kbe", "mbe", "ra", "qc", "kc", "mp", "mep", "phd", "md", "esq",
    "esquire", "frsc", "fba", "frse",
];

/// Offices and ranks (folded words) with their canonical name and implied gender.
const OFFICES: &[(&str, &str, Option<Gender>)] = &[
    ("president", "president", None),
    ("president elect", "president", None),
    ("vice president", "vice president", None),
    ("prime minister", "prime minister", None),
    ("deputy prime minister", "deputy prime minister", None),
    ("premier", "prime minister", None),
    ("chancellor", "chancellor", None),
    ("king", "king", Some(Male)),
    ("queen", "queen", Some(Female)),
    ("prince", "prince", Some(Male)),
    ("princess", "princess", Some(Female)),
    ("crown prince", "crown prince", Some(Male)),
    ("emperor", "emperor", Some(Male)),
    ("empress", "empress", Some(Female)),
    ("tsar", "tsar", Some(Male)),
    ("czar", "tsar", Some(Male)),
    ("pope", "pope", Some(Male)),
    ("supreme leader", "supreme leader", None),
    ("leader", "leader", None),
    ("minister", "minister", None),
    ("foreign minister", "foreign minister", None),
    ("defence minister", "defence minister", None),
    ("defense minister", "defence minister", None),
    ("finance minister", "finance minister", None),
    ("foreign secretary", "foreign secretary", None),
    ("home secretary", "home secretary", None),
    ("defence secretary", "defence secretary", None),
    ("defense secretary", "defence secretary", None),
    ("health secretary", "health secretary", None),
    ("secretary of state", "secretary of state", None),
    ("secretary general", "secretary general", None),
    ("secretary", "secretary", None),
    ("senator", "senator", None),
    ("sen", "senator", None),
    ("congressman", "representative", Some(Male)),
    ("congresswoman", "representative", Some(Female)),
    ("representative", "representative", None),
    ("rep", "representative", None),
    ("governor", "governor", None),
    ("gov", "governor", None),
    ("mayor", "mayor", None),
    ("general", "general", None),
    ("gen", "general", None),
    ("admiral", "admiral", None),
    ("colonel", "colonel", None),
    ("col", "colonel", None),
    ("captain", "captain", None),
    ("capt", "captain", None),
    ("lieutenant", "lieutenant", None),
    ("sergeant", "sergeant", None),
    ("commander", "commander", None),
    ("judge", "judge", None),
    ("justice", "justice", None),
    ("chief justice", "chief justice", None),
    ("ambassador", "ambassador", None),
    ("envoy", "envoy", None),
    ("speaker", "speaker", None),
    ("chairman", "chair", Some(Male)),
    ("chairwoman", "chair", Some(Female)),
    ("chief executive", "chief executive", None),
    ("ceo", "chief executive", None),
    ("boss", "chief executive", None),
    ("commissioner", "commissioner", None),
    ("archbishop", "archbishop", None),
    ("bishop", "bishop", None),
    ("cardinal", "cardinal", None),
    ("rabbi", "rabbi", None),
    ("imam", "imam", None),
    ("sheikh", "sheikh", Some(Male)),
    ("emir", "emir", Some(Male)),
    ("sultan", "sultan", Some(Male)),
    ("ayatollah", "ayatollah", Some(Male)),
    ("spokesman", "spokesperson", Some(Male)),
    ("spokeswoman", "spokesperson", Some(Female)),
    ("spokesperson", "spokesperson", None),
    ("coach", "coach", None),
    ("attorney", "attorney", None),
    ("manager", "manager", None),
];

/// Offices that "leader" may stand for ("the Ukrainian leader").
const LEADING_OFFICES: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "supreme leader",
    "leader",
    "emir",
    "sultan",
];

/// What the words before (or at the start of) a name say about its bearer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleInfo {
    pub gender: Option<Gender>,
    /// Canonical office ("president").
    pub office: Option<&'static str>,
    /// The office's country, ISO alpha-2 ("Russian President" gives `RU`).
    pub country: Option<String>,
    /// An honorific was present ("Sir", "Mr").
    pub honorific: bool,
}

impl TitleInfo {
    fn absorb(&mut self, other: TitleInfo) {
        self.gender = self.gender.or(other.gender);
        self.office = self.office.or(other.office);
        self.country = self.country.take().or(other.country);
        self.honorific |= other.honorific;
    }
}

/// The honorific that `word` (any case, with or without its full stop) is.
pub fn honorific(word: &str) -> Option<Option<Gender>> {
    let w = fold(word);
    HONORIFICS.iter().find(|(h, _)| *h == w).map(|&(_, g)| g)
}

/// Is a nominal's office `wanted` compatible with an office an entity is
/// known to hold? "leader" fits any head of state or government.
pub fn offices_compatible(wanted: &str, held: &str) -> bool {
    wanted == held
        || (wanted == "leader" && LEADING_OFFICES.contains(&held))
        || (held == "leader" && LEADING_OFFICES.contains(&wanted))
}

/// The longest office phrase that `words` (folded) end with: its canonical
/// name, gender, and how many words it takes.
pub fn office_ending(words: &[String]) -> Option<(&'static str, Option<Gender>, usize)> {
    OFFICES
        .iter()
        .filter_map(|&(phrase, canon, g)| {
            let n = phrase.split(' ').count();
            (n <= words.len()
                && words[words.len() - n..]
                    .iter()
                    .map(String::as_str)
                    .eq(phrase.split(' ')))
            .then_some((canon, g, n))
        })
        .max_by_key(|&(_, _, n)| n)
}

/// The longest office phrase that `words` (folded) start with.
pub fn office_starting(words: &[String]) -> Option<(&'static str, Option<Gender>, usize)> {
    OFFICES
        .iter()
        .filter_map(|&(phrase, canon, g)| {
            let n = phrase.split(' ').count();
            (n <= words.len() && words[..n].iter().map(String::as_str).eq(phrase.split(' ')))
                .then_some((canon, g, n))
        })
        .max_by_key(|&(_, _, n)| n)
}

/// Index of the first token at or after byte `at`.
fn token_index(doc: &Document, at: usize) -> usize {
    doc.tokens.partition_point(|t| t.span.start < at)
}

/// `span` without a leading "the" or trailing possessive and, for a person,
/// without honorifics, offices and letters after the name; with what was
/// stripped. Never strips the last word.
pub fn strip(doc: &Document, span: Span, etype: EntityType, gaz: &Gazetteer) -> (Span, TitleInfo) {
    let person = etype == EntityType::Per;
    let toks = doc.tokens_in(span);
    let mut info = TitleInfo::default();
    let mut lo = 0;
    let mut hi = toks.len();
    // Trailing possessive or stray punctuation.
    while hi > 1 {
        let w = doc.slice(toks[hi - 1].span);
        let post_nominal = person && POST_NOMINALS.contains(&fold(w).as_str());
        if matches!(w, "'s" | "’s" | "'" | "’")
            || toks[hi - 1].kind == TokenKind::Punct
            || post_nominal
        {
            hi -= 1;
        } else {
            break;
        }
    }
    loop {
        if hi - lo <= 1 {
            break;
        }
        let w = doc.slice(toks[lo].span);
        if w.eq_ignore_ascii_case("the") {
            lo += 1;
            continue;
        }
        if !person {
            break;
        }
        if let Some(g) = honorific(w) {
            info.gender = info.gender.or(g);
            info.honorific = true;
            lo += 1;
            // An honorific's own full stop ("Mr .") when tokenised apart.
            if lo < hi - 1 && doc.slice(toks[lo].span) == "." {
                lo += 1;
            }
            continue;
        }
        // A capitalised office at the start: "President Trump".
        let rest: Vec<String> = toks[lo..hi]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| fold(doc.slice(t.span)))
            .collect();
        if w.starts_with(|c: char| c.is_uppercase())
            && let Some((canon, g, n)) = office_starting(&rest)
            && n < rest.len()
        {
            info.office = Some(canon);
            info.gender = info.gender.or(g);
            // Skip n word tokens (and hyphens between them).
            let mut seen = 0;
            while seen < n && lo < hi - 1 {
                if toks[lo].kind != TokenKind::Punct {
                    seen += 1;
                }
                lo += 1;
            }
            continue;
        }
        // A country or demonym before an office: "Russian President Putin".
        if let Some(p) = gaz.lookup(w)
            && lo + 1 < hi
        {
            let after: Vec<String> = rest[1..].to_vec();
            if let Some((_, _, n)) = office_starting(&after)
                && n + 1 < rest.len()
                && p.kind != PlaceKind::Capital
            {
                info.country = Some(p.country.iso2.clone());
                lo += 1;
                continue;
            }
        }
        break;
    }
    // Tokens may run past the given span ("X." for the name "X"): clamp.
    let span = if lo < hi {
        Span::new(
            toks[lo].span.start.max(span.start),
            toks[hi - 1].span.end.min(span.end),
        )
    } else {
        span
    };
    (span, info)
}

/// What the words right before `span` (same sentence, no comma between) say:
/// "Sir", "Prime Minister Sir", "Russian President", "French president".
pub fn before(doc: &Document, span: Span, gaz: &Gazetteer) -> TitleInfo {
    let mut info = TitleInfo::default();
    let sentence_start = doc
        .sentence_at(span.start)
        .map(|i| doc.sentences[i].start)
        .unwrap_or(0);
    let first = token_index(doc, sentence_start);
    let mut i = token_index(doc, span.start);
    // Words before the span, nearest first, over hyphens only.
    let mut words: Vec<(usize, String, bool)> = Vec::new();
    while i > first && words.len() < 6 {
        i -= 1;
        let t = doc.tokens[i];
        let s = doc.slice(t.span);
        if s == "-" || s == "." {
            continue;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        words.push((i, fold(s), s.starts_with(|c: char| c.is_uppercase())));
    }
    words.reverse();
    let mut end = words.len();
    // Honorifics next to the name.
    while end > 0 {
        match honorific(&words[end - 1].1) {
            Some(g) => {
                info.gender = info.gender.or(g);
                info.honorific = true;
                end -= 1;
            }
            None => break,
        }
    }
    let folded: Vec<String> = words[..end].iter().map(|w| w.1.clone()).collect();
    if let Some((canon, g, n)) = office_ending(&folded) {
        info.absorb(TitleInfo {
            gender: g,
            office: Some(canon),
            country: None,
            honorific: false,
        });
        end -= n;
        // "Nato secretary-general", "Russian President", "US President".
        if end > 0 && words[end - 1].2 {
            let w = doc.slice(doc.tokens[words[end - 1].0].span);
            if let Some(p) = gaz.lookup(w).filter(|p| p.kind != PlaceKind::Capital) {
                info.country = Some(p.country.iso2.clone());
            }
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn doc(text: &str) -> Document {
        let mut d = Document::new("t", text);
        segment(&mut d);
        d
    }

    fn span_of(d: &Document, s: &str) -> Span {
        let i = d.text.find(s).unwrap();
        Span::new(i, i + s.len())
    }

    #[test]
    fn strips_honorifics_offices_and_possessives() {
        let g = Gazetteer::builtin().unwrap();
        let d = doc(
            "Then Sir Keir Starmer's aide met President Trump and Russian President Vladimir Putin.",
        );
        let (s, info) = strip(&d, span_of(&d, "Sir Keir Starmer's"), EntityType::Per, &g);
        assert_eq!(d.slice(s), "Keir Starmer");
        assert_eq!(info.gender, Some(Gender::Male));
        let (s, info) = strip(&d, span_of(&d, "President Trump"), EntityType::Per, &g);
        assert_eq!((d.slice(s), info.office), ("Trump", Some("president")));
        let (s, info) = strip(
            &d,
            span_of(&d, "Russian President Vladimir Putin"),
            EntityType::Per,
            &g,
        );
        assert_eq!(d.slice(s), "Vladimir Putin");
        assert_eq!(info.country.as_deref(), Some("RU"));
    }

    #[test]
    fn titles_before_a_name() {
        let g = Gazetteer::builtin().unwrap();
        let d = doc("He met French president Emmanuel Macron and Prime Minister Sir Keir Starmer.");
        let m = before(&d, span_of(&d, "Emmanuel Macron"), &g);
        assert_eq!(
            (m.office, m.country.as_deref()),
            (Some("president"), Some("FR"))
        );
        let k = before(&d, span_of(&d, "Keir Starmer"), &g);
        assert_eq!(k.office, Some("prime minister"));
        assert!(k.honorific);
        assert_eq!(k.gender, Some(Gender::Male));
    }

    #[test]
    fn leader_fits_heads_of_government() {
        assert!(offices_compatible("leader", "president"));
        assert!(offices_compatible("prime minister", "prime minister"));
        assert!(!offices_compatible("prime minister", "president"));
    }
}
