//! Routes: one handler per endpoint, each a thin layer of parameter checks
//! over one store call (run on the blocking pool: SQLite calls block).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router, middleware};
use serde::Serialize;
use tidings_store::{
    ArticleDetail, ArticleQuery, ArticleSummary, EntityDetail, EntityQuery, EntitySummary,
    EventQuery, EventRow, Paged, QuoteQuery, QuoteRow, Stats, Store, StoreError,
};

use crate::params::{Params, parse_id};
use crate::{ApiError, AppState, web};

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;
type ApiResult<T> = Result<Json<T>, ApiError>;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(web::index))
        .route("/app.js", get(web::script))
        .route("/app.css", get(web::style))
        .route("/api/openapi.json", get(web::openapi))
        .route("/api/stats", get(stats))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/quotes", get(quotes))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/events", get(events))
        .fallback(not_found)
        .layer(middleware::map_response(secure_headers))
        .with_state(state)
}

/// Every response: no MIME sniffing, no framing, and a policy that lets the
/// page run only its own script and reach only its own origin.
async fn secure_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

async fn not_found() -> ApiError {
    ApiError::NotFound("no such path; see /api/openapi.json".into())
}

fn params(q: Pairs, allowed: &[&str], paged: bool) -> Result<Params, ApiError> {
    let Query(pairs) =
        q.map_err(|e| ApiError::BadParameter(format!("malformed query string: {e}")))?;
    Params::new(pairs, allowed, paged)
}

/// Run a store call on the blocking pool.
async fn call<T: Serialize + Send + 'static>(
    state: AppState,
    f: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
) -> ApiResult<T> {
    let out = tokio::task::spawn_blocking(move || f(&*state.store))
        .await
        .map_err(|e| ApiError::Internal(format!("store task failed: {e}")))??;
    Ok(Json(out))
}

fn check_range(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<(), ApiError> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(ApiError::BadParameter(format!(
            "`from` ({f}) is after `to` ({t})"
        ))),
        _ => Ok(()),
    }
}

async fn stats(State(s): State<AppState>, q: Pairs) -> ApiResult<Stats> {
    params(q, &[], false)?;
    call(s, |st| st.stats()).await
}

async fn articles(State(s): State<AppState>, q: Pairs) -> ApiResult<Paged<ArticleSummary>> {
    let p = params(q, &["q", "from", "to"], true)?;
    let query = ArticleQuery {
        q: p.text("q"),
        from: p.date("from")?,
        to: p.date("to")?,
    };
    check_range(query.from, query.to)?;
    let page = p.page()?;
    call(s, move |st| st.articles(&query, page)).await
}

async fn article(
    State(s): State<AppState>,
    Path(id): Path<String>,
    q: Pairs,
) -> ApiResult<ArticleDetail> {
    params(q, &[], false)?;
    let id = parse_id("id", &id)?;
    let found = call(s, move |st| st.article(id)).await?.0;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no article {id}")))
}

async fn quotes(State(s): State<AppState>, q: Pairs) -> ApiResult<Paged<QuoteRow>> {
    let p = params(
        q,
        &["speaker", "q", "from", "to", "entity", "anonymous"],
        true,
    )?;
    let query = QuoteQuery {
        speaker: p.text("speaker"),
        speaker_entity: p.id("entity")?,
        q: p.text("q"),
        from: p.date("from")?,
        to: p.date("to")?,
        anonymous: p.flag("anonymous")?,
    };
    check_range(query.from, query.to)?;
    let page = p.page()?;
    call(s, move |st| st.quotes(&query, page)).await
}

async fn entities(State(s): State<AppState>, q: Pairs) -> ApiResult<Paged<EntitySummary>> {
    let p = params(q, &["q", "type"], true)?;
    let etype = p.code("type")?;
    if let Some(t) = &etype
        && !["PER", "ORG", "LOC", "MISC"].contains(&t.to_ascii_uppercase().as_str())
    {
        return Err(ApiError::BadParameter(format!(
            "`type` must be PER, ORG, LOC or MISC, not {t:?}"
        )));
    }
    let query = EntityQuery {
        q: p.text("q"),
        etype,
    };
    let page = p.page()?;
    call(s, move |st| st.entities(&query, page)).await
}

async fn entity(
    State(s): State<AppState>,
    Path(id): Path<String>,
    q: Pairs,
) -> ApiResult<EntityDetail> {
    params(q, &[], false)?;
    let id = parse_id("id", &id)?;
    let found = call(s, move |st| st.entity(id)).await?.0;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no entity {id}")))
}

async fn events(State(s): State<AppState>, q: Pairs) -> ApiResult<Paged<EventRow>> {
    let p = params(
        q,
        &["actor", "entity", "type", "from", "to", "country", "sector"],
        true,
    )?;
    if p.text("actor").is_some() && p.text("entity").is_some() {
        return Err(ApiError::BadParameter(
            "give `actor` (words of a name) or `entity` (an id), not both".into(),
        ));
    }
    let query = EventQuery {
        actor: p.text("actor"),
        actor_entity: p.id("entity")?,
        etype: p.code("type")?,
        from: p.date("from")?,
        to: p.date("to")?,
        country: p.actor_code("country", "RUS")?,
        sector: p.actor_code("sector", "GOV")?,
    };
    check_range(query.from, query.to)?;
    let page = p.page()?;
    call(s, move |st| st.events(&query, page)).await
}
