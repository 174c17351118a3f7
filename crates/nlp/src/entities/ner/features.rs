//! Feature templates: the hashed keys that describe one token in context.
//!
//! Every feature is `template id ⊕ value hash`, reduced to a 32-bit key
//! ([`hash::key`]). Templates cover the word and its lower-case form, shape,
//! affixes, two words either side, word pairs, capitalisation in context,
//! how the token is glued to its neighbours (the tokenizer splits "Kyiv’s"
//! and "German-born"), gazetteer classes of the token and its neighbours,
//! and document-level casing of the same word. [`SCHEMA`] names this set; a
//! model trained under another schema is refused at load.

use super::forms::{Forms, flag, seen};
use super::hash;
use super::lexicon::N_CLASSES;

/// Version of the feature set; bump on any change to the templates.
pub const SCHEMA: u32 = 2;

const BOS: u64 = 0x5354_4152_5421_u64;
const EOS: u64 = 0x454e_4421_u64;

#[repr(u64)]
#[derive(Clone, Copy)]
enum T {
    Bias = 1,
    Word,
    Lower,
    Shape,
    ShortShape,
    Prefix,
    Suffix,
    LowerPrev,
    LowerNext,
    LowerPrev2,
    LowerNext2,
    ShapePrev,
    ShapeNext,
    ShapeTri,
    PairPrev,
    PairNext,
    PrevWordShape,
    NextWordShape,
    Initial,
    CapsLine,
    CapsLineLower,
    Glue,
    Lex,
    LexPrev,
    LexNext,
    Seen,
    LexShape,
    SeenContext,
    History,
}

fn feat(t: T, v: u64) -> u32 {
    hash::key(hash::pair(t as u64, v))
}

/// Append the feature keys of token `i`, in sentence `[s, e)`, to `out`.
pub fn token_features(f: &Forms, i: usize, s: usize, e: usize, out: &mut Vec<u32>) {
    let at = |v: &Vec<u64>, k: isize| -> u64 {
        let j = i as isize + k;
        if j < s as isize {
            BOS
        } else if j >= e as isize {
            EOS
        } else {
            v[j as usize]
        }
    };
    let fl = f.flags[i];
    let lw = f.lower[i];
    let ss = f.short_shape[i];
    out.push(feat(T::Bias, 0));
    out.push(feat(T::Word, f.word[i]));
    out.push(feat(T::Lower, lw));
    out.push(feat(T::Shape, f.shape[i]));
    out.push(feat(T::ShortShape, ss));
    for k in 0..4 {
        if f.prefix[i][k] != 0 {
            out.push(feat(T::Prefix, f.prefix[i][k]));
        }
        if f.suffix[i][k] != 0 {
            out.push(feat(T::Suffix, f.suffix[i][k]));
        }
    }
    let (lp, ln) = (at(&f.lower, -1), at(&f.lower, 1));
    let (sp, sn) = (at(&f.short_shape, -1), at(&f.short_shape, 1));
    out.push(feat(T::LowerPrev, lp));
    out.push(feat(T::LowerNext, ln));
    out.push(feat(T::LowerPrev2, at(&f.lower, -2)));
    out.push(feat(T::LowerNext2, at(&f.lower, 2)));
    out.push(feat(T::ShapePrev, sp));
    out.push(feat(T::ShapeNext, sn));
    out.push(feat(T::ShapeTri, hash::pair(hash::pair(sp, ss), sn)));
    out.push(feat(T::PairPrev, hash::pair(lp, lw)));
    out.push(feat(T::PairNext, hash::pair(lw, ln)));
    out.push(feat(T::PrevWordShape, hash::pair(lp, ss)));
    out.push(feat(T::NextWordShape, hash::pair(ss, ln)));
    if fl & flag::INITIAL != 0 {
        out.push(feat(T::Initial, ss));
    }
    if fl & flag::CAPS_LINE != 0 {
        out.push(feat(T::CapsLine, 0));
        out.push(feat(T::CapsLineLower, lw));
    }
    let glue = glue_code(f, i, s, e);
    if glue != 0 {
        out.push(feat(T::Glue, glue));
    }
    let mut lex = f.lex[i];
    while lex != 0 {
        let bit = lex.trailing_zeros() as u64;
        out.push(feat(T::Lex, bit));
        out.push(feat(T::LexShape, hash::pair(bit, ss)));
        lex &= lex - 1;
    }
    for (t, k) in [(T::LexPrev, -1isize), (T::LexNext, 1)] {
        let j = i as isize + k;
        if j >= s as isize && j < e as isize {
            let m = f.lex[j as usize];
            for c in 0..N_CLASSES as u64 {
                if (m >> (4 * c)) & 0xf != 0 {
                    out.push(feat(t, c));
                }
            }
        }
    }
    if fl & (flag::CAP | flag::ALL_CAPS) != 0 {
        let ctx = case_context(fl);
        let sn = f.seen[i] & (seen::LOWER | seen::TITLE | seen::CAPS);
        out.push(feat(T::Seen, (ctx << 8) | sn as u64));
        for bit in [seen::AFTER_TITLE, seen::SEQ_FIRST, seen::SEQ_LAST] {
            if f.seen[i] & bit != 0 {
                out.push(feat(T::SeenContext, (ctx << 8) | bit as u64));
            }
        }
    }
}

/// How the token attaches to its neighbours: glued left/right, and whether
/// the glued neighbour is a hyphen ("Trump-initiated", "German-born").
fn glue_code(f: &Forms, i: usize, s: usize, e: usize) -> u64 {
    let fl = f.flags[i];
    let mut code = 0u64;
    if fl & flag::GLUED_PREV != 0 && i > s {
        code |= 1;
        if f.flags[i - 1] & flag::HYPHEN != 0 {
            code |= 2;
        }
    }
    if fl & flag::GLUED_NEXT != 0 && i + 1 < e {
        code |= 4;
        if f.flags[i + 1] & flag::HYPHEN != 0 {
            code |= 8;
        }
    }
    if fl & flag::HYPHEN != 0 {
        code |= 16;
    }
    code
}

/// Context class of a capitalised token: capitals line, sentence start, other.
fn case_context(fl: u16) -> u64 {
    if fl & flag::CAPS_LINE != 0 {
        1
    } else if fl & flag::INITIAL != 0 {
        2
    } else {
        3
    }
}

/// The feature for a word labelled before in the document: the majority
/// label (ties to the first) and whether it was unanimous, by context.
pub fn history_feature(fl: u16, counts: &[u16; 5]) -> u32 {
    let (best, &n) = counts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, n)| **n)
        .unwrap_or((4, &0));
    let total: u32 = counts.iter().map(|&x| x as u32).sum();
    let unanimous = u64::from(n as u32 == total);
    feat(
        T::History,
        (case_context(fl) << 8) | (best as u64) << 1 | unanimous,
    )
}

/// Every key [`history_feature`] can produce.
pub fn history_keys() -> Vec<u32> {
    let mut out = Vec::new();
    for ctx in 1..=3u64 {
        for best in 0..5u64 {
            for unanimous in 0..2u64 {
                out.push(feat(T::History, (ctx << 8) | best << 1 | unanimous));
            }
        }
    }
    out
}
