//! JWTs: what a customer's backend mints (HS512, `iss` = client id, `sub` = user, `exp` = iat + 900)
//! and how the emulated services check them. Also the host-backend token routes themselves, kept as
//! short as the code a customer would write.
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::clock::now_secs;
use crate::error::ApiError;
use crate::log::LogUser;
use crate::{Settings, Shared};

pub const RALLY_ISSUER: &str = "rally-demo-backend";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub sub: String,
    pub iat: u64,
    pub exp: u64,
    /// Token serial number, so the emulator can revoke every token issued so far (tests of 401).
    #[serde(default)]
    pub jti: String,
    /// Rally only: the tenant the user belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// Rally only: the user's scopes, space-separated (`read write`; a read-only role has `read`).
    /// UNVERIFIED: Rally documents read/write/admin scopes, not how a user JWT carries them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// Serial numbers of issued tokens, and the revocation mark.
#[derive(Default)]
pub struct Ledger {
    issued: u64,
    revoked_through: u64,
    /// Browser sessions (`?session=` on the token routes, standing for a session cookie) and who
    /// is signed in to each: tests sign a different user in to the same browser.
    pub sessions: std::collections::HashMap<String, String>,
}

impl Ledger {
    pub fn next_jti(&mut self) -> String {
        self.issued += 1;
        self.issued.to_string()
    }
    /// Every token issued until now answers 401 from now on.
    pub fn revoke_all(&mut self) {
        self.revoked_through = self.issued;
    }
    fn is_revoked(&self, jti: &str) -> bool {
        jti.parse::<u64>().map_or(true, |n| n <= self.revoked_through)
    }
}

pub fn mint(claims: &Claims, secret: &str) -> String {
    encode(&Header::new(Algorithm::HS512), claims, &EncodingKey::from_secret(secret.as_bytes()))
        .expect("HS512 signing cannot fail")
}

/// Checks signature (HS512 only), issuer, expiry (no leeway) and revocation.
pub fn verify(token: &str, secret: &str, issuer: &str, ledger: &Ledger) -> Result<Claims, ApiError> {
    let mut validation = Validation::new(Algorithm::HS512);
    validation.leeway = 0;
    validation.set_issuer(&[issuer]);
    validation.set_required_spec_claims(&["exp", "iss", "sub"]);
    let claims = decode::<Claims>(token, &DecodingKey::from_secret(secret.as_bytes()), &validation)
        .map_err(|e| {
            ApiError::unauthorized(match e.kind() {
                ErrorKind::ExpiredSignature => "token expired",
                ErrorKind::InvalidIssuer => "token issuer is not this client",
                ErrorKind::InvalidSignature => "token signature is invalid",
                ErrorKind::InvalidAlgorithm => "token must be signed with HS512",
                _ => "token is malformed",
            })
        })?
        .claims;
    if ledger.is_revoked(&claims.jti) {
        return Err(ApiError::unauthorized("token expired"));
    }
    Ok(claims)
}

/// The bearer token of a request, or 401.
pub fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::unauthorized("missing bearer token"))
}

#[derive(Deserialize)]
pub struct TokenQuery {
    user: Option<String>,
    tenant: Option<String>,
    /// Shorter lifetimes for tests of refresh-before-expiry.
    ttl: Option<u64>,
    /// Rally: `read` mints a token for a read-only role (no write scope).
    role: Option<String>,
    /// Test hook for a misbehaving backend: `html`, `empty`, `garbage`, `expired`, `text`, `fail`.
    #[serde(rename = "as")]
    answer_as: Option<String>,
    /// A browser session whose signed-in user `PUT /__admin/sessions` sets.
    session: Option<String>,
}

/// The signed-in user. A real backend takes it from its own session; the demo reads a `session`
/// (whose user the admin API sets), a `user` query parameter or a `pp_user` cookie, so that one
/// browser can switch users.
fn user_of(query: &TokenQuery, headers: &HeaderMap, sessions: &std::collections::HashMap<String, String>) -> String {
    if let Some(user) = query.session.as_ref().and_then(|s| sessions.get(s)) {
        return user.clone();
    }
    let from_cookie = || {
        headers.get(header::COOKIE)?.to_str().ok()?.split(';').find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == "pp_user").then(|| v.to_string())
        })
    };
    query.user.clone().or_else(from_cookie).filter(|u| !u.is_empty()).unwrap_or_else(|| "demo".into())
}

/// `GET /api/rollout-token` → `{ "token", "expiresAt" }`
pub async fn rollout_token(
    State(state): State<Shared>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Response {
    issue(&state, &query, &headers, |s| (s.rollout_client_id.clone(), s.rollout_client_secret.clone(), None))
}

/// `GET /api/rally-token` → `{ "token", "expiresAt" }`: what a backend hands out after logging in
/// to Rally on the user's behalf (the login call itself is UNVERIFIED, so the emulator signs directly).
pub async fn rally_token(State(state): State<Shared>, Query(query): Query<TokenQuery>, headers: HeaderMap) -> Response {
    let tenant = query.tenant.clone().unwrap_or_else(|| crate::settings::DEMO_RALLY_TENANT.into());
    issue(&state, &query, &headers, |s| (RALLY_ISSUER.into(), s.rally_jwt_secret.clone(), Some(tenant)))
}

/// Mints a token for the signed-in user with the issuer, secret and tenant `signer` picks.
fn issue(
    state: &Shared,
    query: &TokenQuery,
    headers: &HeaderMap,
    signer: impl FnOnce(&Settings) -> (String, String, Option<String>),
) -> Response {
    let mut emu = state.lock().unwrap();
    let user = user_of(query, headers, &emu.tokens.sessions);
    let (iss, secret, tenant) = signer(&emu.settings);
    let ttl = query.ttl.unwrap_or(emu.settings.token_ttl_secs).clamp(1, 900);
    let scope =
        tenant.as_ref().map(|_| if query.role.as_deref() == Some("read") { "read" } else { "read write" }.to_string());
    let claims = Claims {
        iss,
        sub: user.clone(),
        iat: now_secs(),
        exp: now_secs() + ttl,
        jti: emu.tokens.next_jti(),
        tenant,
        scope,
    };
    drop(emu);
    answer(mint_or_misbehave(claims, &secret, query.answer_as.as_deref()), user)
}

fn mint_or_misbehave(mut claims: Claims, secret: &str, answer_as: Option<&str>) -> Response {
    match answer_as {
        Some("html") => (
            [(header::CONTENT_TYPE, "text/html")],
            "<!doctype html><title>Sign in</title><form action=/login><input name=user></form>",
        )
            .into_response(),
        Some("empty") => StatusCode::OK.into_response(),
        Some("garbage") => axum::Json(json!({ "token": "not-a-jwt" })).into_response(),
        Some("fail") => (StatusCode::UNAUTHORIZED, axum::Json(json!({ "error": "not signed in" }))).into_response(),
        Some("text") => ([(header::CONTENT_TYPE, "text/plain")], mint(&claims, secret)).into_response(),
        Some("expired") => {
            claims.iat -= 3600;
            claims.exp = claims.iat + 900;
            axum::Json(json!({ "token": mint(&claims, secret), "expiresAt": claims.exp })).into_response()
        }
        _ => axum::Json(json!({ "token": mint(&claims, secret), "expiresAt": claims.exp })).into_response(),
    }
}

fn answer(mut response: Response, user: String) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, "no-store".parse().unwrap());
    response.extensions_mut().insert(LogUser(user));
    response
}
