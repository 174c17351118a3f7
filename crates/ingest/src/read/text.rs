//! Plain text: a file is one document; its text is decoded like a page
//! (BOM, then UTF-8, then a detector) and normalised to `\n` line ends.

use std::borrow::Cow;

/// Decode a plain-text document.
pub fn read_text(bytes: &[u8]) -> String {
    let text: Cow<str> = crate::decode::decode(bytes, None);
    text.replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_and_normalises_line_ends() {
        assert_eq!(super::read_text(b"one\r\ntwo\n"), "one\ntwo\n");
    }
}
