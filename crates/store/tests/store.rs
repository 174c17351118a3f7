//! The store as its users see it: idempotent ingest, merged entities, searches,
//! paging, migrations and transaction safety — the same behaviour tests run
//! against both backends (SQLite, and PostgreSQL on a throwaway cluster; see
//! `common::postgres`), then the tests of what is one backend's own.

mod common;

use rusqlite::Connection;
use tidings_model::{
    Actor, Document, Entity, EntityType, Event, EventDate, Mention, MentionKind, Modality, Quote,
    QuoteKind, Span, Speaker, Timex, TimexType,
};
use tidings_store::{
    ArticleQuery, EntityQuery, EventQuery, Layer, Page, PgStore, Provenance, QuoteQuery,
    SqliteStore, Store, Stored, pg, schema,
};

/// The byte span of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        .0;
    Span::new(start, start + needle.len())
}

fn mention(text: &str, needle: &str, nth: usize) -> Mention {
    Mention {
        span: span(text, needle, nth),
        kind: MentionKind::Name,
        metonym: false,
    }
}

/// A short report written for these tests, with every layer filled by hand.
fn report(id: &str, published: &str, minister: &str, topic: &str) -> Document {
    let text = format!(
        "Foreign Minister {minister} met Tomas Berg in Vienna on Monday.\n\n\
         \"We will not accept new {topic},\" {minister} said. Berg accused Lisbon of delay."
    );
    let mut doc = Document::new(id, text.clone());
    doc.meta.title = Some(format!("{minister} on {topic}"));
    doc.meta.published = Some(published.into());
    doc.meta.url = Some(format!("https://news.example/{id}"));
    let surname = minister.split(' ').next_back().unwrap();
    doc.entities = vec![
        Entity {
            id: "e1".into(),
            name: minister.into(),
            etype: EntityType::Per,
            subtype: None,
            key: format!("PER:{}", minister.to_lowercase()),
            mentions: vec![mention(&text, minister, 0), mention(&text, minister, 1)],
        },
        Entity {
            id: "e2".into(),
            name: "Tomas Berg".into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:tomas berg".into(),
            mentions: vec![mention(&text, "Tomas Berg", 0), mention(&text, "Berg", 1)],
        },
        Entity {
            id: "e3".into(),
            name: "Lisbon".into(),
            etype: EntityType::Loc,
            subtype: Some("city".into()),
            key: "LOC:lisbon".into(),
            mentions: vec![Mention {
                metonym: true,
                ..mention(&text, "Lisbon", 0)
            }],
        },
    ];
    let _ = surname;
    doc.quotes = vec![Quote::whole(
        span(&text, &format!("We will not accept new {topic},"), 0),
        QuoteKind::Direct,
        Some(Speaker::named(
            Some("e1".into()),
            Some(minister.into()),
            Some(span(&text, minister, 1)),
        )),
        Some(span(&text, "said", 0)),
    )];
    doc.timexes = vec![Timex {
        span: span(&text, "Monday", 0),
        ttype: TimexType::Date,
        value: published[..10].into(),
    }];
    doc.events = vec![
        Event {
            etype: "CONSULT".into(),
            mode: None,
            cameo: "040".into(),
            span: span(
                &text,
                &format!("Foreign Minister {minister} met Tomas Berg"),
                0,
            ),
            trigger: Some(span(&text, "met", 0)),
            source: Some(Actor::new(Some("e1".into()), minister.into())),
            target: Some(Actor::new(Some("e2".into()), "Tomas Berg".into())),
            date: Some(EventDate {
                value: published[..10].into(),
                timex: Some(0),
                from_publication: false,
            }),
            place: None,
            modality: Modality::Asserted,
            quote: None,
        },
        Event {
            etype: "ACCUSE".into(),
            mode: None,
            cameo: "112".into(),
            span: span(&text, "Berg accused Lisbon of delay", 0),
            trigger: Some(span(&text, "accused", 0)),
            source: Some(Actor::new(Some("e2".into()), "Berg".into())),
            target: Some(Actor::new(Some("e3".into()), "Lisbon".into())),
            date: None,
            place: None,
            modality: Modality::Asserted,
            quote: Some(0),
        },
    ];
    doc
}

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("sub/t.db")).unwrap();
    (dir, store)
}

/// Each behaviour test once per backend: `sqlite::NAME` and `postgres::NAME`.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    let (_dir, store) = super::open();
                    super::$name(&store);
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    let Some(store) = super::common::postgres::store(stringify!($name)) else {
                        return;
                    };
                    super::$name(&store);
                }
            )*
        }
    };
}

on_both_backends!(
    storing_the_same_content_twice_is_a_no_op,
    new_text_at_a_stored_url_replaces_the_article,
    entities_merge_across_articles_by_key,
    quotes_are_found_by_speaker_words_and_dates,
    offsets_are_code_points_into_the_text,
    lists_are_paged_and_bounded,
    an_article_is_all_or_nothing,
    a_batch_stores_each_article_or_names_why_not,
    ids_sort_by_publication_date_whatever_the_ingest_order,
    an_article_counts_once_for_an_entity_split_in_two,
    quotes_keep_their_parts_and_unnamed_or_joint_speakers,
    events_are_found_by_actor_country_and_sector,
);

/// A report with a quote in two parts by two named people, and one from an
/// unnamed source.
fn sourced_report() -> Document {
    let text =
        "\"We will not sign,\" Ana Costa and Rui Mota said on Monday. \"Not this year.\"\n\n\
                A person familiar with the talks said the deal was dead."
            .to_string();
    let mut doc = Document::new("sourced", text.clone());
    doc.meta.published = Some("2025-03-03".into());
    doc.entities = vec![
        Entity {
            id: "e1".into(),
            name: "Ana Costa".into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:ana costa".into(),
            mentions: vec![mention(&text, "Ana Costa", 0)],
        },
        Entity {
            id: "e2".into(),
            name: "Rui Mota".into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:rui mota".into(),
            mentions: vec![mention(&text, "Rui Mota", 0)],
        },
    ];
    let mut joint = Speaker::named(
        Some("e1".into()),
        Some("Ana Costa".into()),
        Some(span(&text, "Ana Costa", 0)),
    );
    joint.others = vec![tidings_model::CoSpeaker {
        entity: Some("e2".into()),
        name: Some("Rui Mota".into()),
        span: Some(span(&text, "Rui Mota", 0)),
    }];
    let unnamed = Speaker {
        span: Some(span(&text, "A person familiar with the talks", 0)),
        description: Some("a person familiar with the talks".into()),
        anonymous: true,
        ..Speaker::default()
    };
    doc.quotes = vec![
        Quote::in_parts(
            vec![
                span(&text, "We will not sign,", 0),
                span(&text, "Not this year.", 0),
            ],
            QuoteKind::Direct,
            Some(joint),
            Some(span(&text, "said", 0)),
        ),
        Quote::whole(
            span(&text, "the deal was dead", 0),
            QuoteKind::Indirect,
            Some(unnamed),
            Some(span(&text, "said", 1)),
        ),
    ];
    doc
}

fn quotes_keep_their_parts_and_unnamed_or_joint_speakers(store: &dyn Store) {
    let id = store.put(&sourced_report(), &src()).unwrap().id();
    let art = store.article(id).unwrap().unwrap();
    let chars: Vec<char> = art.text.chars().collect();
    let slice = |s: i64, e: i64| chars[s as usize..e as usize].iter().collect::<String>();
    let all = |anonymous: Option<bool>| {
        store
            .quotes(
                &QuoteQuery {
                    anonymous,
                    ..Default::default()
                },
                Page::default(),
            )
            .unwrap()
            .items
    };
    let quotes = all(None);
    assert_eq!(quotes.len(), 2);
    let direct = quotes.iter().find(|q| q.kind == "direct").unwrap();
    // The text is the speaker's words only, the attribution left out.
    assert_eq!(direct.text, "We will not sign, Not this year.");
    let parts: Vec<String> = direct.parts.iter().map(|p| slice(p.start, p.end)).collect();
    assert_eq!(parts, ["We will not sign,", "Not this year."]);
    assert_eq!(
        (direct.start, direct.end),
        (direct.parts[0].start, direct.parts[1].end)
    );
    let sp = direct.speaker.as_ref().unwrap();
    assert_eq!(sp.name.as_deref(), Some("Ana Costa"));
    assert!(!sp.anonymous);
    assert_eq!(sp.others.len(), 1);
    assert_eq!(sp.others[0].name.as_deref(), Some("Rui Mota"));
    assert!(
        sp.others[0].entity.is_some(),
        "the joint speaker keeps its entity"
    );

    let unnamed = all(Some(true));
    assert_eq!(unnamed.len(), 1, "only the unnamed source");
    let sp = unnamed[0].speaker.as_ref().unwrap();
    assert!(sp.anonymous);
    assert_eq!(sp.name, None);
    assert_eq!(
        sp.description.as_deref(),
        Some("a person familiar with the talks")
    );
    assert_eq!(unnamed[0].parts.len(), 1);
    let named = all(Some(false));
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].kind, "direct");

    // Exports carry the same parts and speakers.
    let mut rows = Vec::new();
    store
        .export(Layer::Quotes, &mut |r| {
            rows.push(r);
            Ok(())
        })
        .unwrap();
    let col = |n: &str| {
        Layer::Quotes
            .columns()
            .iter()
            .position(|c| *c == n)
            .unwrap()
    };
    let exported = rows.iter().find(|r| r[col("kind")] == "direct").unwrap();
    assert_eq!(exported[col("parts")].as_array().unwrap().len(), 2);
    assert_eq!(exported[col("speaker_others")][0]["name"], "Rui Mota");
    let anonymous = rows.iter().find(|r| r[col("kind")] == "indirect").unwrap();
    assert_eq!(anonymous[col("anonymous")], true);
    assert_eq!(
        anonymous[col("speaker_description")],
        "a person familiar with the talks"
    );
}

fn events_are_found_by_actor_country_and_sector(store: &dyn Store) {
    let mut doc = report("a", "2025-03-01", "Ana Costa", "tariffs");
    for ev in &mut doc.events {
        if let Some(a) = ev.source.as_mut() {
            a.country = Some("PRT".into());
            a.sector = Some("GOV".into());
        }
        if let Some(a) = ev.target.as_mut() {
            a.country = Some("AUT".into());
            a.sector = None;
        }
    }
    let n = doc.events.len();
    assert!(n > 0);
    store.put(&doc, &src()).unwrap();
    let find = |country: Option<&str>, sector: Option<&str>| {
        store
            .events(
                &EventQuery {
                    country: country.map(String::from),
                    sector: sector.map(String::from),
                    ..Default::default()
                },
                Page::default(),
            )
            .unwrap()
            .items
    };
    let prt = find(Some("PRT"), None);
    assert_eq!(prt.len(), n);
    let src_actor = prt[0].source.as_ref().unwrap();
    assert_eq!(src_actor.country.as_deref(), Some("PRT"));
    assert_eq!(src_actor.sector.as_deref(), Some("GOV"));
    // Codes compare without case; country and sector belong to one actor.
    assert_eq!(find(Some("prt"), Some("gov")).len(), n);
    assert!(find(Some("AUT"), Some("GOV")).is_empty());
    assert!(find(None, Some("MIL")).is_empty());
    let with_target = doc.events.iter().filter(|e| e.target.is_some()).count();
    assert_eq!(find(Some("AUT"), None).len(), with_target);
    // With an actor entity too, the codes narrow that actor's events.
    let costa = store
        .entities(
            &EntityQuery {
                q: Some("Ana Costa".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap()
        .items[0]
        .id;
    let by_actor = |country: &str| {
        store
            .events(
                &EventQuery {
                    actor_entity: Some(costa),
                    country: Some(country.into()),
                    ..Default::default()
                },
                Page::default(),
            )
            .unwrap()
            .items
            .len()
    };
    assert!(by_actor("PRT") > 0);
    assert_eq!(by_actor("RUS"), 0);
}

#[test]
fn a_store_of_the_first_schema_migrates_and_its_quotes_read_as_one_part() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
             INSERT INTO schema_version VALUES (1, 'then');
             INSERT INTO articles(id, doc_id, content_hash, text, ingested_at)
                 VALUES (1, 'old', 'h', 'She said: \"We stay.\"', 'then');
             INSERT INTO quotes(id, article, start, end, text, kind, speaker)
                 VALUES (1, 1, 11, 19, 'We stay.', 'direct', 'She');",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store.stats().unwrap().schema_version,
        schema::CURRENT_VERSION
    );
    let q = store
        .quotes(&QuoteQuery::default(), Page::default())
        .unwrap()
        .items;
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].parts[0].start, q[0].parts[0].end), (11, 19));
    assert_eq!(q[0].parts.len(), 1);
    assert!(!q[0].speaker.as_ref().unwrap().anonymous);
}

fn src() -> Provenance {
    Provenance {
        source: "test".into(),
    }
}

#[test]
fn a_new_database_is_migrated_to_the_current_version() {
    let (_dir, store) = open();
    let stats = store.stats().unwrap();
    assert_eq!(stats.schema_version, schema::CURRENT_VERSION);
    assert_eq!(stats.articles, 0);
    // Opening again applies nothing and keeps the data.
    store
        .put(&report("a", "2025-03-01", "Ana Costa", "tariffs"), &src())
        .unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let again = SqliteStore::open(&path).unwrap();
    assert_eq!(again.stats().unwrap().articles, 1);
    let conn = Connection::open(&path).unwrap();
    let steps: i64 = conn
        .query_row("SELECT count(*) FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(steps, schema::CURRENT_VERSION);
}

#[test]
fn a_database_from_a_newer_tidings_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO schema_version(version, applied_at) VALUES (99, 'later')",
        [],
    )
    .unwrap();
    drop(conn);
    let err = SqliteStore::open(&path).unwrap_err().to_string();
    assert!(err.contains("newer"), "{err}");
}

fn storing_the_same_content_twice_is_a_no_op(store: &dyn Store) {
    let doc = report("a", "2025-03-01", "Ana Costa", "tariffs");
    let first = store.put(&doc, &src()).unwrap();
    assert!(matches!(first, Stored::Added(_)));
    let before = store.stats().unwrap();
    let second = store.put(&doc, &src()).unwrap();
    assert_eq!(second, Stored::Unchanged(first.id()));
    let after = store.stats().unwrap();
    assert_eq!(
        (
            before.articles,
            before.mentions,
            before.quotes,
            before.events,
            before.entities
        ),
        (
            after.articles,
            after.mentions,
            after.quotes,
            after.events,
            after.entities
        )
    );
    let hash = tidings_store::content_hash(&doc.text);
    assert_eq!(store.find_content(&hash).unwrap(), Some(first.id()));
}

fn new_text_at_a_stored_url_replaces_the_article(store: &dyn Store) {
    let old = report("a", "2025-03-01", "Ana Costa", "tariffs");
    let mut new = report("a", "2025-03-01", "Ana Costa", "quotas");
    new.meta.url = old.meta.url.clone();
    store.put(&old, &src()).unwrap();
    let r = store.put(&new, &src()).unwrap();
    assert!(matches!(r, Stored::Replaced(_)));
    let s = store.stats().unwrap();
    assert_eq!((s.articles, s.quotes, s.events), (1, 1, 2));
    let hits = store
        .quotes(
            &QuoteQuery {
                q: Some("tariffs".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert!(hits.items.is_empty(), "the old quote left the index");
    let costa = store
        .entities(
            &EntityQuery {
                q: Some("costa".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(costa.items[0].articles, 1);
    assert_eq!(costa.items[0].mentions, 2);
}

fn entities_merge_across_articles_by_key(store: &dyn Store) {
    store
        .put(&report("a", "2025-03-01", "Ana Costa", "tariffs"), &src())
        .unwrap();
    store
        .put(&report("b", "2025-04-02", "Rui Mota", "quotas"), &src())
        .unwrap();
    let berg = store
        .entities(
            &EntityQuery {
                q: Some("ber".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(berg.items.len(), 1, "prefix search finds one merged entity");
    let e = &berg.items[0];
    assert_eq!(
        (e.name.as_str(), e.articles, e.mentions),
        ("Tomas Berg", 2, 4)
    );
    let detail = store.entity(e.id).unwrap().unwrap();
    let aliases: Vec<&str> = detail.aliases.iter().map(|a| a.name.as_str()).collect();
    assert!(
        aliases.contains(&"Tomas Berg") && aliases.contains(&"Berg"),
        "{aliases:?}"
    );
    let met: Vec<&str> = detail.co_actors.iter().map(|c| c.name.as_str()).collect();
    assert!(
        met.contains(&"Ana Costa") && met.contains(&"Lisbon"),
        "{met:?}"
    );
    assert_eq!(detail.events.len(), 4);
}

fn quotes_are_found_by_speaker_words_and_dates(store: &dyn Store) {
    store
        .put(&report("a", "2025-03-01", "Ana Costa", "tariffs"), &src())
        .unwrap();
    store
        .put(&report("b", "2025-04-02", "Rui Mota", "quotas"), &src())
        .unwrap();
    store
        .put(&report("c", "2025-05-03", "Ana Costa", "sanctions"), &src())
        .unwrap();
    let q = |speaker: Option<&str>, words: Option<&str>, from: Option<&str>| {
        store
            .quotes(
                &QuoteQuery {
                    speaker: speaker.map(String::from),
                    q: words.map(String::from),
                    from: from.map(|d| d.parse().unwrap()),
                    ..Default::default()
                },
                Page::default(),
            )
            .unwrap()
            .items
    };
    let costa = q(Some("costa"), None, None);
    assert_eq!(costa.len(), 2);
    assert_eq!(
        costa[0].published.as_deref(),
        Some("2025-05-03"),
        "newest first"
    );
    // Stemmed: "sanction" finds "sanctions".
    assert_eq!(q(Some("Ana Costa"), Some("sanction"), None).len(), 1);
    assert_eq!(q(None, None, Some("2025-04-01")).len(), 2);
    assert!(q(Some("Mota"), Some("sanctions"), None).is_empty());
    let hit = &costa[0];
    assert_eq!(hit.text, "We will not accept new sanctions,");
    assert!(hit.speaker.as_ref().unwrap().entity.is_some());
}

fn offsets_are_code_points_into_the_text(store: &dyn Store) {
    let doc = report("a", "2025-03-01", "Zoë Ångström", "tariffs");
    let id = store.put(&doc, &src()).unwrap().id();
    let art = store.article(id).unwrap().unwrap();
    let chars: Vec<char> = art.text.chars().collect();
    let slice = |s: i64, e: i64| chars[s as usize..e as usize].iter().collect::<String>();
    let q = &art.quotes[0];
    assert_eq!(slice(q.start, q.end), q.text);
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(slice(sp.start.unwrap(), sp.end.unwrap()), "Zoë Ångström");
    for e in &art.entities {
        for m in &e.mentions {
            assert!(e.name.contains(&slice(m.start, m.end)), "{}", e.name);
        }
    }
    assert_eq!(art.timexes[0].text, "Monday");
    assert_eq!(
        slice(art.events[1].start, art.events[1].end),
        art.events[1].text
    );
    assert_eq!(art.events[1].quote, Some(q.id));
    let mut mentions = Vec::new();
    store
        .export(Layer::Mentions, &mut |row| {
            mentions.push(row);
            Ok(())
        })
        .unwrap();
    assert_eq!(mentions[0][5], "Zoë Ångström");
}

fn lists_are_paged_and_bounded(store: &dyn Store) {
    for i in 0..25 {
        let doc = report(
            &format!("d{i}"),
            &format!("2025-01-{:02}", i + 1),
            "Ana Costa",
            &format!("tariffs {i}"),
        );
        store.put(&doc, &src()).unwrap();
    }
    let all = ArticleQuery::default();
    let p1 = store.articles(&all, Page::new(10, 0)).unwrap();
    assert_eq!((p1.items.len(), p1.next_offset), (10, Some(10)));
    let p3 = store.articles(&all, Page::new(10, 20)).unwrap();
    assert_eq!((p3.items.len(), p3.next_offset), (5, None));
    assert_eq!(Page::new(1_000_000, 0).limit, tidings_store::MAX_LIMIT);
    let found = store
        .articles(
            &ArticleQuery {
                q: Some("Vienna".into()),
                to: Some("2025-01-05".parse().unwrap()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(found.items.len(), 5);
    assert!(found.items[0].snippet.contains("Vienna"));
    let accuse = store
        .events(
            &EventQuery {
                etype: Some("accuse".into()),
                actor: Some("Lisbon".into()),
                ..Default::default()
            },
            Page::new(5, 0),
        )
        .unwrap();
    assert_eq!((accuse.items.len(), accuse.next_offset), (5, Some(5)));
}

fn an_article_is_all_or_nothing(store: &dyn Store) {
    store
        .put(&report("a", "2025-03-01", "Ana Costa", "tariffs"), &src())
        .unwrap();
    let mut bad = report("b", "2025-03-02", "Rui Mota", "quotas");
    // An out-of-range span in the last layer: refused before anything is written.
    bad.events[1].span = Span::new(0, bad.text.len() + 10);
    let before = store.stats().unwrap();
    let err = store.put(&bad, &src()).unwrap_err().to_string();
    assert!(err.contains("does not fit"), "{err}");
    let after = store.stats().unwrap();
    assert_eq!(
        (
            before.articles,
            before.entities,
            before.mentions,
            before.quotes
        ),
        (after.articles, after.entities, after.mentions, after.quotes),
        "no half-stored article"
    );
    store
        .put(&report("c", "2025-03-03", "Rui Mota", "quotas"), &src())
        .unwrap();
    assert_eq!(store.stats().unwrap().articles, before.articles + 1);
}

fn a_batch_stores_each_article_or_names_why_not(store: &dyn Store) {
    let good = report("a", "2025-03-01", "Ana Costa", "tariffs");
    let mut bad = report("b", "2025-03-02", "Rui Mota", "quotas");
    bad.quotes[0].span = Span::new(1, bad.text.len() + 1);
    let other = report("c", "2025-03-03", "Rui Mota", "fish");
    let s = src();
    let out = store
        .put_batch(&[(&good, &s), (&bad, &s), (&good, &s), (&other, &s)])
        .unwrap();
    assert!(matches!(out[0], Ok(Stored::Added(_))));
    assert!(out[1].is_err());
    assert_eq!(
        out[2].as_ref().unwrap(),
        &Stored::Unchanged(out[0].as_ref().unwrap().id())
    );
    assert!(matches!(out[3], Ok(Stored::Added(_))));
    let st = store.stats().unwrap();
    assert_eq!((st.articles, st.quotes, st.events), (2, 2, 4));
    // Rui Mota's entity holds only the stored article's mentions.
    let mota = store
        .entities(
            &EntityQuery {
                q: Some("mota".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!((mota.items[0].mentions, mota.items[0].articles), (2, 1));
}

fn ids_sort_by_publication_date_whatever_the_ingest_order(store: &dyn Store) {
    for (i, d) in ["2025-05-01", "2024-01-09", "2025-01-20"]
        .iter()
        .enumerate()
    {
        store
            .put(
                &report(&format!("d{i}"), d, "Ana Costa", &format!("tariffs {i}")),
                &src(),
            )
            .unwrap();
    }
    let mut undated = report("u", "2025-01-01", "Ana Costa", "fish");
    undated.meta.published = None;
    store.put(&undated, &src()).unwrap();
    let page = store
        .articles(&ArticleQuery::default(), Page::default())
        .unwrap();
    let dates: Vec<Option<String>> = page.items.iter().map(|a| a.published.clone()).collect();
    assert_eq!(
        dates,
        vec![
            Some("2025-05-01".into()),
            Some("2025-01-20".into()),
            Some("2024-01-09".into()),
            None
        ]
    );
    assert!(
        page.items.iter().all(|a| a.id < (1_i64 << 53)),
        "exact in JavaScript"
    );
    let q = store
        .quotes(
            &QuoteQuery {
                q: Some("tariffs".into()),
                to: Some("2025-01-20".parse().unwrap()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    let qd: Vec<&str> = q
        .items
        .iter()
        .map(|q| q.published.as_deref().unwrap())
        .collect();
    assert_eq!(qd, vec!["2025-01-20", "2024-01-09"]);
}

// ------------------------------------------------- PostgreSQL's own behaviour

#[test]
fn a_new_postgres_database_is_migrated_once() {
    let Some(url) = common::postgres::database("migrated") else {
        return;
    };
    let store = PgStore::open(&url).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.schema_version, pg::schema::CURRENT_VERSION);
    store
        .put(&report("a", "2025-03-01", "Ana Costa", "tariffs"), &src())
        .unwrap();
    drop(store);
    // Several processes opening a new store at once migrate it once; again
    // here, opening applies nothing and keeps the data.
    let opened: Vec<PgStore> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| PgStore::open(&url).unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(opened[0].stats().unwrap().articles, 1);
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    let steps: i64 = c
        .query_one("SELECT count(*) FROM schema_version", &[])
        .unwrap()
        .get(0);
    assert_eq!(steps, pg::schema::CURRENT_VERSION);
}

#[test]
fn a_postgres_database_from_a_newer_tidings_is_refused() {
    let Some(url) = common::postgres::database("newer") else {
        return;
    };
    drop(PgStore::open(&url).unwrap());
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    c.execute(
        "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')",
        &[],
    )
    .unwrap();
    let err = PgStore::open(&url).unwrap_err().to_string();
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn postgres_search_takes_web_search_syntax_and_folds_accents() {
    let Some(store) = common::postgres::store("websearch") else {
        return;
    };
    store
        .put(
            &report("a", "2025-03-01", "Zoë Ångström", "tariffs"),
            &src(),
        )
        .unwrap();
    store
        .put(
            &report("b", "2025-03-02", "Rui Mota", "tariff quotas"),
            &src(),
        )
        .unwrap();
    let quotes = |q: &str| {
        store
            .quotes(
                &QuoteQuery {
                    q: Some(q.into()),
                    ..Default::default()
                },
                Page::default(),
            )
            .unwrap()
            .items
            .len()
    };
    assert_eq!(quotes("tariff"), 2, "stemmed");
    assert_eq!(quotes("tariff -quotas"), 1, "minus excludes");
    assert_eq!(quotes("\"tariff quotas\""), 1, "a quoted phrase");
    assert_eq!(quotes("\"unclosed or ) ( & |"), 0, "never a syntax error");
    let zoe = store
        .entities(
            &EntityQuery {
                q: Some("zoe angst".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(zoe.items.len(), 1, "accents folded, last word a prefix");
}

#[test]
fn concurrent_postgres_writers_lose_and_duplicate_nothing() {
    let Some(url) = common::postgres::database("writers") else {
        return;
    };
    drop(PgStore::open(&url).unwrap());
    // Four writers, each its own store (as separate processes would be),
    // storing overlapping series in different orders, in small batches.
    let docs: Vec<Document> = (0..120)
        .map(|i| {
            let minister = ["Ana Costa", "Rui Mota", "Ines Lind"][i % 3];
            report(
                &format!("d{i}"),
                &format!("2025-{:02}-{:02}", i % 12 + 1, i % 27 + 1),
                minister,
                &format!("tariffs round {i}"),
            )
        })
        .collect();
    let results: Vec<Vec<Stored>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|w| {
                let url = url.clone();
                let docs = &docs;
                s.spawn(move || {
                    let store = PgStore::open(&url).unwrap();
                    let source = src();
                    // Writer w takes 3/4 of the series, reversed for odd writers.
                    let mut mine: Vec<&Document> = docs
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % 4 != w)
                        .map(|(_, d)| d)
                        .collect();
                    if w % 2 == 1 {
                        mine.reverse();
                    }
                    let mut out = Vec::new();
                    for chunk in mine.chunks(7) {
                        let batch: Vec<_> = chunk.iter().map(|d| (*d, &source)).collect();
                        for r in store.put_batch(&batch).unwrap() {
                            out.push(r.unwrap());
                        }
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let added = results
        .iter()
        .flatten()
        .filter(|r| matches!(r, Stored::Added(_)))
        .count();
    assert_eq!(added, docs.len(), "each article added exactly once");
    let store = PgStore::open(&url).unwrap();
    let st = store.stats().unwrap();
    assert_eq!(
        (st.articles, st.quotes, st.events, st.entities),
        (120, 120, 240, 5)
    );
    assert_eq!(st.mentions, 120 * 5);
    let berg = store
        .entities(
            &EntityQuery {
                q: Some("tomas berg".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(
        (berg.items[0].articles, berg.items[0].mentions),
        (120, 240),
        "merged counts add up"
    );
    let detail = store.entity(berg.items[0].id).unwrap().unwrap();
    let berg_alias = detail.aliases.iter().find(|a| a.name == "Berg").unwrap();
    assert_eq!(berg_alias.count, 120);
    // Writers take rows in one order, so they queue rather than deadlock
    // (the server's statistics reach the counter within a second or so).
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    let deadlocks: i64 = c
        .query_one(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(deadlocks, 0);
}

/// The entity layer may leave one person as two entities with the same key
/// (two clusters it could not join): the article still counts once.
fn an_article_counts_once_for_an_entity_split_in_two(store: &dyn Store) {
    let mut doc = report("split", "2025-05-03", "Ana Costa", "tariffs");
    let mut twin = doc.entities[1].clone();
    twin.id = "e9".into();
    twin.mentions = vec![mention(&doc.text, "Berg", 1)];
    doc.entities[1].mentions.truncate(1);
    doc.entities.push(twin);
    store.put(&doc, &src()).unwrap();
    let berg = store
        .entities(
            &EntityQuery {
                q: Some("berg".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(berg.items.len(), 1);
    assert_eq!((berg.items[0].articles, berg.items[0].mentions), (1, 2));
}
