//! Rollout's Universal CRM (`/people`) emulator and its credential store (shared with platform.rs).
//!
//! Documented behaviour is followed as written; choices where the docs are silent (UNVERIFIED) are
//! marked "Choice:" and listed in dev-server/README.md.
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::clock::{iso, now_ms};
use crate::error::ApiError;
use crate::seed::rollout_person;
use crate::tokens::{bearer, verify, Claims};
use crate::{Emulator, Shared};

/// Choice: Rollout documents no page-size maximum; the emulator serves at most 100 per page (and
/// reports the limit it applied in `_metadata.limit`), 100 when `limit` is absent.
pub const MAX_PAGE: usize = 100;

#[derive(Clone, Debug)]
pub struct Credential {
    pub id: String,
    pub tenant: String,
    pub user: String,
    pub app_key: String,
    pub label: Option<String>,
    pub created_ms: u64,
    /// 409 until then: the first sync of a newly connected CRM.
    pub ready_at_ms: u64,
}

impl Credential {
    pub fn to_json(&self) -> Value {
        let mut v = json!({ "id": self.id, "createdAt": iso(self.created_ms), "appKey": self.app_key, "data": {} });
        if let Some(label) = &self.label {
            v["label"] = json!(label);
        }
        v
    }
}

#[derive(Default)]
pub struct RolloutStore {
    pub credentials: Vec<Credential>,
    people: HashMap<String, Vec<Map<String, Value>>>,
    next_credential: u64,
    next_person: u64,
}

impl RolloutStore {
    /// Connects a CRM for a user, seeded with `people` deterministic people.
    pub fn add_credential(
        &mut self,
        tenant: &str,
        user: &str,
        app_key: &str,
        label: Option<String>,
        people: usize,
        ready_at_ms: u64,
    ) -> Credential {
        self.next_credential += 1;
        let n = self.next_credential;
        let credential = Credential {
            id: format!("cred_{n:04}"),
            tenant: tenant.into(),
            user: user.into(),
            app_key: app_key.into(),
            label,
            created_ms: now_ms(),
            ready_at_ms,
        };
        let list = (0..people).map(|i| rollout_person(n, format!("per_{n}_{i:05}"), i)).collect();
        self.people.insert(credential.id.clone(), list);
        self.credentials.push(credential.clone());
        credential
    }

    /// Disconnects a CRM: the credential and its data are gone (its id then answers 403).
    pub fn remove_credential(&mut self, id: &str) {
        self.credentials.retain(|c| c.id != id);
        self.people.remove(id);
    }

    fn people_mut(&mut self, credential: &str) -> &mut Vec<Map<String, Value>> {
        self.people.entry(credential.to_string()).or_default()
    }
}

/// Who is calling, once the gate has let the request through.
#[derive(Clone)]
pub struct CrmCaller {
    credential: String,
}

/// Verifies the bearer JWT and counts the request against the tenant's 50/s.
pub fn authenticate(emu: &mut Emulator, headers: &HeaderMap) -> Result<Claims, ApiError> {
    let settings = &emu.settings;
    let claims = verify(bearer(headers)?, &settings.rollout_client_secret, &settings.rollout_client_id, &emu.tokens)?;
    let limit = settings.rollout_per_second;
    if !emu.rollout_limits.admit(&claims.iss, limit, now_ms()).allowed {
        // Choice: Rollout documents no rate-limit headers or Retry-After, so none are sent.
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("rate limit exceeded: {limit} requests per second per tenant"),
        ));
    }
    Ok(claims)
}

/// The CRM host's gate: token, rate limit, credential (403 when missing, unknown or another user's;
/// 409 while its first sync runs).
pub async fn crm_gate(State(state): State<Shared>, mut request: Request, next: Next) -> Response {
    let caller = {
        let mut emu = state.lock().unwrap();
        authenticate(&mut emu, request.headers()).and_then(|claims| {
            let id = request
                .headers()
                .get("x-rollout-credential-id")
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| ApiError::forbidden("missing X-Rollout-Credential-Id header"))?;
            let credential = emu
                .rollout
                .credentials
                .iter()
                .find(|c| c.id == id && c.user == claims.sub && c.tenant == claims.iss)
                .ok_or_else(|| ApiError::forbidden("invalid credential: reconnect the CRM"))?;
            if now_ms() < credential.ready_at_ms {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "the CRM's data is not ready yet: the first sync is still running, retry in 30–60 seconds",
                ));
            }
            Ok(CrmCaller { credential: credential.id.clone() })
        })
    };
    match caller {
        Ok(caller) => {
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        Err(e) => e.into_response(),
    }
}

// ---- CRM: /people ----

#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<String>,
    offset: Option<String>,
    next: Option<String>,
}

fn encode_cursor(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("v1:{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix("v1:")?.parse().ok()
}

fn parse_count(name: &str, value: Option<&str>) -> Result<Option<usize>, ApiError> {
    value
        .map(|v| {
            v.parse::<usize>().map_err(|_| ApiError::bad_request(format!("{name} must be a non-negative integer")))
        })
        .transpose()
}

pub async fn list_people(
    State(state): State<Shared>,
    Extension(caller): Extension<CrmCaller>,
    Query(query): Query<ListQuery>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let limit = parse_count("limit", query.limit.as_deref())?.unwrap_or(MAX_PAGE);
    if limit == 0 {
        return Err(ApiError::bad_request("limit must be at least 1"));
    }
    let limit = limit.min(MAX_PAGE);
    let offset = match &query.next {
        Some(cursor) => decode_cursor(cursor).ok_or_else(|| ApiError::bad_request("invalid next cursor"))?,
        None => parse_count("offset", query.offset.as_deref())?.unwrap_or(0),
    };
    let mut emu = state.lock().unwrap();
    let people = emu.rollout.people_mut(&caller.credential);
    let total = people.len();
    let page: Vec<Value> = people.iter().skip(offset).take(limit).cloned().map(Value::Object).collect();
    let mut metadata = json!({ "collection": "people", "offset": offset, "limit": limit, "total": total });
    if offset + page.len() < total {
        let next = encode_cursor(offset + page.len());
        let host = headers.get("host").and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1");
        metadata["nextLink"] = json!(format!("http://{host}/crm/api/people?limit={limit}&next={next}"));
        metadata["next"] = json!(next);
    }
    Ok(Json(json!({ "_metadata": metadata, "people": page })))
}

pub async fn get_person(
    State(state): State<Shared>,
    Extension(caller): Extension<CrmCaller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mut emu = state.lock().unwrap();
    let person = emu.rollout.people_mut(&caller.credential).iter().find(|p| p["id"] == id.as_str()).cloned();
    person.map(|p| Json(Value::Object(p))).ok_or_else(|| ApiError::not_found("person"))
}

pub async fn create_person(
    State(state): State<Shared>,
    Extension(caller): Extension<CrmCaller>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let mut person = validate_person(parse_object(&body)?)?;
    let mut emu = state.lock().unwrap();
    emu.rollout.next_person += 1;
    let now = iso(now_ms());
    person.insert("id".into(), json!(format!("per_new_{:05}", emu.rollout.next_person)));
    for field in ["created", "updated", "rolloutUpdated"] {
        person.insert(field.into(), json!(now));
    }
    emu.rollout.people_mut(&caller.credential).push(person.clone());
    // Choice: 201 Created (the docs leave 200 or 201 open).
    Ok((StatusCode::CREATED, Json(Value::Object(person))))
}

/// Choice: PUT replaces the whole person (fields left out are cleared), keeping `id` and `created`.
pub async fn update_person(
    State(state): State<Shared>,
    Extension(caller): Extension<CrmCaller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let mut person = validate_person(parse_object(&body)?)?;
    let mut emu = state.lock().unwrap();
    let slot = emu
        .rollout
        .people_mut(&caller.credential)
        .iter_mut()
        .find(|p| p["id"] == id.as_str())
        .ok_or_else(|| ApiError::not_found("person"))?;
    person.insert("id".into(), json!(id));
    person.insert("created".into(), slot.get("created").cloned().unwrap_or(Value::Null));
    let now = iso(now_ms());
    person.insert("updated".into(), json!(now));
    person.insert("rolloutUpdated".into(), json!(now));
    *slot = person.clone();
    Ok(Json(Value::Object(person)))
}

pub async fn delete_person(
    State(state): State<Shared>,
    Extension(caller): Extension<CrmCaller>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut emu = state.lock().unwrap();
    let people = emu.rollout.people_mut(&caller.credential);
    let before = people.len();
    people.retain(|p| p["id"] != id.as_str());
    if people.len() == before {
        return Err(ApiError::not_found("person"));
    }
    Ok(StatusCode::NO_CONTENT)
}

pub fn parse_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request("request body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request(format!("request body is not valid JSON: {e}"))),
    }
}

pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
}

/// Type checks for the fields the docs list, and the server-derived `name`.
/// Choice: a person needs a first name, a last name or an email (upstream CRMs all require one of them).
fn validate_person(mut body: Map<String, Value>) -> Result<Map<String, Value>, ApiError> {
    for server_owned in ["id", "name", "created", "updated", "rolloutUpdated"] {
        body.remove(server_owned);
    }
    let text = |key: &str| -> Result<Option<String>, ApiError> {
        match body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(_) => Err(ApiError::bad_request(format!("{key} must be a string"))),
        }
    };
    for key in ["companyName", "jobTitle", "stage", "source", "birthday"] {
        text(key)?;
    }
    let first = text("firstName")?;
    let last = text("lastName")?;
    for list in ["emails", "phones"] {
        match body.get(list) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let value = item
                        .get("value")
                        .and_then(Value::as_str)
                        .ok_or_else(|| ApiError::bad_request(format!("{list}[{i}].value must be a string")))?;
                    if list == "emails" && !looks_like_email(value) {
                        return Err(ApiError::bad_request(format!(
                            "{list}[{i}].value is not a valid email address: {value}"
                        )));
                    }
                }
            }
            Some(_) => return Err(ApiError::bad_request(format!("{list} must be an array"))),
        }
    }
    match body.get("tags") {
        None | Some(Value::Null) => {}
        Some(Value::Array(tags)) if tags.iter().all(Value::is_string) => {}
        Some(_) => return Err(ApiError::bad_request("tags must be an array of strings")),
    }
    if let Some(rating) = body.get("rating") {
        if !rating.is_null() && !rating.is_number() {
            return Err(ApiError::bad_request("rating must be a number"));
        }
    }
    let has_email = body.get("emails").and_then(Value::as_array).is_some_and(|e| !e.is_empty());
    if first.is_none() && last.is_none() && !has_email {
        return Err(ApiError::bad_request("a person needs a firstName, a lastName or an email"));
    }
    let name = [first, last].into_iter().flatten().collect::<Vec<_>>().join(" ");
    body.insert("name".into(), if name.is_empty() { Value::Null } else { json!(name) });
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_opaque_and_checked() {
        assert_eq!(decode_cursor(&encode_cursor(300)), Some(300));
        assert_eq!(decode_cursor("300"), None);
    }

    #[test]
    fn validation_derives_the_name_and_rejects_bad_values() {
        let ok = validate_person(
            json!({ "firstName": "Ana", "lastName": "Silva", "name": "ignored" }).as_object().unwrap().clone(),
        )
        .unwrap();
        assert_eq!(ok["name"], "Ana Silva");
        let bad = |v: Value| validate_person(v.as_object().unwrap().clone()).unwrap_err().message;
        assert_eq!(bad(json!({ "companyName": "x" })), "a person needs a firstName, a lastName or an email");
        assert!(bad(json!({ "firstName": "A", "emails": [{ "value": "nope" }] })).contains("not a valid email"));
        assert_eq!(bad(json!({ "firstName": 3 })), "firstName must be a string");
    }
}
