//! Reported speech and attributions, on texts written for these tests: the
//! constructions of reported speech in the default (speech) scope, and the
//! beliefs, intentions and stances the attributions scope adds.

use tidings_model::{Document, Quote, QuoteKind};
use tidings_nlp::Pipeline;
use tidings_nlp::quotes::Scope;
use tidings_nlp::quotes::learned::train;

fn annotate(text: &str, scope: Scope) -> Document {
    let mut doc = Document::new("t", text);
    Pipeline::new()
        .unwrap()
        .with_quote_scope(scope)
        .annotate(&mut doc);
    doc
}

/// The quote whose text contains `words`, or a panic listing what was found.
fn quote<'d>(doc: &'d Document, words: &str) -> &'d Quote {
    doc.quotes
        .iter()
        .find(|q| doc.slice(q.span).contains(words))
        .unwrap_or_else(|| {
            let found: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.span)).collect();
            panic!("no quote with {words:?}; found {found:?}")
        })
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

const ARTICLE: &str = "Governor Lena Park told reporters on Friday that the dam would be inspected twice a year.\n\n\
Senator Ruth Calder's spokesman said the senator would vote against the bill next week.\n\n\
The Valley Times reported that the mill will close in the spring.\n\n\
Coach Abel Tan was quoted as saying the team had never played better.\n\n\
Most farmers believe the new subsidy will not reach them in time.\n\n\
Mayor Ines Dorr criticised the plan. She wants a public vote on the sale of the old library.";

#[test]
fn speech_scope_reports_each_construction_with_its_speaker() {
    let doc = annotate(ARTICLE, Scope::Speech);
    let q = quote(&doc, "the dam would be inspected");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Lena Park"));
    assert_eq!(doc.slice(q.cue.unwrap()), "told");
    let q = quote(&doc, "the senator would vote against the bill");
    assert!(
        speaker(q).is_some_and(|s| s.contains("spokesman")),
        "{:?}",
        q.speaker
    );
    let q = quote(&doc, "the mill will close");
    assert_eq!(speaker(q), Some("Valley Times"));
    let q = quote(&doc, "the team had never played better");
    assert_eq!(speaker(q), Some("Abel Tan"));
    // A stance towards a noun phrase, after a verb of wanting: the tagger's,
    // after a cue the rules left without a report.
    let q = quote(&doc, "a public vote on the sale");
    assert_eq!(speaker(q), Some("Ines Dorr"));
}

#[test]
fn speech_scope_leaves_out_intentions_and_joint_decisions() {
    let doc = annotate(
        "Mayor Ines Dorr pledged to reopen the public pool before the summer.

         The council members agreed that the old library should be sold next year.",
        Scope::Speech,
    );
    let found: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.span)).collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn attributions_scope_adds_beliefs_and_intentions_and_keeps_the_speech() {
    let doc = annotate(ARTICLE, Scope::Attributions);
    let q = quote(&doc, "the new subsidy will not reach them");
    assert_eq!(q.kind, QuoteKind::Indirect);
    let q = quote(&doc, "a public vote on the sale");
    // "She" is the mayor.
    assert_eq!(speaker(q), Some("Ines Dorr"));
    // The speech clauses keep the rules' cue and speaker.
    let q = quote(&doc, "the dam would be inspected");
    assert_eq!(speaker(q), Some("Lena Park"));
    assert_eq!(doc.slice(q.cue.unwrap()), "told");
    let q = quote(&doc, "the mill will close");
    assert_eq!(speaker(q), Some("Valley Times"));
}

#[test]
fn attributions_scope_leaves_direct_quotes_alone() {
    let text = "“We will rebuild the school by autumn,” Principal Dana Whit said on Monday.";
    let doc = annotate(text, Scope::Attributions);
    let q = quote(&doc, "We will rebuild the school by autumn");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), Some("Dana Whit"));
    assert_eq!(doc.quotes.len(), 1);
}

/// A small gold file in the evaluation format (code-point offsets).
fn tiny_gold() -> std::path::PathBuf {
    let texts = [
        (
            "The mayor said the bridge will reopen in May.",
            "the bridge will reopen in May",
        ),
        (
            "Critics fear the new law will raise prices.",
            "the new law will raise prices",
        ),
        ("Ana Lind thinks the vote was fair.", "the vote was fair"),
        (
            "Officials announced that the port would expand.",
            "that the port would expand",
        ),
        (
            "The union wants a shorter week for nurses.",
            "a shorter week for nurses",
        ),
        (
            "Jo Fenn argued that the tax was unfair to renters.",
            "that the tax was unfair to renters",
        ),
    ];
    let mut out = String::new();
    for (i, (text, content)) in texts.iter().enumerate() {
        let start = text.find(content).unwrap();
        let line = serde_json::json!({
            "id": format!("d{i}"),
            "text": text,
            "quotes": [{"start": start, "end": start + content.len(), "kind": "indirect", "speaker": null}],
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let path =
        std::env::temp_dir().join(format!("tidings-quotes-tiny-{}.jsonl", std::process::id()));
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn training_is_reproducible_byte_for_byte() {
    let path = tiny_gold();
    let docs = train::read_gold(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(docs.len(), 6);
    let (a, report) = train::train(&docs, 7);
    let (b, _) = train::train(&docs, 7);
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_eq!(report.held_docs, 2);
    assert_eq!(report.train_docs, 4);
    let back = tidings_nlp::quotes::learned::QuoteModel::from_bytes(&a.to_bytes()).unwrap();
    assert_eq!(back, a);
    assert!(tidings_nlp::quotes::learned::QuoteModel::from_bytes(b"junk").is_err());
}

#[test]
fn reported_clause_ends_before_a_relative_clause_or_a_second_verb_of_saying() {
    let doc = annotate(
        "Councillor Ana Brik, who says the mayor is stalling because the audit is late, said \
         voters should wait.\n\nThe minister said the winner would be Tomas Ek, who leads \
         the race by ten points.",
        Scope::Speech,
    );
    let q = quote(&doc, "the mayor is stalling");
    assert!(
        doc.slice(q.span).ends_with("the audit is late"),
        "{:?}",
        doc.slice(q.span)
    );
    let q = quote(&doc, "the winner would be");
    assert_eq!(doc.slice(q.span), "the winner would be Tomas Ek");
}

#[test]
fn reported_clause_after_that_may_open_with_a_preposition_and_ends_at_a_dash() {
    let doc = annotate(
        "Mayor Ines Dorr defended the plan, saying that as the town grows, the old bridge \
         will not carry the traffic.\n\nThe clerk said the council had received forty \
         letters - most of them from the east bank - before the vote.",
        Scope::Speech,
    );
    let q = quote(&doc, "the old bridge will not carry");
    assert!(
        doc.slice(q.span).starts_with("as the town grows"),
        "{:?}",
        doc.slice(q.span)
    );
    let q = quote(&doc, "the council had received");
    assert_eq!(doc.slice(q.span), "the council had received forty letters");
}

#[test]
fn an_attribution_inside_the_sentence_it_reports() {
    let doc = annotate(
        "The harbour is busy again. But the ferry line, the minister said, will stay closed \
         until the spring.",
        Scope::Speech,
    );
    let q = quote(&doc, "the ferry line");
    assert!(
        doc.slice(q.span).starts_with("the ferry line"),
        "{:?}",
        doc.slice(q.span)
    );
    assert!(
        doc.slice(q.span).ends_with("until the spring"),
        "{:?}",
        doc.slice(q.span)
    );
}
