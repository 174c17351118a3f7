//! Fitting the content tagger on PolNeAR: read the gold attributions, view
//! each document as the quote layer does, tag its tokens (begin / inside /
//! outside of a content span), and run the averaged perceptron over the
//! documents in a seeded order. Documents whose index is a multiple of five
//! are held out and scored with the evaluation's span match.
//!
//! Single-threaded and seeded: the same data and seed give the same bytes.

use std::path::{Path, PathBuf};

use tidings_model::Document;
use tidings_model::offsets::CharIndex;

use super::QuoteModel;
use super::features::{Collected, Forms};
use super::tagger::{BEGIN, INSIDE, OUT, Packed, Trainer};
use crate::quotes::view_of;
use crate::segment;

/// Rows of the weight table, as a power of two.
pub const TABLE_BITS: u32 = 17;
/// Passes over the training documents.
pub const EPOCHS: usize = 4;

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {why}")]
    Data {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

/// One gold document: its text and content spans in bytes.
pub struct GoldDoc {
    pub doc: Document,
    pub spans: Vec<(usize, usize)>,
}

/// Is the document at this index held out from training?
pub fn is_held_out(index: usize) -> bool {
    index.is_multiple_of(5)
}

/// Read a gold quotes file (FORMAT.md: code-point offsets) and segment it.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, TrainError> {
    let text = std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.into(),
        source,
    })?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: String| TrainError::Data {
            path: path.into(),
            line: n + 1,
            why,
        };
        let j: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let id = j["id"].as_str().unwrap_or_default().to_string();
        let body = j["text"]
            .as_str()
            .ok_or_else(|| bad("no text".into()))?
            .to_string();
        let index = CharIndex::new(&body);
        let mut spans = Vec::new();
        for q in j["quotes"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let at = |k: &str| {
                q[k].as_u64()
                    .and_then(|c| index.to_byte(c as usize))
                    .ok_or_else(|| bad(format!("bad quote {k}")))
            };
            spans.push((at("start")?, at("end")?));
        }
        spans.sort_unstable();
        let mut doc = Document::new(id, body);
        segment::segment(&mut doc);
        out.push(GoldDoc { doc, spans });
    }
    Ok(out)
}

/// Gold tags of a document's tokens.
fn gold_tags(d: &GoldDoc) -> Vec<u8> {
    let toks = &d.doc.tokens;
    let mut tags = vec![OUT; toks.len()];
    for &(s, e) in &d.spans {
        let first = toks.partition_point(|t| t.span.start < s);
        let mut k = first;
        while k < toks.len() && toks[k].span.end <= e {
            if tags[k] == OUT {
                tags[k] = if k == first { BEGIN } else { INSIDE };
            } else if k == first {
                tags[k] = BEGIN;
            }
            k += 1;
        }
    }
    tags
}

/// Span scores on held-out documents, matched as `score.py quotes` does.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpanScore {
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
}

impl SpanScore {
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.matched as f64 / self.pred.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    pub fn summary(&self) -> String {
        let (p, r, f) = self.prf();
        format!(
            "tagger alone span F1 {f:.3} (P {p:.3} R {r:.3}; {} gold, {} predicted)",
            self.gold, self.pred
        )
    }
}

/// What training did.
#[derive(Debug, Clone)]
pub struct Report {
    pub train_docs: usize,
    pub held_docs: usize,
    pub train: SpanScore,
    pub held: SpanScore,
}

/// Word-token indices of a byte span.
fn words(doc: &Document, s: usize, e: usize) -> Vec<usize> {
    let toks = &doc.tokens;
    let first = toks.partition_point(|t| t.span.start < s);
    (first..toks.len())
        .take_while(|&k| toks[k].span.end <= e)
        .filter(|&k| {
            matches!(
                toks[k].kind,
                tidings_model::TokenKind::Word | tidings_model::TokenKind::Number
            )
        })
        .collect()
}

fn score_doc(d: &GoldDoc, pred: &[(usize, usize)], into: &mut SpanScore) {
    let gw: Vec<Vec<usize>> = d.spans.iter().map(|&(s, e)| words(&d.doc, s, e)).collect();
    let pw: Vec<Vec<usize>> = pred.iter().map(|&(s, e)| words(&d.doc, s, e)).collect();
    let mut cands = Vec::new();
    for (i, a) in gw.iter().enumerate() {
        for (j, b) in pw.iter().enumerate() {
            let inter = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
            let longer = a.len().max(b.len());
            if inter > 0 && inter * 2 >= longer {
                cands.push((inter as f64 / longer as f64, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.partial_cmp(x).unwrap_or(std::cmp::Ordering::Equal));
    let (mut gi, mut pj) = (vec![false; gw.len()], vec![false; pw.len()]);
    for (_, i, j) in cands {
        if !gi[i] && !pj[j] {
            gi[i] = true;
            pj[j] = true;
            into.matched += 1;
        }
    }
    into.gold += gw.len();
    into.pred += pw.len();
}

fn evaluate(model: &QuoteModel, docs: &[(&GoldDoc, Forms, Collected)]) -> SpanScore {
    let mut s = SpanScore::default();
    for (d, _, _) in docs {
        let (v, _) = view_of(&d.doc);
        let pred: Vec<(usize, usize)> = model
            .spans(&v)
            .into_iter()
            .map(|(a, b)| (v.toks[a].span.start, v.toks[b - 1].span.end))
            .collect();
        score_doc(d, &pred, &mut s);
    }
    s
}

/// A small seeded generator for the training order.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Train on the documents that are not held out; score both parts.
pub fn train(docs: &[GoldDoc], seed: u64) -> (QuoteModel, Report) {
    let mut train = Vec::new();
    let mut held = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let (v, _) = view_of(&d.doc);
        let mut statics = Collected::default();
        let forms = Forms::new(&v, &mut statics);
        if is_held_out(i) {
            held.push((d, forms, statics));
        } else {
            train.push((d, forms, statics));
        }
    }
    let gold: Vec<Vec<u8>> = train.iter().map(|(d, _, _)| gold_tags(d)).collect();
    let mut trainer = Trainer::new(TABLE_BITS);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = XorShift(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for _ in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &k in &order {
            trainer.learn(&train[k].1, &train[k].2, &gold[k]);
        }
    }
    let model = QuoteModel {
        weights: Packed::pack(&trainer.finish()),
    };
    let report = Report {
        train_docs: train.len(),
        held_docs: held.len(),
        train: evaluate(&model, &train),
        held: evaluate(&model, &held),
    };
    (model, report)
}
