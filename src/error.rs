//! The one error type of the panel's client layer, with the sentence a user sees for each case
//! (in the panel's language: i18n.rs).
use crate::config::ConfigError;
use crate::i18n::{text, Arg, Words};
use crate::json::Json;

#[derive(Clone, Debug, PartialEq)]
pub enum PanelError {
    /// The element's attributes are wrong (the message names the attribute).
    Config(ConfigError),
    /// The host backend's token route didn't give a usable token: `reason` is a message id
    /// (`token.*`), `status` the route's HTTP status when that is the reason.
    SignedOut {
        token_url: String,
        reason: &'static str,
        status: u16,
    },
    /// 401 even with a freshly fetched token.
    Unauthorized(String),
    /// Rollout's 403: the CRM connection is invalid or revoked.
    Forbidden(String),
    /// Rally's 403: the signed-in user's role lacks the scope for this (a read-only user writing).
    NotPermitted(String),
    /// 409: the CRM's first sync hasn't finished.
    Syncing,
    /// 429 still, after backing off.
    RateLimited,
    /// The request never got an answer (offline, DNS, CORS, dropped connection), or a lost create
    /// could not be checked: why, as a message id (`network.*`).
    Network(&'static str),
    NotFound(String),
    /// 400/422: the CRM refused the input; `fields` are per-field messages when the API gave them.
    Rejected {
        message: String,
        fields: Vec<(String, String)>,
    },
    Server {
        status: u16,
        message: String,
    },
    /// An answer that doesn't have the documented shape.
    Malformed(String),
    /// Not sent, or its answer not used: the user signed out or another user signed in meanwhile.
    Dropped,
    /// The part of the panel's code that does this could not be fetched (later.rs).
    CodeMissing,
}

impl PanelError {
    /// The HTTP status behind the error (0 when there was no answer), for `panel-error`'s detail.
    pub fn status(&self) -> u16 {
        match self {
            PanelError::Unauthorized(_) => 401,
            PanelError::Forbidden(_) | PanelError::NotPermitted(_) => 403,
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
        matches!(self, PanelError::Network(_) | PanelError::RateLimited)
            || matches!(self, PanelError::Server { status, .. } if *status >= 500)
    }

    /// Whether a failed write may have been applied all the same (no answer, or a 5xx after it
    /// arrived): the one place that decides it. Such a write is never simply sent again.
    pub fn may_have_applied(&self) -> bool {
        matches!(self, PanelError::Network(_)) || matches!(self, PanelError::Server { status, .. } if *status >= 500)
    }

    /// Why, in a few words, for a sentence that says what could not be done.
    pub fn reason(&self) -> Arg {
        match self {
            PanelError::Network(id) => Arg::Id(id),
            PanelError::Server { status, .. } => Arg::Text(format!("HTTP {status}")),
            other => Arg::Error(other.clone()),
        }
    }

    /// What the user reads: one sentence of what happened, then what to do. The server's own words
    /// are added in brackets only when they say more than the sentence does.
    pub fn message(&self, words: &Words) -> String {
        let said = |id: &'static str, words_of_server: &str, status: u16| {
            words.tf(id, [("detail", text(&detail(words_of_server, status)))])
        };
        match self {
            PanelError::Config(wrong) => wrong.message(words),
            PanelError::SignedOut { token_url, reason, status } => {
                let reason = words.tf(reason, [("status", text(&status.to_string()))]);
                words.tf("error.signed-out", [("url", text(token_url)), ("reason", text(&reason))])
            }
            PanelError::Unauthorized(m) => said("error.unauthorized", m, 401),
            PanelError::Forbidden(m) => said("error.forbidden", m, 403),
            PanelError::NotPermitted(m) => said("error.not-permitted", m, 403),
            PanelError::Syncing => words.t("error.syncing"),
            PanelError::RateLimited => words.t("error.rate-limited"),
            PanelError::Network(id) => words.tf("error.network", [("detail", text(&format!(" ({})", words.t(id))))]),
            PanelError::NotFound(m) => said("error.not-found", m, 404),
            PanelError::Rejected { message, .. } => said("error.rejected", message, 400),
            PanelError::Server { status, message } => words.tf(
                "error.server",
                [("status", text(&status.to_string())), ("detail", text(&detail(message, *status)))],
            ),
            PanelError::Malformed(m) => said("error.malformed", m, 0),
            PanelError::Dropped => words.t("error.dropped"),
            PanelError::CodeMissing => words.t("error.code-missing"),
        }
    }

    /// Builds the error for a non-2xx answer from its status and body (`{ error }`, `{ message }`,
    /// Rally's `details`, the Rollout platform's `{ errors: [{ message }] }`), never echoing an HTML
    /// error page.
    pub fn from_response(status: u16, body: &str) -> PanelError {
        let json = Json::parse(body).unwrap_or_else(|_| Json::null());
        // The server's words, from JSON only: an HTML error page is never echoed.
        let first_of_errors = || json.get("errors").items().and_then(|errors| errors.first()?.text("message"));
        let message = json.text("error").or_else(|| json.text("message")).or_else(first_of_errors).unwrap_or_default();
        let fields = json
            .get("details")
            .items()
            .unwrap_or_default()
            .iter()
            .filter_map(|d| Some((d.text("field")?, d.text("message")?)))
            .collect();
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

/// The standard reason phrase of an HTTP status (what servers put in a body that says nothing more).
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        409 => "conflict",
        422 => "unprocessable entity",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => "",
    }
}

/// `" (server's words)"`, or nothing when they are empty or only repeat the status ("Not Found",
/// "HTTP 404", "Error"), so no message says the same thing twice.
pub(crate) fn detail(words: &str, status: u16) -> String {
    let plain: String =
        words.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect::<String>().trim().to_ascii_lowercase();
    let empty = ["", "error", "an error occurred"];
    if empty.contains(&plain.as_str())
        || plain == reason_phrase(status)
        || plain == format!("http {status}")
        || plain == status.to_string()
    {
        return String::new();
    }
    format!(" ({})", words.trim().trim_end_matches('.'))
}

impl std::fmt::Display for PanelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&Words::default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_statuses_and_reads_both_body_styles() {
        assert_eq!(
            PanelError::from_response(403, r#"{"error":"invalid credential"}"#),
            PanelError::Forbidden("invalid credential".into())
        );
        let platform = PanelError::from_response(401, r#"{"errors":[{"message":"token expired"}]}"#);
        assert_eq!(platform, PanelError::Unauthorized("token expired".into()));
        assert_eq!(PanelError::from_response(409, "{}"), PanelError::Syncing);
        let rally = PanelError::from_response(
            400,
            r#"{"message":"Validation failed","details":[{"field":"email","message":"email is required"}]}"#,
        );
        assert_eq!(
            rally,
            PanelError::Rejected {
                message: "Validation failed".into(),
                fields: vec![("email".into(), "email is required".into())]
            }
        );
        let html = PanelError::from_response(502, "<html><body>Bad gateway</body></html>");
        assert_eq!(html.message(&Words::default()), "The CRM had a problem (HTTP 502). Retry in a moment.");
        assert!(html.is_transient() && !PanelError::Syncing.is_transient());
    }

    #[test]
    fn every_message_is_one_sentence_whatever_the_body_holds() {
        for body in [
            "",
            "<html>Not Found</html>",
            r#"{"error":"Not found"}"#,
            r#"{"message":"HTTP 404"}"#,
            r#"{"error":"Not Found."}"#,
        ] {
            assert_eq!(
                PanelError::from_response(404, body).message(&Words::default()),
                "The CRM has no such record: it may have been deleted elsewhere.",
                "{body}"
            );
        }
        let said_more = PanelError::from_response(404, r#"{"error":"person p-9 was merged into p-2"}"#);
        assert_eq!(
            said_more.message(&Words::default()),
            "The CRM has no such record (person p-9 was merged into p-2): it may have been deleted elsewhere."
        );
        assert_eq!(
            PanelError::from_response(500, r#"{"error":"Internal Server Error"}"#).message(&Words::default()),
            "The CRM had a problem (HTTP 500). Retry in a moment."
        );
        assert_eq!(
            PanelError::from_response(401, "").message(&Words::default()),
            "The CRM did not accept your session. Sign in again, then retry."
        );
        assert_eq!(
            PanelError::from_response(400, r#"{"error":"email is invalid."}"#).message(&Words::default()),
            "The CRM refused this (email is invalid)."
        );
    }
}
