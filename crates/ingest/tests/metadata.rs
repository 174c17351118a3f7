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

#[test]
fn blog_name_in_the_page_header_yields_to_the_marked_post_title() {
    let html = page(
        "<title>Tram works resume | Riverside Notes and Stories</title>",
        "<header id=\"masthead\"><h1 class=\"site-title\"><a href=\"/\">Riverside Notes and \
         Stories</a></h1></header><div class=\"post\"><h2 class=\"entry-title\">Tram works \
         resume</h2></div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Tram works resume"));
}

#[test]
fn h3_the_title_confirms_beats_a_logo_h1() {
    let html = page(
        "<title>Council backs the tram line</title>",
        "<div id=\"logo\"><h1>riverside.example</h1></div><h3>Council backs the tram line</h3>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn the_titles_headline_segment_confirms_a_short_heading() {
    let html = page(
        "<title>Tram notes | Riverside Courier for the valley and the hills</title>",
        "<div class=\"branding\"><h1>Riverside Courier for the valley and the hills</h1></div>\
         <h1 class=\"entry-title\">Tram notes</h1><h1>Newsletter</h1>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Tram notes"));
}

#[test]
fn screen_reader_h1_is_not_the_headline() {
    let html = page(
        "<title>Council backs the tram line</title>",
        "<h1 class=\"sr-only\">Details</h1><h2>Council backs the tram line</h2>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council backs the tram line"));
}

#[test]
fn date_or_site_run_into_the_heading_after_the_declared_title_goes() {
    for h1 in [
        "<h1>Council backs the tram line 02.02.2022 • Courier, News</h1>",
        "<h1>Council backs the tram line | RIVERSIDE.EXAMPLE</h1>",
    ] {
        let html = page(
            "<meta property=\"og:title\" content=\"Council backs the tram line\">",
            h1,
        );
        let a = extract_html(html.as_bytes(), None).unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Council backs the tram line"),
            "{h1}"
        );
    }
}

#[test]
fn cjk_title_joined_to_the_site_without_spaces() {
    let html = page("<title>市议会支持新的电车线路计划-河畔日报</title>", "");
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("市议会支持新的电车线路计划"));
}

#[test]
fn a_commentary_is_no_comment_thread() {
    let html = page(
        "<title>Opinion: Why the tram line matters - Courier</title>",
        "<div class=\"opinion commentary\"><h1>Why the tram line matters</h1>\
         <span class=\"author\">Greta Holm</span></div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Why the tram line matters"));
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn the_publishers_own_name_as_meta_author_yields_to_the_printed_byline() {
    let html = page(
        "<meta name=\"author\" content=\"Riverside Courier\">",
        "<h1>Council backs the tram line</h1><span class=\"byline\">Greta Holm</span>",
    );
    let url = "https://www.riversidecourier.com/news/tram";
    let a = extract_html(html.as_bytes(), Some(url)).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn a_one_word_name_two_sources_agree_on_is_the_author() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
         \"@type\":\"BlogPosting\",\"author\":{\"@type\":\"Person\",\"name\":\"Ela\"}}</script>",
        "<h1>Peanut truffles</h1><a rel=\"author\" href=\"/about\">Ela</a>\
         <div class=\"author-note\">Photos: Bo Chan</div><p class=\"byline\">Greta Holm</p>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Ela"]);
}

#[test]
fn a_given_name_takes_the_full_name_printed_in_the_article() {
    let html = format!(
        "<html><head><meta name=\"author\" content=\"Nils\"><title>Tram notes</title></head>\
         <body><article><h1>Tram notes</h1><p>Eine Kolumne von Nils Berger</p>{}</article></body></html>",
        "<p>The council met on Tuesday evening to discuss the new tram line, which will run \
         from the station to the hospital and open in two years.</p><p>Several residents spoke \
         against the plan, saying the works would close the market square for a summer.</p>"
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Nils Berger"]);
}

#[test]
fn a_role_run_into_the_name_gives_way_to_the_bare_name() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
         \"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\
         \"name\":\"Von Courier-Experte Robin Berg\"}}</script>",
        "<h1>Lease or buy?</h1><a rel=\"author\" href=\"/team/robin\">Robin Berg</a>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Robin Berg"]);
}

#[test]
fn the_copyright_holder_signs_a_page_without_a_byline() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1>\
         <div class=\"footer\"><p>Copyright (c) 2012- Greta Holm. All rights reserved.</p></div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn a_handle_with_digits_in_author_markup_is_the_author() {
    let html = page(
        "",
        "<h1>Six Sigma, ten years on</h1><span class=\"author vcard\">\
         <a rel=\"author\" href=\"/author/delta201\">delta201</a></span>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["delta201"]);
}

#[test]
fn byline_in_a_bar_joined_meta_line_is_read() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1><div class=\"info\">Opinion | By Greta Holm | May 2, 2024</div>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn recipe_json_ld_names_the_author() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
         \"@type\":\"Recipe\",\"name\":\"Plum cake\",\"author\":{\"@type\":\"Person\",\"name\":\"Greta Holm\"}}</script>",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn json_ld_with_line_breaks_inside_strings_is_read() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
         \"@type\":\"BlogPosting\",\"author\":{\"@type\":\"Person\",\"name\":\"Greta Holm\"},\
         \"articleBody\":\"First line\nsecond line\"}</script>",
        "",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Greta Holm"]);
}

#[test]
fn an_organisation_as_json_ld_author_yields_to_a_printed_person() {
    let html = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
         \"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Helm Institute\"}}</script>",
        "<h1>No tipping point for the climate</h1><h5 class=\"field-author\">Bo Chan</h5>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Bo Chan"]);
}

#[test]
fn a_printed_one_word_name_beats_a_teaser_behind_an_author_link() {
    let html = page(
        "",
        "<h1>Council backs the tram line</h1><div class=\"field-author\">Ulrike</div>\
         <aside><a href=\"/author/desk\">Harbour Festival Draws Record Crowds</a></aside>",
    );
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Ulrike"]);
}

#[test]
fn a_utc_timestamp_takes_the_date_on_the_publisher_clock() {
    // 00:53 UTC on 4 May is the evening of 3 May in Buenos Aires.
    let head = "<meta property=\"article:published_time\" content=\"2022-05-04T00:53:29Z\">";
    let a = extract_html(
        page(head, "").as_bytes(),
        Some("https://www.example.com.ar/politica/tranvia/"),
    )
    .unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-05-03"));
    // With no country host, a German page keeps German time: 23:00 UTC in
    // November is already the next day.
    let head = "<meta property=\"article:published_time\" content=\"2022-11-06T23:00:00.000Z\">";
    let html = page(head, "").replace("<html>", "<html lang=\"de\">");
    let a = extract_html(html.as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-11-07"));
    // A generic host and an English page: the UTC day stands.
    let head = "<meta property=\"article:published_time\" content=\"2022-05-04T00:53:29Z\">";
    let a = extract_html(
        page(head, "").as_bytes(),
        Some("https://www.example.com/politics/tram/"),
    )
    .unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-05-04"));
}

#[test]
fn a_printed_date_beats_a_generic_date_meta_and_an_older_declared_one() {
    // A generic `date` meta (the page's last edit) yields to the printed
    // date line a few days away.
    let head = "<meta name=\"date\" content=\"2022-01-26T14:32:06+01:00\">";
    let body = "<p class=\"meta\"><time datetime=\"2022-01-21\">21.01.2022 - 13:30</time></p>";
    let a = extract_html(page(head, body).as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-01-21"));
    // A declared publication date yields to a later printed edition date.
    let head = "<meta property=\"article:published_time\" content=\"2021-11-22T17:42:22+01:00\">";
    let body = "<p><time class=\"header-date\">1. Januar 2023</time></p>";
    let a = extract_html(page(head, body).as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2023-01-01"));
    // ...but not to an earlier one: that is some other date.
    let head = "<meta property=\"article:published_time\" content=\"2022-12-04T15:00:00+01:00\">";
    let body = "<p><time class=\"header-date\">1. Januar 2020</time></p>";
    let a = extract_html(page(head, body).as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2022-12-04"));
}

#[test]
fn a_name_followed_by_the_date_is_a_byline_without_a_label() {
    let body = "<div class=\"meta-info\"><span>wow!</span> <span>Nora Albers</span> | \
                <span>April 13, 2020</span></div>";
    let a = extract_html(page("", body).as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Nora Albers".to_string()]);
    // A headline-like phrase before the date is no name.
    let body = "<div class=\"meta-info\">Read The Whole Story | April 13, 2020</div>";
    let a = extract_html(page("", body).as_bytes(), None).unwrap();
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn the_author_field_of_a_line_of_labelled_fields_is_read() {
    let body = "<div class=\"article-byline\">Datum: 19.11.2021 Autor: Jonas Weber \
                Quelle: Stadtblatt</div>";
    let a = extract_html(page("", body).as_bytes(), None).unwrap();
    assert_eq!(a.authors, vec!["Jonas Weber".to_string()]);
}

#[test]
fn a_date_opening_the_headline_goes() {
    let body = "<h1>23.01.2022 - Tram line opens a year early</h1>";
    let a = extract_html(page("", body).as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Tram line opens a year early"));
    // A short rest is no headline: the date stays.
    let body = "<h1>23.01.2022 - Protokoll</h1>";
    let a = extract_html(page("", body).as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("23.01.2022 - Protokoll"));
}

#[test]
fn a_comment_time_is_no_printed_date() {
    let head = "<meta property=\"article:published_time\" content=\"2012-06-30T10:48:32+00:00\">";
    let body = "<div class=\"comment-list\"><article class=\"comment-body\">\
                <time datetime=\"2014-01-15T23:36:38+01:00\">Januar 15, 2014</time>\
                <p>Schöner Beitrag!</p></article></div>";
    let a = extract_html(page(head, body).as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2012-06-30"));
}

#[test]
fn a_time_printing_the_same_instant_on_the_local_clock_gives_the_date() {
    // 05:30:59 UTC on 9 November is 23:30:59 on 8 November where the page
    // prints it.
    let head = "<meta property=\"article:published_time\" content=\"2023-11-09T05:30:59+00:00\">";
    let body = "<p>Published: <time datetime=\"2023-11-08 23:30:59\">November 8, 2023 \
                at 11:30 p.m.</time></p>";
    let a = extract_html(page(head, body).as_bytes(), None).unwrap();
    assert_eq!(a.published.as_deref(), Some("2023-11-08"));
}
