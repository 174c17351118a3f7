//! What the quote rules ask about nearly every token, in one table keyed by
//! lower-case word: the cue the word is ([`super::cues`]) and the word lists
//! it is on (honorifics, function words, particles and calendar words from
//! [`super::names`]; pronouns, determiners, phrase boundaries and the words
//! between a subject and its cue from [`super::speaker`]; stance verbs from
//! [`super::indirect`] and the layer's own stance cues).
//!
//! [`super::view::View`] looks every token up once per document, so the
//! rules test a bit instead of comparing the token's text against each list
//! on every visit. Matching ignores ASCII case, as the lists' own tests did
//! (`eq_ignore_ascii_case`): keys are lower-cased ASCII, and so is the word.
//! Every listed word is short, so a word is packed into one integer key (see
//! [`pack`]): no allocation, no string comparison per lookup. The table
//! hashes with FxHash: its keys are fixed words, not input that could be
//! chosen to collide.

use std::ops::BitOr;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::cues::{self, Cue};
use super::{indirect, names, speaker};

/// A set of word classes, as bits: those of the word lists, from the table,
/// and three that the view sets per token (capitalised, name word, stop).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes(u16);

impl Classes {
    /// A title before a name: "Mr", "President" ([`names::HONORIFICS`]).
    pub const HONORIFIC: Classes = Classes(1 << 0);
    /// A title only ever followed by a surname: "Mr", "Dr" ([`names::COURTESY`]).
    pub const COURTESY: Classes = Classes(1 << 1);
    /// A capitalised word that never starts a name ([`names::FUNCTION_WORDS`]).
    pub const FUNCTION_WORD: Classes = Classes(1 << 2);
    /// A month or weekday name, or a month abbreviation with its stop.
    pub const CALENDAR: Classes = Classes(1 << 3);
    /// A lower-case word inside a name: "of", "de" ([`names::PARTICLES`]).
    pub const PARTICLE: Classes = Classes(1 << 4);
    /// [`speaker::PRONOUNS`].
    pub const PRONOUN: Classes = Classes(1 << 5);
    /// [`speaker::DETERMINERS`].
    pub const DETERMINER: Classes = Classes(1 << 6);
    /// A word that ends a noun phrase ([`speaker::BOUNDARY`]).
    pub const BOUNDARY: Classes = Classes(1 << 7);
    /// An adverb, auxiliary or time word between a subject and its cue
    /// ([`speaker::BETWEEN`]).
    pub const BETWEEN: Classes = Classes(1 << 8);
    /// A stance verb, in any case ([`indirect::STANCE_VERBS`], which are
    /// matched as written: this class only rules words out quickly).
    pub const STANCE: Classes = Classes(1 << 9);
    /// A stance cue for the tagger, in any case (`super::STANCE_CUES`,
    /// matched as written: this class only rules words out quickly).
    pub const STANCE_CUE: Classes = Classes(1 << 10);
    /// Set per token by the view, not by the table: a word starting with an
    /// upper-case letter.
    pub const CAPITALISED: Classes = Classes(1 << 11);
    /// Set per token by the view: a capitalised word that is no calendar word.
    pub const NAME_WORD: Classes = Classes(1 << 12);
    /// Set per token by the view: punctuation that ends a sentence.
    pub const STOP: Classes = Classes(1 << 13);

    /// Does the set hold any class of `other`?
    pub fn has(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for Classes {
    type Output = Classes;
    fn bitor(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }
}

/// Everything the table knows about one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    pub classes: Classes,
    pub cue: Option<Cue>,
}

/// Each word list and the class it gives.
fn class_lists() -> [(Classes, &'static [&'static str]); 12] {
    [
        (Classes::HONORIFIC, names::HONORIFICS),
        (Classes::COURTESY, names::COURTESY),
        (Classes::FUNCTION_WORD, names::FUNCTION_WORDS),
        (Classes::CALENDAR, crate::time::lexicon::CALENDAR_NAMES),
        (Classes::CALENDAR, names::CALENDAR),
        (Classes::PARTICLE, names::PARTICLES),
        (Classes::PRONOUN, speaker::PRONOUNS),
        (Classes::DETERMINER, speaker::DETERMINERS),
        (Classes::BOUNDARY, speaker::BOUNDARY),
        (Classes::BETWEEN, speaker::BETWEEN),
        (Classes::STANCE, indirect::STANCE_VERBS),
        (Classes::STANCE_CUE, super::STANCE_CUES),
    ]
}

/// The table, split by key size: most tokens are short words, and a table
/// of 64-bit keys is half the size of one of 128-bit keys, so more of it
/// stays in cache.
struct Table {
    /// Words of up to [`SHORT`] bytes.
    short: FxHashMap<u64, Entry>,
    /// Longer words, up to [`MAX_KEY`] bytes.
    long: FxHashMap<u128, Entry>,
    /// For each first byte (lower case), the lengths of the words in the
    /// table that start with it, as bits: most words on no list (names,
    /// punctuation, digits, long words) are ruled out without hashing.
    lengths: [u16; 256],
}

static TABLE: LazyLock<Table> = LazyLock::new(build);

fn build() -> Table {
    let mut table = Table {
        short: FxHashMap::default(),
        long: FxHashMap::default(),
        lengths: [0; 256],
    };
    for (w, cue) in cues::inflections() {
        table.entry(&w).cue = Some(cue);
    }
    for (class, list) in class_lists() {
        for w in list {
            let e = table.entry(w);
            e.classes = e.classes | class;
        }
    }
    table
}

impl Table {
    /// The entry of `w` (any case), added empty if new.
    fn entry(&mut self, w: &str) -> &mut Entry {
        let key = pack(w).unwrap_or_else(|| panic!("lexicon word {w:?} is too long"));
        self.lengths[usize::from(w.as_bytes()[0].to_ascii_lowercase())] |= 1 << w.len();
        if w.len() <= SHORT {
            self.short.entry(key as u64).or_default()
        } else {
            self.long.entry(key).or_default()
        }
    }
}

/// The longest word a key holds, in bytes.
const MAX_KEY: usize = 15;

/// The longest word of the short table: its key fits 64 bits.
const SHORT: usize = 7;

/// `word`, ASCII lower-cased, packed into an integer: its length in the
/// highest byte used, then its bytes (so that "a" and "a\0" differ). A word
/// of up to [`SHORT`] bytes fits the low 64 bits. `None` for an empty word or
/// one longer than [`MAX_KEY`]: no list has one.
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_KEY {
        return None;
    }
    let mut key = bytes.len() as u128;
    for b in bytes {
        key = key << 8 | u128::from(b.to_ascii_lowercase());
    }
    Some(key)
}

/// What the table knows about `word` (ignoring ASCII case); the default,
/// empty entry for a word on no list.
pub(crate) fn lookup(word: &str) -> Entry {
    let table = &*TABLE;
    let Some(&b) = word.as_bytes().first() else {
        return Entry::default();
    };
    let lengths = table.lengths[usize::from(b.to_ascii_lowercase())];
    if word.len() > MAX_KEY || lengths & (1 << word.len()) == 0 {
        return Entry::default();
    }
    let found = match pack(word) {
        Some(key) if word.len() <= SHORT => table.short.get(&(key as u64)),
        Some(key) => table.long.get(&key),
        None => None,
    };
    found.copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_cues_share_one_entry() {
        assert!(lookup("Mr.").classes.has(Classes::HONORIFIC));
        assert!(lookup("MR").classes.has(Classes::COURTESY));
        assert!(lookup("September").classes.has(Classes::CALENDAR));
        assert!(lookup("sept.").classes.has(Classes::CALENDAR));
        assert!(lookup("The").classes.has(Classes::FUNCTION_WORD));
        assert!(lookup("the").classes.has(Classes::DETERMINER));
        // "said" is a cue and a phrase boundary.
        let said = lookup("Said");
        assert!(said.cue.is_some() && said.classes.has(Classes::BOUNDARY));
        assert!(lookup("Keir").classes == Classes::default() && lookup("Keir").cue.is_none());
        assert!(lookup("").cue.is_none());
    }

    /// The table answers as the lists' own case-blind tests did, for every
    /// listed word in three casings and for near misses.
    #[test]
    fn classes_match_the_lists() {
        let lists = class_lists();
        let mut words: Vec<String> = Vec::new();
        for (_, list) in lists {
            for w in list {
                let mut title = w.to_string();
                title[..1].make_ascii_uppercase();
                words.extend([w.to_string(), w.to_ascii_uppercase(), title]);
                words.extend([format!("{w}s"), w[1..].to_string(), format!("{w}.")]);
            }
        }
        for w in &words {
            let got = lookup(w).classes;
            for (class, list) in lists {
                let listed = list.iter().any(|x| x.eq_ignore_ascii_case(w));
                // A class that other lists share is set when any of them lists the word.
                let anywhere = lists
                    .iter()
                    .filter(|(c, _)| *c == class)
                    .any(|(_, l)| l.iter().any(|x| x.eq_ignore_ascii_case(w)));
                assert_eq!(got.has(class), anywhere, "{w:?}");
                assert!(!listed || got.has(class), "{w:?}");
            }
        }
    }

    #[test]
    fn words_pack_apart() {
        assert_eq!(pack("Said"), pack("said"));
        assert_ne!(pack("a"), pack("a\0"));
        assert_eq!(pack(""), None);
        assert_eq!(pack("representatives"), pack("REPRESENTATIVES"));
        assert_eq!(pack("representativess"), None);
        // Every word of every list has its key: building the table succeeds.
        assert!(TABLE.short.len() + TABLE.long.len() > 500);
    }
}
