//! The page's language: declared first (`<html lang>`, `content-language`,
//! `og:locale`, JSON-LD `inLanguage`), else guessed from stopwords in the
//! body text. Output is a lower-case ISO 639-1 code such as `en` or `de`.

use crate::jsonld::LdInfo;
use crate::signals::Signals;

fn primary(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (p.len() == 2 || p.len() == 3)
        .then_some(p)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "he", "she",
            "on",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "sich", "den", "auf",
            "auch", "dem",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "du",
            "qui", "sur",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "es", "una", "que", "por", "para", "con", "del", "se", "como",
            "su",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "è", "per", "una", "non", "sono", "della", "con", "del", "gli",
            "anche", "nel",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met",
            "voor", "ook",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "e", "de", "que", "não", "uma", "para", "com", "do", "da", "em", "se",
            "mais",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "nie", "na", "się", "że", "jest", "do", "to", "z", "jak", "ale", "po", "co",
        ],
    ),
];

/// Guess the language of `text` from stopword counts; None when unsure.
pub fn guess(text: &str) -> Option<String> {
    let mut counts = [0usize; STOPWORDS.len()];
    let mut words = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        words += 1;
        let w = w.to_lowercase();
        for (i, (_, list)) in STOPWORDS.iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
    (words >= 20 && n * 20 >= words).then(|| STOPWORDS[best].0.to_string())
}

/// Choose the language.
pub fn language(sig: &Signals, ld: &LdInfo, body: &str) -> Option<String> {
    sig.html_lang
        .as_deref()
        .and_then(primary)
        .or_else(|| {
            sig.meta(&["content-language", "language", "dc.language"])
                .and_then(primary)
        })
        .or_else(|| sig.meta(&["og:locale"]).and_then(primary))
        .or_else(|| ld.language.as_deref().and_then(primary))
        .or_else(|| guess(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_german_and_english() {
        assert_eq!(guess("Der Hund und die Katze sind nicht im Haus, das ist auch gut so, denn mit dem Regen kommt der Wind auf die Straße und das Dach ist alt.").as_deref(), Some("de"));
        assert_eq!(guess("The dog and the cat were not in the house, and that was good for the family, because it was cold on the hill and the wind blew.").as_deref(), Some("en"));
    }
}
