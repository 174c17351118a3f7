//! When do two names name the same thing?
//!
//! - the same folded words ("U.S." and "US");
//! - a person's surname or a fuller form ("Starmer", "Keir Starmer",
//!   "Harry Truman" within "Harry S. Truman");
//! - a person's first name alone ("Sir Keir"), the weakest link, taken only
//!   when the document gives no closer candidate;
//! - an acronym of the initials ("FT" for "Financial Times", "Nato" for
//!   "North Atlantic Treaty Organization", "EU" for "European Union");
//! - an organisation or place without its generic tail ("Wikimedia" for
//!   "Wikimedia Foundation", "New York" for "New York City", "Hebrew
//!   University" for "Hebrew University of Jerusalem"), or by its generic
//!   head alone ("the University" for "Pennsylvania State University").
//!
//! Person names are compared without generational suffixes and regnal
//! numbers ("Jr", "III", "Norton I") and without a territorial "of ..." tail
//! ("Patrick Gordon of Auchleuchries"); the same words in another order are
//! the same name ("Higuchi Ichiyō", "Ichiyō Higuchi").

use tidings_model::EntityType;

use super::fold::words;

/// Words skipped when forming initials.
const MINOR: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "et",
];

/// Generic last words an organisation or place name may drop.
const GENERIC_TAILS: &[&str] = &[
    "foundation",
    "inc",
    "incorporated",
    "corporation",
    "corp",
    "company",
    "co",
    "group",
    "ltd",
    "limited",
    "plc",
    "llc",
    "party",
    "city",
    "state",
    "county",
    "province",
    "island",
    "islands",
];

/// Organisation heads that may stand alone for a longer name that has them.
const GENERIC_HEADS: &[&str] = &[
    "university",
    "college",
    "court",
    "party",
    "company",
    "foundation",
    "council",
    "committee",
    "association",
    "society",
    "church",
    "institute",
    "academy",
    "museum",
    "bank",
    "agency",
    "commission",
];

/// Words after a person's name that do not tell people apart in a text.
const SUFFIXES: &[&str] = &["jr", "sr", "i", "ii", "iii", "iv"];

/// The words of a person's name that identify them.
fn person_core(words: &[String]) -> &[String] {
    let mut end = words.len();
    if let Some(of) = words.iter().position(|w| w == "of")
        && of >= 1
    {
        end = of;
    }
    while end > 1 && SUFFIXES.contains(&words[end - 1].as_str()) {
        end -= 1;
    }
    &words[..end]
}

/// The words of a name that any name it links to must also hold: a
/// person's name without suffixes and territorial tail (other names hold
/// all their words, which include these).
pub fn identifying(words: &[String]) -> &[String] {
    person_core(words)
}

/// A name as written (titles stripped) and its folded words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    pub text: String,
    pub words: Vec<String>,
}

impl NameForm {
    pub fn new(text: &str) -> Self {
        NameForm {
            text: text.to_string(),
            words: words(text),
        }
    }
}

/// How a name relates to another of the same entity, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    Same,
    Part,
    Acronym,
    FirstName,
}

/// How `short` can name what `long` names, if it can. `short` has no more
/// words than `long`; `ptype` is the type of the entity `long` belongs to.
pub fn link(short: &NameForm, long: &NameForm, ptype: EntityType) -> Option<Link> {
    if short.words.is_empty() || long.words.is_empty() {
        return None;
    }
    if short.words == long.words {
        return Some(Link::Same);
    }
    if short.words.len() > long.words.len() {
        return None;
    }
    if is_acronym_of(short, long) {
        return Some(Link::Acronym);
    }
    match ptype {
        EntityType::Per => {
            let (s, l) = (person_core(&short.words), person_core(&long.words));
            if s == l {
                return Some(Link::Same);
            }
            if s.len() == l.len() {
                let (mut a, mut b) = (s.to_vec(), l.to_vec());
                a.sort();
                b.sort();
                return (a == b).then_some(Link::Same);
            }
            let last_agrees = s.last() == l.last();
            if last_agrees && s.len() < l.len() && is_subsequence(s, l) {
                return Some(Link::Part);
            }
            if s.len() == 1 && s[0] == l[0] {
                return Some(Link::FirstName);
            }
            None
        }
        _ => {
            if short.words.len() == 1
                && GENERIC_HEADS.contains(&short.words[0].as_str())
                && long.words.contains(&short.words[0])
            {
                return Some(Link::Part);
            }
            let n = short.words.len();
            if n >= long.words.len() {
                return None;
            }
            if long.words[..n] != short.words[..] {
                return None;
            }
            let tail = &long.words[n..];
            let generic = tail.iter().all(|w| GENERIC_TAILS.contains(&w.as_str()));
            let of_phrase = n >= 2 && tail.first().is_some_and(|w| w == "of");
            (generic || of_phrase).then_some(Link::Part)
        }
    }
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// "FT" for "Financial Times": a single word of two to six letters, not all
/// lower case, spelling the initials of the longer name's major words.
pub fn is_acronym_of(short: &NameForm, long: &NameForm) -> bool {
    let surface: String = short.text.chars().filter(|c| c.is_alphanumeric()).collect();
    let n = surface.chars().count();
    if short.words.len() != 1
        || !(2..=6).contains(&n)
        || surface.chars().all(|c| c.is_lowercase())
        || long.words.len() < 2
    {
        return false;
    }
    let [major, all] = initials(&long.words);
    short.words[0] == major || short.words[0] == all
}

/// The initials of a name's words: of its major words, and of all of them.
pub fn initials(words: &[String]) -> [String; 2] {
    let major = words
        .iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    let all = words.iter().filter_map(|w| w.chars().next()).collect();
    [major, all]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(a: &str, b: &str, t: EntityType) -> Option<Link> {
        link(&NameForm::new(a), &NameForm::new(b), t)
    }

    #[test]
    fn people() {
        assert_eq!(
            l("Starmer", "Keir Starmer", EntityType::Per),
            Some(Link::Part)
        );
        assert_eq!(
            l("Keir", "Keir Starmer", EntityType::Per),
            Some(Link::FirstName)
        );
        assert_eq!(
            l("Harry Truman", "Harry S. Truman", EntityType::Per),
            Some(Link::Part)
        );
        assert_eq!(l("Keir", "Keir Starmer", EntityType::Org), None);
        assert_eq!(l("Jill Biden", "Joe Biden", EntityType::Per), None);
        assert_eq!(
            l("Higuchi Ichiyō", "Ichiyō Higuchi", EntityType::Per),
            Some(Link::Same)
        );
        assert_eq!(
            l("Norton I", "Joshua Norton", EntityType::Per),
            Some(Link::Part)
        );
        assert_eq!(
            l(
                "Patrick Gordon",
                "Patrick Leopold Gordon of Auchleuchries",
                EntityType::Per
            ),
            Some(Link::Part)
        );
    }

    #[test]
    fn acronyms() {
        assert_eq!(
            l("FT", "Financial Times", EntityType::Org),
            Some(Link::Acronym)
        );
        assert_eq!(
            l(
                "Nato",
                "North Atlantic Treaty Organization",
                EntityType::Org
            ),
            Some(Link::Acronym)
        );
        assert_eq!(
            l("EU", "European Union", EntityType::Org),
            Some(Link::Acronym)
        );
        assert_eq!(l("ft", "Financial Times", EntityType::Org), None);
        assert_eq!(l("FT", "Federal Reserve", EntityType::Org), None);
    }

    #[test]
    fn organisations_and_places() {
        assert_eq!(
            l("Wikimedia", "Wikimedia Foundation", EntityType::Org),
            Some(Link::Part)
        );
        assert_eq!(
            l("New York", "New York City", EntityType::Loc),
            Some(Link::Part)
        );
        assert_eq!(
            l(
                "Hebrew University",
                "Hebrew University of Jerusalem",
                EntityType::Org
            ),
            Some(Link::Part)
        );
        assert_eq!(
            l("Helsinki", "University of Helsinki", EntityType::Org),
            None
        );
        assert_eq!(l("Sky", "Sky News", EntityType::Org), None);
    }
}
