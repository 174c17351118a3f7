//! Exact-span, exact-type micro P/R/F1 of names, as CoNLL's conlleval and
//! `shared/eval/score.py entities` compute it.

use std::collections::HashSet;

use tidings_model::{EntityType, Span};

use super::tags::{TYPES, type_index};

/// True positives, false positives and false negatives per type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    counts: [[usize; 3]; 4],
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub support: usize,
}

impl Scores {
    /// Count one document's predicted names against its gold names.
    pub fn add(&mut self, gold: &[(Span, EntityType)], pred: &[(Span, EntityType)]) {
        let g: HashSet<_> = gold.iter().copied().collect();
        let p: HashSet<_> = pred.iter().copied().collect();
        for x in &p {
            let c = &mut self.counts[type_index(x.1)];
            if g.contains(x) {
                c[0] += 1;
            } else {
                c[1] += 1;
            }
        }
        for x in g.difference(&p) {
            self.counts[type_index(x.1)][2] += 1;
        }
    }

    /// Scores over all types.
    pub fn micro(&self) -> Prf {
        let mut t = [0usize; 3];
        for c in &self.counts {
            for k in 0..3 {
                t[k] += c[k];
            }
        }
        prf(t)
    }

    /// Scores of one type.
    pub fn of(&self, t: EntityType) -> Prf {
        prf(self.counts[type_index(t)])
    }

    /// A one-line summary: micro F1, P, R, then F1 per type.
    pub fn summary(&self) -> String {
        let m = self.micro();
        let mut s = format!("F1 {:.4} (P {:.4} R {:.4})", m.f1, m.p, m.r);
        for t in TYPES {
            let x = self.of(t);
            s.push_str(&format!(" {} {:.4}/{}", t.as_str(), x.f1, x.support));
        }
        s
    }
}

fn prf([tp, fp, fn_]: [usize; 3]) -> Prf {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf {
        p,
        r,
        f1,
        support: tp + fn_,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type_count() {
        let per = EntityType::Per;
        let gold = [(Span::new(0, 4), per), (Span::new(10, 14), EntityType::Loc)];
        let pred = [(Span::new(0, 4), per), (Span::new(10, 13), EntityType::Loc)];
        let mut s = Scores::default();
        s.add(&gold, &pred);
        let m = s.micro();
        assert_eq!((m.p, m.r, m.f1), (0.5, 0.5, 0.5));
        assert_eq!(s.of(per).f1, 1.0);
    }
}
