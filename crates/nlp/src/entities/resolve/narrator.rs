//! The narrator: who "I", "me" and "my" are outside quotation marks.
//!
//! In an interview answer, a speech, a letter or a first-person column, every
//! first-person singular pronoun outside quotation marks is the one person
//! telling the text. They form one entity, joined to a named one when the
//! text says who that is: the narrator names themself ("My name is Amy
//! Sells", "I am Amy Sells", "I'm Amy Sells"), or the text is an interview
//! with someone ("an interview with Noam Chomsky", "Wikinews interviews Aner
//! Shalev", "Herrick was interviewed by..."), whose answers speak in the
//! first person; or a letter is signed with a name. Otherwise the entity has
//! only pronouns and no name.
//! Inside quotation marks "I" is the quoted speaker, which the quotes layer
//! resolves, so those are left alone.
//!
//! "You" outside quotation marks is the one the text addresses: the person a
//! letter greets ("Dear Hannah:"), or in an interview the interviewee, whom
//! the questions address. Elsewhere it is left alone (often generic).

use tidings_model::{Document, EntityType, TokenKind};

use super::discourse::History;
use super::draft::{Draft, TypeTally};

/// Is `word` a second-person pronoun?
pub fn is_second_person(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "you" | "your" | "yours" | "yourself"
    )
}

/// Who "you" is: the person a letter greets ("Dear Hannah"), else the
/// interviewee of an interview.
pub fn addressee(doc: &Document, history: &History, drafts: &[Draft]) -> Option<usize> {
    for para in doc.paragraphs.iter().take(12) {
        let toks = doc.tokens_in(*para);
        if toks.len() <= 6
            && toks
                .first()
                .is_some_and(|x| doc.slice(x.span).eq_ignore_ascii_case("dear"))
        {
            let named = toks[1..]
                .iter()
                .find_map(|x| history.starting_at(x.span.start));
            if let Some(m) = named
                && drafts[m.draft].etype() == EntityType::Per
            {
                return Some(m.draft);
            }
        }
    }
    interviewee(doc, history, drafts)
}

/// Is `word` a first-person singular pronoun?
pub fn is_first_person(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "i" | "me" | "my" | "mine" | "myself"
    )
}

/// The person the narrator says they are, if they say so.
pub fn named_self(doc: &Document, history: &History, drafts: &[Draft]) -> Option<usize> {
    let t = &doc.tokens;
    for k in 0..t.len() {
        let w = |i: usize| {
            t.get(i)
                .filter(|x| x.kind == TokenKind::Word)
                .map(|x| doc.slice(x.span).to_lowercase())
        };
        let after = match (w(k).as_deref(), w(k + 1).as_deref(), w(k + 2).as_deref()) {
            (Some("my"), Some("name"), Some("is")) => k + 3,
            (Some("i"), Some("am" | "’m" | "'m"), _) => k + 2,
            _ => continue,
        };
        if let Some(m) = t.get(after).and_then(|x| history.starting_at(x.span.start))
            && drafts[m.draft].etype() == EntityType::Per
        {
            return Some(m.draft);
        }
    }
    None
}

/// The person an interview is with: the first person named within a few
/// words after "interview(s) (with)", or right before "was interviewed".
pub fn interviewee(doc: &Document, history: &History, drafts: &[Draft]) -> Option<usize> {
    let t = &doc.tokens;
    let is_person = |i: usize| {
        t.get(i)
            .and_then(|x| history.starting_at(x.span.start))
            .filter(|m| drafts[m.draft].etype() == EntityType::Per)
            .map(|m| m.draft)
    };
    for k in 0..t.len() {
        let w = doc.slice(t[k].span).to_lowercase();
        match w.as_str() {
            "interview" | "interviews" => {
                if let Some(d) = (k + 1..(k + 9).min(t.len()))
                    .take_while(|&i| t[i].kind == TokenKind::Word)
                    .find_map(is_person)
                {
                    return Some(d);
                }
            }
            "interviewed" if k >= 2 && doc.slice(t[k - 1].span) == "was" => {
                let m = history.ending_at(t[k - 2].span.end)?;
                if drafts[m.draft].etype() == EntityType::Per {
                    return Some(m.draft);
                }
            }
            _ => {}
        }
    }
    None
}

/// The narrator's draft: the self-named person or interviewee, or a new
/// unnamed one.
pub fn draft(doc: &Document, history: &History, drafts: &mut Vec<Draft>) -> usize {
    if let Some(d) = named_self(doc, history, drafts).or_else(|| interviewee(doc, history, drafts))
    {
        return d;
    }
    drafts.push(Draft {
        types: TypeTally::of(EntityType::Per),
        ..Draft::default()
    });
    drafts.len() - 1
}
