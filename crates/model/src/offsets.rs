//! Conversion between byte offsets (inside the engine) and Unicode code point
//! offsets (at the JSON boundary).

/// Maps byte offsets of one text to code point offsets and back.
///
/// Built once per document in O(n); each lookup is O(1) (bytes to chars) or
/// O(1) (chars to bytes) through two dense tables. ASCII-only texts, the
/// common case, need no table at all.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `byte_to_char[b]` for every byte offset `b` in `0..=len`; empty when ASCII.
    byte_to_char: Vec<u32>,
    /// `char_to_byte[c]` for every char offset `c` in `0..=chars`; empty when ASCII.
    char_to_byte: Vec<u32>,
    len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                byte_to_char: Vec::new(),
                char_to_byte: Vec::new(),
                len: text.len(),
            };
        }
        let mut byte_to_char = vec![0u32; text.len() + 1];
        let mut char_to_byte = Vec::with_capacity(text.len() + 1);
        let mut c = 0u32;
        for (b, ch) in text.char_indices() {
            for k in 0..ch.len_utf8() {
                byte_to_char[b + k] = c;
            }
            char_to_byte.push(b as u32);
            c += 1;
        }
        byte_to_char[text.len()] = c;
        char_to_byte.push(text.len() as u32);
        CharIndex {
            byte_to_char,
            char_to_byte,
            len: text.len(),
        }
    }

    /// The code point offset of byte offset `b` (clamped to the text's end).
    pub fn to_char(&self, b: usize) -> usize {
        let b = b.min(self.len);
        if self.byte_to_char.is_empty() {
            b
        } else {
            self.byte_to_char[b] as usize
        }
    }

    /// The byte offset of code point offset `c`, or `None` past the end.
    pub fn to_byte(&self, c: usize) -> Option<usize> {
        if self.char_to_byte.is_empty() {
            (c <= self.len).then_some(c)
        } else {
            self.char_to_byte.get(c).map(|&b| b as usize)
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.to_char(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello");
        assert_eq!(ix.to_char(3), 3);
        assert_eq!(ix.to_byte(5), Some(5));
        assert_eq!(ix.to_byte(6), None);
    }

    #[test]
    fn multibyte_round_trip() {
        let text = "“Hi”, said Zoë — ok";
        let ix = CharIndex::new(text);
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.to_char(b), c);
            assert_eq!(ix.to_byte(c), Some(b));
        }
        assert_eq!(ix.char_len(), text.chars().count());
        assert_eq!(ix.to_byte(ix.char_len()), Some(text.len()));
    }
}
