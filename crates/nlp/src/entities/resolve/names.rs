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
//!   University" for "Hebrew University of Jerusalem").

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
    if short.words.len() >= long.words.len() {
        return None;
    }
    if is_acronym_of(short, long) {
        return Some(Link::Acronym);
    }
    match ptype {
        EntityType::Per => {
            let last_agrees = short.words.last() == long.words.last();
            if last_agrees && is_subsequence(&short.words, &long.words) {
                return Some(Link::Part);
            }
            if short.words.len() == 1 && short.words[0] == long.words[0] {
                return Some(Link::FirstName);
            }
            None
        }
        _ => {
            let n = short.words.len();
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
    let initials: String = long
        .words
        .iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    let all: String = long.words.iter().filter_map(|w| w.chars().next()).collect();
    short.words[0] == initials || short.words[0] == all
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
