//! Hostile inputs: every one yields an article or an error, quickly, without
//! a crash.

use std::time::{Duration, Instant};

use tidings_ingest::{ExtractError, extract_html};

fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    out
}

#[test]
fn hundred_thousand_deep_nesting() {
    let mut page = String::from("<html><body>");
    for _ in 0..100_000 {
        page.push_str("<div>");
    }
    page.push_str(
        "<p>Deep inside the nest there is one sentence, long enough to be a paragraph of text.</p>",
    );
    let a = timed(Duration::from_secs(20), || {
        extract_html(page.as_bytes(), None)
    })
    .unwrap();
    assert!(a.text.contains("Deep inside the nest"), "{}", a.text);
}

#[test]
fn deep_inline_nesting_and_unclosed_tags() {
    let mut page = String::from("<html><body><p>start ");
    for _ in 0..50_000 {
        page.push_str("<b><i><span>");
    }
    page.push_str("end of a very strange but harmless paragraph of text</p>");
    timed(Duration::from_secs(20), || {
        extract_html(page.as_bytes(), None)
    })
    .unwrap();
}

#[test]
fn fifty_megabyte_page_is_refused_by_name() {
    let page = vec![b'a'; 50 * 1024 * 1024];
    match extract_html(&page, None) {
        Err(ExtractError::TooLarge { size, .. }) => assert_eq!(size, 50 * 1024 * 1024),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn large_page_under_the_limit_is_extracted() {
    let para = "<p>The council met again on Tuesday, and the meeting, like the last one, ran late into the night.</p>";
    let mut page = String::from("<html><body><article>");
    while page.len() < 8 * 1024 * 1024 {
        page.push_str(para);
    }
    page.push_str("</article></body></html>");
    let a = timed(Duration::from_secs(60), || {
        extract_html(page.as_bytes(), None)
    })
    .unwrap();
    assert!(a.text.len() > 1_000_000);
}

#[test]
fn binary_payloads_are_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    assert!(matches!(
        extract_html(&png, None),
        Err(ExtractError::NotHtml { .. })
    ));
    let noise: Vec<u8> = (0..10_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(extract_html(&noise, None).is_err() || extract_html(&noise, None).is_ok());
}

#[test]
fn invalid_utf8_is_decoded_lossily() {
    let mut page = b"<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf".to_vec();
    page.extend_from_slice(&[0xC3, 0x28, 0xFF, 0xFE]);
    page.extend_from_slice(b" opened on the corner of the square, and the queue went round the block twice.</p></article></body></html>");
    let a = extract_html(&page, None).unwrap();
    assert!(a.text.contains("opened on the corner"));
}

#[test]
fn empty_and_whitespace_pages() {
    assert!(matches!(extract_html(b"", None), Err(ExtractError::Empty)));
    assert!(matches!(
        extract_html(b"  \n\t ", None),
        Err(ExtractError::Empty)
    ));
    let a = extract_html(b"<html></html>", None).unwrap();
    assert_eq!(a.text, "");
    assert_eq!(a.page_type, "other");
}

#[test]
fn unterminated_markup_and_scripts() {
    for page in [
        "<html><body><p>Unclosed paragraph <a href=\"x",
        "<html><head><script>var x = '</p>';",
        "<!-- never closed comment <p>hidden</p>",
        "<p>text</p></body></html></html></body>",
        "<table><tr><td><table><tr><td>nested cells with text that goes on</td></tr>",
    ] {
        extract_html(page.as_bytes(), None).unwrap();
    }
}
