//! The model's bytes: a magic number, the table size (bits), the scale,
//! then every weight as a little-endian `i16` (the averaged weights
//! quantised).

use super::tagger::Packed;

const MAGIC: &[u8; 8] = b"TQCT\x00\x00\x00\x01";

/// Why model bytes could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    #[error("not a quote tagger model (bad magic)")]
    Magic,
    #[error("the model is truncated or has a bad size: {0}")]
    Size(String),
}

pub(crate) fn encode(p: &Packed) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + p.rows.len() * 6);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&p.bits.to_le_bytes());
    out.extend_from_slice(&p.scale.to_le_bytes());
    for r in &p.rows {
        for &x in r {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Packed, CodecError> {
    if bytes.len() < 16 || &bytes[..8] != MAGIC {
        return Err(CodecError::Magic);
    }
    let bits = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
    if !(1..=24).contains(&bits) || scale.is_nan() || scale <= 0.0 {
        return Err(CodecError::Size(format!("{bits} bits, scale {scale}")));
    }
    let rows = 1usize << bits;
    let body = &bytes[16..];
    if body.len() != rows * 6 {
        return Err(CodecError::Size(format!(
            "{} bytes for {rows} rows",
            body.len()
        )));
    }
    let rows = body
        .chunks_exact(6)
        .map(|c| {
            let g = |k: usize| i16::from_le_bytes([c[k], c[k + 1]]);
            [g(0), g(2), g(4)]
        })
        .collect();
    Ok(Packed { bits, scale, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::learned::tagger::Weights;

    #[test]
    fn bytes_round_trip_and_bad_bytes_fail() {
        let mut w = Weights::zeros(3);
        w.rows[2] = [1.5, -3.0, 0.25];
        let p = Packed::pack(&w);
        let back = decode(&encode(&p)).expect("decodes");
        assert_eq!(back, p);
        assert!(decode(b"not a model at all").is_err());
        let mut cut = encode(&p);
        cut.pop();
        assert!(decode(&cut).is_err());
    }
}
