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
        annotate("The workers' union studied the offer and the owners' group didn't respond.");
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

#[test]
fn description_is_not_the_organisation_inside_it() {
    let doc = annotate(
        "A senior Treasury official admitted on Monday that the levy was “a stopgap”.\n\
         Speaking to the Harbour Times, Dana Whitlock said: “The levy is a stopgap, nothing more.”",
    );
    assert_eq!(speaker(quote(&doc, "the levy was")), Some("Dana Whitlock"));
}

#[test]
fn pronoun_after_a_quote_keeps_its_speaker() {
    let doc = annotate(
        "Asked whether Mr Lindqvist had caused the delay, Mr Okafor added: “He is one reason.”\n\
         He said: “The suppliers are another.”\n\
         Earlier, Olu Okafor had met the port authority.",
    );
    assert_eq!(
        speaker(quote(&doc, "The suppliers are another.")),
        Some("Olu Okafor")
    );
}

#[test]
fn quotation_resumed_after_its_attribution_is_one() {
    let doc = annotate(
        "“The bridge will open in May,” Carla Nunes said on Friday, “because the steel arrived early.”",
    );
    let q = quote(&doc, "The bridge will open in May,");
    assert!(
        doc.slice(q.span).ends_with("arrived early."),
        "{:?}",
        doc.slice(q.span)
    );
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), Some("Carla Nunes"));
}

#[test]
fn attitude_towards_a_noun_phrase_is_indirect() {
    let doc = annotate("Senator Ruth Ames praised the new harbour plan on Tuesday.");
    let q = quote(&doc, "the new harbour plan");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Ruth Ames"));
}

#[test]
fn inverted_speaker_is_not_reported_content() {
    let doc = annotate("“The fares will rise,” said Jonas Pirk, a spokesman for the rail company.");
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    assert_eq!(speaker(&doc.quotes[0]), Some("Jonas Pirk"));
}

#[test]
fn title_in_marks_is_not_a_quote() {
    let doc = annotate("Critics liked her second film, “Harbour Lights.” It opens in May.");
    assert!(doc.quotes.is_empty(), "{:?}", texts(&doc));
}

#[test]
fn surname_that_is_a_title() {
    let doc = annotate(
        "Dara King runs the port.\n“That is sixty jobs,” Mr. King said. “We cannot lose them.”",
    );
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    assert_eq!(speaker(&doc.quotes[0]), Some("Dara King"));
}

#[test]
fn attribution_with_an_appositive_after_the_quote() {
    let doc = annotate(
        "“The ferry will run again,” Halvard Lunde, now 70 and retired in Bergen, said by \
         telephone. “The town needs it.”",
    );
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    let q = &doc.quotes[0];
    assert!(doc.slice(q.span).ends_with("The town needs it."));
    assert_eq!(speaker(q), Some("Halvard Lunde"));
}

#[test]
fn described_speaker_named_before_the_cue() {
    let doc = annotate(
        "“We want a fair wage,” Port Workers United organizing director Ines Falk told a \
         radio station. “Nothing more.”",
    );
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    assert_eq!(speaker(&doc.quotes[0]), Some("Ines Falk"));
}

#[test]
fn question_attributed_after_its_mark() {
    let doc = annotate("“Do you think I will change?” Olsen asked reporters on Monday.");
    assert_eq!(speaker(quote(&doc, "Do you think")), Some("Olsen"));
}

#[test]
fn verb_outside_the_lexicon_after_an_open_quote() {
    let doc = annotate(
        "Brit Aas waited at the gate.\n“People are afraid of wasting a vote,” she surmised.",
    );
    let q = quote(&doc, "People are afraid");
    assert_eq!(doc.slice(q.cue.unwrap()), "surmised");
    assert_eq!(speaker(q), Some("Brit Aas"));
}

#[test]
fn quote_joined_past_a_fragment_in_its_attribution() {
    let doc = annotate(
        "“Everything is on the table,” Vera Holm told the council after hinting that \
         “changes” could come. “Every single thing.”",
    );
    let q = quote(&doc, "Everything is on the table");
    assert!(
        doc.slice(q.span).ends_with("Every single thing."),
        "{:?}",
        texts(&doc)
    );
    assert_eq!(speaker(q), Some("Vera Holm"));
}

#[test]
fn as_x_put_it() {
    let doc = annotate(
        "As the harbour historian Lise Berg put it, “The pier has outlived three owners.”",
    );
    let q = quote(&doc, "The pier has outlived");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), Some("Lise Berg"));
    let doc =
        annotate("The plan failed, as the auditor Jon Sand put it, “because nobody read it.”");
    assert_eq!(speaker(quote(&doc, "because nobody")), Some("Jon Sand"));
}

#[test]
fn statement_announced_in_the_paragraph_before() {
    let doc = annotate(
        "After the storm, Mayor Petra Lind issued the following statement:\n\n“Our thoughts are \
         with every family in the valley.”",
    );
    assert_eq!(speaker(quote(&doc, "Our thoughts")), Some("Petra Lind"));
}

#[test]
fn lead_in_subject_before_a_colon() {
    let doc = annotate("And Mr. Odd Vik gloated: “I told you the bridge would hold.”");
    assert_eq!(speaker(quote(&doc, "I told you")), Some("Odd Vik"));
    let doc =
        annotate("Odd Vik mocks the council: ‘You are being ridiculous.’\n\nThe row went on.");
    assert_eq!(speaker(quote(&doc, "You are being")), Some("Odd Vik"));
}

#[test]
fn participle_cue_takes_the_subject_past_a_description() {
    let doc = annotate(
        "Harbour board chairwoman Marit Dahl quickly took to the radio, saying: “The pier \
         stays open.”",
    );
    assert_eq!(speaker(quote(&doc, "The pier stays")), Some("Marit Dahl"));
}

#[test]
fn quote_signed_in_the_next_paragraph() {
    let doc = annotate(
        "\"I went to the harbour before the storm.\"\n\n- Marit Dahl.\n\nShe overstates her role.",
    );
    assert_eq!(
        speaker(quote(&doc, "I went to the harbour")),
        Some("Marit Dahl")
    );
}

#[test]
fn unattributed_quotes_are_left_out() {
    let doc = annotate(
        "The rally ended early.\n\n“Lower fares for all!”\n\nThe posters had a list of films: \
         “Harbour Lights,” “Low Tide” and “Gulls.”",
    );
    assert!(doc.quotes.is_empty(), "{:?}", texts(&doc));
}

#[test]
fn closing_mark_typed_as_two_apostrophes() {
    // Some archives write quotation marks as ''…'': the name after `said`
    // is the speaker, not reported content.
    let doc = annotate(
        "Fares rose in May.\n\n''The ferry will pay for itself,'' said Mira Olsen, a harbour \
         planner in Tromso.",
    );
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
    assert_eq!(speaker(&doc.quotes[0]), Some("Mira Olsen"));
}

#[test]
fn short_fragment_in_a_longer_clause_reports_the_clause() {
    let doc = annotate(
        "Most harbour workers said they were “deeply worried” about the new ferry timetable.",
    );
    let q = quote(&doc, "they were");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(
        doc.slice(q.span).ends_with("ferry timetable"),
        "{:?}",
        texts(&doc)
    );
    assert_eq!(doc.quotes.len(), 1, "{:?}", texts(&doc));
}

#[test]
fn fragments_stay_alone_when_they_carry_the_clause_or_sit_in_an_inner_report() {
    let doc = annotate(
        "Mayor Ines Duarte said the “storm has passed” as she opened the bridge.\n\n\
         Ines Duarte told reporters that the council had agreed the plan was “reckless”.\n\n\
         Ines Duarte said the fee is “of course” a “temporary measure” for the winter.",
    );
    for words in [
        "storm has passed",
        "reckless",
        "of course",
        "temporary measure",
    ] {
        assert_eq!(quote(&doc, words).kind, QuoteKind::Mixed, "{words}");
    }
}
