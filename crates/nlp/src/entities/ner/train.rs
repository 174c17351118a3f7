//! Training: an averaged structured perceptron over BILOU tag sequences.
//!
//! Each epoch visits the training documents in an order shuffled by a
//! seeded generator, and their sentences in order (so that the prediction
//! history of [`super::history`] builds up as at run time); it decodes each
//! sentence with the current weights, and on a
//! mistake adds the gold sequence's features and subtracts the predicted
//! one's (tokens whose tags differ, and transitions that differ). Weights
//! are averaged over all steps (the `w - u/c` trick), which regularises the
//! perceptron. After every epoch the averaged model is scored on the dev
//! set; the best epoch wins. Features seen fewer than [`MIN_COUNT`] times in
//! training are not learned. Everything is deterministic for a given seed.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;

use super::corpus::{self, GoldDoc};
use super::decode::{self, Lattice};
use super::features;
use super::forms::{Forms, IdHasher};
use super::history::History;
use super::lexicon::Lexicon;
use super::tags::{self, N_TAGS, O};
use super::weights::{EDGE, N_TRANS, Weights};
use super::{NerError, NerModel, Scores};

/// Passes over the training data.
pub const EPOCHS: usize = 20;
/// Features seen fewer times than this in the training data (CoNLL in both
/// forms plus the repeated news sentences) are dropped.
pub const MIN_COUNT: u32 = 2;
/// How many times the hand-written news sentences are repeated in training.
const NEWS_REPEAT: usize = 3;
/// Hand-written sentences in modern news style (mixed case, British and US
/// conventions), marked inline; see [`corpus::parse_marked`].
const NEWS: &str = include_str!("news.txt");

/// What training did and how the result scores.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub train_docs: usize,
    pub train_sentences: usize,
    pub train_tokens: usize,
    /// Gold names that do not fall on token boundaries (not learnable).
    pub unaligned: usize,
    /// Gold names that cross a sentence boundary of the segmenter (skipped).
    pub crossing: usize,
    /// Distinct features learned (after the count cut-off).
    pub features: usize,
    /// Averaged-model dev F1 after each epoch.
    pub dev_f1_by_epoch: Vec<f64>,
    /// The epoch chosen (1-based).
    pub best_epoch: usize,
    /// Dev scores of the final, quantised model.
    pub dev: Scores,
    /// Size of the artifact in bytes.
    pub model_bytes: usize,
}

/// One training sentence: feature index lists per token and gold tags,
/// plus what the prediction history needs.
struct Sentence {
    /// Offsets into `feats` per token, plus one.
    offs: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
    lower: Vec<u64>,
    flags: Vec<u16>,
}

/// Train a model from CoNLL-format JSON Lines `train`, choosing the epoch on
/// `dev`, with gazetteer features from `gazetteer` (`countries.json`).
pub fn train(
    train: &Path,
    dev: &Path,
    gazetteer: &Path,
    seed: u64,
) -> Result<(NerModel, TrainReport), NerError> {
    let lexicon = Lexicon::from_gazetteer_file(gazetteer)?;
    let mut docs = corpus::read_jsonl(train)?;
    let prose: Vec<GoldDoc> = docs.iter().map(GoldDoc::as_prose).collect();
    docs.extend(prose);
    let news =
        corpus::parse_marked(NEWS).map_err(|why| NerError::data(Path::new("news.txt"), why))?;
    for _ in 0..NEWS_REPEAT {
        docs.extend(news.iter().cloned());
    }
    let dev_docs = corpus::read_jsonl(dev)?;

    let mut report = TrainReport {
        train_docs: docs.len(),
        train_sentences: 0,
        train_tokens: 0,
        unaligned: 0,
        crossing: 0,
        features: 0,
        dev_f1_by_epoch: Vec::new(),
        best_epoch: 0,
        dev: Scores::default(),
        model_bytes: 0,
    };
    let (train_docs, keys) = featurize(&docs, &lexicon, &mut report);
    report.features = keys.len();
    let history_index: HashMap<u32, u32> = features::history_keys()
        .into_iter()
        .map(|k| (k, keys.binary_search(&k).map_or(u32::MAX, |i| i as u32)))
        .collect();

    let nf = keys.len();
    let mut w = vec![0f32; nf * N_TAGS];
    let mut u = vec![0f32; nf * N_TAGS];
    let mut tw = [[0f32; N_TRANS]; N_TRANS];
    let mut tu = [[0f32; N_TRANS]; N_TRANS];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut rng = SplitMix(seed);
    let mut lat = Lattice::default();
    let mut em: Vec<[f32; N_TAGS]> = Vec::new();
    let mut pred = Vec::new();
    let mut dynamic: Vec<Option<u32>> = Vec::new();
    let mut best: Option<(f64, NerModel)> = None;

    for epoch in 0..EPOCHS {
        rng.shuffle(&mut order);
        let mut trans = decode::constrain(&tw);
        for &d in &order {
            let mut history = History::default();
            for s in &train_docs[d] {
                dynamic.clear();
                dynamic.extend((0..s.gold.len()).map(|t| {
                    history
                        .feature(s.lower[t], s.flags[t])
                        .and_then(|k| history_index.get(&k).copied())
                }));
                em.clear();
                for (t, dy) in dynamic.iter().enumerate() {
                    let mut row = [0f32; N_TAGS];
                    let stat = &s.feats[s.offs[t] as usize..s.offs[t + 1] as usize];
                    for &f in stat.iter().chain(dy) {
                        let base = f as usize * N_TAGS;
                        for (r, x) in row.iter_mut().zip(&w[base..base + N_TAGS]) {
                            *r += x;
                        }
                    }
                    em.push(row);
                }
                decode::viterbi(&em, &trans, &mut lat, &mut pred);
                history.record(&s.lower, &s.flags, &pred);
                if pred == s.gold {
                    c += 1.0;
                    continue;
                }
                for (t, (&g, &p)) in s.gold.iter().zip(&pred).enumerate() {
                    let (g, p) = (g as usize, p as usize);
                    if g == p {
                        continue;
                    }
                    let stat = &s.feats[s.offs[t] as usize..s.offs[t + 1] as usize];
                    for &f in stat.iter().chain(&dynamic[t]) {
                        let base = f as usize * N_TAGS;
                        w[base + g] += 1.0;
                        u[base + g] += c;
                        w[base + p] -= 1.0;
                        u[base + p] -= c;
                    }
                }
                for t in 0..=s.gold.len() {
                    let at = |seq: &[u8], i: usize| -> usize {
                        if i == 0 || i > seq.len() {
                            EDGE
                        } else {
                            seq[i - 1] as usize
                        }
                    };
                    let g = (at(&s.gold, t), at(&s.gold, t + 1));
                    let p = (at(&pred, t), at(&pred, t + 1));
                    if g != p {
                        tw[g.0][g.1] += 1.0;
                        tu[g.0][g.1] += c;
                        tw[p.0][p.1] -= 1.0;
                        tu[p.0][p.1] -= c;
                    }
                }
                trans = decode::constrain(&tw);
                c += 1.0;
            }
        }
        let model = averaged(&keys, &w, &u, &tw, &tu, c, &lexicon);
        let f1 = model.evaluate(&dev_docs).micro().f1;
        report.dev_f1_by_epoch.push(f1);
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            report.best_epoch = epoch + 1;
            best = Some((f1, model));
        }
    }
    let Some((_, model)) = best else {
        return Err(NerError::Model("no training epochs".into()));
    };
    // The returned model is the artifact's, quantisation included.
    let bytes = model.to_bytes();
    let model = NerModel::from_bytes(&bytes)?;
    report.model_bytes = bytes.len();
    report.dev = model.evaluate(&dev_docs);
    Ok((model, report))
}

/// The training sentences of every document, in order, and the feature keys
/// kept (sorted; index = position).
fn featurize(
    docs: &[GoldDoc],
    lexicon: &Lexicon,
    report: &mut TrainReport,
) -> (Vec<Vec<Sentence>>, Vec<u32>) {
    let mut raw: Vec<Vec<Sentence>> = Vec::new();
    let mut counts: HashMap<u32, u32, BuildHasherDefault<IdHasher>> = HashMap::default();
    for g in docs {
        let forms = Forms::new(&g.doc, lexicon);
        let (names, unaligned) = g.token_names();
        report.unaligned += unaligned;
        let mut gold = vec![O; g.doc.tokens.len()];
        let mut ok = Vec::new();
        for &(a, b, t) in &names {
            let inside = forms.sentences.iter().any(|&(s, e)| s <= a && b <= e);
            if inside {
                ok.push((a, b, tags::type_index(t)));
            } else {
                report.crossing += 1;
            }
        }
        tags::encode(&ok, &mut gold);
        let mut doc_sentences = Vec::new();
        for &(s, e) in &forms.sentences {
            let mut offs = vec![0u32];
            let mut feats = Vec::new();
            for i in s..e {
                features::token_features(&forms, i, s, e, &mut feats);
                offs.push(feats.len() as u32);
            }
            for &k in &feats {
                *counts.entry(k).or_default() += 1;
            }
            report.train_sentences += 1;
            report.train_tokens += e - s;
            doc_sentences.push(Sentence {
                offs,
                feats,
                gold: gold[s..e].to_vec(),
                lower: forms.lower[s..e].to_vec(),
                flags: forms.flags[s..e].to_vec(),
            });
        }
        raw.push(doc_sentences);
    }
    let mut keys: Vec<u32> = counts
        .iter()
        .filter(|(_, n)| **n >= MIN_COUNT)
        .map(|(k, _)| *k)
        .chain(features::history_keys())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let index: HashMap<u32, u32, BuildHasherDefault<IdHasher>> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    for s in raw.iter_mut().flatten() {
        let mut offs = vec![0u32];
        let mut feats = Vec::with_capacity(s.feats.len());
        for t in 0..s.gold.len() {
            for &k in &s.feats[s.offs[t] as usize..s.offs[t + 1] as usize] {
                if let Some(&ix) = index.get(&k) {
                    feats.push(ix);
                }
            }
            offs.push(feats.len() as u32);
        }
        s.offs = offs;
        s.feats = feats;
    }
    (raw, keys)
}

/// The averaged model `w - u/c`.
fn averaged(
    keys: &[u32],
    w: &[f32],
    u: &[f32],
    tw: &[[f32; N_TRANS]; N_TRANS],
    tu: &[[f32; N_TRANS]; N_TRANS],
    c: f32,
    lexicon: &Lexicon,
) -> NerModel {
    let mut feats = Vec::with_capacity(keys.len());
    for (i, &k) in keys.iter().enumerate() {
        let mut row = [0f32; N_TAGS];
        let mut any = false;
        for (t, r) in row.iter_mut().enumerate() {
            let x = i * N_TAGS + t;
            *r = w[x] - u[x] / c;
            any |= *r != 0.0;
        }
        if any {
            feats.push((k, row));
        }
    }
    let mut trans = [[0f32; N_TRANS]; N_TRANS];
    for a in 0..N_TRANS {
        for b in 0..N_TRANS {
            trans[a][b] = tw[a][b] - tu[a][b] / c;
        }
    }
    NerModel::new(Weights::new(feats, trans), lexicon.clone())
}

/// SplitMix64: a small, fixed pseudo-random generator for shuffling.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::hash::mix(self.0)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
