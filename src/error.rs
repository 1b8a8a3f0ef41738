//! The one error type of the panel's client layer, with the sentence a user sees for each case.
use crate::json::Json;

#[derive(Clone, Debug, PartialEq)]
pub enum PanelError {
    /// The element's attributes are wrong (message names the attribute).
    Config(String),
    /// The host backend's token route didn't give a usable token.
    SignedOut { token_url: String, reason: String },
    /// 401 even with a freshly fetched token.
    Unauthorized(String),
    /// 403: the CRM connection is invalid or revoked.
    Forbidden(String),
    /// 409: the CRM's first sync hasn't finished.
    Syncing,
    /// 429 still, after backing off.
    RateLimited,
    /// The request never got an answer (offline, DNS, CORS, dropped connection).
    Network(String),
    NotFound(String),
    /// 400/422: the CRM refused the input; `fields` are per-field messages when the API gave them.
    Rejected { message: String, fields: Vec<(String, String)> },
    Server { status: u16, message: String },
    /// An answer that doesn't have the documented shape.
    Malformed(String),
}

impl PanelError {
    /// The HTTP status behind the error (0 when there was no answer), for `panel-error`'s detail.
    pub fn status(&self) -> u16 {
        match self {
            PanelError::Unauthorized(_) => 401,
            PanelError::Forbidden(_) => 403,
            PanelError::NotFound(_) => 404,
            PanelError::Syncing => 409,
            PanelError::RateLimited => 429,
            PanelError::Rejected { .. } => 400,
            PanelError::Server { status, .. } => *status,
            _ => 0,
        }
    }

    /// Network failures, 429 and 5xx may succeed if tried again.
    pub fn is_transient(&self) -> bool {
        matches!(self, PanelError::Network(_) | PanelError::RateLimited) || matches!(self, PanelError::Server { status, .. } if *status >= 500)
    }

    /// What the user reads: what happened and what to do.
    pub fn message(&self) -> String {
        match self {
            PanelError::Config(m) => m.clone(),
            PanelError::SignedOut { token_url, reason } => {
                format!("Sign-in needed: the token route {token_url} {reason}. Sign in to the app again, then retry.")
            }
            PanelError::Unauthorized(m) => format!("Your session was not accepted by the CRM ({m}). Sign in again, then retry."),
            PanelError::Forbidden(m) => format!("Reconnect your CRM: the connection is no longer valid ({m})."),
            PanelError::Syncing => "Your CRM is still syncing. People appear here as soon as the first sync finishes.".into(),
            PanelError::RateLimited => "The CRM is receiving too many requests right now. Wait a moment, then retry.".into(),
            PanelError::Network(m) => format!("Can't reach the CRM ({m}). Check your connection, then retry."),
            PanelError::NotFound(m) => format!("Not found: {m}."),
            PanelError::Rejected { message, .. } => format!("The CRM refused this: {message}"),
            PanelError::Server { status, message } => format!("The CRM had a problem (HTTP {status}: {message}). Retry in a moment."),
            PanelError::Malformed(m) => format!("The CRM sent an answer the panel can't read ({m})."),
        }
    }

    /// Builds the error for a non-2xx answer from its status and body (`{ error }`, `{ message }`,
    /// Rally's `details`), never echoing an HTML error page.
    pub fn from_response(status: u16, body: &str) -> PanelError {
        let json = Json::parse(body).unwrap_or_else(|_| Json::null());
        let message = json.text("error").or_else(|| json.text("message")).unwrap_or_else(|| match status {
            401 => "token rejected".into(),
            403 => "access denied".into(),
            404 => "no such record".into(),
            _ => format!("HTTP {status}"),
        });
        let fields = json.get("details").items().unwrap_or_default().iter().filter_map(|d| Some((d.text("field")?, d.text("message")?))).collect();
        match status {
            400 | 422 => PanelError::Rejected { message, fields },
            401 => PanelError::Unauthorized(message),
            403 => PanelError::Forbidden(message),
            404 => PanelError::NotFound(message),
            409 => PanelError::Syncing,
            429 => PanelError::RateLimited,
            _ => PanelError::Server { status, message },
        }
    }
}

impl std::fmt::Display for PanelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_statuses_and_reads_both_body_styles() {
        assert_eq!(PanelError::from_response(403, r#"{"error":"invalid credential"}"#), PanelError::Forbidden("invalid credential".into()));
        assert_eq!(PanelError::from_response(409, "{}"), PanelError::Syncing);
        let rally = PanelError::from_response(400, r#"{"message":"Validation failed","details":[{"field":"email","message":"email is required"}]}"#);
        assert_eq!(rally, PanelError::Rejected { message: "Validation failed".into(), fields: vec![("email".into(), "email is required".into())] });
        let html = PanelError::from_response(502, "<html><body>Bad gateway</body></html>");
        assert_eq!(html.message(), "The CRM had a problem (HTTP 502: HTTP 502). Retry in a moment.");
        assert!(html.is_transient() && !PanelError::Syncing.is_transient());
    }
}
