//! The BILOU tag set over the four CoNLL types, and conversion between
//! tag sequences and token spans.
//!
//! Tag 0 is `O`; type `t` (PER, ORG, LOC, MISC in that order) owns tags
//! `1 + 4t .. 5 + 4t`: Begin, Inside, Last, Unit. BILOU rather than BIO
//! because it lets the linear model score the ends of names (suffixes like
//! "Inc", "Street") as well as their beginnings.

use tidings_model::EntityType;

/// Number of tags.
pub const N_TAGS: usize = 17;
/// The outside tag.
pub const O: u8 = 0;

/// The four entity types in tag order.
pub const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

/// Position of a token inside a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// The tag of `part` of a name of type index `t`.
pub fn tag(t: usize, part: Part) -> u8 {
    (1 + 4 * t + part as usize) as u8
}

/// Type index and part of a tag, `None` for `O`.
pub fn split(tag: u8) -> Option<(usize, Part)> {
    if tag == O {
        return None;
    }
    let k = tag as usize - 1;
    let part = match k % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((k / 4, part))
}

/// Index of an entity type in [`TYPES`].
pub fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
        EntityType::Misc => 3,
    }
}

/// May tag `b` follow tag `a`? (`None` stands for the sequence edge.)
pub fn allowed(a: Option<u8>, b: Option<u8>) -> bool {
    let open = |t: Option<u8>| -> Option<usize> {
        match t.and_then(split) {
            Some((ty, Part::Begin | Part::Inside)) => Some(ty),
            _ => None,
        }
    };
    let continues = |t: Option<u8>| -> Option<usize> {
        match t.and_then(split) {
            Some((ty, Part::Inside | Part::Last)) => Some(ty),
            _ => None,
        }
    };
    match (open(a), continues(b)) {
        (Some(x), Some(y)) => x == y,
        (Some(_), None) => false,
        (None, Some(_)) => false,
        (None, None) => true,
    }
}

/// Write the tags of names `(first_token, end_token_exclusive, type_index)`
/// into `tags` (which must be all `O` where names go).
pub fn encode(names: &[(usize, usize, usize)], tags: &mut [u8]) {
    for &(a, b, t) in names {
        if b == a + 1 {
            tags[a] = tag(t, Part::Unit);
        } else {
            tags[a] = tag(t, Part::Begin);
            for x in &mut tags[a + 1..b - 1] {
                *x = tag(t, Part::Inside);
            }
            tags[b - 1] = tag(t, Part::Last);
        }
    }
}

/// The names `(first_token, end_token_exclusive, type_index)` of a tag
/// sequence that [`allowed`] accepts.
pub fn decode(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &tg) in tags.iter().enumerate() {
        match split(tg) {
            None => open = None,
            Some((t, Part::Unit)) => {
                open = None;
                out.push((i, i + 1, t));
            }
            Some((t, Part::Begin)) => open = Some((i, t)),
            Some((t, Part::Inside)) => {
                if open.is_none_or(|(_, ot)| ot != t) {
                    open = Some((i, t));
                }
            }
            Some((t, Part::Last)) => {
                let start = match open {
                    Some((s, ot)) if ot == t => s,
                    _ => i,
                };
                out.push((start, i + 1, t));
                open = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode_round_trips() {
        let names = vec![(0, 2, 0), (3, 4, 2), (5, 8, 1)];
        let mut tags = vec![O; 9];
        encode(&names, &mut tags);
        assert_eq!(decode(&tags), names);
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), Some(w[1])));
        }
    }

    #[test]
    fn open_names_must_close_with_their_own_type() {
        let b_per = tag(0, Part::Begin);
        assert!(allowed(Some(b_per), Some(tag(0, Part::Last))));
        assert!(!allowed(Some(b_per), Some(tag(1, Part::Last))));
        assert!(!allowed(Some(b_per), Some(O)));
        assert!(!allowed(Some(b_per), None));
        assert!(!allowed(None, Some(tag(2, Part::Inside))));
        assert!(allowed(None, Some(tag(2, Part::Unit))));
    }
}
