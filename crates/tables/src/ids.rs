//! Ids for a batch's output, where no store hands them out.
//!
//! An article's id is a hash of its content hash and an entity's a hash of
//! its key, so every task of a batch job gives the same article or entity
//! the same id without talking to the others, and a second batch gives the
//! same ids again. They are 63-bit (non-negative `i64`): for a batch of n
//! articles the chance that two share an id is about n² / 2⁶⁴ (one in 1,800
//! for 100 million). Rows of the other tables are numbered within their
//! article (see [`crate::schema`]).

/// The content hash that keys an article: BLAKE3 of its text, in hex (the
/// store's `content_hash`).
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// The batch id of the article with this content hash.
pub fn article_id(content_hash: &str) -> i64 {
    hash63("article", content_hash)
}

/// The batch id of the entity with this key.
pub fn entity_id(key: &str) -> i64 {
    hash63("entity", key)
}

fn hash63(domain: &str, s: &str) -> i64 {
    let mut h = blake3::Hasher::new();
    h.update(domain.as_bytes());
    h.update(&[0]);
    h.update(s.as_bytes());
    let bytes = h.finalize();
    let mut head = [0u8; 8];
    head.copy_from_slice(&bytes.as_bytes()[..8]);
    (u64::from_le_bytes(head) >> 1) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_non_negative_and_domain_separated() {
        let h = content_hash("The port reopened.");
        assert_eq!(h.len(), 64);
        assert_eq!(article_id(&h), article_id(&h));
        assert!(article_id(&h) >= 0 && entity_id("LOC:kyiv") >= 0);
        assert_ne!(article_id("x"), entity_id("x"));
        assert_ne!(entity_id("LOC:kyiv"), entity_id("LOC:kiev"));
    }
}
