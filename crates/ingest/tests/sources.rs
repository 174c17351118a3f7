//! Every source kind through `tidings_ingest::source`, with fixtures written
//! here: WARC (per-record gzip as in CC-NEWS), ARC, RSS 0.91/1.0/2.0, Atom,
//! JSON Feed, JSONL, plain text; detection by name and by content; and the
//! broken cases, each named by file and record.

use std::io::Write;
use std::path::{Path, PathBuf};

use tidings_ingest::source::{Format, Input, Payload, Record, SourceError, Sources, plan};

const ARTICLE: &str = "<html><head><title>Harbour reopens</title></head><body><article>\
<p>The harbour reopened on Monday after a week of storms, and the first fishing boats came in at dawn.</p>\
<p>Dock workers said the repairs to the sea wall had held through the last of the high tides.</p>\
</article></body></html>";

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// One WARC record.
fn warc_record(kind: &str, uri: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2024-05-02T08:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut m = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    m.extend_from_slice(body);
    m
}

fn response(uri: &str, id: &str, status: &str, ct: &str, body: &[u8]) -> Vec<u8> {
    warc_record(
        "response",
        uri,
        id,
        "application/http; msgtype=response",
        &http(status, ct, body),
    )
}

fn read(path: &Path, forced: Option<Format>) -> Vec<Result<Record, SourceError>> {
    Sources::new(plan(&[path.to_path_buf()], forced).unwrap()).collect()
}

fn ok(items: &[Result<Record, SourceError>]) -> Vec<&Record> {
    items.iter().filter_map(|r| r.as_ref().ok()).collect()
}

fn problems(items: &[Result<Record, SourceError>]) -> Vec<&SourceError> {
    items.iter().filter_map(|r| r.as_ref().err()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A CC-NEWS-like file: each record its own gzip member.
fn cc_news_like() -> Vec<u8> {
    let mut latin1 = b"<html><body><article><p>Die Stra".to_vec();
    latin1.push(0xDF); // ß in ISO-8859-1
    latin1.extend_from_slice(b"e in der Altstadt wurde am Montag nach langen Bauarbeiten wieder freigegeben, sagte die Stadt.</p></article></body></html>");
    let records = [
        warc_record(
            "warcinfo",
            "",
            "0",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://example.org/a",
            "1",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        response(
            "https://example.org/a",
            "2",
            "200 OK",
            "text/html; charset=utf-8",
            ARTICLE.as_bytes(),
        ),
        response(
            "https://example.org/logo.png",
            "3",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n",
        ),
        response(
            "https://example.org/gone",
            "4",
            "404 Not Found",
            "text/html",
            b"<p>gone</p>",
        ),
        response(
            "https://example.de/strasse",
            "5",
            "200 OK",
            "text/html; charset=ISO-8859-1",
            &latin1,
        ),
        warc_record(
            "resource",
            "https://example.org/r",
            "6",
            "text/html",
            ARTICLE.as_bytes(),
        ),
    ];
    records.iter().flat_map(|r| gz(r)).collect()
}

#[test]
fn warc_gz_with_a_member_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "CC-NEWS-test.warc.gz", &cc_news_like());
    let items = read(&path, None);
    let recs = ok(&items);
    assert_eq!(recs.len(), 3, "two responses and a resource: {items:?}");
    assert_eq!(recs[0].id, "CC-NEWS-test#3");
    assert_eq!(recs[0].hints.url.as_deref(), Some("https://example.org/a"));
    assert!(
        recs[0].origin.contains("record 3 at offset"),
        "{}",
        recs[0].origin
    );
    assert!(recs[0].origin.contains("<urn:uuid:2>"));
    let a = recs[0].extract().unwrap();
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert!(a.text.contains("harbour reopened"));
    // The HTTP header's charset decodes the Latin-1 page.
    let de = recs[1].extract().unwrap();
    assert!(de.text.contains("Straße"), "{}", de.text);
    // The image and the 404 are skipped, each named.
    let skipped = problems(&items);
    assert_eq!(skipped.len(), 2);
    assert!(skipped.iter().all(|p| p.skipped));
    assert!(
        skipped[0].to_string().contains("record 4"),
        "{}",
        skipped[0]
    );
    assert!(skipped[0].why.contains("image/png"));
    assert!(skipped[1].why.contains("404"));
}

#[test]
fn the_same_warc_plain_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&cc_news_like()[..]).read_to_end_into(&mut plain);
    let p = write(dir.path(), "crawl.warc", &plain);
    let g = write(dir.path(), "crawl.warc.gz", &cc_news_like());
    let a: Vec<String> = ok(&read(&p, None)).iter().map(|r| r.id.clone()).collect();
    let b: Vec<String> = ok(&read(&g, None)).iter().map(|r| r.id.clone()).collect();
    assert_eq!(a, b);
}

trait ReadAll {
    fn read_to_end_into(self, out: &mut Vec<u8>);
}

impl<R: std::io::Read> ReadAll for R {
    fn read_to_end_into(mut self, out: &mut Vec<u8>) {
        self.read_to_end(out).unwrap();
    }
}

#[test]
fn broken_warcs_name_the_record_and_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = response(
        "https://example.org/a",
        "a",
        "200 OK",
        "text/html",
        ARTICLE.as_bytes(),
    );
    data.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n",
    );
    data.extend(response(
        "https://example.org/b",
        "b",
        "200 OK",
        "text/html",
        ARTICLE.as_bytes(),
    ));
    // A last record cut short.
    data.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:cut>\r\nContent-Length: 900\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut");
    let path = write(dir.path(), "broken.warc", &data);
    let items = read(&path, None);
    assert_eq!(ok(&items).len(), 2);
    let errs = problems(&items);
    assert_eq!(errs.len(), 2, "{errs:?}");
    let bad = errs[0].to_string();
    assert!(bad.contains("broken.warc: record 2 at offset"), "{bad}");
    assert!(
        bad.contains("urn:uuid:bad") && bad.contains("Content-Length"),
        "{bad}"
    );
    let cut = errs[1].to_string();
    assert!(
        cut.contains("record 4") && cut.contains("truncated") && cut.contains("urn:uuid:cut"),
        "{cut}"
    );
    assert!(!errs[0].skipped && !errs[1].skipped);

    // A gzip member cut in the middle ends the file with an error.
    let mut gzipped = gz(&response(
        "https://example.org/a",
        "a",
        "200 OK",
        "text/html",
        ARTICLE.as_bytes(),
    ));
    let second = gz(&response(
        "https://example.org/b",
        "b",
        "200 OK",
        "text/html",
        ARTICLE.as_bytes(),
    ));
    gzipped.extend_from_slice(&second[..second.len() / 2]);
    let path = write(dir.path(), "cut.warc.gz", &gzipped);
    let items = read(&path, None);
    assert_eq!(ok(&items).len(), 1);
    let errs = problems(&items);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].to_string().contains("cut.warc.gz: record 2"),
        "{}",
        errs[0]
    );
}

#[test]
fn hostile_payloads_in_a_warc() {
    let dir = tempfile::tempdir().unwrap();
    let mut huge = b"<html><body><p>".to_vec();
    huge.resize(50 * 1024 * 1024, b'a');
    let mut nested = String::from("<html><body>");
    for _ in 0..100_000 {
        nested.push_str("<div>");
    }
    nested.push_str(
        "<p>At the very bottom of the nest sits one sentence that is long enough to keep.</p>",
    );
    let mut bad_utf8 = b"<html><body><article><p>Caf".to_vec();
    bad_utf8.extend_from_slice(&[0xC3, 0x28, 0xFF]);
    bad_utf8.extend_from_slice(b" opened on the corner of the square, and the queue went round the block twice.</p></article></body></html>");
    let mut data = Vec::new();
    data.extend(gz(&response(
        "https://e.org/huge",
        "h",
        "200 OK",
        "text/html",
        &huge,
    )));
    data.extend(gz(&response(
        "https://e.org/deep",
        "d",
        "200 OK",
        "text/html",
        nested.as_bytes(),
    )));
    data.extend(gz(&response(
        "https://e.org/bin",
        "b",
        "200 OK",
        "text/html",
        b"%PDF-1.7\n\x00\x01\x02",
    )));
    data.extend(gz(&response(
        "https://e.org/utf8",
        "u",
        "200 OK",
        "text/html; charset=utf-8",
        &bad_utf8,
    )));
    let path = write(dir.path(), "hostile.warc.gz", &data);
    let items = read(&path, None);
    let recs = ok(&items);
    assert_eq!(recs.len(), 4);
    let huge = recs[0].extract().unwrap_err().to_string();
    assert!(huge.contains("over the"), "{huge}");
    assert!(
        recs[1]
            .extract()
            .unwrap()
            .text
            .contains("bottom of the nest")
    );
    let bin = recs[2].extract().unwrap_err().to_string();
    assert!(bin.contains("PDF"), "{bin}");
    assert!(
        recs[3]
            .extract()
            .unwrap()
            .text
            .contains("opened on the corner")
    );
}

#[test]
fn arc_files_with_spaces_in_urls() {
    let dir = tempfile::tempdir().unwrap();
    let desc = b"1 0 Test Capture\nURL IP-address Archive-date Content-type Archive-length\n";
    let page = http("200 OK", "text/html", ARTICLE.as_bytes());
    let mut data = format!(
        "filedesc://test.arc 0.0.0.0 20240502080000 text/plain {}\n",
        desc.len()
    )
    .into_bytes();
    data.extend_from_slice(desc);
    data.push(b'\n');
    data.extend_from_slice(
        format!(
            "http://example.org/a page?x=1 93.184.216.34 20240502080001 text/html {}\n",
            page.len()
        )
        .as_bytes(),
    );
    data.extend_from_slice(&page);
    data.push(b'\n');
    data.extend_from_slice(
        b"http://example.org/broken 93.184.216.34 20240502080002 text/html -1\n",
    );
    data.extend_from_slice(b"garbage\n\n");
    data.extend_from_slice(
        format!(
            "http://example.org/b 93.184.216.34 20240502080003 text/html {}\n",
            page.len()
        )
        .as_bytes(),
    );
    data.extend_from_slice(&page);
    data.push(b'\n');
    for (name, bytes) in [
        ("old.arc", data.clone()),
        ("old.arc.gz", gz(&data)),
        ("noext", data.clone()),
    ] {
        let path = write(dir.path(), name, &bytes);
        let items = read(&path, None);
        let recs = ok(&items);
        assert_eq!(recs.len(), 2, "{name}: {items:?}");
        assert_eq!(
            recs[0].hints.url.as_deref(),
            Some("http://example.org/a page?x=1")
        );
        assert!(recs[0].extract().unwrap().text.contains("harbour reopened"));
        assert_eq!(recs[1].hints.url.as_deref(), Some("http://example.org/b"));
        let errs = problems(&items);
        assert_eq!(errs.len(), 1, "{name}");
        assert!(errs[0].to_string().contains("record 3"), "{}", errs[0]);
    }
}

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Courier</title><link>https://example.org/</link><language>en-gb</language>
<item><title>Harbour reopens</title><link>https://example.org/harbour</link>
  <pubDate>Thu, 02 May 2024 08:15:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The harbour reopened on Monday.</p><p>Boats came in at dawn.</p>]]></content:encoded></item>
<item><title>Council meets</title><link>https://example.org/council</link>
  <description>&lt;p&gt;The council met &lt;b&gt;late&lt;/b&gt; on Tuesday.&lt;/p&gt;</description></item>
<item><title>Link only</title><link>https://example.org/only-link</link></item>
<item><title>Nothing at all</title></item>
</channel></rss>"#;

#[test]
fn rss_items_with_content_summaries_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "courier.rss", RSS2.as_bytes());
    let items = read(&path, None);
    let recs = ok(&items);
    assert_eq!(recs.len(), 2);
    let full = recs[0].extract().unwrap();
    assert_eq!(
        full.text,
        "The harbour reopened on Monday.\n\nBoats came in at dawn."
    );
    assert_eq!(full.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(full.published.as_deref(), Some("2024-05-02"));
    assert_eq!(full.authors, ["Ana Ruiz"]);
    assert_eq!(full.site.as_deref(), Some("Harbour Courier"));
    assert_eq!(full.language.as_deref(), Some("en"));
    assert_eq!(full.page_type, "article");
    assert_eq!(recs[0].id, "courier#1");
    let summary = recs[1].extract().unwrap();
    assert_eq!(summary.text, "The council met late on Tuesday.");
    assert_eq!(summary.page_type, "summary");
    assert_eq!(summary.url.as_deref(), Some("https://example.org/council"));
    let errs = problems(&items);
    assert_eq!(errs.len(), 2);
    assert!(
        errs[0].skipped && errs[0].to_string().contains("courier.rss: feed item 3"),
        "{}",
        errs[0]
    );
    assert!(errs[0].why.contains("https://example.org/only-link"));
    assert!(
        !errs[1].skipped && errs[1].to_string().contains("feed item 4"),
        "{}",
        errs[1]
    );
}

#[test]
fn rss_091_rss_10_atom_and_json_feed() {
    let dir = tempfile::tempdir().unwrap();
    let rss091 = r#"<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>https://example.org</link><description>d</description>
      <item><title>Ferry</title><link>https://example.org/ferry</link><description>The ferry resumed service.</description></item></channel></rss>"#;
    let rss10 = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://example.org/"><title>RDF news</title><link>https://example.org/</link><description>d</description></channel>
      <item rdf:about="https://example.org/bridge"><title>Bridge</title><link>https://example.org/bridge</link><description>The bridge was repainted.</description></item></rdf:RDF>"#;
    let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id><updated>2024-05-03T10:00:00Z</updated>
      <entry><title>Library</title><id>urn:y</id><link href="https://example.org/library"/><published>2024-05-03T09:00:00Z</published><updated>2024-05-04T09:00:00Z</updated>
      <author><name>Bo Chen</name></author><content type="html">&lt;p&gt;The library opened its new wing.&lt;/p&gt;</content></entry></feed>"#;
    let json_feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "JSON news", "items": [
      {"id": "1", "url": "https://example.org/park", "title": "Park", "content_html": "<p>The park reopened.</p>", "date_published": "2024-05-05T07:00:00Z"},
      {"id": "2", "url": "https://example.org/pool", "summary": "The pool is closed for repairs."}]}"#;
    let cases = [
        ("old.rss", rss091, "The ferry resumed service.", "summary"),
        ("rdf.rdf", rss10, "The bridge was repainted.", "summary"),
        (
            "news.atom",
            atom,
            "The library opened its new wing.",
            "article",
        ),
        ("feed.json", json_feed, "The park reopened.", "article"),
        // Named so nothing says what it is: sniffed.
        (
            "atom-without-extension",
            atom,
            "The library opened its new wing.",
            "article",
        ),
        ("feed.xml", rss091, "The ferry resumed service.", "summary"),
    ];
    for (name, body, text, page_type) in cases {
        let path = write(dir.path(), name, body.as_bytes());
        let items = read(&path, None);
        let recs = ok(&items);
        assert!(!recs.is_empty(), "{name}: {items:?}");
        let a = recs[0].extract().unwrap();
        assert_eq!(a.text, text, "{name}");
        assert_eq!(a.page_type, page_type, "{name}");
    }
    let items = read(&dir.path().join("news.atom"), None);
    let a = ok(&items)[0].extract().unwrap();
    assert_eq!(
        a.published.as_deref(),
        Some("2024-05-03"),
        "published, not updated"
    );
    assert_eq!(a.authors, ["Bo Chen"]);
    let items = read(&dir.path().join("feed.json"), None);
    let recs = ok(&items);
    assert_eq!(recs.len(), 2);
    let pool = recs[1].extract().unwrap();
    assert_eq!(pool.text, "The pool is closed for repairs.");
    assert_eq!(pool.url.as_deref(), Some("https://example.org/pool"));
}

#[test]
fn broken_feeds_are_one_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "broken.rss",
        b"<rss version=\"2.0\"><channel><item><title>x",
    );
    let items = read(&path, None);
    assert_eq!(items.len(), 1);
    let e = items[0].as_ref().unwrap_err();
    assert!(
        e.to_string().starts_with(&format!("{}: ", path.display())),
        "{e}"
    );
    assert!(e.why.contains("not a feed"), "{e}");
}

#[test]
fn jsonl_text_and_html_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "{}\n{}\nnot json\n{}\n",
        serde_json::json!({"id": "t1", "text": "  Exactly as given.\r\n", "title": "T", "published": "2024-05-02", "authors": ["Ana Ruiz"], "site": "Courier"}),
        serde_json::json!({"html": ARTICLE, "url": "https://example.org/j"}),
        serde_json::json!({"text": "Bad date.", "published": "yesterday"}),
    );
    let path = write(dir.path(), "docs.jsonl", lines.as_bytes());
    let items = read(&path, None);
    let recs = ok(&items);
    assert_eq!(recs.len(), 2);
    let t = recs[0].extract().unwrap();
    assert_eq!(t.text, "  Exactly as given.\r\n");
    assert_eq!(
        (t.title.as_deref(), t.site.as_deref()),
        (Some("T"), Some("Courier"))
    );
    assert_eq!(recs[1].id, "2");
    assert_eq!(recs[1].origin, format!("{}: line 2", path.display()));
    let h = recs[1].extract().unwrap();
    assert!(h.text.contains("harbour reopened"));
    assert_eq!(h.url.as_deref(), Some("https://example.org/j"));
    let errs = problems(&items);
    assert_eq!(errs.len(), 2);
    assert!(
        errs[0].to_string().contains("docs.jsonl: line 3: not JSON"),
        "{}",
        errs[0]
    );
    assert!(errs[1].to_string().contains("line 4") && errs[1].why.contains("yesterday"));
}

#[test]
fn text_files_pages_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    write(dir.path(), "a.html", ARTICLE.as_bytes());
    write(&sub, "b.htm.gz", &gz(ARTICLE.as_bytes()));
    write(
        dir.path(),
        "note.txt",
        b"The ferry resumed service.\r\nPassengers cheered.\r\n",
    );
    write(dir.path(), "image.png", b"\x89PNG\r\n\x1a\n");
    write(
        dir.path(),
        "c.jsonl",
        b"{\"id\": \"c1\", \"text\": \"One line.\"}\n",
    );
    let inputs = plan(&[dir.path().to_path_buf()], None).unwrap();
    let names: Vec<String> = inputs
        .iter()
        .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.html", "c.jsonl", "note.txt", "b.htm.gz"]);
    let recs: Vec<Record> = Sources::new(inputs).map(Result::unwrap).collect();
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "c1", "note", "b"]);
    assert_eq!(
        recs[2].extract().unwrap().text,
        "The ferry resumed service.\nPassengers cheered.\n"
    );
    assert!(matches!(recs[3].payload, Payload::Page { .. }));
    // A forced format walks only its own extensions.
    let only_text = plan(&[dir.path().to_path_buf()], Some(Format::Text)).unwrap();
    assert_eq!(only_text.len(), 1);
    // And reads a named file as it says.
    let forced = read(&dir.path().join("a.html"), Some(Format::Text));
    assert!(matches!(ok(&forced)[0].payload, Payload::Text(_)));
    // A path that is not there is an error naming it.
    let missing = dir.path().join("missing.warc");
    let err = plan(std::slice::from_ref(&missing), None).unwrap_err();
    assert!(err.to_string().contains("missing.warc"));
    // A file that vanished after planning is one error, not a stop.
    let gone = Input {
        path: missing,
        forced: None,
    };
    let items: Vec<_> = Sources::new(vec![gone]).collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].as_ref().unwrap_err().why.contains("cannot read"));
}

#[test]
fn hostile_feeds_and_texts() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000-deep nesting in the feed's XML and inside an item's content.
    let mut deep_xml = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>D</title><item><title>x</title><link>https://e.org/x</link><extra>",
    );
    deep_xml.push_str(&"<a>".repeat(100_000));
    deep_xml.push_str(&"</a>".repeat(100_000));
    deep_xml.push_str("</extra><description>Still read.</description></item></channel></rss>");
    let mut deep_content = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>D</title><item><title>y</title><description><![CDATA[",
    );
    deep_content.push_str(&"<div>".repeat(100_000));
    deep_content.push_str("Bottom.]]></description></item></channel></rss>");
    for (name, body, text) in [
        ("deep.rss", deep_xml, "Still read."),
        ("deep-content.rss", deep_content, "Bottom."),
    ] {
        let path = write(dir.path(), name, body.as_bytes());
        let items = read(&path, None);
        let recs = ok(&items);
        assert_eq!(recs.len(), 1, "{name}: {items:?}");
        assert_eq!(recs[0].extract().unwrap().text, text, "{name}");
    }
    // Binary bytes and invalid UTF-8 where a feed should be.
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let path = write(dir.path(), "noise.rss", &noise);
    let items = read(&path, None);
    assert_eq!(items.len(), 1);
    assert!(items[0].is_err());
    let mut bad = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>B</title><item><title>T\xFF\xFE</title><link>https://e.org/b</link><description>Caf\xC3\x28 text.</description></item></channel></rss>".to_vec();
    bad.extend_from_slice(b"\n");
    let path = write(dir.path(), "bad-utf8.rss", &bad);
    for item in read(&path, None) {
        // Either the item reads (lossily) or the file is one named error.
        match item {
            Ok(rec) => drop(rec.extract()),
            Err(e) => assert!(e.origin.contains("bad-utf8.rss")),
        }
    }
    // A 50 MB text file is refused by name; binary text too.
    let path = write(dir.path(), "huge.txt", &vec![b'a'; 50 * 1024 * 1024]);
    let items = read(&path, None);
    let e = items[0].as_ref().unwrap_err();
    assert!(
        e.origin.ends_with("huge.txt") && e.why.contains("limit"),
        "{e}"
    );
    let path = write(
        dir.path(),
        "binary.txt",
        b"\x00\x01\x02\x03\x00\x00\x00 not text",
    );
    let items = read(&path, None);
    assert!(ok(&items)[0].extract().is_err());
}
