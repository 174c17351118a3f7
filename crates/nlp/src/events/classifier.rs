//! Multinomial logistic regression over hashed sentence features.
//!
//! Five classes (CAMEO PentaClass). Trained by AdaGrad with L2 decay over
//! binary features in a fixed, seeded order, so training is reproducible.
//! The stored model keeps only features with a weight worth keeping,
//! quantised to `i16` with one scale:
//!
//! ```text
//! "TEVT" | version u32 | classes u32 | features u32 | scale f32
//! then per feature, sorted by hash: hash u64 | classes x i16    (little endian)
//! ```

use std::collections::HashMap;

use super::features::FnvBuild;

/// Number of classes (CAMEO PentaClass 0-4).
pub const CLASSES: usize = 5;

const MAGIC: &[u8; 4] = b"TEVT";
const VERSION: u32 = 1;

/// Why a stored model could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    #[error("not an event model (bad magic)")]
    Magic,
    #[error("event model version {found}, expected {VERSION}")]
    Version { found: u32 },
    #[error("event model has {found} classes, expected {CLASSES}")]
    Classes { found: u32 },
    #[error("event model is truncated")]
    Truncated,
}

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitConfig {
    pub epochs: usize,
    pub learning_rate: f32,
    /// L2 decay per update of a feature.
    pub l2: f32,
    pub seed: u64,
    /// Features whose largest absolute weight is below this are dropped
    /// (a smaller model, faster to load and query).
    pub prune: f32,
    /// Features seen in fewer training sentences than this are ignored.
    pub min_count: usize,
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            epochs: 30,
            learning_rate: 0.1,
            l2: 1e-2,
            seed: 7,
            prune: 0.05,
            min_count: 3,
        }
    }
}

/// A trained classifier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Classifier {
    weights: HashMap<u64, [f32; CLASSES], FnvBuild>,
}

impl Classifier {
    /// Class scores (unnormalised log-probabilities) for a feature set.
    pub fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mut s = [0.0f32; CLASSES];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// Class probabilities.
    pub fn probabilities(&self, features: &[u64]) -> [f32; CLASSES] {
        softmax(self.scores(features))
    }

    /// The most likely class.
    pub fn predict(&self, features: &[u64]) -> u8 {
        argmax(&self.scores(features)) as u8
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Train on `(features, class)` examples.
    pub fn fit(examples: &[(Vec<u64>, u8)], config: &FitConfig) -> Classifier {
        let mut counts: HashMap<u64, usize, FnvBuild> = HashMap::default();
        for (fs, _) in examples {
            for f in fs {
                *counts.entry(*f).or_default() += 1;
            }
        }
        let bias = super::features::bias();
        let kept = |f: &u64| *f == bias || counts[f] >= config.min_count;
        let mut index: HashMap<u64, usize> = HashMap::new();
        let data: Vec<(Vec<usize>, usize)> = examples
            .iter()
            .map(|(fs, y)| {
                let ids = fs
                    .iter()
                    .filter(|f| kept(f))
                    .map(|f| {
                        let n = index.len();
                        *index.entry(*f).or_insert(n)
                    })
                    .collect();
                (ids, usize::from(*y).min(CLASSES - 1))
            })
            .collect();
        let n = index.len();
        let mut w = vec![[0.0f32; CLASSES]; n];
        let mut g2 = vec![[1e-6f32; CLASSES]; n];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = config.seed.max(1);
        for _ in 0..config.epochs {
            shuffle(&mut order, &mut rng);
            for &i in &order {
                let (ids, y) = &data[i];
                let mut s = [0.0f32; CLASSES];
                for &f in ids {
                    for c in 0..CLASSES {
                        s[c] += w[f][c];
                    }
                }
                let p = softmax(s);
                for &f in ids {
                    for c in 0..CLASSES {
                        let target = if c == *y { 1.0 } else { 0.0 };
                        let g = p[c] - target + config.l2 * w[f][c];
                        g2[f][c] += g * g;
                        w[f][c] -= config.learning_rate * g / g2[f][c].sqrt();
                    }
                }
            }
        }
        let weights = index.into_iter().map(|(h, i)| (h, w[i])).collect();
        Classifier { weights }.pruned(config.prune)
    }

    /// This model without features whose largest absolute weight is below
    /// `min` (the bias is always kept).
    pub fn pruned(mut self, min: f32) -> Classifier {
        let bias = super::features::bias();
        self.weights
            .retain(|&k, w| k == bias || w.iter().any(|x| x.abs() >= min));
        self
    }

    /// The model in its stored form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(20 + keys.len() * (8 + 2 * CLASSES));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(CLASSES as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for x in &self.weights[k] {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Read a model written by [`Classifier::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version { found: version });
        }
        let classes = r.u32()?;
        if classes as usize != CLASSES {
            return Err(ModelError::Classes { found: classes });
        }
        let n = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| ModelError::Truncated)?);
        let mut weights = HashMap::with_capacity_and_hasher(n, FnvBuild::default());
        for _ in 0..n {
            let key = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| ModelError::Truncated)?);
            let mut w = [0.0f32; CLASSES];
            for x in &mut w {
                let q =
                    i16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?);
                *x = f32::from(q) * scale;
            }
            weights.insert(key, w);
        }
        Ok(Classifier { weights })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| ModelError::Truncated)?,
        ))
    }
}

fn softmax(s: [f32; CLASSES]) -> [f32; CLASSES] {
    let m = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut e = s.map(|x| (x - m).exp());
    let z: f32 = e.iter().sum();
    for x in &mut e {
        *x /= z;
    }
    e
}

/// Index of the largest score (the first on ties).
pub fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in s.iter().enumerate() {
        if x > s[best] {
            best = i;
        }
    }
    best
}

/// Fisher-Yates with xorshift64, seeded.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<(Vec<u64>, u8)> {
        (0..50u64)
            .map(|i| {
                let y = (i % 5) as u8;
                (vec![1000 + u64::from(y), 2000 + i], y)
            })
            .collect()
    }

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let m = Classifier::fit(&toy(), &FitConfig::default());
        for y in 0..5u8 {
            assert_eq!(m.predict(&[1000 + u64::from(y)]), y);
        }
        let back = Classifier::from_bytes(&m.to_bytes()).unwrap();
        for y in 0..5u8 {
            assert_eq!(back.predict(&[1000 + u64::from(y)]), y);
        }
        assert!(matches!(
            Classifier::from_bytes(b"NOPE"),
            Err(ModelError::Magic)
        ));
        assert!(matches!(
            Classifier::from_bytes(&m.to_bytes()[..30]),
            Err(ModelError::Truncated)
        ));
    }

    #[test]
    fn training_is_reproducible() {
        let a = Classifier::fit(&toy(), &FitConfig::default());
        let b = Classifier::fit(&toy(), &FitConfig::default());
        assert_eq!(a.to_bytes(), b.to_bytes());
    }
}
