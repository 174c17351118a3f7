//! Metadata behaviour of `extract_html` (title, authors, date) on small pages
//! written for these tests.

use tidings_ingest::extract_html;

fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}\
         <article><p>The council met on Tuesday evening to discuss the new tram line, \
         which will run from the station to the hospital and open in two years.</p>\
         <p>Several residents spoke against the plan, saying the works would close \
         the market square for most of a summer and drive shoppers away.</p></article>\
         </body></html>"
    )
}

#[test]
fn json_ld_in_an_untyped_script_is_read() {
    let html = page(
        "<script>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
         \"datePublished\":\"2022-01-28T06:00:00+01:00\"}</script>",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-01-28"));
}

#[test]
fn microdata_date_on_a_span_is_read() {
    let html = page(
        "",
        "<span property=\"schema:dateCreated\" content=\"2022-01-28T12:45:46+00:00\"></span>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-01-28"));
}

#[test]
fn date_line_without_markup_is_read_and_the_change_date_skipped() {
    let html = page(
        "",
        "<div class=\"article-info\">Letzte Änderung: 31.10.2023 - 14:49 \
         Erschienen am: 01.11.2023</div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2023-11-01"));
}

#[test]
fn utc_timestamp_after_midnight_follows_the_local_date_shown() {
    // Published at 21:53 in Buenos Aires, which is 00:53 UTC the next day.
    let html = page(
        "<meta property=\"article:published_time\" content=\"2022-05-04T00:53:29Z\">",
        "<div class=\"date\">3 de mayo de 2022</div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-05-03"));
    // Without a local date on the page the timestamp's own date stands.
    let html = page(
        "<meta property=\"article:published_time\" content=\"2022-05-04T00:53:29Z\">",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-05-04"));
}

#[test]
fn lone_h1_is_the_headline_even_when_the_title_differs() {
    let html = page(
        "<title>Tram line plans: everything you need to know</title>",
        "<h1>Council backs the tram line</h1>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn lone_h1_naming_the_site_is_not_the_headline() {
    let html = page(
        "<title>Council backs the tram line - Riverside Courier</title>\
         <meta property=\"og:site_name\" content=\"Riverside Courier\">",
        "<h1>Riverside Courier</h1>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn h2_confirms_the_title_segment() {
    let html = page(
        "<title>Blog Archive » Council backs the tram line</title>",
        "<h2>Council backs the tram line</h2>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn kicker_run_into_the_h1_is_dropped() {
    let html = page(
        "<meta property=\"og:title\" content=\"Council backs the tram line\">",
        "<h1><span class=\"topline\">Tram plans</span> Council backs the tram line</h1>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn host_name_segment_of_the_title_goes() {
    let html = page("<title>Tramway | riverside-courier.org</title>", "");
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Tramway"));
}

#[test]
fn written_by_label_pair_names_the_author() {
    let html = page(
        "<meta name=\"twitter:label1\" content=\"Verfasst von\">\
         <meta name=\"twitter:data1\" content=\"Greta Holm\">",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn newsroom_signature_is_an_author() {
    let html = page("<meta name=\"author\" content=\"Redaktion\">", "");
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Redaktion"]);
}

#[test]
fn publisher_signing_its_own_page_is_the_author() {
    let html = page(
        "<meta property=\"og:site_name\" content=\"Riverside Courier\">\
         <meta name=\"author\" content=\"Riverside Courier\">",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Riverside Courier"]);
}

#[test]
fn labelled_byline_in_a_meta_line() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1>\
         <p class=\"meta\">12 May 2024 — posted by Greta Holm</p>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn byline_leftovers_are_cut() {
    let html = page(
        "<meta name=\"author\" content=\"Alle Artikel von Greta Holm\">",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn signature_after_the_body_names_the_author() {
    let html = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>\
         <h1>Council backs the tram line</h1>\
         <p>The council met on Tuesday evening to discuss the new tram line, which will \
         run from the station to the hospital and open in two years.</p>\
         <p>Several residents spoke against the plan, saying the works would close the \
         market square for most of a summer and drive shoppers away.</p>\
         <p>Text: Greta Holm</p></article></body></html>";
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn a_commenter_is_not_the_author() {
    let html = page(
        "",
        "<div id=\"comments\"><div class=\"author\">Bo Chan</div>\
         <p>Great piece, thanks.</p></div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn name_after_the_date_in_a_meta_line_is_the_author() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1>\
         <p class=\"meta\">04.02.2022 | 13:10 Uhr | Greta Holm</p>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn source_after_the_date_is_not_an_author() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1>\
         <p class=\"meta\">04.02.2022 | Quelle: Riverside Transit</p>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn author_label_in_its_own_element_names_the_next_one() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1>\
         <div class=\"info\"><h5>Autor:</h5>Greta Holm/dpa</div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn french_and_spanish_text_bylines_are_read() {
    for line in [
        "par Greta Holm , 21 juin 2018",
        "Par Greta Holm le 07 mai 2020",
        "Por Greta Holm @gholm - mayo 11, 2022",
    ] {
        let html = page("", &format!("<h1>Le conseil vote</h1><p>{line}</p>"));
        let a = extract_html(html.as_bytes(), None).unwrap();
        assert_eq!(a.authors, vec!["Greta Holm"], "{line}");
    }
}

#[test]
fn printed_byline_beats_the_meta_author() {
    let html = page(
        "<meta name=\"author\" content=\"Paul Webmaster\">",
        "<h1>Council backs the tram line</h1><p class=\"intro\">Von Greta Holm</p>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn kicker_element_before_loose_headline_text_is_dropped() {
    let html = page(
        "",
        "<h1><span class=\"topline\">Tram plans</span> Council backs the new line</h1>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the new line"));
}

#[test]
fn emphasis_or_a_run_on_word_opening_the_headline_stays() {
    for (h1, want) in [
        (
            "<h1><em>Titanic</em> Returns To The Harbour</h1>",
            "Titanic Returns To The Harbour",
        ),
        (
            "<h1><span class=\"mark\">Tram</span> plans split the council</h1>",
            "Tram plans split the council",
        ),
    ] {
        let html = page("", h1);
        let a = extract_html(html.as_bytes(), None).unwrap();
        assert_eq!(a.title.as_deref(), Some(want), "{h1}");
    }
}

#[test]
fn h2_confirmed_by_the_declared_title_is_the_headline_without_an_h1() {
    let html = page(
        "<meta property=\"og:title\" content=\"Council backs the new tram line (2024/5)\">",
        "<h2>Latest news</h2><h2>Council backs the new tram line</h2>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the new tram line"));
}
