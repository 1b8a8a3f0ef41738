//! Fault injection for tests: error rates, latency and dropped connections, deterministic from a seed.
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Deserialize;

use crate::error::ApiError;
use crate::log::{user_hint, Injected};
use crate::Shared;

/// A response whose connection breaks after the first bytes: the client gets no usable answer.
/// (Closing the socket before any byte is not enough: browsers silently resend a request, even a
/// POST, when a reused connection closes without answering.)
fn cut_off_response() -> Response {
    // The pause lets the status line and the first byte go out before the connection breaks.
    let chunks = futures_util::stream::unfold(0, |step| async move {
        match step {
            0 => Some((Ok("{"), 1)),
            1 => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                Some((Err(std::io::Error::other("injected dropped connection")), 2))
            }
            _ => None,
        }
    });
    let mut response = Response::new(axum::body::Body::from_stream(chunks));
    response.headers_mut().insert("content-type", "application/json".parse().unwrap());
    response.extensions_mut().insert(Injected("drop"));
    response
}

/// What the admin route sets. Rates are probabilities in 0..=1, drawn per request.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FaultSettings {
    /// Only requests of this user (the bearer token's `sub`) are affected, so tests don't disturb
    /// each other; all requests when unset.
    pub user: Option<String>,
    pub seed: u64,
    pub rate500: f64,
    pub rate503: f64,
    pub rate429: f64,
    pub latency_ms: u64,
    /// Drop this many connections, counting only requests of `drop_method` (any when unset).
    pub drop_count: u32,
    pub drop_method: Option<String>,
    /// Drop after the request was processed (the write happened, the client never hears of it).
    pub drop_after: bool,
    /// Answer the next matching requests with this error instead of processing them, as an upstream
    /// CRM's own rules or a revoked connection would (e.g. a 400 for a field the CRM requires). One
    /// script or a list of them; the first that matches a request answers it.
    #[serde(deserialize_with = "one_or_many")]
    pub fail_next: Vec<FailNext>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<FailNext>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(FailNext),
        Many(Vec<FailNext>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(f)) => vec![f],
        Some(OneOrMany::Many(fs)) => fs,
    })
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FailNext {
    pub count: u32,
    pub method: Option<String>,
    /// Only requests whose path starts with this (e.g. `/crm/api/people/` for reads by id).
    pub path_prefix: Option<String>,
    pub status: u16,
    pub error: String,
    /// Process the request first, then answer the error: a server that stored a create and still
    /// answered 500.
    pub after: bool,
}

pub struct Faults {
    pub settings: FaultSettings,
    rng: StdRng,
}

impl Default for Faults {
    fn default() -> Self {
        Self::new(FaultSettings::default())
    }
}

enum Decision {
    Pass,
    Fail(StatusCode),
    Scripted { status: StatusCode, message: String, after: bool },
    Drop { after: bool },
}

impl Faults {
    pub fn new(settings: FaultSettings) -> Self {
        Faults { rng: StdRng::seed_from_u64(settings.seed), settings }
    }

    fn decide(&mut self, method: &str, path: &str) -> Decision {
        let s = &mut self.settings;
        let matching = |f: &FailNext| {
            f.count > 0
                && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
                && f.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
        };
        if let Some(fail) = s.fail_next.iter_mut().find(|f| matching(f)) {
            fail.count -= 1;
            let status = StatusCode::from_u16(fail.status).unwrap_or(StatusCode::BAD_REQUEST);
            return Decision::Scripted { status, message: fail.error.clone(), after: fail.after };
        }
        if s.drop_count > 0 && s.drop_method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method)) {
            s.drop_count -= 1;
            return Decision::Drop { after: s.drop_after };
        }
        let roll: f64 = self.rng.random();
        let s = &self.settings;
        if roll < s.rate500 {
            Decision::Fail(StatusCode::INTERNAL_SERVER_ERROR)
        } else if roll < s.rate500 + s.rate503 {
            Decision::Fail(StatusCode::SERVICE_UNAVAILABLE)
        } else if roll < s.rate500 + s.rate503 + s.rate429 {
            Decision::Fail(StatusCode::TOO_MANY_REQUESTS)
        } else {
            Decision::Pass
        }
    }
}

pub async fn inject(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let targeted = {
        let mut emu = state.lock().unwrap();
        let faults = &mut emu.faults;
        faults
            .settings
            .user
            .as_ref()
            .is_none_or(|u| user_hint(&request).as_ref() == Some(u))
            .then(|| (faults.decide(request.method().as_str(), request.uri().path()), faults.settings.latency_ms))
    };
    let Some((decision, latency)) = targeted else { return next.run(request).await };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match decision {
        Decision::Pass => next.run(request).await,
        Decision::Fail(status) => {
            let mut error =
                ApiError::new(status, format!("injected fault: {}", status.canonical_reason().unwrap_or("")));
            if status == StatusCode::TOO_MANY_REQUESTS {
                error.retry_after_secs = Some(1);
            }
            let mut response = error.into_response();
            response.extensions_mut().insert(Injected(match status.as_u16() {
                500 => "500",
                503 => "503",
                _ => "429",
            }));
            response
        }
        Decision::Scripted { status, message, after } => {
            if after {
                let _ = next.run(request).await;
            }
            let mut response = ApiError::new(status, message).into_response();
            response.extensions_mut().insert(Injected("scripted"));
            response
        }
        Decision::Drop { after } => {
            if after {
                let _ = next.run(request).await;
            }
            cut_off_response()
        }
    }
}
