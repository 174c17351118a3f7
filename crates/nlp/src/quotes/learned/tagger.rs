//! The content tagger: a greedy left-to-right tagger over the tokens of a
//! document, three tags (outside, begin, inside), an averaged perceptron
//! over hashed features stored in a fixed table of `2^bits` rows.
//!
//! Greedy decoding (not Viterbi) keeps the cost at one pass: the tags already
//! given feed the next token's features, which is what lets a content span
//! run on to the end of its clause.

use super::features::{Collected, Forms, Sink};

pub(crate) const OUT: u8 = 0;
pub(crate) const BEGIN: u8 = 1;
pub(crate) const INSIDE: u8 = 2;
const TAGS: usize = 3;

/// A table of per-tag weights, looked up by feature hash.
pub(crate) trait Table {
    /// Add the rows of `feats` to `out`.
    fn add(&self, feats: &[u64], out: &mut [f32; TAGS]);

    /// The best tag of one token given its static scores and dynamic
    /// features (ties to the lower tag).
    fn best(&self, statics: [f32; TAGS], dynamic: &[u64]) -> u8 {
        let mut s = statics;
        self.add(dynamic, &mut s);
        let mut best = 0;
        for t in 1..TAGS {
            if s[t] > s[best] {
                best = t;
            }
        }
        best as u8
    }

    /// Tag the tokens of `ranges` (in text order), each left to right,
    /// from the static scores of its tokens; every other token is `OUT`.
    fn tag(&self, forms: &Forms, statics: &[[f32; TAGS]], ranges: &[(usize, usize)]) -> Vec<u8> {
        let mut tags = vec![OUT; forms.len()];
        let mut dynamic = Vec::with_capacity(8);
        for &(r0, r1) in ranges {
            for i in r0..r1 {
                let p1 = if i > 0 { tags[i - 1] } else { OUT };
                let p2 = if i > 1 { tags[i - 2] } else { OUT };
                dynamic.clear();
                forms.dynamic(i, p1, p2, &mut dynamic);
                tags[i] = self.best(statics[i], &dynamic);
            }
        }
        tags
    }
}

/// Static scores added up as the features come (for tagging); one row per
/// token of the document.
pub(crate) struct Scored<'a, T: Table> {
    pub table: &'a T,
    pub scores: Vec<[f32; TAGS]>,
    pub current: usize,
}

impl<T: Table> Sink for Scored<'_, T> {
    fn token(&mut self, i: usize, _: &Forms) -> bool {
        self.current = i;
        true
    }
    fn push(&mut self, h: u64) {
        if let Some(s) = self.scores.get_mut(self.current) {
            self.table.add(&[h], s);
        }
    }
}

/// Tags as the features come, token by token, and stops a range once its
/// content is over: when a content span has ended, or when none has begun
/// within [`Tagging::reach`] tokens of the range's start (content that
/// starts later is not the content of the cue before the range).
pub(crate) struct Tagging<'a, T: Table> {
    pub table: &'a T,
    pub reach: usize,
    pub tags: Vec<u8>,
    /// The static features of the current token, looked up together.
    statics: Vec<u64>,
    dynamic: Vec<u64>,
    /// The token whose features are being added, and its range's start.
    current: Option<usize>,
    start: usize,
    /// A content span has begun in the current range.
    begun: bool,
}

impl<'a, T: Table> Tagging<'a, T> {
    pub fn new(table: &'a T, reach: usize, tokens: usize) -> Self {
        Tagging {
            table,
            reach,
            tags: vec![OUT; tokens],
            statics: Vec::with_capacity(32),
            dynamic: Vec::with_capacity(8),
            current: None,
            start: 0,
            begun: false,
        }
    }

    /// Tag the token whose features are complete.
    fn settle(&mut self, forms: &Forms) {
        let Some(i) = self.current.take() else {
            return;
        };
        let p1 = if i > self.start {
            self.tags[i - 1]
        } else {
            OUT
        };
        let p2 = if i > self.start + 1 {
            self.tags[i - 2]
        } else {
            OUT
        };
        self.dynamic.clear();
        forms.dynamic(i, p1, p2, &mut self.dynamic);
        let mut scores = [0.0; TAGS];
        self.table.add(&self.statics, &mut scores);
        self.tags[i] = self.table.best(scores, &self.dynamic);
    }
}

impl<T: Table> Sink for Tagging<'_, T> {
    fn token(&mut self, i: usize, forms: &Forms) -> bool {
        let first = self.current.is_none_or(|c| c + 1 != i);
        self.settle(forms);
        if first {
            self.start = i;
            self.begun = false;
        } else {
            let last = self.tags[i - 1];
            self.begun |= last != OUT;
            if (last == OUT && self.begun) || (!self.begun && i - self.start >= self.reach) {
                return false;
            }
        }
        self.current = Some(i);
        self.statics.clear();
        true
    }
    fn push(&mut self, h: u64) {
        self.statics.push(h);
    }
    fn range_end(&mut self, forms: &Forms) {
        self.settle(forms);
    }
}

fn row(bits: u32, h: u64) -> usize {
    (h >> (64 - bits)) as usize
}

/// The weight table while training, in `f32`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    pub bits: u32,
    pub rows: Vec<[f32; TAGS]>,
}

impl Weights {
    pub fn zeros(bits: u32) -> Weights {
        Weights {
            bits,
            rows: vec![[0.0; TAGS]; 1 << bits],
        }
    }
}

impl Table for Weights {
    fn add(&self, feats: &[u64], out: &mut [f32; TAGS]) {
        for &h in feats {
            let r = &self.rows[row(self.bits, h)];
            for t in 0..TAGS {
                out[t] += r[t];
            }
        }
    }
}

/// The trained table as shipped: `i16` weights times one scale, half the
/// memory of `f32`, so that lookups stay in cache.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Packed {
    pub bits: u32,
    pub scale: f32,
    pub rows: Vec<[i16; TAGS]>,
}

impl Packed {
    /// Quantise trained weights.
    pub fn pack(w: &Weights) -> Packed {
        let max = w
            .rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0.0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = |x: f32| (x / scale).round().clamp(-32767.0, 32767.0) as i16;
        Packed {
            bits: w.bits,
            scale,
            rows: w.rows.iter().map(|r| [q(r[0]), q(r[1]), q(r[2])]).collect(),
        }
    }
}

impl Table for Packed {
    /// Sums in integers (exact), scaled once; the scale is positive, so the
    /// best tag is that of the integer sums.
    fn add(&self, feats: &[u64], out: &mut [f32; TAGS]) {
        let mut s = [0i32; TAGS];
        for &h in feats {
            let r = &self.rows[row(self.bits, h)];
            for t in 0..TAGS {
                s[t] += i32::from(r[t]);
            }
        }
        for t in 0..TAGS {
            out[t] += s[t] as f32;
        }
    }
}

/// Averaged perceptron training state over a [`Weights`] table.
pub(crate) struct Trainer {
    w: Weights,
    /// Sum over updates of `step * delta`, for the average.
    acc: Vec<[f64; TAGS]>,
    step: f64,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        Trainer {
            w: Weights::zeros(bits),
            acc: vec![[0.0; TAGS]; 1 << bits],
            step: 1.0,
        }
    }

    fn update(&mut self, feats: &[u64], tag: u8, delta: f32) {
        for &h in feats {
            let r = row(self.w.bits, h);
            self.w.rows[r][tag as usize] += delta;
            self.acc[r][tag as usize] += self.step * f64::from(delta);
        }
    }

    /// One pass over a document's tokens with its gold tags (gold history,
    /// as in the usual greedy perceptron).
    pub fn learn(&mut self, forms: &Forms, statics: &Collected, gold: &[u8]) {
        let mut dynamic = Vec::with_capacity(8);
        for i in 0..gold.len() {
            let p1 = if i > 0 { gold[i - 1] } else { OUT };
            let p2 = if i > 1 { gold[i - 2] } else { OUT };
            dynamic.clear();
            forms.dynamic(i, p1, p2, &mut dynamic);
            let mut s = [0.0; TAGS];
            self.w.add(statics.of(i), &mut s);
            let guess = self.w.best(s, &dynamic);
            if guess != gold[i] {
                self.update(statics.of(i), gold[i], 1.0);
                self.update(&dynamic, gold[i], 1.0);
                self.update(statics.of(i), guess, -1.0);
                self.update(&dynamic, guess, -1.0);
            }
            self.step += 1.0;
        }
    }

    /// The averaged weights.
    pub fn finish(self) -> Weights {
        let mut w = self.w;
        for (r, a) in w.rows.iter_mut().zip(&self.acc) {
            for t in 0..TAGS {
                r[t] -= (a[t] / self.step) as f32;
            }
        }
        w
    }
}
