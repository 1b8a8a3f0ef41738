//! The request log tests read: every call to the emulators and token routes, with its outcome.
use std::collections::BTreeMap;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::Shared;

/// Set on a response by whoever knows the user (token routes, auth gates), so the log can say whose
/// request it was and tests can count their own requests only.
#[derive(Clone)]
pub struct LogUser(pub String);

/// Set on a response by the fault injector, so the log can tell injected failures from real ones.
#[derive(Clone, Copy)]
pub struct Injected(pub &'static str);

#[derive(Clone, Serialize)]
pub struct Entry {
    pub method: String,
    pub path: String,
    pub query: String,
    /// 0 for a connection dropped on purpose.
    pub status: u16,
    pub user: Option<String>,
    pub micros: u64,
    /// Response body size, to measure what a refresh moved.
    pub bytes: u64,
    pub injected: Option<&'static str>,
}

#[derive(Default)]
pub struct RequestLog {
    pub entries: Vec<Entry>,
}

#[derive(Serialize)]
pub struct Summary {
    pub requests: usize,
    pub token_requests: usize,
    pub by_status: BTreeMap<u16, usize>,
    pub injected: BTreeMap<&'static str, usize>,
    pub server_micros: u64,
    pub entries: Vec<Entry>,
}

impl RequestLog {
    pub fn summary(&self, user: Option<&str>) -> Summary {
        let mine: Vec<Entry> =
            self.entries.iter().filter(|e| user.is_none() || e.user.as_deref() == user).cloned().collect();
        let mut by_status = BTreeMap::new();
        let mut injected = BTreeMap::new();
        for e in &mine {
            *by_status.entry(e.status).or_default() += 1;
            if let Some(kind) = e.injected {
                *injected.entry(kind).or_default() += 1;
            }
        }
        Summary {
            requests: mine.len(),
            token_requests: mine.iter().filter(|e| e.path.ends_with("-token")).count(),
            by_status,
            injected,
            server_micros: mine.iter().map(|e| e.micros).sum(),
            entries: mine,
        }
    }
}

/// Whose request this is, for the log only: the `sub` of the bearer token, read without verification.
pub fn user_hint(request: &Request) -> Option<String> {
    use base64::Engine;
    let token = crate::tokens::bearer(request.headers()).ok()?;
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token.split('.').nth(1)?).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&payload).ok()?;
    claims.get("sub")?.as_str().map(str::to_string)
}

pub async fn record(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let hint = user_hint(&request);
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let injected = response.extensions().get::<Injected>().map(|i| i.0);
    let entry = Entry {
        method,
        path,
        query,
        status: if injected == Some("drop") { 0 } else { response.status().as_u16() },
        user: response.extensions().get::<LogUser>().map(|u| u.0.clone()).or(hint),
        micros: started.elapsed().as_micros() as u64,
        bytes: axum::body::HttpBody::size_hint(response.body()).exact().unwrap_or(0),
        injected,
    };
    state.lock().unwrap().log.entries.push(entry);
    response
}
