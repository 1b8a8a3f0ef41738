//! Reading the token route's answer and the JWT's claims. No verification: that is the server's job;
//! the panel only needs `exp`/`iat` (to refresh in time) and `iss`/`sub` (to key what it saves).
//!
//! Freshness is judged by the token's own lifetime, not by the browser's clock against `exp`: a
//! laptop whose clock is 20 minutes fast would otherwise find every fresh token expired.
use base64::Engine;

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
    /// The browser's clock (seconds) when the token arrived.
    pub received: f64,
}

impl Token {
    /// When the token expires, in the browser's clock: its lifetime (`exp` − `iat`) counted from
    /// its arrival; `exp` itself when it has no `iat`.
    fn expires_locally(&self) -> f64 {
        match self.claims.iat {
            Some(iat) => self.received + (self.claims.exp - iat),
            None => self.claims.exp,
        }
    }

    /// Whether the token must be replaced before use at `now_secs` (30 s of margin for the
    /// request's own flight time).
    pub fn is_stale(&self, now_secs: f64) -> bool {
        self.expires_locally() - 30.0 <= now_secs
    }

    /// The server's clock (ms) at the browser's `local_ms`, from `iat` at arrival; the browser's own
    /// when the token has no `iat`. Instants the panel sends a server (`updatedSince`) use this.
    pub fn server_time(&self, local_ms: f64) -> f64 {
        match self.claims.iat {
            Some(iat) => local_ms + (iat - self.received) * 1000.0,
            None => local_ms,
        }
    }
}

/// Turns the token route's answer (`{ "token": "…" }` or a bare JWT) into a token, or says what is
/// wrong with it in words a developer can act on.
pub fn parse_token_answer(body: &str, now_secs: f64) -> Result<Token, String> {
    let token = read_token_answer(body, now_secs)?;
    let expired = match token.claims.iat {
        Some(iat) => token.claims.exp <= iat,
        None => token.claims.exp <= now_secs,
    };
    if expired {
        return Err("answered an expired token".into());
    }
    Ok(token)
}

fn read_token_answer(body: &str, now_secs: f64) -> Result<Token, String> {
    let body = body.trim();
    if body.is_empty() {
        return Err("answered nothing".into());
    }
    if body.starts_with('<') {
        return Err("answered an HTML page instead of a token (a sign-in page?)".into());
    }
    let jwt = if body.starts_with('{') {
        let value = Json::parse(body).map_err(|_| "answered malformed JSON".to_string())?;
        value.get("token").as_str().ok_or("answered JSON without a \"token\" string")?
    } else {
        body.trim_matches('"').to_string()
    };
    let claims = decode_claims(&jwt).ok_or("answered something that is not a JWT")?;
    Ok(Token { jwt, claims, received: now_secs })
}

fn decode_claims(jwt: &str) -> Option<Claims> {
    let mut parts = jwt.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims = Json::parse(std::str::from_utf8(&bytes).ok()?).ok()?;
    Some(Claims { exp: claims.get("exp").as_f64()?, iat: claims.get("iat").as_f64(), iss: claims.text("iss").unwrap_or_default(), sub: claims.text("sub").unwrap_or_default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b64(r#"{"alg":"HS512"}"#), b64(payload))
    }

    #[test]
    fn reads_json_and_bare_answers() {
        let t = jwt(r#"{"iss":"client","sub":"alice","exp":2000}"#);
        let from_json = parse_token_answer(&format!(r#"{{"token":"{t}","expiresAt":2000}}"#), 1000.0).unwrap();
        assert_eq!((from_json.claims.iss.as_str(), from_json.claims.sub.as_str(), from_json.claims.exp), ("client", "alice", 2000.0));
        assert_eq!(parse_token_answer(&format!("{t}\n"), 1000.0).unwrap().jwt, t);
    }

    #[test]
    fn says_what_is_wrong_with_a_bad_answer() {
        assert_eq!(parse_token_answer("", 0.0).unwrap_err(), "answered nothing");
        assert!(parse_token_answer("<!doctype html><form>", 0.0).unwrap_err().contains("HTML page"));
        assert!(parse_token_answer(r#"{"token":"not-a-jwt"}"#, 0.0).unwrap_err().contains("not a JWT"));
        assert!(parse_token_answer(r#"{"jwt":"x"}"#, 0.0).unwrap_err().contains("\"token\""));
        assert_eq!(parse_token_answer(&jwt(r#"{"exp":10}"#), 20.0).unwrap_err(), "answered an expired token");
    }

    #[test]
    fn a_token_goes_stale_30_seconds_before_exp() {
        let t = parse_token_answer(&jwt(r#"{"exp":1000}"#), 0.0).unwrap();
        assert!(!t.is_stale(969.0));
        assert!(t.is_stale(971.0));
    }

    #[test]
    fn a_fast_clock_does_not_expire_a_fresh_token() {
        // Issued at 1000 for 900 s; the browser's clock reads 2200 (20 minutes fast) on arrival.
        let t = parse_token_answer(&jwt(r#"{"iat":1000,"exp":1900}"#), 2200.0).unwrap();
        assert!(!t.is_stale(2200.0 + 860.0));
        assert!(t.is_stale(2200.0 + 875.0));
        assert_eq!(t.server_time(2_200_000.0 + 5_000.0), 1_005_000.0, "instants sent to the server are in its clock");
        assert_eq!(parse_token_answer(&jwt(r#"{"iat":1000,"exp":1000}"#), 0.0).unwrap_err(), "answered an expired token");
    }
}
