//! Article metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What is known about an article apart from its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub authors: Vec<String>,
    /// Publication date or date-time as given (ISO 8601).
    pub published: Option<String>,
    /// ISO 639-1 code, e.g. `en`.
    pub language: Option<String>,
}

impl Meta {
    /// The calendar date of publication, if `published` starts with an ISO date.
    pub fn published_date(&self) -> Option<NaiveDate> {
        parse_iso_date(self.published.as_deref()?)
    }
}

/// Parse the leading `YYYY-MM-DD` of an ISO date or date-time.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_datetimes() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 28).unwrap();
        assert_eq!(parse_iso_date("2025-03-28"), Some(d));
        assert_eq!(parse_iso_date("2025-03-28T10:00:00Z"), Some(d));
        assert_eq!(parse_iso_date("28 March 2025"), None);
        assert_eq!(parse_iso_date(""), None);
    }
}
