//! Content hash for deduplication: blake3 over the body's words, lower-cased
//! and joined by single spaces, so whitespace and case differences between
//! two copies of one article do not matter.

/// Hex blake3 of the normalised text.
pub fn content_hash(text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    let mut first = true;
    for w in text.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        first = false;
        hasher.update(w.to_lowercase().as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_case_do_not_matter() {
        assert_eq!(
            content_hash("The bridge\n\nreopens."),
            content_hash("the  bridge reopens.")
        );
        assert_ne!(
            content_hash("The bridge reopens."),
            content_hash("The bridge closes.")
        );
    }
}
