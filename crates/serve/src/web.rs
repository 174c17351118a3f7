//! The web page and the OpenAPI document, built into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const INDEX: &str = include_str!("web/index.html");
const SCRIPT: &str = include_str!("web/app.js");
const STYLE: &str = include_str!("web/app.css");
/// The API contract (OpenAPI 3.1), written by hand beside the routes.
pub const OPENAPI: &str = include_str!("openapi.json");

pub async fn index() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
}

pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SCRIPT,
    )
}

pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        STYLE,
    )
}

pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// The text of a built-in asset by file name (`index.html`, `app.js`,
/// `app.css`), for tests and tools.
pub fn asset(name: &str) -> Option<&'static str> {
    match name {
        "index.html" => Some(INDEX),
        "app.js" => Some(SCRIPT),
        "app.css" => Some(STYLE),
        "openapi.json" => Some(OPENAPI),
        _ => None,
    }
}
