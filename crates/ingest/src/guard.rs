//! Input guards: refuse what is not a web page before parsing it.
//!
//! A page over [`MAX_PAGE_BYTES`] is refused (a news page is well under a
//! megabyte; the cap bounds memory at roughly ten times the input). Binary
//! payloads (images, PDFs, archives, anything with NUL bytes in its head) are
//! refused. Deep nesting is defused before parsing: an HTML tree builder
//! scans its stack of open elements on many tags, which is quadratic when a
//! page opens tens of thousands of elements without closing them, so tags
//! past [`MAX_DEPTH`] open elements are blanked out (their text stays).
//! The same scan empties script and style bodies (JSON-LD kept), which
//! halves what the parser reads, and opens a `<noscript>` that holds an
//! article (paragraphs, as Blogger ships its posts) as a `<div>`: the
//! parser would read it as raw text.

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
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"option"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
    )
}

/// A script body that is JSON-LD though its tag does not say so.
fn is_untyped_json_ld(body: &[u8]) -> bool {
    let body = body.trim_ascii_start();
    let body = body.strip_prefix(b"[").unwrap_or(body).trim_ascii_start();
    body.starts_with(b"{\"@context\"")
}

/// Prepare markup for the parser in one scan: empty the bodies of scripts
/// (JSON-LD kept) and style sheets, which are half of a typical news page's
/// bytes and never article text, and blank out tags nested deeper than
/// [`MAX_DEPTH`] (their text stays).
pub fn prepare(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut depth = 0usize;
    let mut overflow = 0usize;
    let mut last = 0usize; // bytes before `last` are handled
    let mut i = 0usize;
    // Where the end tag of a <noscript> opened as a <div> sits.
    let mut noscript_close: Option<usize> = None;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let s = i + off;
        let Some(end) = memchr::memchr(b'>', &b[s..]).map(|e| s + e + 1) else {
            break;
        };
        let inner = &b[s + 1..end - 1];
        let (close, name_start) = if inner.first() == Some(&b'/') {
            (true, 1)
        } else {
            (false, 0)
        };
        let name_len = inner[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = s + 1;
            continue;
        }
        let name = &inner[name_start..name_start + name_len];
        let raw = name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style");
        if !close && raw {
            let closing: &[u8] = if name.eq_ignore_ascii_case(b"script") {
                b"</script"
            } else {
                b"</style"
            };
            let body_end = find_ci(&b[end..], closing).map_or(b.len(), |p| end + p);
            let keep = contains_ci(inner, b"ld+json") || is_untyped_json_ld(&b[end..body_end]);
            if !keep {
                out.push_str(&html[last..end]);
                last = body_end;
            }
            i = body_end;
            continue;
        }
        if name.eq_ignore_ascii_case(b"noscript") {
            // The parser reads a <noscript> as raw text. One that holds an
            // article (Blogger ships posts so) becomes a <div>; the usual
            // tracking pixels and "enable JavaScript" notes stay raw.
            if close {
                if noscript_close == Some(s) {
                    out.push_str(&html[last..s]);
                    out.push_str("</div>");
                    last = end;
                    noscript_close = None;
                }
                i = end;
                continue;
            }
            let body_end = find_ci(&b[end..], b"</noscript").map_or(b.len(), |p| end + p);
            if noscript_close.is_none() && holds_article(&b[end..body_end]) {
                out.push_str(&html[last..s]);
                out.push_str("<div class=\"noscript\">");
                last = end;
                noscript_close = Some(body_end);
                i = end;
            } else {
                i = body_end;
            }
            continue;
        }
        let self_closing = inner.last() == Some(&b'/');
        let lower: Vec<u8> = name.to_ascii_lowercase();
        let drop = if close {
            if is_void(&lower) {
                false
            } else if overflow > 0 {
                overflow -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if is_void(&lower) || self_closing {
            overflow > 0
        } else if depth >= MAX_DEPTH {
            overflow += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[last..s]);
            out.push(' ');
            last = end;
        }
        i = end;
    }
    out.push_str(&html[last..]);
    out
}

/// Does the raw body of a <noscript> hold an article: three paragraphs
/// and 600 bytes at least?
fn holds_article(body: &[u8]) -> bool {
    if body.len() < 600 {
        return false;
    }
    let paragraphs = body
        .windows(3)
        .filter(|w| {
            w[0] == b'<'
                && (w[1] == b'p' || w[1] == b'P')
                && matches!(w[2], b'>' | b' ' | b'\t' | b'\n')
        })
        .count();
    paragraphs >= 3
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'<', &hay[from..]) {
        let at = from + p;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>Hello</p></div></body></html>";
        assert_eq!(prepare(page), page);
    }

    #[test]
    fn script_bodies_go_but_json_ld_stays() {
        let page = r#"<head><script>var a = "<div>";</script><SCRIPT type="application/ld+json">{"a":1}</SCRIPT><style>p{}</style></head>"#;
        assert_eq!(
            prepare(page),
            r#"<head><script></script><SCRIPT type="application/ld+json">{"a":1}</SCRIPT><style></style></head>"#
        );
    }

    #[test]
    fn deep_pages_are_flattened_but_keep_text() {
        let mut page = String::from("<html><body>");
        for _ in 0..5000 {
            page.push_str("<div>");
        }
        page.push_str("deep text");
        let out = prepare(&page);
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
