//! Behaviour of the quote layer on short articles written for these tests.

use tidings_model::{Document, Entity, EntityType, Mention, MentionKind, Quote, QuoteKind, Span};
use tidings_nlp::{Pipeline, quotes, segment};

fn annotate(text: &str) -> Document {
    let mut doc = Document::new("t", text);
    Pipeline::new().unwrap().annotate(&mut doc);
    doc
}

/// The quote whose text starts with `words`.
fn quote<'d>(doc: &'d Document, words: &str) -> &'d Quote {
    doc.quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with(words))
        .unwrap_or_else(|| panic!("no quote starting {words:?} in {:#?}", texts(doc)))
}

fn texts(doc: &Document) -> Vec<(String, Option<String>)> {
    doc.quotes
        .iter()
        .map(|q| {
            (
                doc.slice(q.span).to_string(),
                q.speaker.as_ref().and_then(|s| s.name.clone()),
            )
        })
        .collect()
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

#[test]
fn quote_before_its_attribution() {
    let doc = annotate(
        "Marta Olsen runs the harbour board.\n“We will reopen the pier by June,” she said.",
    );
    let q = quote(&doc, "We will reopen the pier by June,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), Some("Marta Olsen"));
    assert_eq!(doc.slice(q.cue.unwrap()), "said");
}

#[test]
fn inverted_attribution_resolves_the_surname() {
    let doc =
        annotate("Tomas Reyes chairs the committee.\n“The budget is settled,” said Mr Reyes.");
    let q = quote(&doc, "The budget is settled");
    assert_eq!(speaker(q), Some("Tomas Reyes"));
    assert_eq!(
        doc.slice(q.speaker.as_ref().unwrap().span.unwrap()),
        "Reyes"
    );
}

#[test]
fn colon_introduction_and_honorifics() {
    let doc = annotate("Sir Alan Pike told reporters: “Nobody expected this result.”");
    let q = quote(&doc, "Nobody expected this result.");
    assert_eq!(speaker(q), Some("Alan Pike"));
    assert_eq!(doc.slice(q.cue.unwrap()), "told");
}

#[test]
fn two_speakers_in_one_paragraph() {
    let doc = annotate(
        "Anna Berg said the plan was “reckless and rushed”, while Omar Haddad said it was “long overdue”.",
    );
    assert_eq!(
        speaker(quote(&doc, "reckless and rushed")),
        Some("Anna Berg")
    );
    assert_eq!(speaker(quote(&doc, "long overdue")), Some("Omar Haddad"));
    assert_eq!(quote(&doc, "long overdue").kind, QuoteKind::Mixed);
}

#[test]
fn speaker_introduced_after_the_quote() {
    let doc = annotate(
        "A senior minister conceded that the rise was “a painful necessity”.\n\
         Later that day Ruth Adeyemi told the BBC: “The rise is a painful necessity, and we will explain it.”",
    );
    assert_eq!(
        speaker(quote(&doc, "a painful necessity")),
        Some("Ruth Adeyemi")
    );
}

#[test]
fn organisation_as_speaker() {
    let doc = annotate("The Northern Gazette reported that the mill would close in the spring.");
    let q = quote(&doc, "the mill would close");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Northern Gazette"));
}

#[test]
fn acronym_of_an_earlier_outlet() {
    let doc = annotate(
        "The Northern Gazette covers the valley.\nThe NG reported that the council had voted to sell the depot.",
    );
    assert_eq!(
        speaker(quote(&doc, "the council had voted")),
        Some("Northern Gazette")
    );
}

#[test]
fn multi_paragraph_quote_is_one() {
    let doc = annotate(
        "Speaking on the radio, Lena Fischer said: “The first phase is finished.\n\
         “The second phase starts next week and will take a month.”\n\
         The work is funded by the region.",
    );
    let q = quote(&doc, "The first phase is finished.");
    assert!(
        doc.slice(q.span).ends_with("will take a month."),
        "{:?}",
        doc.slice(q.span)
    );
    assert_eq!(speaker(q), Some("Lena Fischer"));
    assert_eq!(
        doc.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .count(),
        1
    );
}

#[test]
fn continuation_paragraph_keeps_the_speaker() {
    let doc = annotate(
        "“We are ready,” said coach Ines Moreau.\n\nThe team trains at dawn.\n\n“Nobody here is tired,” Moreau added.\n\n“We want the title.”",
    );
    assert_eq!(
        speaker(quote(&doc, "Nobody here is tired")),
        Some("Ines Moreau")
    );
}

#[test]
fn interrupted_quote_is_joined() {
    let doc = annotate("“The vote is close,” Ben Ode said. “But we will win it.”");
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    let q = &doc.quotes[0];
    assert_eq!(
        doc.slice(q.span),
        "The vote is close,” Ben Ode said. “But we will win it."
    );
    assert_eq!(speaker(q), Some("Ben Ode"));
}

#[test]
fn pronoun_takes_the_nearest_speaker() {
    let doc = annotate(
        "Carla Diaz opened the session.\nShe also said the fund must be audited before the summer recess.",
    );
    let q = quote(&doc, "the fund must be audited");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(
        speaker(q),
        Some("Carla Diaz"),
        "no earlier speaker: the nearest name"
    );
    let doc = annotate(
        "Carla Diaz said the fund was short of money.\nShe also said the fund must be audited before the summer recess.",
    );
    assert_eq!(
        speaker(quote(&doc, "the fund must be audited")),
        Some("Carla Diaz")
    );
}

#[test]
fn indirect_clause_stops_before_a_coordinated_cue() {
    let doc = annotate(
        "Mayor Jon Hale said the bridge must be repaired within a year, and accused the contractor of “cutting corners”.",
    );
    let q = quote(&doc, "the bridge must be repaired");
    assert_eq!(
        doc.slice(q.span),
        "the bridge must be repaired within a year"
    );
    assert_eq!(speaker(q), Some("Jon Hale"));
    assert_eq!(speaker(quote(&doc, "cutting corners")), Some("Jon Hale"));
}

#[test]
fn according_to_and_trailing_attribution() {
    let doc = annotate(
        "According to the Valley Herald, the plant will hire 200 workers.\nThe road will reopen on Monday, officials said.",
    );
    assert_eq!(
        speaker(quote(&doc, "the plant will hire")),
        Some("Valley Herald")
    );
    let q = quote(&doc, "The road will reopen on Monday");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("officials"));
}

#[test]
fn passive_quoted_as_saying() {
    let doc =
        annotate("Pia Lund was quoted as saying that the talks had stalled over fishing rights.");
    assert_eq!(
        speaker(quote(&doc, "the talks had stalled")),
        Some("Pia Lund")
    );
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    let doc = annotate(
        "The so-called “green corridor” plan was shelved.\n\
         Critics said the “green corridor” had cost too much.\n\
         She watched “The Long Night” twice.\n\
         Tom Vail said: “The corridor was a mistake.”",
    );
    let found = texts(&doc);
    assert!(
        !found.iter().any(|(t, _)| t == "green corridor"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(t, _)| t == "The Long Night"),
        "{found:?}"
    );
    assert_eq!(
        speaker(quote(&doc, "The corridor was a mistake.")),
        Some("Tom Vail")
    );
}

#[test]
fn every_mark_style() {
    for (open, close) in [
        ("“", "”"),
        ("‘", "’"),
        ("\"", "\""),
        ("'", "'"),
        ("«", "»"),
        ("„", "“"),
        ("‚", "‘"),
        ("''", "''"),
    ] {
        let text = format!("Eva Holm said: {open}The ferry leaves at noon.{close}");
        let doc = annotate(&text);
        let q = quote(&doc, "The ferry leaves at noon.");
        assert_eq!(q.kind, QuoteKind::Direct, "{open}…{close}");
        assert_eq!(speaker(q), Some("Eva Holm"), "{open}…{close}");
    }
}

#[test]
fn apostrophes_are_not_quotes() {
    let doc =
        annotate("The workers' union rejected the offer and the owners' group didn't respond.");
    assert!(doc.quotes.is_empty(), "{:?}", texts(&doc));
}

#[test]
fn headline_with_colon() {
    let doc = annotate("Hale: ‘We Will Not Close the Library’\n\nMayor Jon Hale spoke on Friday.");
    assert_eq!(speaker(quote(&doc, "We Will Not Close")), Some("Jon Hale"));
}

#[test]
fn speakers_link_to_entities_when_present() {
    let text =
        "The Ukrainian president thanked the allies.\n“We are grateful,” the president said.";
    let mut doc = Document::new("t", text);
    segment::segment(&mut doc);
    let at = |s: &str| {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    };
    let nominal = |s: &str| Mention {
        span: at(s),
        kind: MentionKind::Nominal,
        metonym: false,
    };
    doc.entities = vec![Entity {
        id: "e1".into(),
        name: "Volodymyr Zelensky".into(),
        etype: EntityType::Per,
        subtype: None,
        key: "PER:volodymyr zelensky".into(),
        mentions: vec![nominal("The Ukrainian president"), nominal("the president")],
    }];
    quotes::annotate(&mut doc);
    let q = quote(&doc, "We are grateful");
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(sp.entity.as_deref(), Some("e1"));
    assert_eq!(sp.name.as_deref(), Some("Volodymyr Zelensky"));
    assert_eq!(sp.span, Some(at("the president")));
}

#[test]
fn empty_and_markless_texts() {
    assert!(annotate("").quotes.is_empty());
    assert!(annotate("Rain is expected on Tuesday.").quotes.is_empty());
    // An unclosed mark never panics and stays within its paragraph.
    let doc = annotate("He said “this never ends\nNext paragraph here.");
    for q in &doc.quotes {
        assert!(!doc.slice(q.span).contains('\n'));
    }
}
