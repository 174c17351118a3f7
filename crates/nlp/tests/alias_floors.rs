//! Floors on the alias scores of `score.py aliases`, measured on the shared
//! gold sets (skipped when `../shared` is absent):
//! - the seed article with its gold name mentions as input, with the
//!   pipeline's recogniser, and with the no-model name finder;
//! - GUM (75 documents, 507 clusters) with the pipeline's recogniser and with
//!   the no-model name finder.
//!
//! The metric is the scorer's: each gold mention is found by the predicted
//! mention with the same span, else the shortest containing it, else the
//! shortest inside it; pairwise link P/R/F1 over gold mentions; a cluster's
//! name is right when its most-voted entity's name matches without titles
//! (a surname alone matching the full name).
//!
//! Also checks that the committed gazetteer facts are what the generator
//! makes from the shared `countries.json`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tidings_model::offsets::CharIndex;
use tidings_model::{Document, EntityType, Span};
use tidings_nlp::entities::NameMention;
use tidings_nlp::entities::resolve::{self, Gazetteer, fallback};
use tidings_nlp::segment::segment;

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).to_path_buf();
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line is JSON"))
        .collect()
}

#[derive(Default)]
struct Tally {
    gold_same: usize,
    pred_same: usize,
    both: usize,
    names_ok: usize,
    clusters: usize,
}

impl Tally {
    fn f1(&self) -> f64 {
        let p = self.both as f64 / self.pred_same.max(1) as f64;
        let r = self.both as f64 / self.gold_same.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn name_accuracy(&self) -> f64 {
        self.names_ok as f64 / self.clusters.max(1) as f64
    }
}

/// Name words without titles, case, accents or punctuation (the scorer's).
fn name_words(name: &str) -> Vec<String> {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "professor",
        "president",
        "prime",
        "minister",
        "gen",
        "general",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "rev",
        "judge",
        "justice",
        "chancellor",
        "secretary",
        "mayor",
        "jr",
        "sr",
        "the",
        "of",
    ];
    resolve::fold::words(name)
        .into_iter()
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect()
}

fn same_name(gold: &str, pred: &str) -> bool {
    let (g, p) = (name_words(gold), name_words(pred));
    if g.is_empty() || p.is_empty() {
        return g.is_empty() && p.is_empty();
    }
    let (short, long) = if g.len() <= p.len() {
        (&g, &p)
    } else {
        (&p, &g)
    };
    short == long || (short.last() == long.last() && short.iter().all(|w| long.contains(w)))
}

/// Score one document's entities against its gold clusters.
fn tally_doc(doc: &Document, gold: &Value, ix: &CharIndex, t: &mut Tally) {
    let pm: Vec<(usize, usize, &str)> = doc
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(move |m| {
                (
                    ix.to_char(m.span.start),
                    ix.to_char(m.span.end),
                    e.id.as_str(),
                )
            })
        })
        .collect();
    let mut assign: Vec<(usize, Option<&str>)> = Vec::new();
    let clusters = gold["clusters"].as_array().expect("clusters");
    for (ci, c) in clusters.iter().enumerate() {
        for m in c["mentions"].as_array().expect("mentions") {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            let exact: Vec<_> = pm.iter().filter(|x| (x.0, x.1) == (a, b)).collect();
            let outer: Vec<_> = pm.iter().filter(|x| x.0 <= a && b <= x.1).collect();
            let inner: Vec<_> = pm.iter().filter(|x| a <= x.0 && x.1 <= b).collect();
            let mut hit = if !exact.is_empty() {
                exact
            } else if !outer.is_empty() {
                outer
            } else {
                inner
            };
            hit.sort_by_key(|x| x.1 - x.0);
            assign.push((ci, hit.first().map(|x| x.2)));
        }
    }
    for i in 0..assign.len() {
        for j in i + 1..assign.len() {
            let gs = assign[i].0 == assign[j].0;
            let ps = assign[i].1.is_some() && assign[i].1 == assign[j].1;
            t.gold_same += gs as usize;
            t.pred_same += ps as usize;
            t.both += (gs && ps) as usize;
        }
    }
    for (ci, c) in clusters.iter().enumerate() {
        t.clusters += 1;
        let mut votes: Vec<(&str, usize)> = Vec::new();
        for (k, e) in &assign {
            if *k == ci
                && let Some(e) = e
            {
                match votes.iter_mut().find(|v| v.0 == *e) {
                    Some(v) => v.1 += 1,
                    None => votes.push((e, 1)),
                }
            }
        }
        // Most votes; the first seen on a tie, as Python's Counter does.
        let top = votes
            .iter()
            .fold(None::<(&str, usize)>, |best, &(e, n)| match best {
                Some((_, bn)) if bn >= n => best,
                _ => Some((e, n)),
            });
        let names: HashMap<&str, &str> = doc
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        if let Some((e, _)) = top
            && same_name(c["name"].as_str().unwrap_or(""), names[e])
        {
            t.names_ok += 1;
        }
    }
}

/// Where the name mentions come from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    Gold,
    Pipeline,
    Fallback,
}

/// Resolve every document of `gold_path` with names from `source`.
fn run(gold_path: &Path, source: Names) -> Tally {
    let gaz = Gazetteer::builtin().expect("gazetteer");
    let pipeline = tidings_nlp::Pipeline::new().expect("pipeline");
    let mut t = Tally::default();
    for g in read_jsonl(gold_path) {
        let text = g["text"].as_str().expect("text");
        let mut doc = Document::new(g["id"].as_str().unwrap_or("d"), text);
        segment(&mut doc);
        let ix = CharIndex::new(text);
        if source == Names::Pipeline {
            pipeline.annotate(&mut doc);
            tally_doc(&doc, &g, &ix, &mut t);
            continue;
        }
        let names: Vec<NameMention> = if source == Names::Gold {
            g["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|m| {
                    let at = |k: &str| ix.to_byte(m[k].as_u64().unwrap() as usize).unwrap();
                    NameMention {
                        span: Span::new(at("start"), at("end")),
                        etype: EntityType::parse(m["type"].as_str().unwrap()).unwrap(),
                    }
                })
                .collect()
        } else {
            fallback::find_names(&doc, &gaz)
        };
        resolve::annotate(&mut doc, &names, &gaz);
        tally_doc(&doc, &g, &ix, &mut t);
    }
    t
}

#[test]
fn seed_aliases_with_gold_names() {
    let Some(s) = shared() else { return };
    let t = run(&s.join("data/seed/seed.gold.jsonl"), Names::Gold);
    eprintln!(
        "seed, gold names: link F1 {:.3}, names {:.3}",
        t.f1(),
        t.name_accuracy()
    );
    assert!(t.f1() >= 0.97, "link F1 {:.3}", t.f1());
    assert!(t.name_accuracy() >= 0.95, "names {:.3}", t.name_accuracy());
}

#[test]
fn seed_aliases_with_recognised_names() {
    let Some(s) = shared() else { return };
    let t = run(&s.join("data/seed/seed.gold.jsonl"), Names::Pipeline);
    eprintln!(
        "seed, pipeline: link F1 {:.3}, names {:.3}",
        t.f1(),
        t.name_accuracy()
    );
    assert!(t.f1() >= 0.97, "link F1 {:.3}", t.f1());
    assert!(t.name_accuracy() >= 0.95, "names {:.3}", t.name_accuracy());
}

#[test]
fn gum_aliases_with_recognised_names() {
    let Some(s) = shared() else { return };
    let t = run(&s.join("data/aliases/gum-dev.jsonl"), Names::Pipeline);
    eprintln!(
        "GUM, pipeline: link F1 {:.3}, names {:.3}",
        t.f1(),
        t.name_accuracy()
    );
    assert!(t.f1() >= 0.61, "link F1 {:.3}", t.f1());
    assert!(t.name_accuracy() >= 0.56, "names {:.3}", t.name_accuracy());
}

#[test]
fn seed_aliases_with_fallback_names() {
    let Some(s) = shared() else { return };
    let t = run(&s.join("data/seed/seed.gold.jsonl"), Names::Fallback);
    eprintln!(
        "seed, fallback names: link F1 {:.3}, names {:.3}",
        t.f1(),
        t.name_accuracy()
    );
    assert!(t.f1() >= 0.9, "link F1 {:.3}", t.f1());
    assert!(t.name_accuracy() >= 0.9, "names {:.3}", t.name_accuracy());
}

#[test]
fn gum_aliases_with_fallback_names() {
    let Some(s) = shared() else { return };
    let t = run(&s.join("data/aliases/gum-dev.jsonl"), Names::Fallback);
    eprintln!(
        "GUM, fallback names: link F1 {:.3}, names {:.3}",
        t.f1(),
        t.name_accuracy()
    );
    assert!(t.f1() >= 0.55, "link F1 {:.3}", t.f1());
    assert!(t.name_accuracy() >= 0.5, "names {:.3}", t.name_accuracy());
}

#[test]
fn gazetteer_facts_are_reproducible() {
    let Some(s) = shared() else { return };
    let json = std::fs::read_to_string(s.join("data/gazetteer/countries.json")).expect("countries");
    let made = resolve::gazetteer::build::facts_from_countries_json(&json).expect("facts");
    let committed = include_str!("../data/gazetteer/countries.tsv");
    assert!(
        made == committed,
        "countries.tsv is stale: rebuild it (see its README)"
    );
}
