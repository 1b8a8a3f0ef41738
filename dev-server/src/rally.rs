//! Rally CRM's REST API emulator: `/contacts`, `/sync/changes`, per-tenant 1,000 requests/minute with
//! `X-RateLimit-*` on every response. Mounted at `/rally/api/v1` and at the unversioned `/rally/api`.
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::clock::{iso, now_ms, parse_iso};
use crate::error::ApiError;
use crate::limits::Admission;
use crate::log::LogUser;
use crate::rollout::{looks_like_email, parse_object};
use crate::seed::rally_contact;
use crate::settings::{DEMO_RALLY_API_KEY, DEMO_RALLY_TENANT};
use crate::tokens::{bearer, verify, RALLY_ISSUER};
use crate::{Emulator, Shared};

pub const MAX_PAGE: usize = 100;
const FIELDS: &[&str] = &[
    "id",
    "tenantId",
    "firstName",
    "lastName",
    "fullName",
    "email",
    "phone",
    "mobile",
    "title",
    "department",
    "linkedInUrl",
    "twitterHandle",
    "address",
    "city",
    "state",
    "country",
    "postalCode",
    "companyId",
    "lifecycleStage",
    "leadSource",
    "leadScore",
    "tags",
    "notes",
    "ownerId",
    "createdAt",
    "updatedAt",
];

struct Contact {
    updated_ms: u64,
    fields: Map<String, Value>,
}

struct Change {
    seq: u64,
    entity_id: String,
    action: &'static str,
    changed_ms: u64,
    changed_by: String,
}

#[derive(Default)]
pub struct Tenant {
    contacts: Vec<Contact>,
    changes: Vec<Change>,
    rng: Option<StdRng>,
}

impl Tenant {
    fn seeded(name: &str, people: usize) -> Self {
        let seed = name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
        let mut tenant = Tenant { rng: Some(StdRng::seed_from_u64(seed)), ..Default::default() };
        for i in 0..people {
            let (mut fields, at_ms) = rally_contact(seed, i);
            fields.insert("id".into(), json!(tenant.guid()));
            fields.insert("tenantId".into(), json!(name));
            tenant.contacts.push(Contact { updated_ms: at_ms, fields });
        }
        tenant
    }

    fn guid(&mut self) -> String {
        let rng = self.rng.get_or_insert_with(|| StdRng::seed_from_u64(0));
        let (a, b, c, d, e): (u32, u16, u16, u16, u64) =
            (rng.random(), rng.random(), rng.random(), rng.random(), rng.random());
        format!("{a:08x}-{b:04x}-4{:03x}-a{:03x}-{:012x}", c & 0xfff, d & 0xfff, e & 0xffff_ffff_ffff)
    }

    fn record(&mut self, entity_id: &str, action: &'static str, by: &str, at_ms: u64) {
        let seq = self.changes.len() as u64 + 1;
        self.changes.push(Change {
            seq,
            entity_id: entity_id.into(),
            action,
            changed_ms: at_ms,
            changed_by: by.into(),
        });
    }

    fn find(&mut self, id: &str) -> Result<&mut Contact, ApiError> {
        self.contacts.iter_mut().find(|c| c.fields["id"] == id).ok_or_else(|| ApiError::not_found("contact"))
    }
}

#[derive(Default)]
pub struct RallyStore {
    tenants: HashMap<String, Tenant>,
}

impl RallyStore {
    /// (Re)seeds a tenant with `people` deterministic contacts.
    pub fn seed(&mut self, tenant: &str, people: usize) {
        self.tenants.insert(tenant.to_string(), Tenant::seeded(tenant, people));
    }
}

#[derive(Clone)]
pub struct RallyCaller {
    tenant: String,
    who: String,
    can_write: bool,
}

/// API keys (server-to-server only: the CORS policy doesn't let a browser send `X-Api-Key`).
fn key_tenant(key: &str) -> Option<(&'static str, bool)> {
    match key {
        DEMO_RALLY_API_KEY => Some((DEMO_RALLY_TENANT, true)),
        k if k == format!("{DEMO_RALLY_API_KEY}_readonly") => Some((DEMO_RALLY_TENANT, false)),
        _ => None,
    }
}

fn authenticate(emu: &Emulator, headers: &HeaderMap) -> Result<RallyCaller, ApiError> {
    if let Some(key) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        let (tenant, can_write) = key_tenant(key).ok_or_else(|| ApiError::unauthorized("invalid API key"))?;
        return Ok(RallyCaller { tenant: tenant.into(), who: "api-key".into(), can_write });
    }
    let claims = verify(bearer(headers)?, &emu.settings.rally_jwt_secret, RALLY_ISSUER, &emu.tokens)?;
    let tenant = claims.tenant.ok_or_else(|| ApiError::unauthorized("token has no tenant"))?;
    // A token without scopes is a full user's, as before scopes existed.
    let can_write = claims.scope.as_deref().is_none_or(|scope| scope.split(' ').any(|s| s == "write" || s == "admin"));
    Ok(RallyCaller { tenant, who: claims.sub, can_write })
}

fn rate_headers(response: &mut Response, a: Admission) {
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(a.limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(a.remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(a.reset_secs));
}

/// Authentication, scope, and the tenant's 1,000/minute with its headers on every response.
pub async fn gate(State(state): State<Shared>, mut request: Request, next: Next) -> Response {
    let checked = {
        let mut emu = state.lock().unwrap();
        authenticate(&emu, request.headers()).map(|caller| {
            let people = emu.settings.people;
            emu.rally.tenants.entry(caller.tenant.clone()).or_insert_with(|| Tenant::seeded(&caller.tenant, people));
            let (limit, window) = (emu.settings.rally_per_minute, emu.settings.rally_window_ms);
            let admission = emu.rally_limits.admit(&caller.tenant, limit, window, now_ms());
            (caller, admission)
        })
    };
    let (caller, admission) = match checked {
        Ok(ok) => ok,
        Err(e) => return e.into_response(),
    };
    let mut response = if !admission.allowed {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("rate limit of {} requests per window exceeded", admission.limit),
        );
        e.retry_after_secs = Some(admission.reset_secs.saturating_sub(now_ms() / 1000).max(1));
        e.into_response()
    } else if request.method() != Method::GET && !caller.can_write {
        ApiError::forbidden("insufficient scope: this key lacks the write scope").into_response()
    } else {
        request.extensions_mut().insert(caller.clone());
        next.run(request).await
    };
    rate_headers(&mut response, admission);
    response.extensions_mut().insert(LogUser(caller.who));
    response
}

fn tenant<'a>(emu: &'a mut Emulator, caller: &RallyCaller) -> &'a mut Tenant {
    emu.rally.tenants.entry(caller.tenant.clone()).or_default()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListQuery {
    limit: Option<String>,
    offset: Option<String>,
    updated_since: Option<String>,
    fields: Option<String>,
}

fn parse_limit(value: Option<&str>, max: usize) -> Result<usize, ApiError> {
    match value {
        None => Ok(max.min(MAX_PAGE)),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| ApiError::bad_request(format!("limit must be an integer from 1 to {max}"))),
    }
}

fn parse_since(value: Option<&str>, name: &str) -> Result<Option<u64>, ApiError> {
    value
        .map(|v| {
            parse_iso(v).ok_or_else(|| {
                ApiError::bad_request(format!("{name} must be an ISO-8601 UTC instant such as 2026-01-01T00:00:00Z"))
            })
        })
        .transpose()
}

fn project(fields: &Map<String, Value>, wanted: Option<&[&str]>) -> Value {
    match wanted {
        None => Value::Object(fields.clone()),
        Some(names) => {
            Value::Object(names.iter().filter_map(|n| fields.get(*n).map(|v| (n.to_string(), v.clone()))).collect())
        }
    }
}

/// Choice: the list envelope (UNVERIFIED) is `{ "data": [...], "total", "limit", "offset" }`.
pub async fn list_contacts(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let limit = parse_limit(q.limit.as_deref(), MAX_PAGE)?;
    let offset = q
        .offset
        .as_deref()
        .map(|v| v.parse::<usize>().map_err(|_| ApiError::bad_request("offset must be a non-negative integer")))
        .transpose()?
        .unwrap_or(0);
    let since = parse_since(q.updated_since.as_deref(), "updatedSince")?;
    let wanted: Option<Vec<&str>> =
        q.fields.as_deref().map(|f| f.split(',').map(str::trim).filter(|f| !f.is_empty()).collect());
    if let Some(unknown) = wanted.iter().flatten().find(|f| !FIELDS.contains(f)) {
        return Err(ApiError::bad_request(format!("unknown field in fields: {unknown}")));
    }
    let mut emu = state.lock().unwrap();
    let tenant = tenant(&mut emu, &caller);
    let matching: Vec<&Contact> = tenant.contacts.iter().filter(|c| since.is_none_or(|s| c.updated_ms > s)).collect();
    let page: Vec<Value> =
        matching.iter().skip(offset).take(limit).map(|c| project(&c.fields, wanted.as_deref())).collect();
    Ok(Json(json!({ "data": page, "total": matching.len(), "limit": limit, "offset": offset })))
}

pub async fn get_contact(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    Path(id): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let wanted: Option<Vec<&str>> = q.fields.as_deref().map(|f| f.split(',').map(str::trim).collect());
    let mut emu = state.lock().unwrap();
    let contact = tenant(&mut emu, &caller).find(&id)?;
    Ok(Json(project(&contact.fields, wanted.as_deref())))
}

/// Required `firstName`, `lastName`, `email`; `leadScore` 0–100; `tags` a comma-separated string.
fn validate(fields: &Map<String, Value>) -> Result<(), ApiError> {
    let mut problems = Vec::new();
    for required in ["firstName", "lastName", "email"] {
        match fields.get(required) {
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            _ => problems.push((required.to_string(), format!("{required} is required"))),
        }
    }
    if let Some(email) = fields.get("email").and_then(Value::as_str).filter(|e| !e.trim().is_empty()) {
        if !looks_like_email(email) {
            problems.push(("email".into(), format!("email is not a valid address: {email}")));
        }
    }
    if let Some(score) = fields.get("leadScore").filter(|v| !v.is_null()) {
        if score.as_u64().is_none_or(|s| s > 100) {
            problems.push(("leadScore".into(), "leadScore must be an integer from 0 to 100".into()));
        }
    }
    if fields.get("tags").is_some_and(|t| !t.is_null() && !t.is_string()) {
        problems.push(("tags".into(), "tags must be a comma-separated string".into()));
    }
    for (key, _) in fields.iter().filter(|(k, _)| !FIELDS.contains(&k.as_str())) {
        problems.push((key.clone(), format!("{key} is not a contact field")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid_fields(problems))
    }
}

pub async fn create_contact(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let mut fields = parse_object(&body)?;
    for server_owned in ["id", "tenantId", "fullName", "createdAt", "updatedAt"] {
        fields.remove(server_owned);
    }
    validate(&fields)?;
    fields.entry("lifecycleStage").or_insert(json!("lead"));
    let full = format!(
        "{} {}",
        fields["firstName"].as_str().unwrap_or("").trim(),
        fields["lastName"].as_str().unwrap_or("").trim()
    );
    fields.insert("fullName".into(), json!(full));
    let now = now_ms();
    let mut emu = state.lock().unwrap();
    let tenant_name = caller.tenant.clone();
    let tenant = tenant(&mut emu, &caller);
    let id = tenant.guid();
    fields.insert("id".into(), json!(id));
    fields.insert("tenantId".into(), json!(tenant_name));
    fields.insert("createdAt".into(), json!(iso(now)));
    fields.insert("updatedAt".into(), json!(iso(now)));
    tenant.contacts.push(Contact { updated_ms: now, fields: fields.clone() });
    tenant.record(&id, "inserted", &caller.who, now);
    Ok((StatusCode::CREATED, Json(Value::Object(fields))))
}

/// Choice: PUT merges the fields it is given (Rally's docs don't say full or partial); the result
/// must still carry the required fields.
pub async fn update_contact(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let mut changes = parse_object(&body)?;
    for server_owned in ["id", "tenantId", "fullName", "createdAt", "updatedAt"] {
        changes.remove(server_owned);
    }
    let now = now_ms();
    let mut emu = state.lock().unwrap();
    let tenant = tenant(&mut emu, &caller);
    let contact = tenant.find(&id)?;
    let mut merged = contact.fields.clone();
    merged.extend(changes);
    let check: Map<String, Value> = merged
        .iter()
        .filter(|(k, _)| !["id", "tenantId", "fullName", "createdAt", "updatedAt"].contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    validate(&check)?;
    let full = format!("{} {}", merged["firstName"].as_str().unwrap_or(""), merged["lastName"].as_str().unwrap_or(""));
    merged.insert("fullName".into(), json!(full));
    merged.insert("updatedAt".into(), json!(iso(now)));
    contact.fields = merged.clone();
    contact.updated_ms = now;
    tenant.record(&id, "updated", &caller.who, now);
    Ok(Json(Value::Object(merged)))
}

pub async fn delete_contact(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut emu = state.lock().unwrap();
    let tenant = tenant(&mut emu, &caller);
    tenant.find(&id)?;
    tenant.contacts.retain(|c| c.fields["id"] != id.as_str());
    tenant.record(&id, "deleted", &caller.who, now_ms());
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct ChangesQuery {
    since: Option<String>,
    entities: Option<String>,
    limit: Option<String>,
}

/// `GET /sync/changes?since=&entities=contacts&limit=` → a bare array sorted by `changedAt`.
/// Choice: `limit` defaults to 100 and may go up to 1,000; `since` is required.
pub async fn changes(
    State(state): State<Shared>,
    Extension(caller): Extension<RallyCaller>,
    Query(q): Query<ChangesQuery>,
) -> Result<Json<Value>, ApiError> {
    let since = parse_since(q.since.as_deref(), "since")?.ok_or_else(|| ApiError::bad_request("since is required"))?;
    if let Some(entities) = q.entities.as_deref() {
        if entities.split(',').any(|e| e.trim() != "contacts") {
            return Err(ApiError::bad_request("entities: only contacts is supported by this emulator"));
        }
    }
    let limit = match q.limit.as_deref() {
        None => 100,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| ApiError::bad_request("limit must be an integer from 1 to 1000"))?,
    };
    let mut emu = state.lock().unwrap();
    let tenant = tenant(&mut emu, &caller);
    let list = tenant
        .changes
        .iter()
        .filter(|c| c.changed_ms > since)
        .take(limit)
        .map(|c| json!({ "id": c.seq, "entityType": "contact", "entityId": c.entity_id, "action": c.action, "changedAt": iso(c.changed_ms), "changedBy": c.changed_by }))
        .collect();
    Ok(Json(Value::Array(list)))
}
