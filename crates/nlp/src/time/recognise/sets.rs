//! Recurring times: "daily", "every week", "each Thursday", "every other year".

use super::super::lexicon;
use super::{Core, SET, Sentence, fixed};

impl Sentence<'_, '_> {
    /// "daily", "every week", "each month", "each Thursday", "every other year".
    pub(super) fn set_phrase(&self, j: usize) -> Option<Core> {
        let w = self.w(j);
        let adverb = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = adverb {
            // "the Daily News", "the Weekly Standard": a title.
            if j > 0 && self.cap(j) {
                return None;
            }
            return Core::new(j + 1, fixed(v), SET, false);
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = j + 1;
        let mut amt = Some(1.0);
        if self.w(k) == "other" {
            amt = Some(2.0);
            k += 1;
        } else if let Some((k2, a)) = self.amount(k)
            && !matches!(self.w(k), "a" | "an")
        {
            amt = a;
            k = k2;
        }
        let next = self.w(k);
        if let Some((unit, _)) = lexicon::unit(next) {
            return Core::new(k + 1, fixed(&unit.duration(amt)), SET, false);
        }
        if let Some((d, _)) = lexicon::weekday(next) {
            return Core::new(k + 1, fixed(&format!("XXXX-WXX-{d}")), SET, false);
        }
        if let Some(m) = lexicon::month(next)
            && self.cap(k)
        {
            return Core::new(k + 1, fixed(&format!("XXXX-{m:02}")), SET, false);
        }
        if let Some(p) = lexicon::day_part(next) {
            return Core::new(
                k + 1,
                fixed(&format!("XXXX-XX-XXT{}", p.code())),
                SET,
                false,
            );
        }
        None
    }
}
