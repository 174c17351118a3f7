//! Behaviour of `extract_html` on small pages written for these tests.

use tidings_ingest::extract_html;

const NEWS_PAGE: &str = r##"<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after two years | The Riverside Courier</title>
  <meta property="og:site_name" content="The Riverside Courier">
  <meta property="og:title" content="Harbour bridge reopens after two years">
  <meta property="article:published_time" content="2024-05-02T08:15:00+01:00">
  <meta property="article:modified_time" content="2024-05-09T10:00:00+01:00">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>Harbour bridge reopens after two years</h1>
      <div class="byline">By <a rel="author" href="/author/mara-quinn">Mara Quinn</a>, Transport Correspondent · Updated 3 hours ago</div>
      <div class="article-body">
        <p>The harbour bridge reopened to traffic on Thursday morning, two years after engineers closed it when cracks were found in its steel supports.</p>
        <p>Cyclists were the first to cross, followed by a line of buses that had spent two years on a long detour around the estuary, adding twenty minutes to every journey.</p>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
        <h2>A costly repair</h2>
        <p>The repairs cost the council far more than planned, and officials said the final bill, which includes new lighting, would be published next month.</p>
        <p>Advertisement</p>
        <p>Residents on both banks said the reopening had come as a relief, though some complained that the new toll, charged at peak hours, was too high.</p>
      </div>
    </article>
    <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Council budget vote</a></li></ul></aside>
    <section class="comments"><h3>Comments</h3><p>I waited two years for this and the toll is a scandal, frankly, and nobody asked us.</p></section>
  </main>
  <footer><p>© 2024 The Riverside Courier. All rights reserved.</p></footer>
</body>
</html>"##;

#[test]
fn news_page_body_keeps_paragraphs_and_drops_furniture() {
    let a = extract_html(NEWS_PAGE.as_bytes(), None).unwrap();
    assert!(
        a.text.starts_with("The harbour bridge reopened"),
        "{}",
        a.text
    );
    assert!(a.text.contains("A costly repair"));
    assert!(a.text.contains("the new toll, charged at peak hours"));
    for furniture in [
        "Share on",
        "Advertisement",
        "Related stories",
        "Ferry timetable",
        "scandal",
        "All rights reserved",
        "Home",
    ] {
        assert!(
            !a.text.contains(furniture),
            "{furniture:?} leaked into {:?}",
            a.text
        );
    }
    // Paragraphs are separated by blank lines.
    assert_eq!(a.text.split("\n\n").count(), 5, "{}", a.text);
    assert_eq!(a.page_type, "article");
}

#[test]
fn news_page_metadata() {
    let a = extract_html(NEWS_PAGE.as_bytes(), None).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour bridge reopens after two years")
    );
    assert_eq!(a.authors, vec!["Mara Quinn"]);
    assert_eq!(a.published.as_deref(), Some("2024-05-02"));
    assert_eq!(a.site.as_deref(), Some("The Riverside Courier"));
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn json_ld_metadata_and_body_evidence() {
    let page = r#"<html><head>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Village fête raises record sum","datePublished":"2023-07-15",
        "author":{"@type":"Person","name":"Owen Hale"},
        "articleBody":"The village fête raised a record sum for the school roof this weekend, organisers said. Stalls selling cakes and plants sold out by noon, and the tombola ran out of prizes."}
      </script></head><body>
      <div class="teaser-rail"><p>Elsewhere today, a long teaser paragraph about some other story that nobody asked for here.</p></div>
      <div class="story"><p>The village fête raised a record sum for the school roof this weekend, organisers said.</p>
      <p>Stalls selling cakes and plants sold out by noon, and the tombola ran out of prizes.</p></div>
      </body></html>"#;
    let a = extract_html(page.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Village fête raises record sum"));
    assert_eq!(a.authors, vec!["Owen Hale"]);
    assert_eq!(a.published.as_deref(), Some("2023-07-15"));
    assert!(a.text.contains("tombola"));
    assert!(!a.text.contains("Elsewhere today"), "{}", a.text);
}

#[test]
fn german_page_with_text_byline_and_latin1() {
    let mut page = b"<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\"><title>Neue Br".to_vec();
    page.push(0xFC);
    page.extend_from_slice(b"cke er\xF6ffnet</title></head><body><div class=\"inhalt\"><h1>Neue Br\xFCcke er\xF6ffnet</h1>\
<p>Von Karl Maier</p>\
<p>Die neue Br\xFCcke \xFCber den Fluss ist am Montag f\xFCr den Verkehr freigegeben worden, nach drei Jahren Bauzeit und vielen Verz\xF6gerungen.</p>\
<p>Der B\xFCrgermeister sprach von einem gro\xDFen Tag f\xFCr die Stadt, und die Anwohner feierten mit einem kleinen Fest am Ufer.</p></div></body></html>");
    let a = extract_html(&page, None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Neue Brücke eröffnet"));
    assert_eq!(a.authors, vec!["Karl Maier"]);
    assert!(a.text.contains("Der Bürgermeister sprach"), "{}", a.text);
    assert_eq!(a.language.as_deref(), Some("de"));
}

#[test]
fn url_date_is_a_fallback() {
    let page = "<html><body><article><p>A short note about the weather, which was fine all day, with a light breeze from the west.</p></article></body></html>";
    let a = extract_html(
        page.as_bytes(),
        Some("https://example.org/2021/03/04/weather-note/"),
    )
    .unwrap();
    assert_eq!(a.published.as_deref(), Some("2021-03-04"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/2021/03/04/weather-note/")
    );
}

#[test]
fn listing_page_is_not_an_article() {
    let mut page =
        String::from("<html><head><title>All stories</title></head><body><div class=\"list\"><ul>");
    for i in 0..40 {
        page.push_str(&format!(
            "<li><a href=\"/story/{i}\">Story number {i} about the town</a></li>"
        ));
    }
    page.push_str("</ul></div></body></html>");
    let a = extract_html(page.as_bytes(), None).unwrap();
    assert_ne!(a.page_type, "article", "{a:?}");
}

#[test]
fn same_body_same_hash() {
    let a = extract_html(NEWS_PAGE.as_bytes(), Some("https://a.example/x")).unwrap();
    let other = NEWS_PAGE.replace("<nav>", "<nav><a href=\"/extra\">Weather</a>");
    let b = extract_html(other.as_bytes(), Some("https://b.example/y")).unwrap();
    assert_eq!(a.content_hash, b.content_hash);
    assert_eq!(a.content_hash.len(), 64);
}
