//! Abbreviations that keep their full stop, and which of them never end a
//! sentence.

/// Titles that stand before a name: a full stop after them never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "sen", "rep", "gov", "lt", "col",
    "gen", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "rev", "fr", "hon",
    "pres", "supt", "insp", "det", "amb", "atty", "mt", "ft", "vs",
];

/// Abbreviations that keep their stop only before a number ("No. 10", "Art. 5").
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "pp", "fig", "art", "sec", "ch", "para", "op",
];

/// Other abbreviations that take a full stop; after these a sentence may end
/// when the next word clearly starts one.
const OTHERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "ltd", "co", "corp",
    "plc", "llc", "bros", "dept", "univ", "assn", "est", "approx", "etc", "al", "cf", "ave",
    "blvd", "rd", "ln", "hwy", "mins", "min", "hr", "hrs", "sq", "oz", "lb", "lbs", "kg", "km",
    "cm", "mm", "ca", "c", "viz", "ala", "ark", "ariz", "calif", "colo", "conn", "del", "fla",
    "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis",
    "wyo", "sr", "jr", "st", "u.s", "u.k", "u.n", "e.u", "d.c",
];

/// Is `word` (without its stop) an abbreviation that keeps its full stop?
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str()) || OTHERS.contains(&lower.as_str())
}

/// Is `word` an abbreviation that keeps its stop when a number follows?
pub fn is_numbered_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    BEFORE_NUMBER.contains(&lower.as_str())
}

/// Is `word` (without its stop) a title that never ends a sentence?
pub fn is_title(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str())
}

/// Words that, capitalised after an ambiguous full stop ("in the U.S. The
/// talks..."), signal a new sentence.
pub fn starts_sentence(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "For"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "There"
            | "Here"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Some"
            | "Many"
            | "Most"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Meanwhile"
            | "However"
            | "Officials"
            | "Speaking"
            | "According"
    )
}
