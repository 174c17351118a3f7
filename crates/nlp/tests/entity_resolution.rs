//! Entity resolution on short articles written for these tests: every alias
//! kind of issue 4, descriptions, pronouns, metonyms and keys.

use tidings_model::{Document, Entity, EntityType, MentionKind, Span};
use tidings_nlp::entities::NameMention;
use tidings_nlp::entities::resolve::{self, Gazetteer};
use tidings_nlp::segment::segment;

/// Resolve `text` with the given names, as a recogniser would find them:
/// every whole-word occurrence of each string, typed.
fn resolve_with(text: &str, names: &[(&str, EntityType)]) -> (Document, Vec<Entity>) {
    let mut doc = Document::new("t", text);
    segment(&mut doc);
    let mut mentions = Vec::new();
    for &(name, etype) in names {
        for (i, _) in text.match_indices(name) {
            let end = i + name.len();
            let before = text[..i].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // A longer name already covers this one ("Keir" in "Keir Starmer").
            let span = Span::new(i, end);
            mentions.push(NameMention { span, etype });
        }
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<NameMention> = Vec::new();
    for m in mentions {
        if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
            kept.push(m);
        }
    }
    let gaz = Gazetteer::builtin().expect("gazetteer");
    let entities = resolve::resolve(&doc, &kept, &gaz);
    (doc, entities)
}

fn entity<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name}: {:?}", names(entities)))
}

fn names(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.name.as_str()).collect()
}

fn texts<'a>(doc: &'a Document, e: &Entity, kind: MentionKind) -> Vec<&'a str> {
    e.mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| doc.slice(m.span))
        .collect()
}

use EntityType::{Loc, Misc, Org, Per};

#[test]
fn sir_keir_starmer_sir_keir_starmer_and_the_prime_minister_are_one() {
    let text = "Sir Keir Starmer hosted European leaders in London on Sunday.\n\
        Starmer told them that Europe must do the heavy lifting.\n\
        The prime minister said the talks had been productive.\n\
        Sir Keir later flew to Washington.";
    let (doc, es) = resolve_with(
        text,
        &[
            ("Keir Starmer", Per),
            ("Starmer", Per),
            ("Keir", Per),
            ("European", Misc),
            ("London", Loc),
            ("Europe", Loc),
            ("Washington", Loc),
        ],
    );
    let keir = entity(&es, "Keir Starmer");
    assert_eq!(keir.etype, Per);
    assert_eq!(keir.key, "PER:keir starmer");
    assert_eq!(
        texts(&doc, keir, MentionKind::Name),
        ["Keir Starmer", "Starmer", "Keir"]
    );
    assert_eq!(
        texts(&doc, keir, MentionKind::Nominal),
        ["The prime minister"]
    );
    assert_eq!(es.iter().filter(|e| e.etype == Per).count(), 1);
    assert_eq!(es[0].id, "e1", "ids follow first mention");
}

#[test]
fn the_financial_times_and_the_ft_are_one_outlet() {
    let text = "The Financial Times reported on Thursday that a deal was close.\n\
        The FT said the draft had been sent to Kyiv.";
    let (_, es) = resolve_with(
        text,
        &[("Financial Times", Org), ("FT", Org), ("Kyiv", Loc)],
    );
    let ft = entity(&es, "Financial Times");
    assert_eq!(ft.mentions.len(), 2);
    assert_eq!(ft.subtype.as_deref(), Some("media"));
    assert_eq!(es.len(), 2);
}

#[test]
fn donald_trump_mr_trump_and_the_us_president() {
    let text = "Donald Trump has been pressing European nations to spend more.\n\
        Mr Trump said America would not wait.\n\
        The talks with the US president lasted an hour, officials in the United States said.";
    let (doc, es) = resolve_with(
        text,
        &[
            ("Donald Trump", Per),
            ("Trump", Per),
            ("European", Misc),
            ("America", Loc),
            ("US", Loc),
            ("United States", Loc),
        ],
    );
    let trump = entity(&es, "Donald Trump");
    assert_eq!(
        texts(&doc, trump, MentionKind::Name),
        ["Donald Trump", "Trump"]
    );
    assert_eq!(
        texts(&doc, trump, MentionKind::Nominal),
        ["the US president"]
    );
    let us = entity(&es, "United States");
    assert_eq!(us.key, "LOC:iso:US");
    assert_eq!(us.subtype.as_deref(), Some("country"));
    assert_eq!(
        texts(&doc, us, MentionKind::Name),
        ["America", "US", "United States"]
    );
}

#[test]
fn zelensky_the_ukrainian_president_and_the_ukrainian_leader() {
    let text = "Volodymyr Zelensky arrived in Paris on Thursday.\n\
        The Ukrainian president thanked his allies for their support.\n\
        Last month Mr Trump and Mr Zelensky were due to sign a deal, but the Ukrainian \
        leader left after a row with the US president.";
    let (doc, es) = resolve_with(
        text,
        &[
            ("Volodymyr Zelensky", Per),
            ("Zelensky", Per),
            ("Trump", Per),
            ("Paris", Loc),
        ],
    );
    let z = entity(&es, "Volodymyr Zelensky");
    assert_eq!(
        texts(&doc, z, MentionKind::Nominal),
        ["The Ukrainian president", "the Ukrainian leader"]
    );
    let trump = entity(&es, "Trump");
    assert_eq!(
        texts(&doc, trump, MentionKind::Nominal),
        ["the US president"]
    );
    assert_eq!(texts(&doc, z, MentionKind::Pronoun), ["his"]);
}

#[test]
fn places_standing_for_governments_are_metonyms() {
    let text = "Kyiv said the offer was unacceptable.\n\
        Leaders met in Paris, where the White House sent an envoy.\n\
        Washington is pushing for a deal, and the US wants it signed at the White House.\n\
        Officials in Kyiv were not consulted.";
    let (doc, es) = resolve_with(
        text,
        &[
            ("Kyiv", Loc),
            ("Paris", Loc),
            ("White House", Loc),
            ("Washington", Loc),
            ("US", Loc),
        ],
    );
    let marked = |name: &str| -> Vec<(String, bool)> {
        entity(&es, name)
            .mentions
            .iter()
            .map(|m| (doc.slice(m.span).to_string(), m.metonym))
            .collect()
    };
    assert_eq!(
        marked("Kyiv"),
        [("Kyiv".into(), true), ("Kyiv".into(), false)]
    );
    assert_eq!(marked("Paris"), [("Paris".into(), false)]);
    assert_eq!(
        marked("White House"),
        [("White House".into(), true), ("White House".into(), false)]
    );
    assert_eq!(marked("Washington"), [("Washington".into(), true)]);
    assert_eq!(marked("United States"), [("US".into(), true)]);
    assert_eq!(entity(&es, "Kyiv").key, "LOC:iso:UA:capital");
    assert_eq!(
        entity(&es, "White House").subtype.as_deref(),
        Some("government")
    );
}

#[test]
fn pronouns_join_the_nearest_compatible_person() {
    let text = "Rachel Reeves met Pat McFadden on Monday.\n\
        She said the spending rules would hold.\n\
        Mr McFadden added that he agreed with her.\n\
        Mrs Reeves and Mr Lammy spoke later; she thanked him.";
    let (doc, es) = resolve_with(
        text,
        &[
            ("Rachel Reeves", Per),
            ("Reeves", Per),
            ("Pat McFadden", Per),
            ("McFadden", Per),
            ("Lammy", Per),
        ],
    );
    let reeves = entity(&es, "Rachel Reeves");
    assert_eq!(
        texts(&doc, reeves, MentionKind::Pronoun),
        ["She", "her", "she"]
    );
    let mcfadden = entity(&es, "Pat McFadden");
    assert_eq!(texts(&doc, mcfadden, MentionKind::Pronoun), ["he"]);
    let lammy = entity(&es, "Lammy");
    assert_eq!(texts(&doc, lammy, MentionKind::Pronoun), ["him"]);
}

#[test]
fn first_person_outside_quotes_is_the_narrator() {
    let text = "My name is Amy Sells and I represent the appellants.\n\
        Their neighbour said: \"I never saw the fire.\"\n\
        I will show that my clients acted in good faith.";
    let (doc, es) = resolve_with(text, &[("Amy Sells", Per)]);
    let amy = entity(&es, "Amy Sells");
    assert_eq!(
        texts(&doc, amy, MentionKind::Pronoun),
        ["My", "I", "I", "my"]
    );
}

#[test]
fn keys_are_stable_across_articles() {
    let (_, a) = resolve_with(
        "Sir Keir Starmer spoke to the US Congress. Sir Keir was applauded.",
        &[
            ("Keir Starmer", Per),
            ("Keir", Per),
            ("US", Loc),
            ("Congress", Org),
        ],
    );
    let (_, b) = resolve_with(
        "Keir Starmer returned from the United States. Starmer said little.",
        &[
            ("Keir Starmer", Per),
            ("Starmer", Per),
            ("United States", Loc),
        ],
    );
    for name in ["Keir Starmer", "United States"] {
        assert_eq!(entity(&a, name).key, entity(&b, name).key, "{name}");
    }
    assert_eq!(entity(&b, "United States").key, "LOC:iso:US");
}

#[test]
fn nationalities_capitals_and_described_capitals() {
    let text = "French president Emmanuel Macron hosted the talks in Paris.\n\
        Leaders left the French capital on Friday, and the French president said \
        the meeting had gone well.";
    let (doc, es) = resolve_with(
        text,
        &[("French", Misc), ("Emmanuel Macron", Per), ("Paris", Loc)],
    );
    let french = entity(&es, "French");
    assert_eq!(
        (french.key.as_str(), french.subtype.as_deref()),
        ("MISC:iso:FR", Some("nationality"))
    );
    let paris = entity(&es, "Paris");
    assert_eq!(paris.subtype.as_deref(), Some("city"));
    assert_eq!(
        texts(&doc, paris, MentionKind::Nominal),
        ["the French capital"]
    );
    let macron = entity(&es, "Emmanuel Macron");
    assert_eq!(
        texts(&doc, macron, MentionKind::Nominal),
        ["the French president"]
    );
}

#[test]
fn different_people_with_one_surname_stay_apart() {
    let text = "Joe Biden and Jill Biden arrived together.\n\
        Jill Biden spoke first. Then Joe Biden thanked the crowd.";
    let (_, es) = resolve_with(text, &[("Joe Biden", Per), ("Jill Biden", Per)]);
    assert_eq!(names(&es), ["Joe Biden", "Jill Biden"]);
}

#[test]
fn acronym_in_parentheses_joins_its_organisation() {
    let text = "The Financial Conduct Authority (FCA) fined the bank. \
        The FCA said the fine was its largest.";
    let (doc, es) = resolve_with(text, &[("Financial Conduct Authority", Org), ("FCA", Org)]);
    assert_eq!(es.len(), 1);
    assert_eq!(es[0].name, "Financial Conduct Authority");
    assert_eq!(texts(&doc, &es[0], MentionKind::Name).len(), 3);
    assert_eq!(texts(&doc, &es[0], MentionKind::Pronoun), ["its"]);
}

#[test]
fn the_pipeline_groups_the_names_it_recognises() {
    let pipeline = tidings_nlp::Pipeline::new().expect("pipeline");
    let mut doc = Document::new(
        "p",
        "Sir Keir Starmer met Volodymyr Zelensky in London. Mr Zelensky thanked Sir Keir.",
    );
    pipeline.annotate(&mut doc);
    let zelensky = entity(&doc.entities, "Volodymyr Zelensky");
    assert_eq!(zelensky.mentions.len(), 2);
    let keir = entity(&doc.entities, "Keir Starmer");
    assert_eq!(
        keir.mentions
            .iter()
            .map(|m| doc.slice(m.span))
            .collect::<Vec<_>>(),
        ["Keir Starmer", "Keir"]
    );
    assert_eq!(entity(&doc.entities, "London").etype, Loc);
}

#[test]
fn a_letter_addresses_the_person_it_greets() {
    let text = "Dear Hannah:\n\
        We are back from London. As you said, the city was hot.\n\
        Your book arrived yesterday; Mary sends you her love.";
    let (doc, es) = resolve_with(text, &[("Hannah", Per), ("London", Loc), ("Mary", Per)]);
    let hannah = entity(&es, "Hannah");
    assert_eq!(
        texts(&doc, hannah, MentionKind::Pronoun),
        ["you", "Your", "you"]
    );
    assert_eq!(
        texts(&doc, entity(&es, "Mary"), MentionKind::Pronoun),
        ["her"]
    );
}

#[test]
fn a_pronoun_inside_a_quotation_is_not_its_speaker() {
    let text = "Pushed on whether Mr Trump was to blame, Mr McFadden added: “Of course he’s part of the change.”\n\
        He said: “He’s not all the change.”";
    let (doc, es) = resolve_with(text, &[("Trump", Per), ("McFadden", Per)]);
    assert_eq!(
        texts(&doc, entity(&es, "Trump"), MentionKind::Pronoun),
        ["he", "He"]
    );
    let mcfadden = entity(&es, "McFadden");
    let said: Vec<usize> = mcfadden
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Pronoun)
        .map(|m| m.span.start)
        .collect();
    assert_eq!(said, [text.find("He said").unwrap()]);
}
