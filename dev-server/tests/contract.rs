//! The dev-server's contract, over real loopback HTTP: each documented status path, paging, CORS,
//! rate limits, token checks, Rally's rules, and fault injection.
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dev_server::platform::DEMO_API_KEY;
use dev_server::settings::{DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_RALLY_API_KEY};
use dev_server::tokens::{mint, Claims};
use dev_server::{app, serve, Emulator, Settings};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

struct Server {
    base: String,
    http: Client,
}

async fn start(people: usize) -> Server {
    let settings = Settings { people, sync_window: Duration::from_millis(400), ..Settings::default() };
    let state = Arc::new(Mutex::new(Emulator::new(settings)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(serve(listener, app(state, None), std::future::pending()));
    Server { base, http: Client::new() }
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn claims(sub: &str) -> Claims {
    Claims {
        iss: DEMO_CLIENT_ID.into(),
        sub: sub.into(),
        iat: now(),
        exp: now() + 900,
        jti: "999999999".into(),
        tenant: None,
        scope: None,
    }
}

impl Server {
    async fn token(&self, user: &str) -> String {
        let body: Value = self
            .http
            .get(format!("{}/api/rollout-token?user={user}", self.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["token"].as_str().unwrap().to_string()
    }

    async fn rally_token(&self, user: &str, tenant: &str) -> String {
        let body: Value = self
            .http
            .get(format!("{}/api/rally-token?user={user}&tenant={tenant}", self.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["token"].as_str().unwrap().to_string()
    }

    async fn credentials(&self, token: &str) -> Vec<Value> {
        let r =
            self.http.get(format!("{}/universal/api/credentials", self.base)).bearer_auth(token).send().await.unwrap();
        assert_eq!(r.status(), 200);
        r.json::<Value>().await.unwrap().as_array().unwrap().clone()
    }

    async fn crm(
        &self,
        method: Method,
        path: &str,
        token: &str,
        credential: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(method, format!("{}/crm/api{path}", self.base)).bearer_auth(token);
        if let Some(c) = credential {
            req = req.header("x-rollout-credential-id", c);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    async fn admin(&self, method: Method, path: &str, body: Value) -> Value {
        let r = self.http.request(method, format!("{}/__admin{path}", self.base)).json(&body).send().await.unwrap();
        assert!(r.status().is_success(), "admin {path}: {}", r.status());
        r.json().await.unwrap_or(Value::Null)
    }

    async fn alice(&self) -> (String, String) {
        let token = self.token("alice").await;
        let credential = self.credentials(&token).await[0]["id"].as_str().unwrap().to_string();
        (token, credential)
    }
}

#[tokio::test]
async fn token_route_mints_a_hs512_jwt_for_the_user_and_never_the_secret() {
    let s = start(5).await;
    let r = s.http.get(format!("{}/api/rollout-token?user=alice", s.base)).send().await.unwrap();
    assert_eq!(r.headers()["cache-control"], "no-store");
    let text = r.text().await.unwrap();
    assert!(!text.contains(DEMO_CLIENT_SECRET));
    let body: Value = serde_json::from_str(&text).unwrap();
    let token = body["token"].as_str().unwrap();
    let header: Value = serde_json::from_slice(&b64(token.split('.').next().unwrap())).unwrap();
    assert_eq!(header["alg"], "HS512");
    let payload: Value = serde_json::from_slice(&b64(token.split('.').nth(1).unwrap())).unwrap();
    assert_eq!(payload["iss"], DEMO_CLIENT_ID);
    assert_eq!(payload["sub"], "alice");
    assert_eq!(payload["exp"].as_u64().unwrap() - payload["iat"].as_u64().unwrap(), 900);
    assert_eq!(body["expiresAt"], payload["exp"]);
}

fn b64(part: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap()
}

#[tokio::test]
async fn credentials_are_per_user() {
    let s = start(5).await;
    assert_eq!(s.credentials(&s.token("alice").await).await.len(), 1);
    let bobs = s.credentials(&s.token("bob").await).await;
    assert_eq!(bobs.iter().map(|c| c["appKey"].as_str().unwrap()).collect::<Vec<_>>(), ["follow-up-boss", "lofty"]);
    assert!(s.credentials(&s.token("carol").await).await.is_empty());
}

#[tokio::test]
async fn paging_by_cursor_and_by_offset_visits_every_person_once() {
    let s = start(250).await;
    let (token, credential) = s.alice().await;
    let mut seen = HashSet::new();
    let mut path = "/people?limit=37".to_string();
    loop {
        let (status, page) = s.crm(Method::GET, &path, &token, Some(&credential), None).await;
        assert_eq!(status, 200);
        assert_eq!(page["_metadata"]["collection"], "people");
        assert_eq!(page["_metadata"]["total"], 250);
        for p in page["people"].as_array().unwrap() {
            assert!(seen.insert(p["id"].as_str().unwrap().to_string()), "duplicate {}", p["id"]);
        }
        match page["_metadata"]["next"].as_str() {
            Some(next) => {
                assert!(page["_metadata"]["nextLink"].as_str().unwrap().ends_with(next));
                path = format!("/people?limit=37&next={next}");
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), 250);
    let (_, last) = s.crm(Method::GET, "/people?limit=100&offset=200", &token, Some(&credential), None).await;
    assert_eq!(last["people"].as_array().unwrap().len(), 50);
    assert!(last["_metadata"].get("next").is_none());
    let (status, e) = s.crm(Method::GET, "/people?next=garbage", &token, Some(&credential), None).await;
    assert_eq!((status, e["error"].as_str().unwrap()), (StatusCode::BAD_REQUEST, "invalid next cursor"));
}

#[tokio::test]
async fn bad_tokens_get_401_with_an_error_body() {
    let s = start(5).await;
    let good = claims("alice");
    let cases = [
        ("none", String::new()),
        ("wrong signature", mint(&good, "another-secret")),
        (
            "HS256",
            encode(&Header::new(Algorithm::HS256), &good, &EncodingKey::from_secret(DEMO_CLIENT_SECRET.as_bytes()))
                .unwrap(),
        ),
        ("expired", mint(&Claims { iat: now() - 2000, exp: now() - 1100, ..good.clone() }, DEMO_CLIENT_SECRET)),
        ("other iss", mint(&Claims { iss: "someone-else".into(), ..good.clone() }, DEMO_CLIENT_SECRET)),
        ("not a jwt", "abc.def".into()),
    ];
    for (what, token) in cases {
        let (status, body) = s.crm(Method::GET, "/people", &token, Some("cred_0001"), None).await;
        assert_eq!(status, 401, "{what}");
        assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{what}: {body}");
    }
    // Revocation makes every token issued so far answer 401, as an expired one would.
    let (token, credential) = s.alice().await;
    s.admin(Method::POST, "/revoke-tokens", json!({})).await;
    assert_eq!(s.crm(Method::GET, "/people", &token, Some(&credential), None).await.0, 401);
    let fresh = s.token("alice").await;
    assert_eq!(s.crm(Method::GET, "/people", &fresh, Some(&credential), None).await.0, 200);
}

#[tokio::test]
async fn credential_missing_unknown_or_of_another_user_is_403() {
    let s = start(5).await;
    let (alice, credential) = s.alice().await;
    let bob = s.token("bob").await;
    assert_eq!(s.crm(Method::GET, "/people", &alice, None, None).await.0, 403);
    assert_eq!(s.crm(Method::GET, "/people", &alice, Some("cred_9999"), None).await.0, 403);
    let (status, body) = s.crm(Method::GET, "/people", &bob, Some(&credential), None).await;
    assert_eq!(status, 403);
    assert!(body["error"].as_str().unwrap().contains("credential"));
}

#[tokio::test]
async fn a_newly_connected_crm_answers_409_until_its_first_sync_ends() {
    let s = start(5).await;
    let token = s.token("carol").await;
    let connect = json!({ "appKey": "lofty", "userInputs": { "apiKey": DEMO_API_KEY }, "plan": "default" });
    let r = s
        .http
        .post(format!("{}/universal/api/credentials", s.base))
        .bearer_auth(&token)
        .json(&connect)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let credential: Value = r.json().await.unwrap();
    let id = credential["id"].as_str().unwrap();
    assert_eq!(credential["appKey"], "lofty");
    let (status, body) = s.crm(Method::GET, "/people", &token, Some(id), None).await;
    assert_eq!(status, 409);
    assert!(body["error"].as_str().unwrap().contains("not ready"));
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert_eq!(s.crm(Method::GET, "/people", &token, Some(id), None).await.0, 200);
}

/// What @rollout/link-react 0.14.0 calls and reads (../shared/api/rollout-link.md).
#[tokio::test]
async fn rollout_link_lists_connectors_connects_with_an_api_key_and_deletes_the_credential() {
    let s = start(5).await;
    let token = s.token("carol").await;
    let platform = |path: &str| format!("{}/universal/api{path}", s.base);
    let catalog: Value =
        s.http.get(platform("/connectors")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    let fub = &catalog["follow-up-boss"];
    assert_eq!(fub["name"], "Follow Up Boss");
    assert!(fub["entities"]["crm"]["people"].is_object());
    let schema = &fub["authByPlan"]["default"];
    assert_eq!(
        (schema["type"].as_str(), schema["userInputsSchema"][0]["key"].as_str()),
        (Some("apiToken"), Some("apiKey"))
    );
    let icon = s.http.get(platform("/connectors/follow-up-boss/icon")).send().await.unwrap();
    assert_eq!((icon.status().as_u16(), icon.headers()["content-type"].to_str().unwrap()), (200, "image/svg+xml"));
    assert_eq!(s.http.get(platform("/connectors")).send().await.unwrap().status(), 401);

    // A wrong key: 400 in the shape Link shows under its form; nothing is connected.
    let connect = |key: &str| json!({ "appKey": "follow-up-boss", "userInputs": { "apiKey": key }, "plan": "default" });
    let r = s.http.post(platform("/credentials")).bearer_auth(&token).json(&connect("wrong")).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("did not accept this API key"), "{body}");
    assert!(s.credentials(&token).await.is_empty());

    // The right key: the credential Link hands over is the one the CRM routes accept.
    let r =
        s.http.post(platform("/credentials")).bearer_auth(&token).json(&connect(DEMO_API_KEY)).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let listed = s
        .http
        .get(platform("/credentials?includeProfile=true"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], id.as_str());
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert_eq!(s.crm(Method::GET, "/people", &token, Some(&id), None).await.0, 200);

    // Another user can't delete it; its owner can, and the CRM then refuses the id.
    let other = s
        .http
        .delete(platform(&format!("/credentials?credentialId={id}")))
        .bearer_auth(s.token("alice").await)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    let r =
        s.http.delete(platform(&format!("/credentials?credentialId={id}"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert!(s.credentials(&token).await.is_empty());
    assert_eq!(s.crm(Method::GET, "/people", &token, Some(&id), None).await.0, 403);

    // Link's requests are cross-origin and carry X-Rollout-User-Agent.
    let preflight = s
        .http
        .request(Method::OPTIONS, platform("/credentials"))
        .header("origin", "http://127.0.0.1:8080")
        .header("access-control-request-method", "DELETE")
        .header("access-control-request-headers", "authorization,x-rollout-user-agent")
        .send()
        .await
        .unwrap();
    let allowed = preflight.headers()["access-control-allow-headers"].to_str().unwrap().to_lowercase();
    assert!(allowed.contains("x-rollout-user-agent"), "{allowed}");
}

#[tokio::test]
async fn more_than_50_requests_in_a_second_draw_429() {
    let s = start(5).await;
    let (token, credential) = s.alice().await;
    let mut statuses = Vec::new();
    for _ in 0..60 {
        statuses.push(s.crm(Method::GET, "/people?limit=1", &token, Some(&credential), None).await.0);
    }
    // The token route doesn't count; credentials listing did (1), so 49 people calls pass.
    let ok = statuses.iter().filter(|s| **s == 200).count();
    assert!((45..=50).contains(&ok), "{ok} passed");
    assert_eq!(statuses.last().copied(), Some(StatusCode::TOO_MANY_REQUESTS));
}

#[tokio::test]
async fn create_get_update_delete_and_their_errors() {
    let s = start(5).await;
    let (token, credential) = s.alice().await;
    let c = Some(credential.as_str());
    let (status, created) = s.crm(Method::POST, "/people", &token, c, Some(json!({ "firstName": "Ana", "lastName": "Silva", "emails": [{ "value": "ana@example.com", "isPrimary": true }] }))).await;
    assert_eq!(status, 201);
    assert_eq!(created["name"], "Ana Silva");
    let id = created["id"].as_str().unwrap();
    assert_eq!(s.crm(Method::GET, &format!("/people/{id}"), &token, c, None).await.1["name"], "Ana Silva");
    let (status, updated) = s
        .crm(Method::PUT, &format!("/people/{id}"), &token, c, Some(json!({ "firstName": "Ana", "lastName": "Souza" })))
        .await;
    assert_eq!((status, updated["name"].as_str().unwrap()), (StatusCode::OK, "Ana Souza"));
    assert!(updated.get("emails").is_none(), "PUT replaces the whole person");
    assert_eq!(s.crm(Method::DELETE, &format!("/people/{id}"), &token, c, None).await.0, 204);
    assert_eq!(s.crm(Method::GET, &format!("/people/{id}"), &token, c, None).await.0, 404);

    for (body, message) in [
        (json!([1]), "request body must be a JSON object"),
        (json!({ "companyName": "Acme" }), "a person needs a firstName, a lastName or an email"),
        (
            json!({ "firstName": "A", "emails": [{ "value": "not-an-email" }] }),
            "emails[0].value is not a valid email address: not-an-email",
        ),
    ] {
        let (status, e) = s.crm(Method::POST, "/people", &token, c, Some(body)).await;
        assert_eq!((status, e["error"].as_str().unwrap()), (StatusCode::BAD_REQUEST, message));
    }
    let r = s
        .http
        .post(format!("{}/crm/api/people", s.base))
        .bearer_auth(&token)
        .header("x-rollout-credential-id", &credential)
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn cors_preflight_allows_the_panels_headers_but_not_an_api_key() {
    let s = start(5).await;
    let preflight = |headers: &'static str| {
        s.http
            .request(Method::OPTIONS, format!("{}/crm/api/people", s.base))
            .header("origin", "http://localhost:8080")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", headers)
            .send()
    };
    let r = preflight("authorization,x-rollout-credential-id,content-type").await.unwrap();
    assert!(r.status().is_success());
    let allowed = r.headers()["access-control-allow-headers"].to_str().unwrap().to_lowercase();
    for h in ["authorization", "x-rollout-credential-id", "content-type"] {
        assert!(allowed.contains(h), "{allowed}");
    }
    assert!(!allowed.contains("x-api-key"));
    let token = s.rally_token("u", "acme").await;
    let r = s
        .http
        .get(format!("{}/rally/api/v1/contacts?limit=1", s.base))
        .bearer_auth(token)
        .header("origin", "http://localhost:8080")
        .send()
        .await
        .unwrap();
    let exposed = r.headers()["access-control-expose-headers"].to_str().unwrap().to_lowercase();
    assert!(exposed.contains("x-ratelimit-remaining") && exposed.contains("x-ratelimit-reset"), "{exposed}");
}

#[tokio::test]
async fn rally_contacts_follow_the_documented_rules() {
    let s = start(120).await;
    let token = s.rally_token("rita", "acme").await;
    let get = |path: String| s.http.get(format!("{}/rally/api/v1{path}", s.base)).bearer_auth(&token).send();
    let r = get("/contacts?limit=100&offset=100&fields=id,email,firstName".into()).await.unwrap();
    assert_eq!(r.headers()["x-ratelimit-limit"], "1000");
    let remaining: u32 = r.headers()["x-ratelimit-remaining"].to_str().unwrap().parse().unwrap();
    assert!(remaining < 1000);
    let page: Value = r.json().await.unwrap();
    assert_eq!(page["total"], 120);
    assert_eq!(page["data"].as_array().unwrap().len(), 20);
    let first = page["data"][0].as_object().unwrap();
    assert_eq!(
        first.keys().collect::<HashSet<_>>(),
        ["id", "email", "firstName"].iter().map(|s| s.to_string()).collect::<HashSet<_>>().iter().collect()
    );
    assert_eq!(get("/contacts?limit=101".into()).await.unwrap().status(), 400);
    // The unversioned path means v1.
    assert_eq!(
        s.http.get(format!("{}/rally/api/contacts?limit=1", s.base)).bearer_auth(&token).send().await.unwrap().status(),
        200
    );

    let before = "2030-01-01T00:00:00Z";
    let r = s
        .http
        .post(format!("{}/rally/api/v1/contacts", s.base))
        .bearer_auth(&token)
        .json(&json!({ "firstName": "Ana" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let e: Value = r.json().await.unwrap();
    let fields: Vec<&str> = e["details"].as_array().unwrap().iter().map(|d| d["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["lastName", "email"]);
    let r = s
        .http
        .post(format!("{}/rally/api/v1/contacts", s.base))
        .bearer_auth(&token)
        .json(&json!({ "firstName": "Ana", "lastName": "Silva", "email": "ana@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await.unwrap();
    assert_eq!((created["fullName"].as_str(), created["lifecycleStage"].as_str()), (Some("Ana Silva"), Some("lead")));
    let id = created["id"].as_str().unwrap();
    // Seeded contacts were updated in 2026; only the new one is newer than 2026-06.
    let changed: Value = get("/contacts?updatedSince=2026-06-01T00:00:00Z".into()).await.unwrap().json().await.unwrap();
    assert_eq!(changed["total"], 1);
    assert_eq!(changed["data"][0]["id"], id);
    assert_eq!(
        s.http
            .delete(format!("{}/rally/api/v1/contacts/{id}", s.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let feed: Value =
        get("/sync/changes?since=2026-06-01T00:00:00Z&entities=contacts".into()).await.unwrap().json().await.unwrap();
    let actions: Vec<&str> = feed.as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["inserted", "deleted"]);
    assert!(get(format!("/sync/changes?since={before}"))
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());

    // Server-to-server keys work; a read-only key cannot write; a Rollout token is not a Rally token.
    let keyed = s
        .http
        .get(format!("{}/rally/api/v1/contacts?limit=1", s.base))
        .header("x-api-key", DEMO_RALLY_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(keyed.status(), 200);
    let read_only = s
        .http
        .post(format!("{}/rally/api/v1/contacts", s.base))
        .header("x-api-key", format!("{DEMO_RALLY_API_KEY}_readonly"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(read_only.status(), 403);
    // A user whose role is read-only reads but cannot write.
    let body: Value = s
        .http
        .get(format!("{}/api/rally-token?user=reader&tenant=acme&role=read", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let reader = body["token"].as_str().unwrap().to_string();
    assert_eq!(
        s.http
            .get(format!("{}/rally/api/v1/contacts?limit=1", s.base))
            .bearer_auth(&reader)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let refused = s
        .http
        .post(format!("{}/rally/api/v1/contacts", s.base))
        .bearer_auth(&reader)
        .json(&json!({ "firstName": "A", "lastName": "B", "email": "a@b.co" }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let rollout = s.token("alice").await;
    assert_eq!(
        s.http.get(format!("{}/rally/api/v1/contacts", s.base)).bearer_auth(rollout).send().await.unwrap().status(),
        401
    );
}

#[tokio::test]
async fn rally_answers_429_past_1000_requests_a_minute_with_the_reset_time() {
    let s = start(1).await;
    s.admin(Method::PUT, "/limits", json!({ "rallyPerMinute": 20 })).await;
    let token = s.rally_token("rita", "beta").await;
    let mut last = None;
    for _ in 0..21 {
        last = Some(
            s.http.get(format!("{}/rally/api/v1/contacts?limit=1", s.base)).bearer_auth(&token).send().await.unwrap(),
        );
    }
    let r = last.unwrap();
    // The 21st call draws 429 unless a new minute began mid-loop (then the window legitimately reset).
    if r.status() == 200 {
        return;
    }
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    let reset: u64 = r.headers()["x-ratelimit-reset"].to_str().unwrap().parse().unwrap();
    assert!(reset > now() && reset <= now() + 61);
}

#[tokio::test]
async fn injected_faults_are_deterministic_and_logged() {
    let s = start(5).await;
    let (token, credential) = s.alice().await;
    s.admin(Method::PUT, "/faults", json!({ "rate503": 1.0 })).await;
    let (status, body) = s.crm(Method::GET, "/people", &token, Some(&credential), None).await;
    assert_eq!(
        (status, body["error"].as_str().unwrap()),
        (StatusCode::SERVICE_UNAVAILABLE, "injected fault: Service Unavailable")
    );

    // A connection dropped after the write: the client hears nothing, the person exists.
    s.admin(Method::PUT, "/faults", json!({ "dropCount": 1, "dropMethod": "POST", "dropAfter": true })).await;
    let sent = s
        .http
        .post(format!("{}/crm/api/people", s.base))
        .bearer_auth(&token)
        .header("x-rollout-credential-id", &credential)
        .json(&json!({ "firstName": "Dropped" }))
        .send()
        .await;
    let answer = match sent {
        Ok(response) => response.bytes().await.map(|_| ()),
        Err(e) => Err(e),
    };
    assert!(answer.is_err(), "the connection must break before an answer arrives");
    let (_, page) = s.crm(Method::GET, "/people?offset=5", &token, Some(&credential), None).await;
    assert_eq!(page["people"][0]["name"], "Dropped");

    let log = s.admin(Method::GET, "/log?user=alice", json!({})).await;
    assert_eq!(log["injected"]["503"], 1);
    assert_eq!(log["injected"]["drop"], 1);
    assert_eq!(log["token_requests"], 1);
}

#[tokio::test]
async fn paging_10000_people_at_100_a_request_is_fast() {
    let s = start(1).await;
    s.admin(Method::PUT, "/limits", json!({ "rolloutPerSecond": 1000 })).await;
    let credential = s.admin(Method::POST, "/credentials", json!({ "user": "big", "people": 10_000 })).await;
    let id = credential["id"].as_str().unwrap().to_string();
    let token = s.token("big").await;
    let started = Instant::now();
    let mut count = 0;
    let mut path = "/people?limit=100".to_string();
    loop {
        let (_, page) = s.crm(Method::GET, &path, &token, Some(&id), None).await;
        count += page["people"].as_array().unwrap().len();
        match page["_metadata"]["next"].as_str() {
            Some(next) => path = format!("/people?limit=100&next={next}"),
            None => break,
        }
    }
    let wall = started.elapsed();
    let log = s.admin(Method::GET, "/log?user=big", json!({})).await;
    let server_ms = log["server_micros"].as_u64().unwrap() as f64 / 1000.0;
    println!(
        "paged {count} people in 100 requests: {server_ms:.1} ms of server time, {:.0} ms wall (client included)",
        wall.as_secs_f64() * 1000.0
    );
    assert_eq!(count, 10_000);
}
