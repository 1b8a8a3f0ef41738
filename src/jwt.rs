//! Reading the token route's answer and the JWT's claims. No verification: that is the server's job;
//! the panel only needs `exp` (to refresh in time) and `iss`/`sub` (to key saved credentials).
use base64::Engine;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Claims {
    pub exp: f64,
    #[serde(default)]
    pub iss: String,
    #[serde(default)]
    pub sub: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub jwt: String,
    pub claims: Claims,
}

impl Token {
    /// Whether the token must be replaced before use at `now_secs` (30 s of margin for clock skew
    /// and the request's own flight time).
    pub fn is_stale(&self, now_secs: f64) -> bool {
        self.claims.exp - 30.0 <= now_secs
    }
}

/// Turns the token route's answer (`{ "token": "…" }` or a bare JWT) into a token, or says what is
/// wrong with it in words a developer can act on.
pub fn parse_token_answer(body: &str, now_secs: f64) -> Result<Token, String> {
    let body = body.trim();
    if body.is_empty() {
        return Err("answered nothing".into());
    }
    if body.starts_with('<') {
        return Err("answered an HTML page instead of a token (a sign-in page?)".into());
    }
    let jwt = if body.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(body).map_err(|_| "answered malformed JSON".to_string())?;
        value.get("token").and_then(|t| t.as_str()).ok_or("answered JSON without a \"token\" string")?.to_string()
    } else {
        body.trim_matches('"').to_string()
    };
    let claims = decode_claims(&jwt).ok_or("answered something that is not a JWT")?;
    if claims.exp <= now_secs {
        return Err("answered an expired token".into());
    }
    Ok(Token { jwt, claims })
}

fn decode_claims(jwt: &str) -> Option<Claims> {
    let mut parts = jwt.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
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
}
