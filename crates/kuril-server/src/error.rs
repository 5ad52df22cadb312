//! The one HTTP error type: logs the detail, answers with a JSON body and the right status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kuril_model::ModelError;
use kuril_tiles::TileError;
use serde_json::json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Valid values, for an unknown id.
    pub valid: Option<Vec<String>>,
    /// Seconds after which to retry, sent as `Retry-After` (overload).
    pub retry_after: Option<u32>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            valid: None,
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn unknown_id(kind: &str, id: &str, valid: impl IntoIterator<Item = String>) -> Self {
        let mut e = Self::not_found(format!("unknown {kind} id {id:?}"));
        e.valid = Some(valid.into_iter().collect());
        e
    }

    /// 503: the server is busy with this kind of request; the client should retry after `retry_after_s`.
    pub fn unavailable(message: impl Into<String>, retry_after_s: u32) -> Self {
        let mut e = Self::new(StatusCode::SERVICE_UNAVAILABLE, "overloaded", message);
        e.retry_after = Some(retry_after_s);
        e
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(status = %self.status, message = %self.message);
        } else {
            tracing::debug!(status = %self.status, message = %self.message);
        }
        let mut body =
            json!({ "error": { "status": self.status.as_u16(), "code": self.code, "message": self.message } });
        if let Some(valid) = self.valid {
            body["error"]["valid"] = json!(valid);
        }
        let mut r = (self.status, Json(body)).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut().insert(axum::http::header::RETRY_AFTER, s.into());
        }
        r
    }
}

impl From<TileError> for ApiError {
    fn from(e: TileError) -> Self {
        match e {
            TileError::OutOfRange(m) => ApiError::new(StatusCode::NOT_FOUND, "tile_out_of_range", m),
            TileError::Malformed(m) => ApiError::bad_request(m),
            other => ApiError::internal(other),
        }
    }
}

impl From<ModelError> for ApiError {
    fn from(e: ModelError) -> Self {
        match e {
            ModelError::UnknownId { kind, id, valid } => {
                ApiError::unknown_id(kind, &id, valid.split(", ").map(str::to_string))
            }
            other => ApiError::internal(other),
        }
    }
}
