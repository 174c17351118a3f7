//! Quarters and halves of results stories: "the third quarter",
//! "third-quarter", "the year-ago quarter", "the latest period", "the first
//! half of 1990", "fiscal 1989".

use super::super::lexicon;
use super::super::meaning::{Meaning, Shift, YearRef};
use super::{Core, DATE, DURATION, Sentence, fixed};

impl Sentence<'_, '_> {
    /// "the third quarter", "third-quarter", "the 1988 fourth quarter", "the
    /// year-ago quarter", "the latest quarter", "the year-earlier period",
    /// "this year's third quarter", "fiscal 1989".
    pub(super) fn quarter_phrase(&self, j: usize, the: bool) -> Option<Core> {
        let mut k = j;
        let mut year = YearRef::Implied;
        let mut cue = the;
        let mut year_ago = false;
        if self.w(k) == "fiscal" {
            if let Some(y) = self.year_at(k + 1) {
                let meaning = Meaning::Calendar {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                    shift: Shift::Bare,
                };
                let end = k + 2;
                if !(lexicon::ordinal(self.w(end)).is_some() && self.w(end + 1) == "quarter") {
                    return Core::new(end, meaning, DATE, true);
                }
                year = YearRef::Explicit(y);
                k = end;
                cue = true;
            } else if self.w(k + 1) == "year" && the {
                return Core::new(k + 2, fixed("P1Y"), DURATION, true);
            } else {
                k += 1;
            }
        }
        if let Some(y) = self.year_at(k) {
            year = YearRef::Explicit(y);
            k += 1;
        } else if self.seq(k, &["year", "-", "ago"]) || self.seq(k, &["year", "-", "earlier"]) {
            year = YearRef::Offset(-1);
            k += 3;
            cue = true;
            year_ago = true;
        } else if self.seq(k, &["next", "year", "'s"]) {
            year = YearRef::Offset(1);
            k += 3;
            cue = true;
        } else if self.seq(k, &["this", "year", "'s"]) {
            year = YearRef::Offset(0);
            k += 3;
            cue = true;
        } else if self.seq(k, &["last", "year", "'s"]) {
            year = YearRef::Offset(-1);
            k += 3;
            cue = true;
        }
        let mut latest = false;
        if self.w(k) == "this" && self.w(k + 1) == "quarter" {
            // "this quarter's loss": the quarter being reported.
            latest = true;
            k += 1;
        }
        while matches!(
            self.w(k),
            "latest" | "comparable" | "same" | "recent" | "fiscal" | "year-ago" | "corresponding"
        ) {
            latest |= self.w(k) != "fiscal";
            k += 1;
        }
        let ordinal = lexicon::ordinal(self.w(k)).filter(|n| (1..=4).contains(n));
        let mut hyphenated = false;
        if ordinal.is_some() {
            k += 1;
            if self.w(k) == "-" {
                k += 1;
                hyphenated = true;
            }
        }
        let noun = self.w(k);
        // "the first half of 1990", "the second half": a half year.
        if noun == "half"
            && let Some(n @ (1 | 2)) = ordinal
            && cue
        {
            let (end, year) = match (self.w(k + 1), self.year_at(k + 2)) {
                ("of", Some(y)) => (k + 3, YearRef::Explicit(y)),
                ("of", None) if self.seq(k + 2, &["the", "year"]) => (k + 4, year),
                _ => (k + 1, year),
            };
            return Core::new(end, Meaning::Half { n, year }, DATE, true);
        }
        if !(noun == "quarter" || noun == "period" && (latest || year != YearRef::Implied)) {
            // "the year-earlier nine months": a duration.
            if year_ago
                && ordinal.is_none()
                && let Some(c) = self.amount_phrase(k).filter(|c| c.ttype == DURATION)
            {
                return Some(c);
            }
            // Bare "year-ago"/"year-earlier": the comparison period a year back.
            if year_ago && ordinal.is_none() && k == j + 3 {
                return Core::new(k, Meaning::YearAgo, DATE, false);
            }
            return None;
        }
        if noun == "period" && ordinal.is_some() || self.w(k + 1) == "-" {
            return None; // "the quarter-to-quarter comparison"
        }
        k += 1;
        // "the quarter a year ago", "the corresponding period last year"
        if self.seq(k, &["a", "year", "ago"]) || self.seq(k, &["a", "year", "earlier"]) {
            year = YearRef::Offset(-1);
            k += 3;
        } else if self.seq(k, &["last", "year"]) {
            year = YearRef::Offset(-1);
            k += 2;
        } else if self.w(k) == "of"
            && let Some(y) = self.year_at(k + 1)
        {
            year = YearRef::Explicit(y);
            k += 2;
        }
        let meaning = match ordinal {
            Some(n) => Meaning::Quarter { n, year },
            None if cue || latest => Meaning::LatestQuarter { year },
            None => return None,
        };
        if ordinal.is_none() && !(cue || latest) {
            return None;
        }
        // "the [third-quarter] loss": the adjective leaves its article.
        let takes_the = !(hyphenated && j + 2 == k - 1);
        Core::new(k, meaning, DATE, takes_the)
    }
}
