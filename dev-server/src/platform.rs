//! Rollout's platform routes, as `@rollout/link-react` 0.14.0 calls them (../shared/api/rollout-link.md):
//! the connector catalog and its icons, and the user's credentials (list, connect with an API key,
//! delete). The credentials are the CRM emulator's own store, so the id Link hands the host is the
//! one `X-Rollout-Credential-Id` accepts.
//!
//! Errors answer `{ "errors": [{ "message" }] }`, the shape Link reads and shows under its form.
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::clock::now_ms;
use crate::error::ApiError;
use crate::rollout::{authenticate, parse_object, Credential};
use crate::Shared;

/// The demo's API key: every connector accepts it and nothing else (the demo page shows it).
/// Choice: Rollout checks a key against the CRM itself; the emulator has no CRM to ask.
pub const DEMO_API_KEY: &str = "demo-api-key-1234";

/// A connector a user can connect with an API key.
pub struct Connector {
    pub app_key: &'static str,
    pub name: &'static str,
    /// The icon's colour.
    colour: &'static str,
}

/// Choice: only API-key CRMs. OAuth connectors (HubSpot, …) need Rollout's popup flow, which the
/// emulator does not serve.
pub const CONNECTORS: [Connector; 3] = [
    Connector { app_key: "follow-up-boss", name: "Follow Up Boss", colour: "#e8533f" },
    Connector { app_key: "lofty", name: "Lofty", colour: "#2f6fed" },
    Connector { app_key: "boldtrail", name: "BoldTrail", colour: "#0f8a6c" },
];

fn connector(app_key: &str) -> Option<&'static Connector> {
    CONNECTORS.iter().find(|c| c.app_key == app_key)
}

/// A platform error, in the shape Link reads.
pub struct PlatformError(ApiError);

impl From<ApiError> for PlatformError {
    fn from(e: ApiError) -> Self {
        PlatformError(e)
    }
}

impl IntoResponse for PlatformError {
    fn into_response(self) -> Response {
        (self.0.status, Json(json!({ "errors": [{ "message": self.0.message }] }))).into_response()
    }
}

type Answer<T> = Result<T, PlatformError>;

/// `GET /connectors`: the catalog, keyed by appKey.
pub async fn list_connectors(State(state): State<Shared>, headers: HeaderMap) -> Answer<Json<Value>> {
    authenticate(&mut state.lock().unwrap(), &headers)?;
    let people = json!({ "list": true, "create": true, "update": true, "delete": true });
    let catalog: Map<String, Value> = CONNECTORS
        .iter()
        .map(|c| {
            let schema = [json!({ "key": "apiKey", "type": "secret", "label": "API Key", "placeholder": format!("Your {} API key", c.name) })];
            let connector = json!({
                "name": c.name,
                "entities": { "crm": { "people": people } },
                "authByPlan": { "default": { "type": "apiToken", "userInputsSchema": schema } },
            });
            (c.app_key.to_string(), connector)
        })
        .collect();
    Ok(Json(Value::Object(catalog)))
}

/// `GET /connectors/{appKey}/icon`: a generated SVG tile (Link loads it with a plain `<img>`).
pub async fn connector_icon(Path(app_key): Path<String>) -> Response {
    let Some(c) = connector(&app_key) else { return StatusCode::NOT_FOUND.into_response() };
    let words: Vec<&str> = c.name.split_whitespace().collect();
    let initials: String = [words.first(), words.get(1..).and_then(|rest| rest.last())]
        .into_iter()
        .flatten()
        .filter_map(|w| w.chars().next())
        .collect();
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="{}"/><text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">{initials}</text></svg>"##,
        c.colour
    );
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "max-age=3600")], svg).into_response()
}

/// `GET /credentials` (`?includeProfile=true` from Link): the caller's credentials, a bare array.
pub async fn list_credentials(State(state): State<Shared>, headers: HeaderMap) -> Answer<Json<Value>> {
    let mut emu = state.lock().unwrap();
    let claims = authenticate(&mut emu, &headers)?;
    let mine = emu
        .rollout
        .credentials
        .iter()
        .filter(|c| c.user == claims.sub && c.tenant == claims.iss)
        .map(Credential::to_json)
        .collect();
    Ok(Json(Value::Array(mine)))
}

/// `POST /credentials` `{ appKey, userInputs: { apiKey }, plan, entitiesToSync? }`: connects a CRM
/// when its API key is right. Its data then answers 409 for the sync window, as a freshly
/// connected CRM does.
pub async fn create_credential(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer<(StatusCode, Json<Value>)> {
    let mut emu = state.lock().unwrap();
    let claims = authenticate(&mut emu, &headers)?;
    let body = parse_object(&body)?;
    let app_key = body.get("appKey").and_then(Value::as_str).unwrap_or_default();
    let connector = connector(app_key).ok_or_else(|| ApiError::bad_request(format!("unknown appKey \"{app_key}\"")))?;
    let key = body
        .get("userInputs")
        .and_then(|inputs| inputs.get("apiKey"))
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default();
    if key.is_empty() {
        return Err(ApiError::bad_request("API Key is required").into());
    }
    if key != DEMO_API_KEY {
        return Err(ApiError::bad_request(format!(
            "{} did not accept this API key: check it and try again",
            connector.name
        ))
        .into());
    }
    let ready_at = now_ms() + emu.settings.sync_window.as_millis() as u64;
    let people = emu.settings.people;
    let label = format!("{} ({})", connector.name, claims.sub);
    let credential = emu.rollout.add_credential(&claims.iss, &claims.sub, app_key, Some(label), people, ready_at);
    Ok((StatusCode::CREATED, Json(credential.to_json())))
}

#[derive(Deserialize)]
pub struct DeleteQuery {
    #[serde(rename = "credentialId")]
    credential_id: Option<String>,
}

/// `DELETE /credentials?credentialId=ID`: disconnects one of the caller's CRMs.
pub async fn delete_credential(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<DeleteQuery>,
) -> Answer<StatusCode> {
    let mut emu = state.lock().unwrap();
    let claims = authenticate(&mut emu, &headers)?;
    let id =
        q.credential_id.filter(|id| !id.is_empty()).ok_or_else(|| ApiError::bad_request("credentialId is required"))?;
    let mine = emu.rollout.credentials.iter().any(|c| c.id == id && c.user == claims.sub && c.tenant == claims.iss);
    if !mine {
        return Err(ApiError::not_found("credential").into());
    }
    emu.rollout.remove_credential(&id);
    Ok(StatusCode::NO_CONTENT)
}
