//! Behaviour of the body rules on small pages written for these tests: the
//! lead above the body's container, furniture inside it, closing sections,
//! datelines, credits and calls to action.

use tidings_ingest::extract_html;

/// Four paragraphs of running text about a town's new library.
const PARAGRAPHS: &str = r#"
<p>The new library opened its doors on Monday morning, and by noon more than four hundred readers had signed up for a card, far more than the staff had expected on the first day.</p>
<p>The building, a former grain store by the canal, took three years to convert. Its reading room keeps the old timber beams, while the children's floor has a slide, a puppet theatre and a quiet corner.</p>
<p>Funding came from the town council, a regional heritage fund and a campaign in which residents sponsored single shelves for twenty pounds each, with their names engraved on small brass plates.</p>
<p>The head librarian said the next step is a mobile service for the outlying villages, using a converted delivery van that will visit each village every second week from the spring onwards.</p>
"#;

fn page(head: &str, above: &str, inside_after: &str, below: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canal library opens its doors</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>{above}
<div class="article-body">{PARAGRAPHS}{inside_after}</div>
{below}</article></main>
<footer><p>Contact the newsroom</p></footer></body></html>"#
    )
}

fn text_of(html: &str) -> String {
    extract_html(html.as_bytes(), None).unwrap().text
}

/// The article's own text is kept and none of `furniture` is.
fn assert_body_without(html: &str, furniture: &[&str]) {
    let text = text_of(html);
    assert!(text.contains("mobile service for the outlying villages"));
    for f in furniture {
        assert!(!text.contains(f), "{f:?} in {text}");
    }
}

#[test]
fn lead_between_headline_and_body_is_kept() {
    let html = page(
        "",
        r#"<h1>Canal library opens its doors</h1>
<div class="meta">By Ada Lane · 4 March 2024</div>
<div class="intro"><p>Readers queued along the towpath before dawn as the town's first new library in fifty years welcomed them inside.</p></div>"#,
        "",
        "",
    );
    let text = text_of(&html);
    assert!(
        text.starts_with("Readers queued along the towpath"),
        "{text}"
    );
    assert!(text.contains("The new library opened its doors"));
    assert!(!text.contains("By Ada Lane"), "{text}");
}

#[test]
fn dek_in_header_stays_out_but_a_named_lead_comes_in() {
    let dek = page(
        "",
        r#"<header><h1>Canal library opens its doors</h1>
<p class="dek">A converted grain store becomes the town's favourite room, with timber beams and a slide for children.</p></header>"#,
        "",
        "",
    );
    let text = text_of(&dek);
    assert!(!text.contains("favourite room"), "{text}");
    assert!(text.starts_with("The new library opened"), "{text}");

    let lead = page(
        "",
        r#"<header><h1>Canal library opens its doors</h1>
<p class="lead">A converted grain store becomes the town's favourite room, with timber beams and a slide for children.</p></header>"#,
        "",
        "",
    );
    assert!(text_of(&lead).starts_with("A converted grain store"));
}

#[test]
fn no_lead_without_a_headline_in_reach() {
    let html = page(
        "",
        r#"<div class="teaser"><p>Another story entirely: the ferry timetable changes next week, with fewer crossings on Sundays and a later last boat.</p></div>"#,
        "",
        "",
    );
    assert!(!text_of(&html).contains("ferry timetable"));
}

#[test]
fn furniture_inside_the_article_container_is_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<div class="entry-tags"><span>Tagged: libraries, canal, heritage, town council</span></div>
<div class="author-box"><p>Ada Lane writes about local history and has covered the town for the paper since she left university.</p></div>
<div class="entry-utility">This entry was posted in Local news and filed under heritage.</div>
<div class="contact-card"><p>Press office of the town council, open on weekdays from nine to five.</p></div>"#,
        "",
    );
    assert_body_without(
        &html,
        &[
            "Tagged:",
            "Ada Lane writes",
            "This entry was posted",
            "Press office",
        ],
    );
}

#[test]
fn german_comment_threads_are_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<section class="kommentare"><p>Endlich eine Bibliothek am Kanal, ich war gleich am ersten Tag dort und habe mir fünf Bücher ausgeliehen.</p></section>"#,
        "",
    );
    assert!(!text_of(&html).contains("Endlich eine Bibliothek"));
}

#[test]
fn closing_sections_and_orphan_labels_are_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<h2>About the author</h2>
<p>Ada Lane has reported on the town's canals, mills and markets for twelve years and lives by the lock.</p>
<h3>Read more:</h3>
<ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Council budget vote</a></li></ul>"#,
        "",
    );
    assert_body_without(
        &html,
        &[
            "About the author",
            "Ada Lane has reported",
            "Read more",
            "Ferry",
        ],
    );
}

#[test]
fn a_closing_label_early_in_the_body_stays() {
    // The label opens the article's own subject in its first half.
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        "",
        "",
    )
    .replace(
        "<div class=\"article-body\">",
        "<div class=\"article-body\"><h2>Comments</h2><p>Readers were asked for their comments on the plans in a survey two years ago, and most asked for longer opening hours.</p>",
    );
    let text = text_of(&html);
    assert!(
        text.contains("Readers were asked for their comments"),
        "{text}"
    );
}

#[test]
fn datelines_credits_and_closing_calls_to_action_are_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<p>Updated: 04.03.2024, 10:27</p>
<p>Photo: Ada Lane</p>
<p>Follow us on Twitter and sign up for our newsletter.</p>
<p>Have a tip? Ada Lane may be reached at the newsroom. Follow her on Mastodon.</p>"#,
        "",
    );
    let text = text_of(&html);
    assert!(
        text.ends_with("every second week from the spring onwards."),
        "{text}"
    );
}

#[test]
fn a_quoted_tweet_signature_with_a_date_stays() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<blockquote><p>What a day for the town, the queue reached the lock.</p><p>— Canal Town (@canaltown) March 4, 2024</p></blockquote>"#,
        "",
    );
    assert!(text_of(&html).contains("(@canaltown) March 4, 2024"));
}

#[test]
fn a_recipe_keeps_its_ingredient_list() {
    let html = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plum crumble</title></head>
<body><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav>
<main><h1>Plum crumble</h1>
<div class="recipe-side"><h2>Ingredients</h2>
<ul class="recipe-ingredients"><li>600 g ripe plums, halved and stoned</li><li>150 g plain flour</li><li>100 g cold butter, diced</li><li>80 g demerara sugar</li></ul>
<ul class="more"><li><a href="/recipes/main-ingredient/plums">More plum recipes</a></li></ul></div>
<div class="recipe-method"><h2>Method</h2>
<p>Heat the oven to 190°C. Lay the plums cut side up in a buttered dish, close together, and scatter a spoonful of the sugar over them.</p>
<p>Rub the butter into the flour with your fingertips until it looks like coarse breadcrumbs, then stir in the rest of the sugar.</p>
<p>Spread the crumble over the fruit without pressing it down, and bake for forty minutes, until the top is golden and the juice bubbles at the edges.</p>
<p>Leave it to stand for ten minutes before serving, with custard, cream or a spoonful of thick yoghurt.</p></div>
</main><footer><p>Contact the kitchen</p></footer></body></html>"#;
    let text = text_of(html);
    assert!(
        text.contains("600 g ripe plums, halved and stoned"),
        "{text}"
    );
    assert!(text.contains("80 g demerara sugar"), "{text}");
    let (ingredients, method) = (
        text.find("150 g plain flour").unwrap(),
        text.find("Heat the oven").unwrap(),
    );
    assert!(ingredients < method, "{text}");
    assert!(!text.contains("More plum recipes"), "{text}");
}

#[test]
fn signed_captions_and_reading_labels_are_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<p>Reading time: 3 minutes</p>
<p>The reading room under the old timber beams (Image: Canal Town Council)</p>
<p>Advert</p>
<p>- Anzeige -</p>
<p>Topics</p>"#,
        "",
    );
    let text = text_of(&html);
    assert!(
        text.ends_with("every second week from the spring onwards."),
        "{text}"
    );
    assert!(!text.contains("Reading time"), "{text}");
}

#[test]
fn text_in_a_paywall_container_is_article_text() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<div class="paywall"><p>Opening hours will be longer than at the old branch: the doors stay open until nine on weekdays, and on Sundays the reading room opens at noon for families.</p></div>"#,
        "",
    );
    assert!(text_of(&html).contains("the doors stay open until nine on weekdays"));
}

#[test]
fn ruby_readings_are_left_out() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<p>A gift from the twin town hangs over the entrance: a sign that reads <ruby>図書館<rp>(</rp><rt>としょかん</rt><rp>)</rp></ruby>, the word for library.</p>"#,
        "",
    );
    let text = text_of(&html);
    assert!(text.contains("reads 図書館, the word"), "{text}");
    assert!(!text.contains("としょかん"), "{text}");
}

#[test]
fn a_closing_contact_section_is_dropped() {
    let html = page(
        "",
        "<h1>Canal library opens its doors</h1>",
        r#"<h3>Contact:</h3>
<p>Press office of the town council, Canal Street 4, telephone 01234 567890</p>"#,
        "",
    );
    let text = text_of(&html);
    assert!(
        text.ends_with("every second week from the spring onwards."),
        "{text}"
    );
}

#[test]
fn a_post_shipped_in_noscript_is_read() {
    const MORE: &str = "<p>Volunteers from the rowing club carried the last boxes of books across the lock bridge on Sunday, a chain of forty people passing them hand to hand.</p>";
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canal library opens its doors</title>
<noscript><img src="/pixel.gif"></noscript></head>
<body><div class="post"><h1>Canal library opens its doors</h1>
<div class="post-body" itemprop="articleBody"><script type="text/template">{PARAGRAPHS}</script>
<noscript>{PARAGRAPHS}{MORE}</noscript></div></div>
<noscript><p>Please enable JavaScript to see the comments.</p></noscript></body></html>"#
    );
    let text = text_of(&html);
    assert!(
        text.starts_with("The new library opened its doors"),
        "{text}"
    );
    assert!(text.ends_with("passing them hand to hand."), "{text}");
    assert!(!text.contains("enable JavaScript"), "{text}");
}

#[test]
fn a_teaser_article_body_does_not_cut_the_article_to_its_lead() {
    const LEAD: &str = "Readers queued along the towpath before dawn on Monday as the town's first new library in fifty years, a converted grain store by the canal, welcomed them inside with coffee, music and a reading by a local author.";
    let head = format!(
        r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Canal library opens its doors","articleBody":"{LEAD}"}}</script>"#
    );
    let html = page(
        &head,
        &format!(
            r#"<h1>Canal library opens its doors</h1><div class="standfirst-box"><p>{LEAD}</p></div>"#
        ),
        "",
        "",
    );
    let text = text_of(&html);
    assert!(text.contains("Readers queued along the towpath"), "{text}");
    assert!(
        text.contains("a mobile service for the outlying villages"),
        "{text}"
    );
}

#[test]
fn a_list_of_references_does_not_outscore_the_abstract() {
    let refs: String = (1..=14)
        .map(|n| {
            format!(
                "<li>Lane A, Cole B, Marsh C, et al. Reading rooms, lending, and the public library in small towns, part {n}. J Libr Stud. 20{:02};{n}(2):{}–{}.</li>\n",
                n + 5,
                100 + n,
                110 + n
            )
        })
        .collect();
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library use in canal towns</title></head>
<body><nav><a href="/">Journal</a> <a href="/issues">Issues</a></nav>
<main><h1>Library use in canal towns</h1>
<div class="abstract"><h2>Abstract</h2>
{PARAGRAPHS}</div>
<div class="bib"><h2>References</h2><ol>{refs}</ol></div>
</main></body></html>"#
    );
    let text = text_of(&html);
    assert!(text.contains("The new library opened its doors"), "{text}");
    assert!(!text.contains("J Libr Stud"), "{text}");
}
