//! Round trips through the one schema: a store exported to Parquet and loaded
//! into a fresh store; a batch's rows (the Spark job's shape) loaded; loads
//! repeated; a bad article refused alone.

use std::collections::btree_map::Entry;
use std::path::Path;

use serde_json::Value;
use tidings_model::{
    Actor, Document, Entity, EntityType, Event, EventDate, Mention, MentionKind, Modality, Quote,
    QuoteKind, Span, Speaker, Timex, TimexType,
};
use tidings_store::{
    EntityQuery, EventQuery, Layer, Page, Provenance, QuoteQuery, SqliteStore, Store,
};
use tidings_tables::Table;
use tidings_tables::bulk::{export_parquet, load_parquet};
use tidings_tables::documents::document_rows;
use tidings_tables::parquet::TableWriter;

fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
        .0;
    Span::new(start, start + needle.len())
}

fn name(text: &str, needle: &str, nth: usize) -> Mention {
    Mention {
        span: span(text, needle, nth),
        kind: MentionKind::Name,
        metonym: false,
    }
}

/// A report written for these tests: a quote with a resolved speaker, a
/// date, an event said in the quote and dated by the timex; non-ASCII text
/// so that code points and bytes differ.
fn report(id: &str, published: &str, speaker: &str, place: &str) -> Document {
    let text = format!(
        "Zoë {speaker} visited {place} on Tuesday.\n\n\
         “We will rebuild the bridge,” {speaker} said. {place} welcomed the plan."
    );
    let mut doc = Document::new(id, text.clone());
    doc.meta.title = Some(format!("{speaker} in {place}"));
    doc.meta.published = Some(published.into());
    doc.meta.url = Some(format!("https://news.example/{id}"));
    doc.meta.authors = vec!["A. Writer".into()];
    doc.meta.language = Some("en".into());
    doc.entities = vec![
        Entity {
            id: "e1".into(),
            name: format!("Zoë {speaker}"),
            etype: EntityType::Per,
            subtype: None,
            key: format!("PER:zoë {}", speaker.to_lowercase()),
            mentions: vec![
                name(&text, &format!("Zoë {speaker}"), 0),
                name(&text, speaker, 1),
            ],
        },
        Entity {
            id: "e2".into(),
            name: place.into(),
            etype: EntityType::Loc,
            subtype: Some("city".into()),
            key: format!("LOC:{}", place.to_lowercase()),
            mentions: vec![
                name(&text, place, 0),
                Mention {
                    span: span(&text, place, 1),
                    kind: MentionKind::Name,
                    metonym: true,
                },
            ],
        },
    ];
    // A quote in two parts, and one from an unnamed source with another
    // speaker beside it, so that every quote column is filled.
    let mut unnamed = Speaker {
        description: Some("officials in the city".into()),
        anonymous: true,
        ..Speaker::default()
    };
    unnamed.others = vec![tidings_model::CoSpeaker {
        entity: Some("e1".into()),
        name: Some(format!("Zoë {speaker}")),
        span: Some(span(&text, speaker, 1)),
    }];
    doc.quotes = vec![
        Quote::in_parts(
            vec![
                span(&text, "We will rebuild", 0),
                span(&text, "the bridge,", 0),
            ],
            QuoteKind::Direct,
            Some(Speaker::named(
                Some("e1".into()),
                Some(speaker.into()),
                Some(span(&text, speaker, 1)),
            )),
            Some(span(&text, "said", 0)),
        ),
        Quote::whole(
            span(&text, "welcomed the plan", 0),
            QuoteKind::Indirect,
            Some(unnamed),
            None,
        ),
    ];
    doc.timexes = vec![Timex {
        span: span(&text, "Tuesday", 0),
        ttype: TimexType::Date,
        value: "2025-03-25".into(),
    }];
    doc.events = vec![
        Event {
            etype: "CONSULT".into(),
            mode: Some("visit".into()),
            cameo: "042".into(),
            span: span(
                &text,
                &format!("Zoë {speaker} visited {place} on Tuesday."),
                0,
            ),
            trigger: Some(span(&text, "visited", 0)),
            source: Some(Actor::new(Some("e1".into()), format!("Zoë {speaker}"))),
            target: None,
            date: Some(EventDate {
                value: "2025-03-25".into(),
                timex: Some(0),
                from_publication: false,
            }),
            place: Some(Actor::new(Some("e2".into()), place.into())),
            modality: Modality::Asserted,
            quote: None,
        },
        Event {
            etype: "AID".into(),
            mode: None,
            cameo: "070".into(),
            span: span(&text, "We will rebuild the bridge,", 0),
            trigger: None,
            source: Some(Actor {
                country: Some("PRT".into()),
                sector: Some("GOV".into()),
                ..Actor::new(None, "the council".into())
            }),
            target: None,
            date: None,
            place: None,
            modality: Modality::Intended,
            quote: Some(0),
        },
    ];
    doc
}

/// Reports in publication order (so store ids follow insertion order).
fn reports() -> Vec<Document> {
    vec![
        report("r1", "2025-03-26", "Fontaine", "Kyiv"),
        report("r2", "2025-03-27T08:00:00+01:00", "Okafor", "Kyiv"),
        report("r3", "2025-03-28", "Fontaine", "Lviv"),
    ]
}

fn store_at(dir: &Path) -> SqliteStore {
    SqliteStore::open(&dir.join("t.db")).unwrap()
}

fn put_all(store: &dyn Store, docs: &[Document]) {
    let from = Provenance {
        source: "fixture".into(),
    };
    for d in docs {
        store.put(d, &from).unwrap();
    }
}

/// Every layer's export rows, without what a load cannot keep: the time of
/// ingest and the alias counts (the store keeps aliases merged, not each
/// article's own display name, so a load names each article's entity by its
/// merged name).
fn snapshot(store: &dyn Store) -> Vec<(Layer, Vec<Vec<Value>>)> {
    Layer::ALL
        .into_iter()
        .map(|layer| {
            let mut rows = Vec::new();
            store
                .export(layer, &mut |mut row| {
                    match layer {
                        Layer::Articles => row[10] = Value::Null,
                        Layer::Aliases => row[2] = Value::Null,
                        _ => {}
                    }
                    rows.push(row);
                    Ok(())
                })
                .unwrap();
            if layer == Layer::Aliases {
                rows.sort_by_key(|r| r.iter().map(Value::to_string).collect::<Vec<_>>());
                rows.dedup();
            }
            (layer, rows)
        })
        .collect()
}

fn queries(store: &dyn Store) -> Vec<String> {
    let page = Page::new(50, 0);
    vec![
        format!(
            "{:?}",
            store
                .quotes(
                    &QuoteQuery {
                        speaker: Some("Fontaine".into()),
                        ..Default::default()
                    },
                    page
                )
                .unwrap()
        ),
        format!(
            "{:?}",
            store
                .quotes(
                    &QuoteQuery {
                        q: Some("bridge".into()),
                        ..Default::default()
                    },
                    page
                )
                .unwrap()
        ),
        format!(
            "{:?}",
            store.entities(&EntityQuery::default(), page).unwrap()
        ),
        format!(
            "{:?}",
            store
                .events(
                    &EventQuery {
                        actor: Some("Fontaine".into()),
                        ..Default::default()
                    },
                    page
                )
                .unwrap()
        ),
    ]
}

#[test]
fn a_store_exported_to_parquet_loads_into_a_fresh_store_the_same() {
    let a_dir = tempfile::tempdir().unwrap();
    let a = store_at(a_dir.path());
    put_all(&a, &reports());

    let out = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    export_parquet(&a, out.path(), &mut |p, n| files.push((p.to_path_buf(), n))).unwrap();
    assert_eq!(files.len(), 7);
    assert!(
        files
            .iter()
            .all(|(p, _)| p.extension().unwrap() == "parquet")
    );

    let b_dir = tempfile::tempdir().unwrap();
    let b = store_at(b_dir.path());
    let report = load_parquet(out.path(), &b, 2, &mut |_| {}).unwrap();
    assert_eq!((report.articles, report.added), (3, 3), "{report:?}");
    assert!(
        report.failed.is_empty() && report.orphans == 0,
        "{report:?}"
    );
    assert_eq!(snapshot(&a), snapshot(&b));
    assert_eq!(queries(&a), queries(&b));

    // Loading again stores nothing new.
    let again = load_parquet(out.path(), &b, 2, &mut |_| {}).unwrap();
    assert_eq!((again.unchanged, again.added), (3, 0));
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn a_batch_output_in_spark_folders_loads_like_a_direct_ingest() {
    let docs = reports();
    // The Spark job's layout: a folder per table, part files inside; the
    // entity and alias rows merged per entity as the job does.
    let out = tempfile::tempdir().unwrap();
    let mut writers: Vec<(Table, TableWriter)> = Table::ALL
        .into_iter()
        .map(|t| {
            let dir = out.path().join(t.name());
            std::fs::create_dir(&dir).unwrap();
            (t, TableWriter::create(&dir, t).unwrap())
        })
        .collect();
    let mut entities: std::collections::BTreeMap<i64, Vec<Value>> = Default::default();
    for d in &docs {
        document_rows(d, "fixture", "2026-01-01T00:00:00Z", &mut |t, row| {
            if t == Table::Entities {
                let id = row[0].as_i64().unwrap();
                match entities.entry(id) {
                    Entry::Vacant(v) => {
                        v.insert(row);
                    }
                    Entry::Occupied(mut o) => {
                        let e = o.get_mut();
                        if row[2].as_str().unwrap().len() > e[2].as_str().unwrap().len() {
                            e[2] = row[2].clone();
                        }
                        for c in [5, 6] {
                            e[c] = (e[c].as_i64().unwrap() + row[c].as_i64().unwrap()).into();
                        }
                    }
                }
                return Ok(());
            }
            writers
                .iter_mut()
                .find(|(w, _)| *w == t)
                .unwrap()
                .1
                .push(&row)
        })
        .unwrap();
    }
    for (t, w) in writers.iter_mut() {
        if *t == Table::Entities {
            for row in std::mem::take(&mut entities).into_values() {
                w.push(&row).unwrap();
            }
        }
    }
    for (_, w) in writers {
        w.finish().unwrap();
    }

    let loaded_dir = tempfile::tempdir().unwrap();
    let loaded = store_at(loaded_dir.path());
    let report = load_parquet(out.path(), &loaded, 100, &mut |_| {}).unwrap();
    assert_eq!(report.added, 3, "{report:?}");
    let direct_dir = tempfile::tempdir().unwrap();
    let direct = store_at(direct_dir.path());
    put_all(&direct, &docs);
    assert_eq!(snapshot(&direct), snapshot(&loaded));
    assert_eq!(queries(&direct), queries(&loaded));
}

#[test]
fn an_article_with_offsets_past_its_text_fails_alone() {
    let a_dir = tempfile::tempdir().unwrap();
    let a = store_at(a_dir.path());
    put_all(&a, &reports());
    let out = tempfile::tempdir().unwrap();
    export_parquet(&a, out.path(), &mut |_, _| {}).unwrap();

    // Rewrite the timexes with one offset past the end of its article.
    let mut rows = Vec::new();
    tidings_tables::parquet::for_each_row(out.path(), Table::Timexes, &mut |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows[1][3] = 100_000.into();
    let mut w = TableWriter::create(out.path(), Table::Timexes).unwrap();
    for r in &rows {
        w.push(r).unwrap();
    }
    w.finish().unwrap();

    let b_dir = tempfile::tempdir().unwrap();
    let b = store_at(b_dir.path());
    let report = load_parquet(out.path(), &b, 10, &mut |_| {}).unwrap();
    assert_eq!(report.added, 2, "{report:?}");
    assert_eq!(report.failed.len(), 1);
    assert!(report.failed[0].contains("100000"), "{:?}", report.failed);
}

#[test]
fn a_folder_without_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s_dir = tempfile::tempdir().unwrap();
    let s = store_at(s_dir.path());
    let err = load_parquet(dir.path(), &s, 10, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("no articles table"), "{err}");
}

#[test]
fn every_store_layer_has_its_table_with_the_same_columns() {
    for layer in Layer::ALL {
        let table = tidings_tables::bulk::table_of(layer);
        assert_eq!(table.name(), layer.name());
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(names, layer.columns(), "{}", layer.name());
    }
}
