//! Properties of entity resolution that must hold for any text and any name
//! mentions: no panic, ids in order, mentions inside the text on character
//! boundaries, one entity per mention span, name mentions within the spans
//! the recogniser gave.

use proptest::prelude::*;
use tidings_model::{Document, EntityType, MentionKind, Span};
use tidings_nlp::entities::NameMention;
use tidings_nlp::entities::resolve::{self, Gazetteer, fallback};
use tidings_nlp::segment::segment;

fn check(text: &str, extra: &[(usize, usize, u8)]) {
    let gaz = Gazetteer::builtin().expect("gazetteer");
    let mut doc = Document::new("p", text);
    segment(&mut doc);
    let mut names = fallback::find_names(&doc, &gaz);
    // Arbitrary recogniser spans on token boundaries, as a model gives them.
    for &(a, b, t) in extra {
        if doc.tokens.is_empty() {
            break;
        }
        let (i, j) = (a % doc.tokens.len(), b % doc.tokens.len());
        let (i, j) = (i.min(j), i.max(j));
        let etype = [
            EntityType::Per,
            EntityType::Org,
            EntityType::Loc,
            EntityType::Misc,
        ][t as usize % 4];
        names.push(NameMention {
            span: Span::new(doc.tokens[i].span.start, doc.tokens[j].span.end),
            etype,
        });
    }
    let entities = resolve::resolve(&doc, &names, &gaz);
    let mut seen = std::collections::HashSet::new();
    for (k, e) in entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", k + 1));
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(m.span.start < m.span.end && m.span.end <= text.len());
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(seen.insert(m.span), "span {:?} in two entities", m.span);
            if m.kind == MentionKind::Name {
                assert!(
                    names.iter().any(|n| n.span.contains(m.span)),
                    "name mention {:?} outside every recognised span",
                    m.span
                );
            }
        }
    }
    let firsts: Vec<usize> = entities.iter().map(|e| e.mentions[0].span.start).collect();
    assert!(
        firsts.windows(2).all(|w| w[0] <= w[1]),
        "ids not in order of first mention"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text(text in "\\PC{0,300}", extra in prop::collection::vec((0usize..500, 0usize..500, 0u8..4), 0..6)) {
        check(&text, &extra);
    }

    #[test]
    fn news_like_text(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "Sir", "Keir", "Starmer", "Mr", "Trump", "the", "US", "president", "said", "he",
                "she", "his", "I", "you", "Kyiv", "Ukrainian", "leader", "FT", "Financial", "Times",
                "(", ")", ",", ".", "“", "”", "\n", "-based", "White", "House", "Dear", "is", "a",
                "interview", "with", "its", "Prime", "Minister", "Ms", "Reeves",
            ]),
            0..80,
        ),
        extra in prop::collection::vec((0usize..500, 0usize..500, 0u8..4), 0..6),
    ) {
        check(&words.join(" "), &extra);
    }
}
