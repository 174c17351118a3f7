//! API errors: one type, one table of codes and statuses, JSON bodies.
//!
//! Bodies are `{"error": {"code": "...", "message": "..."}}`. Internal
//! details (database messages) go to the log, never to the client.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Why a request failed.
#[derive(Debug)]
pub enum ApiError {
    /// A query or path parameter is malformed, out of range or unknown.
    BadParameter(String),
    /// No such resource.
    NotFound(String),
    /// The store failed; the detail is logged.
    Internal(String),
}

impl ApiError {
    /// The machine-readable code and HTTP status of each error.
    pub fn code(&self) -> (&'static str, StatusCode) {
        match self {
            ApiError::BadParameter(_) => ("bad_parameter", StatusCode::BAD_REQUEST),
            ApiError::NotFound(_) => ("not_found", StatusCode::NOT_FOUND),
            ApiError::Internal(_) => ("internal", StatusCode::INTERNAL_SERVER_ERROR),
        }
    }
}

impl From<tidings_store::StoreError> for ApiError {
    fn from(e: tidings_store::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (code, status) = self.code();
        let message = match self {
            ApiError::BadParameter(m) | ApiError::NotFound(m) => m,
            ApiError::Internal(detail) => {
                tracing::error!("internal error: {detail}");
                "internal error; see the server log".to_string()
            }
        };
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        (status, Json(body)).into_response()
    }
}
