//! What the store returns: plain serialisable rows, shared by the CLI and the API.
//!
//! Ids are the store's own integer ids (stable for the life of the database).
//! Offsets (`start`, `end`) are Unicode code point offsets into the article's
//! text, end exclusive, as everywhere at Tidings' JSON boundary.

use serde::Serialize;

/// One page of results. `next_offset` is set when more may follow.
#[derive(Debug, Clone, Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub limit: u32,
    pub offset: u32,
    pub next_offset: Option<u32>,
}

/// An article without its text and layers.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub doc_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    /// The opening of the text, or the best-matching passage for a search.
    pub snippet: String,
}

/// An article with its text and every layer.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleDetail {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub source: String,
    pub content_hash: String,
    pub ingested_at: String,
    pub text: String,
    pub entities: Vec<ArticleEntity>,
    pub quotes: Vec<QuoteRow>,
    pub timexes: Vec<TimexRow>,
    pub events: Vec<EventRow>,
}

/// An entity as it appears in one article, with its mentions there.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEntity {
    pub id: i64,
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub subtype: Option<String>,
    pub mentions: Vec<MentionRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    pub start: i64,
    pub end: i64,
    pub kind: String,
    pub metonym: bool,
}

/// A start/end pair.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Range {
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    /// The store's entity id, when the speaker resolved to an entity.
    pub entity: Option<i64>,
    /// The fullest name; null for an unnamed source.
    pub name: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// How the article describes the source ("a person familiar with the matter").
    pub description: Option<String>,
    /// True when the article does not name the source.
    pub anonymous: bool,
    /// The other speakers of a joint attribution.
    pub others: Vec<CoSpeakerRow>,
}

/// One more speaker of a joint attribution.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct CoSpeakerRow {
    /// The store's entity id, when the speaker resolved to an entity.
    pub entity: Option<i64>,
    pub name: Option<String>,
    /// The speaker's mention in the attribution.
    #[serde(default)]
    pub start: Option<i64>,
    #[serde(default)]
    pub end: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub article: i64,
    pub article_title: Option<String>,
    pub published: Option<String>,
    pub start: i64,
    pub end: i64,
    /// The speaker's words, in order, without the words between them.
    pub parts: Vec<Range>,
    /// The parts' texts joined by one space.
    pub text: String,
    pub kind: String,
    pub speaker: Option<SpeakerRow>,
    pub cue: Option<Range>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimexRow {
    pub id: i64,
    pub article: i64,
    pub start: i64,
    pub end: i64,
    pub text: String,
    #[serde(rename = "type")]
    pub ttype: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    pub entity: Option<i64>,
    pub name: String,
    /// CAMEO country code (ISO 3166 alpha-3), when known.
    pub country: Option<String>,
    /// CAMEO agent sector (`GOV`, `MIL`, ...), when known.
    pub sector: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub article: i64,
    pub article_title: Option<String>,
    #[serde(rename = "type")]
    pub etype: String,
    pub mode: Option<String>,
    pub cameo: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub trigger: Option<Range>,
    pub source: Option<ActorRow>,
    pub target: Option<ActorRow>,
    pub place: Option<ActorRow>,
    /// The event's date value as the annotator gave it.
    pub date: Option<String>,
    pub date_from_publication: bool,
    /// The calendar day used for date filters: the event's date when it is
    /// one, else the article's publication date.
    pub day: Option<String>,
    pub modality: String,
    /// The store id of the quote the event was said in.
    pub quote: Option<i64>,
}

/// An entity merged across articles by its key.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    pub id: i64,
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub subtype: Option<String>,
    pub mentions: i64,
    pub articles: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alias {
    pub name: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`, or `unknown` for undated articles.
    pub month: String,
    pub count: i64,
}

/// Someone an entity meets in events, as source or target.
#[derive(Debug, Clone, Serialize)]
pub struct CoActor {
    pub entity: Option<i64>,
    pub name: String,
    pub count: i64,
}

impl CoActor {
    /// The actors met, most met first (then by name), at most 30: the list an
    /// entity page shows, the same from every backend.
    pub(crate) fn ranked(
        met: std::collections::BTreeMap<(Option<i64>, String), i64>,
    ) -> Vec<CoActor> {
        let mut co_actors: Vec<CoActor> = met
            .into_iter()
            .map(|((entity, name), count)| CoActor {
                entity,
                name,
                count,
            })
            .collect();
        co_actors.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        co_actors.truncate(30);
        co_actors
    }
}

/// An entity with what the store knows of it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityDetail {
    #[serde(flatten)]
    pub summary: EntitySummary,
    pub aliases: Vec<Alias>,
    pub quotes_by_month: Vec<MonthCount>,
    /// The latest quotes attributed to the entity.
    pub quotes: Vec<QuoteRow>,
    pub co_actors: Vec<CoActor>,
    /// The latest events the entity takes part in.
    pub events: Vec<EventRow>,
}

/// Row counts, for `tidings ingest`'s summary and health checks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub schema_version: i64,
    pub articles: i64,
    pub entities: i64,
    pub mentions: i64,
    pub quotes: i64,
    pub timexes: i64,
    pub events: i64,
}

/// The `parts` column's JSON as ranges; the one part `[start, end]` for rows
/// written before quotes had parts (NULL) or with an unreadable value.
pub(crate) fn parts_from_json(json: Option<&str>, start: i64, end: i64) -> Vec<Range> {
    json.and_then(|j| serde_json::from_str::<Vec<[i64; 2]>>(j).ok())
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.into_iter()
                .map(|[start, end]| Range { start, end })
                .collect()
        })
        .unwrap_or_else(|| vec![Range { start, end }])
}

/// The `speaker_others` column's JSON as rows (none when NULL).
pub(crate) fn others_from_json(json: Option<&str>) -> Vec<CoSpeakerRow> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}
