//! Viterbi decoding of the best tag sequence under first-order transitions,
//! with the BILOU constraints of [`super::tags::allowed`] built in.

use super::tags::{N_TAGS, allowed};
use super::weights::{EDGE, N_TRANS};

/// Transition scores with forbidden moves set to minus infinity.
pub fn constrain(trans: &[[f32; N_TRANS]; N_TRANS]) -> [[f32; N_TRANS]; N_TRANS] {
    let mut out = *trans;
    let tag = |x: usize| (x < N_TAGS).then_some(x as u8);
    for (a, row) in out.iter_mut().enumerate() {
        for (b, v) in row.iter_mut().enumerate() {
            if !allowed(tag(a), tag(b)) {
                *v = f32::NEG_INFINITY;
            }
        }
    }
    out
}

/// Reusable buffers for [`viterbi`].
#[derive(Debug, Default)]
pub struct Lattice {
    back: Vec<[u8; N_TAGS]>,
}

/// The best tags for emission scores `em` under constrained transitions `tr`.
pub fn viterbi(
    em: &[[f32; N_TAGS]],
    tr: &[[f32; N_TRANS]; N_TRANS],
    lat: &mut Lattice,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    lat.back.clear();
    lat.back.resize(n, [0; N_TAGS]);
    let mut score = [0f32; N_TAGS];
    for (b, s) in score.iter_mut().enumerate() {
        *s = tr[EDGE][b] + em[0][b];
    }
    for (e, back) in em.iter().zip(lat.back.iter_mut()).skip(1) {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for (b, nb) in next.iter_mut().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (a, &sa) in score.iter().enumerate() {
                let v = sa + tr[a][b];
                if v > best {
                    best = v;
                    arg = a as u8;
                }
            }
            *nb = best + e[b];
            back[b] = arg;
        }
        score = next;
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u8;
    for (a, &sa) in score.iter().enumerate() {
        let v = sa + tr[a][EDGE];
        if v > best {
            best = v;
            arg = a as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = lat.back[i][out[i] as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::{Part, decode, tag};
    use super::*;

    #[test]
    fn constraints_repair_locally_best_but_invalid_tags() {
        let tr = constrain(&[[0.0; N_TRANS]; N_TRANS]);
        // Token 0 prefers B-PER, token 1 prefers O: B-PER cannot be followed by O,
        // so the decoder must choose a valid pair.
        let mut em = [[0.0; N_TAGS]; 2];
        em[0][tag(0, Part::Begin) as usize] = 2.0;
        em[0][tag(0, Part::Unit) as usize] = 1.5;
        em[1][0] = 2.0;
        let mut out = Vec::new();
        viterbi(&em, &tr, &mut Lattice::default(), &mut out);
        assert_eq!(decode(&out), vec![(0, 1, 0)]);
        assert_eq!(out[1], 0);
    }
}
