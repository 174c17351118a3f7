//! The content tagger: a greedy left-to-right tagger over the tokens of a
//! document, three tags (outside, begin, inside), an averaged perceptron
//! over hashed features stored in a fixed table of `2^bits` rows.
//!
//! Greedy decoding (not Viterbi) keeps the cost at one pass: the tags already
//! given feed the next token's features, which is what lets a content span
//! run on to the end of its clause.

use super::features::Forms;

pub(crate) const OUT: u8 = 0;
pub(crate) const BEGIN: u8 = 1;
pub(crate) const INSIDE: u8 = 2;
const TAGS: usize = 3;

/// The weight table.
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

    pub fn row(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn scores(&self, feats: &[u64], out: &mut [f32; TAGS]) {
        for &h in feats {
            let r = &self.rows[self.row(h)];
            for t in 0..TAGS {
                out[t] += r[t];
            }
        }
    }

    /// The best tag of one token given its features (ties to the lower
    /// tag), and by how much it beats the outside tag.
    fn best(&self, statics: &[u64], dynamic: &[u64]) -> (u8, f32) {
        let mut s = [0.0f32; TAGS];
        self.scores(statics, &mut s);
        self.scores(dynamic, &mut s);
        let mut best = 0;
        for t in 1..TAGS {
            if s[t] > s[best] {
                best = t;
            }
        }
        (best as u8, s[best] - s[OUT as usize])
    }

    /// Tag every token of a document, left to right.
    pub fn tag(&self, forms: &Forms) -> Vec<u8> {
        self.tag_scored(forms).0
    }

    /// Tags and each tag's margin over the outside tag.
    pub fn tag_scored(&self, forms: &Forms) -> (Vec<u8>, Vec<f32>) {
        let n = forms.statics.len();
        let mut tags = Vec::with_capacity(n);
        let mut margins = Vec::with_capacity(n);
        let mut dynamic = Vec::with_capacity(8);
        for i in 0..n {
            let p1 = if i > 0 { tags[i - 1] } else { OUT };
            let p2 = if i > 1 { tags[i - 2] } else { OUT };
            dynamic.clear();
            forms.dynamic(i, p1, p2, &mut dynamic);
            let (t, m) = self.best(&forms.statics[i], &dynamic);
            tags.push(t);
            margins.push(m);
        }
        (tags, margins)
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
            let r = self.w.row(h);
            self.w.rows[r][tag as usize] += delta;
            self.acc[r][tag as usize] += self.step * f64::from(delta);
        }
    }

    /// One pass over a document's tokens with its gold tags (gold history,
    /// as in the usual greedy perceptron).
    pub fn learn(&mut self, forms: &Forms, gold: &[u8]) {
        let mut dynamic = Vec::with_capacity(8);
        for i in 0..gold.len() {
            let p1 = if i > 0 { gold[i - 1] } else { OUT };
            let p2 = if i > 1 { gold[i - 2] } else { OUT };
            dynamic.clear();
            forms.dynamic(i, p1, p2, &mut dynamic);
            let (guess, _) = self.w.best(&forms.statics[i], &dynamic);
            if guess != gold[i] {
                self.update(&forms.statics[i], gold[i], 1.0);
                self.update(&dynamic, gold[i], 1.0);
                self.update(&forms.statics[i], guess, -1.0);
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
