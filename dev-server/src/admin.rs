//! Loopback-only admin routes for tests and the demo: reset, seed, faults, limits, token revocation,
//! and the request log.
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::now_ms;
use crate::error::ApiError;
use crate::faults::{FaultSettings, Faults};
use crate::{Emulator, Shared};

pub fn routes(state: Shared) -> Router<Shared> {
    Router::new()
        .route("/reset", post(reset))
        .route("/credentials", post(add_credential))
        .route("/rally/tenants", post(seed_rally_tenant))
        .route("/faults", put(set_faults))
        .route("/limits", put(set_limits))
        .route("/revoke-tokens", post(revoke_tokens))
        .route("/sessions", put(sign_in))
        .route("/log", get(read_log).delete(clear_log))
        .layer(axum::middleware::from_fn_with_state(state, loopback_only))
}

async fn loopback_only(ConnectInfo(peer): ConnectInfo<SocketAddr>, request: Request, next: Next) -> Response {
    if peer.ip().is_loopback() {
        next.run(request).await
    } else {
        ApiError::forbidden("admin routes answer loopback clients only").into_response()
    }
}

/// Back to the default seed, with no faults and the documented limits.
async fn reset(State(state): State<Shared>) -> StatusCode {
    let mut emu = state.lock().unwrap();
    let settings = emu.settings.clone();
    *emu = Emulator::new(settings);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewCredential {
    user: String,
    app_key: Option<String>,
    label: Option<String>,
    people: Option<usize>,
    /// Answer 409 for this long, as a freshly connected CRM does.
    syncing_ms: Option<u64>,
}

async fn add_credential(State(state): State<Shared>, Json(body): Json<NewCredential>) -> (StatusCode, Json<Value>) {
    let mut emu = state.lock().unwrap();
    let tenant = emu.settings.rollout_client_id.clone();
    let people = body.people.unwrap_or(emu.settings.people);
    let ready_at = now_ms() + body.syncing_ms.unwrap_or(0);
    let c = emu.rollout.add_credential(
        &tenant,
        &body.user,
        body.app_key.as_deref().unwrap_or("follow-up-boss"),
        body.label,
        people,
        ready_at,
    );
    (StatusCode::CREATED, Json(json!({ "id": c.id, "appKey": c.app_key, "label": c.label })))
}

#[derive(Deserialize)]
struct RallyTenant {
    tenant: String,
    people: usize,
}

async fn seed_rally_tenant(State(state): State<Shared>, Json(body): Json<RallyTenant>) -> StatusCode {
    state.lock().unwrap().rally.seed(&body.tenant, body.people);
    StatusCode::NO_CONTENT
}

async fn set_faults(State(state): State<Shared>, Json(settings): Json<FaultSettings>) -> StatusCode {
    state.lock().unwrap().faults = Faults::new(settings);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    rollout_per_second: Option<u32>,
    rally_per_minute: Option<u32>,
    rally_window_ms: Option<u64>,
    sync_window_ms: Option<u64>,
}

async fn set_limits(State(state): State<Shared>, Json(limits): Json<Limits>) -> StatusCode {
    let settings = &mut state.lock().unwrap().settings;
    if let Some(n) = limits.rollout_per_second {
        settings.rollout_per_second = n;
    }
    if let Some(n) = limits.rally_per_minute {
        settings.rally_per_minute = n;
    }
    if let Some(ms) = limits.rally_window_ms {
        settings.rally_window_ms = ms.max(1000);
    }
    if let Some(ms) = limits.sync_window_ms {
        settings.sync_window = Duration::from_millis(ms);
    }
    StatusCode::NO_CONTENT
}

async fn revoke_tokens(State(state): State<Shared>) -> StatusCode {
    state.lock().unwrap().tokens.revoke_all();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct SignIn {
    session: String,
    user: String,
}

/// Signs `user` in to a browser session: the token routes called with `?session=` mint for them.
async fn sign_in(State(state): State<Shared>, Json(body): Json<SignIn>) -> StatusCode {
    state.lock().unwrap().tokens.sessions.insert(body.session, body.user);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct LogQuery {
    user: Option<String>,
}

async fn read_log(State(state): State<Shared>, Query(q): Query<LogQuery>) -> Json<Value> {
    let summary = state.lock().unwrap().log.summary(q.user.as_deref());
    Json(serde_json::to_value(summary).unwrap_or_default())
}

async fn clear_log(State(state): State<Shared>) -> StatusCode {
    state.lock().unwrap().log.entries.clear();
    StatusCode::NO_CONTENT
}
