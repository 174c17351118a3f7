//! Properties of segmentation that must hold for any text, however odd.

use proptest::prelude::*;
use tidings_model::Document;
use tidings_nlp::segment;

fn check(text: &str) {
    let mut doc = Document::new("p", text);
    segment::segment(&mut doc);
    let t = &doc.text;
    let mut last_end = 0;
    for tok in &doc.tokens {
        assert!(tok.span.start < tok.span.end, "empty token");
        assert!(tok.span.start >= last_end, "tokens overlap or are unsorted");
        assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
        let s = tok.span.of(t);
        assert!(
            !s.chars().any(char::is_whitespace),
            "token {s:?} holds whitespace"
        );
        last_end = tok.span.end;
    }
    for w in doc.sentences.windows(2) {
        assert!(w[0].end <= w[1].start, "sentences overlap");
    }
    for s in &doc.sentences {
        let i = doc.paragraphs.partition_point(|p| p.end <= s.start);
        assert!(
            doc.paragraphs.get(i).is_some_and(|p| p.contains(*s)),
            "sentence outside every paragraph"
        );
        assert_eq!(s.of(t).trim(), s.of(t), "sentence not trimmed");
    }
    // Every token lies in a sentence (sentences are disjoint, so in exactly one).
    for tok in &doc.tokens {
        let i = doc
            .sentence_at(tok.span.start)
            .expect("token in a sentence");
        assert!(doc.sentences[i].contains(tok.span));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn news_like_text(text in "([A-Z][a-z]{0,8}|Mr\\.|U\\.S\\.|[0-9]{1,4}(\\.[0-9]{1,2})?|[“”‘’\"'«»—–…,.;:!?()\\-]|\\.\\.\\.| |\n){0,80}") {
        check(&text);
    }
}

#[test]
fn huge_paragraph_is_linear() {
    let text = "Word. ".repeat(200_000);
    let t = std::time::Instant::now();
    check(&text);
    assert!(
        t.elapsed().as_secs() < 20,
        "segmentation of 1.2 MB took {:?}",
        t.elapsed()
    );
}
