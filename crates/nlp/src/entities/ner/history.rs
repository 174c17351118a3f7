//! Prediction history: how the model labelled the same word earlier in the
//! document (Ratinov and Roth 2009, "extended prediction history").
//!
//! Sentences are decoded in document order; after each, every capitalised
//! token's label (a type, or outside) is counted under its lower-case form.
//! A later capitalised occurrence then gets a feature naming the majority
//! label so far, so "Duran" in "Duran told Reuters" can follow the earlier
//! "Roberto Duran". Training decodes documents in order too, so the model
//! learns how far to trust its own earlier decisions.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::features::history_feature;
use super::forms::{IdHasher, flag};
use super::tags;

/// Label counts per lower-case form: PER, ORG, LOC, MISC, outside.
#[derive(Debug, Default)]
pub struct History {
    counts: HashMap<u64, [u16; 5], BuildHasherDefault<IdHasher>>,
}

fn is_capitalised(fl: u16) -> bool {
    fl & (flag::CAP | flag::ALL_CAPS) != 0
}

impl History {
    /// The history feature of a token, if its word was labelled before.
    pub fn feature(&self, lower: u64, fl: u16) -> Option<u32> {
        if !is_capitalised(fl) {
            return None;
        }
        self.counts.get(&lower).map(|c| history_feature(fl, c))
    }

    /// Count the labels of one decoded sentence.
    pub fn record(&mut self, lower: &[u64], flags: &[u16], tags_out: &[u8]) {
        for ((&lw, &fl), &tg) in lower.iter().zip(flags).zip(tags_out) {
            if !is_capitalised(fl) {
                continue;
            }
            let label = tags::split(tg).map_or(4, |(t, _)| t);
            let c = self.counts.entry(lw).or_default();
            c[label] = c[label].saturating_add(1);
        }
    }
}
