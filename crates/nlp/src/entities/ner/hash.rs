//! Stable, fast 64-bit hashing of feature strings and feature conjunctions.
//!
//! Features are never stored as strings: each token's word forms are hashed
//! once, and a feature is the hash of a template id combined with those
//! hashes. The functions are fixed here (no `std` hasher, whose output may
//! change between Rust releases) because the trained model stores the keys.

/// Finaliser of SplitMix64: a bijective mixer with good avalanche.
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hash of a byte string.
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ (b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = 0u64;
        for (i, &x) in rest.iter().enumerate() {
            v |= (x as u64) << (8 * i);
        }
        h = (h ^ v).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    mix(h)
}

/// Hash of a string.
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// Hash of an ordered pair of hashes.
pub fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The 32-bit key a feature is stored under (never 0, which marks empty slots).
pub fn key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_order_sensitive() {
        assert_eq!(str("Kyiv"), str("Kyiv"));
        assert_ne!(str("Kyiv"), str("kyiv"));
        assert_ne!(pair(1, 2), pair(2, 1));
        assert_ne!(str(""), str("\0"));
        assert_ne!(key(str("a")), 0);
    }
}
