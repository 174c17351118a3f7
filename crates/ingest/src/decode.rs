//! Bytes to text: find a page's character encoding and decode it.
//!
//! Order of evidence, as browsers do: a byte-order mark; a charset given by
//! the transport (an HTTP header in a WARC record); `<meta charset>` or
//! `http-equiv` in the first 4 KiB; then valid UTF-8 wins; and last the
//! `chardetng` detector. A declared charset that the bytes contradict
//! (declared Latin-1 but the page is valid, non-ASCII UTF-8) yields to UTF-8,
//! the most common mislabel on the web. Decoding never fails: invalid
//! sequences become U+FFFD.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Decode `bytes` to text, using `declared` (an HTTP `charset`) if given.
pub fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| sniff_meta_charset(bytes));
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    if utf8_ok {
        // Valid UTF-8 with non-ASCII bytes is near-certain UTF-8 whatever the label.
        return Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default());
    }
    let enc = match declared {
        Some(enc) if enc != UTF_8 => enc,
        Some(_) if mostly_utf8(bytes) => UTF_8,
        _ => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            det.guess(None, true)
        }
    };
    let (text, _, _) = enc.decode(bytes);
    text
}

/// True when invalid UTF-8 is rare (a few broken sequences in a UTF-8 page).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let bad = lossy.matches('\u{FFFD}').count();
    bad * 200 < bytes.len().max(1) / 10
}

/// Find `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// in the first 4 KiB.
pub fn sniff_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + 7;
        from = i;
        while i < lower.len()
            && (lower[i] == b' ' || lower[i] == b'=' || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if i > start
            && let Some(enc) = Encoding::for_label(&lower[start..i])
        {
            // A page that says UTF-16 in ASCII bytes is not UTF-16.
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_page_with_meta_charset() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Gr".to_vec();
        page.push(0xFC); // ü in Latin-1
        page.extend_from_slice(b"n</body></html>");
        assert!(decode(&page, None).contains("Grün"));
    }

    #[test]
    fn valid_utf8_beats_a_wrong_label() {
        let page = "<meta charset=\"windows-1252\"><p>Straße</p>".as_bytes();
        assert!(decode(page, None).contains("Straße"));
    }

    #[test]
    fn bom_decides() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<p>café</p>".as_bytes());
        assert_eq!(decode(&page, Some("iso-8859-1")), "<p>café</p>");
    }

    #[test]
    fn undeclared_windows_1252_is_detected() {
        let mut page = b"<p>Das Stra".to_vec();
        page.push(0xDF);
        page.extend_from_slice(b"enfest in M");
        page.push(0xFC);
        page.extend_from_slice(b"nchen war gro");
        page.push(0xDF);
        page.extend_from_slice(b"artig und sch");
        page.push(0xF6);
        page.extend_from_slice(b"n.</p>");
        let text = decode(&page, None);
        assert!(text.contains("München"), "{text}");
    }
}
