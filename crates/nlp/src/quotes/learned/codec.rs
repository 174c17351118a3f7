//! The model's bytes: a magic line, the table size, a scale, then every
//! weight as a little-endian `i16` (the averaged weights quantised).

use super::tagger::Weights;

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

pub(crate) fn encode(w: &Weights) -> Vec<u8> {
    let max = w
        .rows
        .iter()
        .flat_map(|r| r.iter())
        .fold(0.0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut out = Vec::with_capacity(16 + w.rows.len() * 6);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&w.bits.to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for r in &w.rows {
        for &x in r {
            let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
    out
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Weights, CodecError> {
    if bytes.len() < 16 || &bytes[..8] != MAGIC {
        return Err(CodecError::Magic);
    }
    let bits = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
    if !(1..=24).contains(&bits) {
        return Err(CodecError::Size(format!("{bits} bits")));
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
            let g = |k: usize| f32::from(i16::from_le_bytes([c[k], c[k + 1]])) * scale;
            [g(0), g(2), g(4)]
        })
        .collect();
    Ok(Weights { bits, rows })
}
