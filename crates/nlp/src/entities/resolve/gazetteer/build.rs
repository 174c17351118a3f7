//! Generating the gazetteer facts file from mledoze/countries' `countries.json`.
//!
//! `cargo run -p tidings-nlp --example build_gazetteer -- PATH/countries.json`
//! prints the file that is committed as `crates/nlp/data/gazetteer/countries.tsv`;
//! a test checks that the committed file is what this produces.
//!
//! Choices, so that a name in English news maps to one country:
//! - names: the common and official English names plus the alternative
//!   spellings written in Latin script, without "Korea, Republic of" inversions,
//!   without ISO codes (except [`CODES_AS_NAMES`]), without [`NOT_NAMES`]
//!   (English words and demonyms), and without any spelling that two countries
//!   share ("Congo");
//! - capitals: those of independent countries only, so that "Hamilton" or
//!   "The Valley" do not become capitals;
//! - demonyms: the English masculine and feminine forms and their plurals;
//! - [`SUPPLEMENT`]: a few English usages the source lacks ("America",
//!   "Britain", "Washington" for the US capital).

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::GazetteerError;
use crate::entities::resolve::fold::fold;

/// ISO-like codes that English news uses as names.
const CODES_AS_NAMES: &[&str] = &["US", "UK", "USA", "UAE", "DRC", "DPRK"];

/// Alternative spellings in the source that are English words, demonyms or
/// ambiguous between countries or places.
const NOT_NAMES: &[&str] = &[
    "Island",
    "Mann",
    "Togolese",
    "Thai",
    "Saudi",
    "Guiana",
    "Timor",
    "Congo",
    "Dominique",
    "Viti",
    "Lao",
    "Republic of China",
];

/// English usages that the source lacks: (alpha-2, field, value).
const SUPPLEMENT: &[(&str, Field, &str)] = &[
    ("US", Field::Name, "America"),
    ("US", Field::Name, "U.S."),
    ("US", Field::Name, "U.S.A."),
    ("US", Field::Capital, "Washington"),
    ("GB", Field::Name, "Britain"),
    ("GB", Field::Name, "U.K."),
    ("GB", Field::Demonym, "Briton"),
    ("GB", Field::Demonym, "Britons"),
    ("TR", Field::Name, "Turkey"),
    ("SA", Field::Demonym, "Saudi"),
    ("SA", Field::Demonym, "Saudis"),
    ("UA", Field::Capital, "Kiev"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Demonym,
    Capital,
}

const HEADER: &str = "\
# Countries, capitals and demonyms for entity typing and keys.
# Generated from mledoze/countries countries.json by
#   cargo run -p tidings-nlp --example build_gazetteer -- countries.json
# Source data: mledoze/countries, Open Database License (ODbL) 1.0,
# https://github.com/mledoze/countries ; this file is a derived database under ODbL.
# columns: iso2 iso3 name names demonyms capitals (lists joined by |)
";

/// The facts file for the `countries.json` text `json`.
pub fn facts_from_countries_json(json: &str) -> Result<String, GazetteerError> {
    let root: Value =
        serde_json::from_str(json).map_err(|e| GazetteerError::Source(e.to_string()))?;
    let entries = root
        .as_array()
        .ok_or_else(|| GazetteerError::Source("the top level is not an array".into()))?;
    let mut rows = Vec::new();
    for e in entries {
        rows.push(row_of(e)?);
    }
    // A spelling two countries share names neither.
    let mut owners: HashMap<String, BTreeSet<String>> = HashMap::new();
    for r in &rows {
        for n in &r.names {
            owners.entry(fold(n)).or_default().insert(r.iso2.clone());
        }
    }
    for r in &mut rows {
        let common = fold(&r.name);
        r.names
            .retain(|n| fold(n) == common || owners[&fold(n)].len() == 1);
    }
    for &(iso2, field, value) in SUPPLEMENT {
        if let Some(r) = rows.iter_mut().find(|r| r.iso2 == iso2) {
            let list = match field {
                Field::Name => &mut r.names,
                Field::Demonym => &mut r.demonyms,
                Field::Capital => &mut r.capitals,
            };
            push_unique(list, value);
        }
    }
    rows.sort_by(|a, b| a.iso2.cmp(&b.iso2));
    let mut out = String::from(HEADER);
    for r in rows {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            r.iso2,
            r.iso3,
            r.name,
            r.names.join("|"),
            r.demonyms.join("|"),
            r.capitals.join("|")
        ));
    }
    Ok(out)
}

struct Row {
    iso2: String,
    iso3: String,
    name: String,
    names: Vec<String>,
    demonyms: Vec<String>,
    capitals: Vec<String>,
}

fn row_of(e: &Value) -> Result<Row, GazetteerError> {
    let s = |v: &Value| v.as_str().map(clean);
    let iso2 =
        s(&e["cca2"]).ok_or_else(|| GazetteerError::Source("an entry has no cca2".into()))?;
    let name = s(&e["name"]["common"])
        .ok_or_else(|| GazetteerError::Source(format!("{iso2} has no common name")))?;
    let mut names = vec![name.clone()];
    if let Some(official) = s(&e["name"]["official"]) {
        push_name(&mut names, &official);
    }
    for alt in e["altSpellings"].as_array().into_iter().flatten() {
        if let Some(alt) = s(alt) {
            push_name(&mut names, &alt);
        }
    }
    let mut demonyms = Vec::new();
    for g in ["m", "f"] {
        if let Some(d) = s(&e["demonyms"]["eng"][g]) {
            push_unique(&mut demonyms, &d);
            if let Some(p) = plural(&d) {
                push_unique(&mut demonyms, &p);
            }
        }
    }
    let mut capitals = Vec::new();
    if e["independent"].as_bool() == Some(true) {
        for c in e["capital"].as_array().into_iter().flatten() {
            if let Some(c) = s(c).filter(|c| !c.starts_with("The ") && !c.starts_with("City of ")) {
                push_unique(&mut capitals, &c);
            }
        }
    }
    Ok(Row {
        iso3: s(&e["cca3"]).unwrap_or_default(),
        iso2,
        name,
        names,
        demonyms,
        capitals,
    })
}

/// Tabs, newlines and list separators never reach the facts file.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '|'], " ").trim().to_string()
}

fn push_name(names: &mut Vec<String>, alt: &str) {
    let is_code = alt.len() <= 4 && alt.chars().all(|c| c.is_ascii_uppercase());
    let keep = is_latin(alt)
        && !alt.contains(',')
        && !alt.contains('(')
        && !NOT_NAMES.contains(&alt)
        && (!is_code || CODES_AS_NAMES.contains(&alt));
    if keep {
        push_unique(names, alt);
    }
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// Latin script: ASCII plus Latin-1 and Latin Extended letters.
fn is_latin(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c))
}

/// The plural of a demonym used as a noun ("Ukrainians"); none for those that
/// do not take one ("British", "Chinese", "Swiss").
fn plural(d: &str) -> Option<String> {
    let invariant = ["ese", "ish", "ch", "sh", "ss", "s", "x", "z"];
    if invariant.iter().any(|e| d.ends_with(e)) {
        return None;
    }
    Some(format!("{d}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"[
      {"name": {"common": "Ukraine", "official": "Ukraine"}, "cca2": "UA", "cca3": "UKR",
       "altSpellings": ["UA", "Ukrayina", "Україна"], "capital": ["Kyiv"], "independent": true,
       "demonyms": {"eng": {"f": "Ukrainian", "m": "Ukrainian"}}},
      {"name": {"common": "Bermuda", "official": "Bermuda"}, "cca2": "BM", "cca3": "BMU",
       "altSpellings": ["BM", "The Bermudas"], "capital": ["Hamilton"], "independent": false,
       "demonyms": {"eng": {"f": "Bermudian", "m": "Bermudian"}}}
    ]"#;

    #[test]
    fn facts_keep_english_names_and_independent_capitals() {
        let facts = facts_from_countries_json(SAMPLE).unwrap();
        let g = super::super::Gazetteer::parse(&facts).unwrap();
        let ua = g.country("UA").unwrap();
        assert_eq!(ua.names, ["Ukraine", "Ukrayina"]);
        assert_eq!(ua.demonyms, ["Ukrainian", "Ukrainians"]);
        assert_eq!(ua.capitals, ["Kyiv", "Kiev"]);
        assert!(g.country("BM").unwrap().capitals.is_empty());
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(facts_from_countries_json("{").is_err());
        assert!(facts_from_countries_json("{}").is_err());
    }
}
