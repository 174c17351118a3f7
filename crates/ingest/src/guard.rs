//! Input guards: refuse what is not a web page before parsing it.
//!
//! A page over [`MAX_PAGE_BYTES`] is refused (a news page is well under a
//! megabyte; the cap bounds memory at roughly ten times the input). Binary
//! payloads (images, PDFs, archives, anything with NUL bytes in its head) are
//! refused. Deep nesting is defused before parsing: an HTML tree builder
//! scans its stack of open elements on many tags, which is quadratic when a
//! page opens tens of thousands of elements without closing them, so tags
//! past [`MAX_DEPTH`] open elements are blanked out (their text stays).

use std::borrow::Cow;

/// Largest page accepted, in bytes.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;
/// Deepest element nesting kept.
pub const MAX_DEPTH: usize = 512;

/// Why a payload is not a page.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x00", "binary data"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(2048)];
    // UTF-16 pages carry a BOM and are handled by the decoder.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
        .count();
    (nul > 0 || control * 10 > head.len().max(1)).then_some("binary data")
}

/// Tag names that never hold content and need no end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta"
            | b"param" | b"source" | b"track" | b"wbr" | b"p" | b"li" | b"option" | b"dt" | b"dd"
            | b"tr" | b"td" | b"th"
    )
}

/// Blank out tags nested deeper than [`MAX_DEPTH`]; borrowed when the page is
/// shallow enough (the usual case: one fast scan).
pub fn limit_depth(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    // First pass: measure.
    let mut tags: Vec<(usize, usize, i8)> = Vec::new(); // (start, end, +1 open / -1 close / 0 other)
    while let Some(off) = memchr(b'<', &b[i..]) {
        let s = i + off;
        let Some(end) = memchr(b'>', &b[s..]).map(|e| s + e + 1) else { break };
        let inner = &b[s + 1..end - 1];
        let (close, name_start) = if inner.first() == Some(&b'/') { (true, 1) } else { (false, 0) };
        let name: Vec<u8> = inner[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(u8::to_ascii_lowercase)
            .collect();
        if name.is_empty() {
            i = end;
            continue;
        }
        // Skip raw-text elements wholesale.
        if !close && (name == b"script" || name == b"style") {
            let closing: &[u8] = if name == b"script" { b"</script" } else { b"</style" };
            let rest = &b[end..];
            let lower_find = find_ci(rest, closing);
            i = lower_find.map(|p| end + p).unwrap_or(b.len());
            continue;
        }
        let self_closing = inner.last() == Some(&b'/');
        let kind = if close {
            -1
        } else if is_void(&name) || self_closing {
            0
        } else {
            1
        };
        if kind == 1 {
            depth += 1;
            max = max.max(depth);
        } else if kind == -1 && !is_void(&name) {
            depth = depth.saturating_sub(1);
        }
        tags.push((s, end, kind));
        i = end;
    }
    if max <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    // Second pass: rebuild without the too-deep tags.
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    depth = 0;
    for (s, e, kind) in tags {
        let keep = match kind {
            1 => {
                depth += 1;
                depth <= MAX_DEPTH
            }
            -1 => {
                let k = depth <= MAX_DEPTH;
                depth = depth.saturating_sub(1);
                k
            }
            _ => depth < MAX_DEPTH,
        };
        if !keep {
            out.push_str(&html[last..s]);
            out.push(' ');
            last = e;
        }
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>Hello</p></div></body></html>";
        assert!(matches!(limit_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_flattened_but_keep_text() {
        let mut page = String::from("<html><body>");
        for _ in 0..5000 {
            page.push_str("<div>");
        }
        page.push_str("deep text");
        let out = limit_depth(&page);
        assert!(out.contains("deep text"));
        assert!(out.matches("<div>").count() <= MAX_DEPTH);
    }

    #[test]
    fn binary_payloads_are_named() {
        assert_eq!(binary_kind(b"%PDF-1.7 ..."), Some("PDF"));
        assert_eq!(binary_kind(b"<html><body>hi</body></html>"), None);
        assert_eq!(binary_kind(&[0x41, 0x00, 0x42, 0x00]), Some("binary data"));
    }
}
