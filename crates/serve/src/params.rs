//! Query parameters: parsed by hand so that every mistake gets a JSON 400
//! that names the parameter.

use std::collections::HashMap;

use chrono::NaiveDate;
use tidings_store::{DEFAULT_LIMIT, MAX_LIMIT, Page};

use crate::ApiError;

/// The raw query string as name/value pairs.
pub struct Params {
    map: HashMap<String, String>,
}

impl Params {
    /// Check that only `allowed` names (plus `limit`, `offset` when `paged`)
    /// are present.
    pub fn new(
        pairs: Vec<(String, String)>,
        allowed: &[&str],
        paged: bool,
    ) -> Result<Self, ApiError> {
        let mut map = HashMap::new();
        for (k, v) in pairs {
            let known = allowed.contains(&k.as_str()) || (paged && (k == "limit" || k == "offset"));
            if !known {
                let mut names: Vec<&str> = allowed.to_vec();
                if paged {
                    names.extend(["limit", "offset"]);
                }
                return Err(ApiError::BadParameter(format!(
                    "unknown parameter `{k}`; this endpoint takes: {}",
                    names.join(", ")
                )));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::BadParameter(format!(
                    "parameter `{k}` given more than once"
                )));
            }
        }
        Ok(Params { map })
    }

    /// A text parameter; blank counts as absent.
    pub fn text(&self, name: &str) -> Option<String> {
        self.map
            .get(name)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(String::from)
    }

    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.text(name)
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
                    ApiError::BadParameter(format!("`{name}` must be a date YYYY-MM-DD, not {s:?}"))
                })
            })
            .transpose()
    }

    pub fn id(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.text(name).map(|s| parse_id(name, &s)).transpose()
    }

    /// `limit` (1..=MAX_LIMIT) and `offset` (0..=1,000,000).
    pub fn page(&self) -> Result<Page, ApiError> {
        let num = |name: &str, default: u32, lo: u32, hi: u32| -> Result<u32, ApiError> {
            match self.text(name) {
                None => Ok(default),
                Some(s) => s
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (lo..=hi).contains(n))
                    .ok_or_else(|| {
                        ApiError::BadParameter(format!(
                            "`{name}` must be a whole number from {lo} to {hi}, not {s:?}"
                        ))
                    }),
            }
        };
        Ok(Page::new(
            num("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)?,
            num("offset", 0, 0, 1_000_000)?,
        ))
    }

    /// A one-word code such as an entity or event type: letters, digits, `_`.
    pub fn code(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.text(name) {
            Some(s) if !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                Err(ApiError::BadParameter(format!(
                    "`{name}` must be a code such as ACCUSE, not {s:?}"
                )))
            }
            other => Ok(other),
        }
    }
}

impl Params {
    /// `true` or `false`.
    pub fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.text(name).as_deref() {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(other) => Err(ApiError::BadParameter(format!(
                "`{name}` must be true or false, not {other:?}"
            ))),
        }
    }

    /// A CAMEO actor code of three letters (`RUS`, `GOV`), upper-cased.
    pub fn actor_code(&self, name: &str, example: &str) -> Result<Option<String>, ApiError> {
        match self.text(name) {
            None => Ok(None),
            Some(s) if s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic()) => {
                Ok(Some(s.to_ascii_uppercase()))
            }
            Some(s) => Err(ApiError::BadParameter(format!(
                "`{name}` must be a three-letter CAMEO code such as {example}, not {s:?}"
            ))),
        }
    }
}

/// A store id from a path or query.
pub fn parse_id(name: &str, s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::BadParameter(format!(
            "`{name}` must be a positive whole number, not {s:?}"
        ))
    })
}
