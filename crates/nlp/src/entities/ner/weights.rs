//! The trained weights at run time: an open-addressing table from feature
//! key to a row of per-tag weights, plus the tag transition matrix.
//!
//! Rows are dense (`N_TAGS` weights) so that scoring a token is one probe and
//! one 17-wide add per feature; only features the training kept are stored.
//! Rows hold 16-bit integers of one scale (the largest weight is 32767):
//! half the memory of floats, so more of the table stays in cache, and the
//! same precision the artifact keeps.

use super::tags::N_TAGS;

/// Transition matrix size: the tags plus the sequence edge (index `N_TAGS`,
/// "start" as a source and "end" as a target).
pub const EDGE: usize = N_TAGS;
pub const N_TRANS: usize = N_TAGS + 1;

/// Feature rows and transitions.
#[derive(Clone)]
pub struct Weights {
    /// `(key, row)` slots; key 0 marks an empty slot.
    slots: Vec<(u32, u32)>,
    mask: usize,
    rows: Vec<[i16; N_TAGS]>,
    /// Value of one integer step.
    scale: f32,
    /// `trans[a][b]`: score of tag `b` after tag `a`.
    pub trans: [[f32; N_TRANS]; N_TRANS],
}

impl std::fmt::Debug for Weights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Weights")
            .field("features", &self.rows.len())
            .finish()
    }
}

impl Weights {
    /// Build from `(key, row)` pairs (keys distinct and non-zero).
    pub fn new(features: Vec<(u32, [f32; N_TAGS])>, trans: [[f32; N_TRANS]; N_TRANS]) -> Self {
        let cap = (features.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); cap];
        let mask = cap - 1;
        let max = features
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows = Vec::with_capacity(features.len());
        for (key, row) in features {
            let row = row.map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16);
            let mut at = slot_of(key, mask);
            while slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (key, rows.len() as u32);
            rows.push(row);
        }
        Weights {
            slots,
            mask,
            rows,
            scale,
            trans,
        }
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The weights of `key`, if stored.
    pub fn weights_of(&self, key: u32) -> Option<[f32; N_TAGS]> {
        self.row(key).map(|r| r.map(|q| q as f32 * self.scale))
    }

    #[inline]
    fn row(&self, key: u32) -> Option<&[i16; N_TAGS]> {
        let mut at = slot_of(key, self.mask);
        loop {
            let (k, r) = self.slots[at];
            if k == key {
                return Some(&self.rows[r as usize]);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Add the rows of `keys` into `scores`.
    #[inline]
    pub fn score(&self, keys: &[u32], scores: &mut [f32; N_TAGS]) {
        let mut sum = [0i32; N_TAGS];
        for &k in keys {
            if let Some(row) = self.row(k) {
                for (s, &w) in sum.iter_mut().zip(row) {
                    *s += w as i32;
                }
            }
        }
        for (s, q) in scores.iter_mut().zip(sum) {
            *s = q as f32 * self.scale;
        }
    }

    /// Every `(key, row)`, sorted by key.
    pub fn features(&self) -> Vec<(u32, [f32; N_TAGS])> {
        let mut out: Vec<(u32, [f32; N_TAGS])> = self
            .slots
            .iter()
            .filter(|s| s.0 != 0)
            .map(|&(k, r)| (k, self.rows[r as usize].map(|q| q as f32 * self.scale)))
            .collect();
        out.sort_by_key(|x| x.0);
        out
    }
}

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b1) as usize) & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_rows_are_found_and_others_are_not() {
        let mut r = [0.0; N_TAGS];
        r[3] = 1.5;
        let feats: Vec<_> = (1..1000u32).map(|k| (k * 7919, r)).collect();
        let w = Weights::new(feats, [[0.0; N_TRANS]; N_TRANS]);
        assert_eq!(w.len(), 999);
        assert_eq!(w.weights_of(7919 * 5).map(|r| r[3]), Some(1.5));
        assert!(w.weights_of(3).is_none());
        let mut s = [0.0; N_TAGS];
        w.score(&[7919, 7919 * 2, 4], &mut s);
        assert_eq!(s[3], 3.0);
    }
}
