//! The model artifact: a compact, versioned byte format.
//!
//! Layout (little endian): magic `TIDNER`, format version (u16), feature
//! schema (u32), word-list fingerprint (u64); the gazetteer entries
//! (count u32, then class u8, length u16, UTF-8 bytes); the transition
//! matrix (f32); the weight scale (f32); then the features sorted by key:
//! count (u32), and per feature the key's delta from the previous key, a
//! bit mask of the tags with a non-zero weight, and those weights quantised
//! to integers of `scale`, all as LEB128 varints (weights zig-zag coded).
//! Weights that round to zero are dropped, and so are features left empty.

use super::NerError;
use super::features::SCHEMA;
use super::lexicon::{self, Entry, Lexicon};
use super::tags::N_TAGS;
use super::weights::{N_TRANS, Weights};

const MAGIC: &[u8; 6] = b"TIDNER";
const VERSION: u16 = 1;
/// Quantisation steps of the largest weight.
const STEPS: f32 = 32767.0;

/// Serialise weights and gazetteer.
pub fn encode(weights: &Weights, lexicon: &Lexicon) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&SCHEMA.to_le_bytes());
    out.extend_from_slice(&lexicon::word_lists_fingerprint().to_le_bytes());
    let gaz = lexicon.gazetteer();
    out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
    for (phrase, class) in gaz {
        let b = phrase.as_bytes();
        out.push(*class as u8);
        out.extend_from_slice(&(b.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&b[..b.len().min(u16::MAX as usize)]);
    }
    for row in &weights.trans {
        for v in row {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    let features = weights.features();
    let max = features
        .iter()
        .flat_map(|(_, r)| r.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / STEPS } else { 1.0 };
    out.extend_from_slice(&scale.to_le_bytes());
    let mut body = Vec::new();
    let mut count = 0u32;
    let mut prev = 0u32;
    for (key, row) in &features {
        let q: Vec<i64> = row.iter().map(|w| (w / scale).round() as i64).collect();
        let mask = q
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0)
            .fold(0u64, |m, (t, _)| m | 1 << t);
        if mask == 0 {
            continue;
        }
        varint(&mut body, (key - prev) as u64);
        prev = *key;
        varint(&mut body, mask);
        for v in q.iter().filter(|v| **v != 0) {
            varint(&mut body, ((v << 1) ^ (v >> 63)) as u64);
        }
        count += 1;
    }
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Read what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<(Weights, Lexicon), NerError> {
    let mut r = Reader { b: bytes, at: 0 };
    if r.take(6)? != MAGIC {
        return Err(bad("not a Tidings NER model (bad magic)"));
    }
    let version = u16::from_le_bytes(r.array()?);
    if version != VERSION {
        return Err(bad(&format!(
            "format version {version}, expected {VERSION}"
        )));
    }
    let schema = u32::from_le_bytes(r.array()?);
    if schema != SCHEMA {
        return Err(bad(&format!(
            "trained with feature schema {schema}, this build uses {SCHEMA}: retrain"
        )));
    }
    if u64::from_le_bytes(r.array()?) != lexicon::word_lists_fingerprint() {
        return Err(bad("trained with other word lists: retrain"));
    }
    let n = u32::from_le_bytes(r.array()?) as usize;
    let mut gaz: Vec<Entry> = Vec::with_capacity(n);
    for _ in 0..n {
        let class = lexicon::class_from_u8(r.take(1)?[0]).ok_or_else(|| bad("bad class"))?;
        let len = u16::from_le_bytes(r.array()?) as usize;
        let phrase = std::str::from_utf8(r.take(len)?).map_err(|_| bad("bad UTF-8"))?;
        gaz.push((phrase.to_owned(), class));
    }
    let mut trans = [[0f32; N_TRANS]; N_TRANS];
    for row in &mut trans {
        for v in row.iter_mut() {
            *v = f32::from_le_bytes(r.array()?);
        }
    }
    let scale = f32::from_le_bytes(r.array()?);
    let count = u32::from_le_bytes(r.array()?) as usize;
    let mut features = Vec::with_capacity(count);
    let mut key = 0u32;
    for _ in 0..count {
        let delta = u32::try_from(r.varint()?).map_err(|_| bad("bad key"))?;
        key = key.checked_add(delta).ok_or_else(|| bad("bad key"))?;
        let mask = r.varint()?;
        if mask >> N_TAGS != 0 || key == 0 {
            return Err(bad("bad feature row"));
        }
        let mut row = [0f32; N_TAGS];
        for (t, w) in row.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                *w = v as f32 * scale;
            }
        }
        features.push((key, row));
    }
    if r.at != bytes.len() {
        return Err(bad("trailing bytes"));
    }
    Ok((Weights::new(features, trans), Lexicon::new(gaz)))
}

fn bad(why: &str) -> NerError {
    NerError::Model(why.to_owned())
}

fn varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or_else(|| bad("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn varint(&mut self) -> Result<u64, NerError> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            x |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err(bad("bad varint"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Class;
    use super::*;

    #[test]
    fn round_trip_keeps_weights_to_quantisation() {
        let mut r = [0f32; N_TAGS];
        r[0] = 2.0;
        r[5] = -0.25;
        let mut trans = [[0f32; N_TRANS]; N_TRANS];
        trans[1][2] = 0.5;
        let w = Weights::new(vec![(7, r), (99, [0.0; N_TAGS])], trans);
        let lex = Lexicon::new(vec![("Kyiv".into(), Class::Capital)]);
        let bytes = encode(&w, &lex);
        let (w2, lex2) = decode(&bytes).unwrap();
        assert_eq!(w2.len(), 1, "empty rows are dropped");
        let row = w2.weights_of(7).unwrap();
        assert!((row[0] - 2.0).abs() < 1e-3 && (row[5] + 0.25).abs() < 1e-3);
        assert_eq!(w2.trans[1][2], 0.5);
        assert_eq!(lex2.gazetteer(), lex.gazetteer());
        assert_eq!(encode(&w2, &lex2), bytes, "encoding is stable");
    }

    #[test]
    fn corrupt_bytes_are_refused() {
        let w = Weights::new(vec![], [[0f32; N_TRANS]; N_TRANS]);
        let bytes = encode(&w, &Lexicon::new(vec![]));
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode(b"NOTNER").is_err());
    }
}
