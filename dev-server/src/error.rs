//! The one error type of the emulators: a status and the JSON body the real services answer with.
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    /// Rally's per-field details (`[{ field, message }]`); Rollout answers `{ error }` only.
    pub details: Vec<(String, String)>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into(), details: Vec::new(), retry_after_secs: None }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }
    pub fn invalid_fields(details: Vec<(String, String)>) -> Self {
        let message = details.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("; ");
        ApiError { details, ..Self::bad_request(message) }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.message });
        if !self.details.is_empty() {
            body["details"] =
                Value::Array(self.details.iter().map(|(f, m)| json!({ "field": f, "message": m })).collect());
        }
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            response.headers_mut().insert("retry-after", HeaderValue::from(secs));
        }
        response
    }
}
