//! The Tidings HTTP server: a JSON API over a [`Store`] and a web page.
//!
//! Endpoints (all `GET`; the OpenAPI document at `/api/openapi.json` is the
//! full contract):
//!
//! | path | what |
//! |---|---|
//! | `/` | the web page (HTML, JS and CSS built into the binary) |
//! | `/api/articles?q=&from=&to=` | articles, newest first |
//! | `/api/articles/{id}` | one article: text and every layer |
//! | `/api/quotes?speaker=&q=&from=&to=&entity=` | quotes, newest first |
//! | `/api/entities?q=&type=` | entities, most mentioned first |
//! | `/api/entities/{id}` | one entity: aliases, quotes by month, co-actors |
//! | `/api/events?actor=&entity=&type=&from=&to=` | events, newest first |
//! | `/api/stats` | row counts |
//!
//! Lists are paged by `limit` (1..=200, default 20) and `offset`; each page
//! says `next_offset` when more may follow. Offsets into texts are Unicode
//! code points. A bad parameter gets `400` with `{"error": {"code",
//! "message"}}` ([`error`]); unknown parameters are refused too, so typos do
//! not silently widen a search.
//!
//! Article content is hostile input: the page builds the DOM with
//! `textContent` only, and every response carries a Content-Security-Policy
//! that allows no inline script and no other origin.

pub mod error;
mod params;
mod routes;
mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use tidings_store::Store;

pub use error::ApiError;
pub use web::asset as web_asset;

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
}

/// The whole application: API, OpenAPI document and web page.
pub fn app(store: Arc<dyn Store>) -> Router {
    routes::router(AppState { store })
}

/// Serve `store` on `addr` until the process ends; blocks.
pub fn run(store: Arc<dyn Store>, addr: SocketAddr) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        eprintln!("tidings: serving on http://{local}/ (Ctrl-C to stop)");
        serve(listener, store).await
    })
}

/// Serve `store` on an already bound listener (tests bind port 0).
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Arc<dyn Store>,
) -> std::io::Result<()> {
    axum::serve(listener, app(store)).await
}
