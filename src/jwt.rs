//! Reading the token route's answer and the JWT's claims. No verification: that is the server's job;
//! the panel only needs `exp`/`iat` (to refresh in time) and `iss`/`sub` (to key what it saves).
//!
//! Freshness is judged in the server's time, not by the browser's clock against `exp`: a laptop whose
//! clock is 20 minutes fast would otherwise find every fresh token expired. The server's time is the
//! token route's `Date` header at arrival, else the token's `iat`.
use crate::json::Json;

#[derive(Clone, Debug, PartialEq)]
pub struct Claims {
    pub exp: f64,
    /// When the server issued it, in the server's clock.
    pub iat: Option<f64>,
    pub iss: String,
    pub sub: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub jwt: String,
    pub claims: Claims,
    /// The server's clock minus the browser's (seconds), measured when the token arrived.
    pub clock_offset: f64,
}

impl Token {
    /// Whether the token must be replaced before use at the browser's `now_secs` (30 s of margin
    /// for the request's own flight time).
    pub fn is_stale(&self, now_secs: f64) -> bool {
        self.claims.exp - 30.0 <= now_secs + self.clock_offset
    }

    /// The server's clock (ms) at the browser's `local_ms`. Instants the panel sends a server
    /// (`updatedSince`) use this.
    pub fn server_time(&self, local_ms: f64) -> f64 {
        local_ms + self.clock_offset * 1000.0
    }
}

/// Turns the token route's answer (`{ "token": "…" }` or a bare JWT) into a token, or says what is
/// wrong with it (a `token.*` message id: words a developer can act on).
///
/// `now_secs` is the browser's clock at arrival; `server_now_secs` the answer's `Date`, if it had one.
pub fn parse_token_answer(body: &str, now_secs: f64, server_now_secs: Option<f64>) -> Result<Token, &'static str> {
    let mut token = read_token_answer(body)?;
    let server_now =
        server_now_secs.filter(|d| d.is_finite()).or(token.claims.iat.filter(|iat| *iat <= token.claims.exp));
    token.clock_offset = server_now.map_or(0.0, |server| server - now_secs);
    if token.claims.exp <= now_secs + token.clock_offset {
        return Err("token.expired");
    }
    Ok(token)
}

fn read_token_answer(body: &str) -> Result<Token, &'static str> {
    let body = body.trim();
    if body.is_empty() {
        return Err("token.empty");
    }
    if body.starts_with('<') {
        return Err("token.html");
    }
    let jwt = if body.starts_with('{') {
        let value = Json::parse(body).map_err(|_| "token.malformed-json")?;
        value.get("token").as_str().ok_or("token.no-token")?
    } else {
        body.trim_matches('"').to_string()
    };
    let claims = decode_claims(&jwt).ok_or("token.not-jwt")?;
    Ok(Token { jwt, claims, clock_offset: 0.0 })
}

/// The UTF-8 text that base64url `encoded` stands for: the browser's `atob` in the wasm (js/early.js
/// decodes the same payload before the wasm runs), the base64 crate natively.
#[cfg(target_arch = "wasm32")]
fn base64url_text(encoded: &str) -> Option<String> {
    crate::browser::base64url_text(encoded)
}

#[cfg(not(target_arch = "wasm32"))]
fn base64url_text(encoded: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')).ok()?;
    String::from_utf8(bytes).ok()
}

fn decode_claims(jwt: &str) -> Option<Claims> {
    let mut parts = jwt.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let claims = Json::parse(&base64url_text(payload)?).ok()?;
    Some(Claims {
        exp: claims.get("exp").as_f64()?,
        iat: claims.get("iat").as_f64(),
        iss: claims.text("iss").unwrap_or_default(),
        sub: claims.text("sub").unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        use base64::Engine;
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b64(r#"{"alg":"HS512"}"#), b64(payload))
    }

    #[test]
    fn reads_json_and_bare_answers() {
        let t = jwt(r#"{"iss":"client","sub":"alice","exp":2000}"#);
        let from_json = parse_token_answer(&format!(r#"{{"token":"{t}","expiresAt":2000}}"#), 1000.0, None).unwrap();
        assert_eq!(
            (from_json.claims.iss.as_str(), from_json.claims.sub.as_str(), from_json.claims.exp),
            ("client", "alice", 2000.0)
        );
        assert_eq!(parse_token_answer(&format!("{t}\n"), 1000.0, None).unwrap().jwt, t);
    }

    #[test]
    fn says_what_is_wrong_with_a_bad_answer() {
        assert_eq!(parse_token_answer("", 0.0, None).unwrap_err(), "token.empty");
        assert_eq!(parse_token_answer("<!doctype html><form>", 0.0, None).unwrap_err(), "token.html");
        assert_eq!(parse_token_answer(r#"{"token":"not-a-jwt"}"#, 0.0, None).unwrap_err(), "token.not-jwt");
        assert_eq!(parse_token_answer(r#"{"jwt":"x"}"#, 0.0, None).unwrap_err(), "token.no-token");
        assert_eq!(parse_token_answer(&jwt(r#"{"exp":10}"#), 20.0, None).unwrap_err(), "token.expired");
    }

    #[test]
    fn a_token_goes_stale_30_seconds_before_exp() {
        let t = parse_token_answer(&jwt(r#"{"exp":1000}"#), 0.0, None).unwrap();
        assert!(!t.is_stale(969.0));
        assert!(t.is_stale(971.0));
    }

    #[test]
    fn a_fast_clock_does_not_expire_a_fresh_token() {
        // Issued at 1000 for 900 s; the browser's clock reads 2200 (20 minutes fast) on arrival.
        for server_date in [Some(1000.0), None] {
            let t = parse_token_answer(&jwt(r#"{"iat":1000,"exp":1900}"#), 2200.0, server_date).unwrap();
            assert!(!t.is_stale(2200.0 + 860.0));
            assert!(t.is_stale(2200.0 + 875.0));
            assert_eq!(
                t.server_time(2_200_000.0 + 5_000.0),
                1_005_000.0,
                "instants sent to the server are in its clock"
            );
        }
    }

    #[test]
    fn an_expired_token_is_told_by_the_servers_clock() {
        // Issued long ago and expired at 1900, by the route's Date (2000), whatever the browser says.
        let stale = jwt(r#"{"iat":1000,"exp":1900}"#);
        assert_eq!(parse_token_answer(&stale, 1500.0, Some(2000.0)).unwrap_err(), "token.expired");
        assert_eq!(parse_token_answer(&jwt(r#"{"iat":1000,"exp":1000}"#), 0.0, None).unwrap_err(), "token.expired");
    }
}
