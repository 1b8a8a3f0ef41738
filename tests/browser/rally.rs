//! The same panel on Rally CRM: `provider="rally"`, offset paging with `fields`, Rally's required
//! fields, a refresh that moves only what changed, and pacing by `X-RateLimit-*`.
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

async fn tenant(people: usize) -> String {
    let name = unique("tenant");
    admin("POST", "/rally/tenants", json!({ "tenant": name, "people": people })).await;
    name
}

fn rally_attrs(user: &str, tenant: &str, page_size: &str) -> Vec<(String, String)> {
    let s = server();
    vec![
        ("provider".into(), "rally".into()),
        ("token-url".into(), format!("{s}/api/rally-token?user={user}&tenant={tenant}")),
        ("api-base".into(), format!("{s}/rally/api/v1")),
        ("page-size".into(), page_size.into()),
    ]
}

async fn rally_token(user: &str, tenant: &str) -> String {
    fetch_json("GET", &format!("{}/api/rally-token?user={user}&tenant={tenant}", server()), None).await["token"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Changes a contact as another user of the tenant would, through Rally's API.
async fn as_editor(method: &str, tenant: &str, id: &str, body: Option<serde_json::Value>) {
    let token = rally_token("editor", tenant).await;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().unwrap();
    headers.set("Authorization", &format!("Bearer {token}")).unwrap();
    if let Some(b) = body {
        headers.set("Content-Type", "application/json").unwrap();
        init.set_body(&b.to_string().into());
    }
    init.set_headers(&headers);
    let url = format!("{}/rally/api/v1/contacts/{id}", server());
    let request = web_sys::Request::new_with_str_and_init(&url, &init).unwrap();
    let response =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_request(&request)).await.unwrap();
    let response: web_sys::Response = wasm_bindgen::JsCast::dyn_into(response).unwrap();
    assert!(response.ok(), "{method} {url}: {}", response.status());
}

#[wasm_bindgen_test]
async fn rally_contacts_page_by_offset_asking_only_for_shown_fields() {
    let (user, tenant) = (unique("rita"), tenant(130).await);
    let panel = mount(&rally_attrs(&user, &tenant, "100"));
    panel.until(|m| m.text(".pp-count") == "100 of 130", "the first page").await;
    panel.button("Load more").click();
    panel.until(|m| m.text(".pp-count") == "130 of 130", "every contact").await;
    let queries: Vec<String> = log(&user).await["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"] == "/rally/api/v1/contacts")
        .map(|e| e["query"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(queries.len(), 2);
    assert!(queries.iter().all(|q| q.contains("limit=100") && q.contains("fields=id%2CfirstName")), "{queries:?}");
    assert!(queries[1].contains("offset=100"));
}

#[wasm_bindgen_test]
async fn rally_create_needs_both_names_and_an_email() {
    let (user, tenant) = (unique("rcreate"), tenant(3).await);
    let panel = mount(&rally_attrs(&user, &tenant, "50"));
    panel.until_rows().await;
    panel.open_form().await;
    assert!(panel.first("#pp-company").is_none(), "Rally stores a company id, not a name");
    panel.type_into("#pp-first_name", "Ngozi");
    panel.button("Save person").click();
    panel
        .until(
            |m| {
                m.all(".pp-field-error").iter().filter(|e| !e.text_content().unwrap_or_default().is_empty()).count()
                    == 2
            },
            "two inline errors",
        )
        .await;
    assert_eq!(count_requests(&user, "POST", "/contacts").await, 0);
    panel.type_into("#pp-last_name", "Okafor");
    panel.type_into("#pp-email", "ngozi@example.com");
    panel.button("Save person").click();
    panel.until(|m| m.row_names().first().map(String::as_str) == Some("Ngozi Okafor"), "the new contact on top").await;
    let created = panel.events_named("person-created");
    assert_eq!(
        (created[0]["fullName"].as_str(), created[0]["lifecycleStage"].as_str()),
        (Some("Ngozi Okafor"), Some("lead"))
    );
}

/// Moves the page's clock (`Date.now`) ahead, as on a laptop whose clock is fast; restored on drop.
struct FastClock(js_sys::Function);

impl FastClock {
    fn ahead_by_minutes(minutes: u32) -> FastClock {
        let skew = js_sys::Function::new_no_args(&format!(
            "const real = Date.now; Date.now = () => real() + {}; return real;",
            minutes * 60_000
        ));
        FastClock(skew.call0(&wasm_bindgen::JsValue::NULL).unwrap().unchecked_into())
    }
}

impl Drop for FastClock {
    fn drop(&mut self) {
        let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        js_sys::Reflect::set(&date, &"now".into(), &self.0).unwrap();
    }
}

#[wasm_bindgen_test]
async fn with_the_clock_20_minutes_fast_tokens_work_and_a_lost_create_is_found_not_resent() {
    let _clock = FastClock::ahead_by_minutes(20);
    let (user, tenant) = (unique("fastclock"), tenant(5).await);
    let panel = mount(&rally_attrs(&user, &tenant, "50"));
    panel.until_rows().await;
    // The CRM saves the create, but the connection drops before its answer: the panel must look for
    // it with `updatedSince` in the server's time, not the fast clock's (which finds nothing).
    admin("PUT", "/faults", json!({ "user": user, "dropCount": 1, "dropMethod": "POST", "dropAfter": true })).await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Clock");
    panel.type_into("#pp-last_name", "Ahead");
    panel.type_into("#pp-email", &format!("{user}@example.com"));
    panel.button("Save person").click();
    panel.until(|m| m.text(".pp-notice").contains("Added Clock Ahead."), "the create").await;
    assert!(panel.text(".pp-notice").contains("confirms it was saved once"), "{}", panel.text(".pp-notice"));
    assert_eq!(count_requests(&user, "POST", "/contacts").await, 1, "sent once");
}

#[wasm_bindgen_test]
async fn a_read_only_user_is_told_they_lack_permission_and_keeps_the_list() {
    let (user, tenant) = (unique("reader"), tenant(5).await);
    let mut attrs = rally_attrs(&user, &tenant, "50");
    attrs[1].1.push_str("&role=read");
    let panel = mount(&attrs);
    panel.until_rows().await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Ngozi");
    panel.type_into("#pp-last_name", "Okafor");
    panel.type_into("#pp-email", "ngozi@example.com");
    panel.button("Save person").click();
    panel.until(|m| !m.text(".pp-form-message").is_empty(), "the refusal").await;
    let message = panel.text(".pp-form-message");
    assert!(message.contains("You don't have permission") && !message.contains("Reconnect"), "{message}");
    assert_eq!(panel.text(".pp-count"), "5 of 5", "the list keeps working");
    assert_eq!(panel.first(".pp-state"), None, "no failure state replaces the list");
    assert_eq!(
        panel.first("#pp-first_name").map(|i| i.unchecked_into::<web_sys::HtmlInputElement>().value()).as_deref(),
        Some("Ngozi"),
        "what was typed is kept"
    );
}

#[wasm_bindgen_test]
async fn a_rally_refresh_moves_only_what_changed() {
    let (user, tenant) = (unique("refresh"), tenant(1000).await);
    let panel = mount(&rally_attrs(&user, &tenant, "100"));
    panel.until_rows().await;
    panel.load_all("1,000 of 1,000").await;
    let full: Vec<serde_json::Value> = log(&user).await["entries"].as_array().unwrap().clone();
    let full_bytes: u64 =
        full.iter().filter(|e| e["path"] == "/rally/api/v1/contacts").map(|e| e["bytes"].as_u64().unwrap()).sum();

    let ids: Vec<String> = panel.all(".pp-row").iter().filter_map(|r| r.get_attribute("data-id")).collect();
    as_editor("PUT", &tenant, &ids[0], Some(json!({ "title": "Head of Sales" }))).await;
    as_editor("DELETE", &tenant, &ids[1], None).await;

    panel.button("Refresh").click();
    panel.until(|m| m.text(".pp-notice").starts_with("Up to date"), "the refresh").await;
    assert_eq!(panel.text(".pp-notice"), "Up to date: 1 changed or new, 1 removed. ×");
    assert_eq!(panel.text(".pp-count"), "999 of 999");
    assert!(panel.all(".pp-row").iter().all(|r| r.get_attribute("data-id").as_deref() != Some(ids[1].as_str())));

    let entries = log(&user).await["entries"].as_array().unwrap().clone();
    // Refresh asks the token route again first (a user switch in the host shows at once).
    let (token, refresh): (Vec<_>, Vec<_>) =
        entries[full.len()..].iter().cloned().partition(|e| e["path"] == "/api/rally-token");
    assert_eq!(token.len(), 1, "one token request for the refresh");
    assert_eq!(refresh.len(), 2, "one changed-contacts page and one change-feed call: {refresh:?}");
    assert!(refresh[0]["query"].as_str().unwrap().contains("updatedSince="));
    assert_eq!(refresh[1]["path"], "/rally/api/v1/sync/changes");
    let bytes: u64 = refresh.iter().map(|e| e["bytes"].as_u64().unwrap()).sum();
    web_sys::console::log_1(&format!("rally refresh after 1 change + 1 delete among 1,000: 1 contact record + 2 change entries in {bytes} bytes over 2 requests (the full load: 1,000 records in {full_bytes} bytes over 10 requests)").into());
}

#[wasm_bindgen_test]
async fn rally_requests_wait_for_the_rate_limit_reset_instead_of_drawing_429() {
    let (user, tenant) = (unique("paced"), tenant(30).await);
    admin("PUT", "/limits", json!({ "rallyPerMinute": 4, "rallyWindowMs": 2000 })).await;
    let panel = mount(&rally_attrs(&user, &tenant, "5"));
    panel.until_rows().await;
    panel.load_all("30 of 30").await;
    admin("PUT", "/limits", json!({ "rallyPerMinute": 1000, "rallyWindowMs": 60000 })).await;
    let by_status = log(&user).await["by_status"].clone();
    assert_eq!(by_status, json!({ "200": 7 }), "6 pages + the token, no 429");
}

#[wasm_bindgen_test]
async fn a_failed_refresh_keeps_the_list_and_its_retry_refreshes() {
    let (user, tenant) = (unique("reretry"), tenant(5).await);
    let panel = mount(&rally_attrs(&user, &tenant, "50"));
    panel.until(|m| m.text(".pp-count") == "5 of 5", "the contacts").await;
    admin("PUT", "/faults", json!({ "user": user, "failNext": { "count": 1, "method": "GET", "status": 400, "error": "updatedSince is out of range" } })).await;
    panel.button("Refresh").click();
    panel.until(|m| m.text("[data-notice=error]").contains("updatedSince is out of range"), "the failure").await;
    admin("PUT", "/faults", json!({})).await;
    assert_eq!(panel.text(".pp-count"), "5 of 5", "the loaded contacts stay");
    panel.button("Retry").click();
    panel.until(|m| m.text(".pp-notice").starts_with("Up to date: 0 changed"), "the retried refresh").await;
}

/// Regression: a request waiting for the rate-limit reset held the page-wide pacer borrowed, so another
/// request of the page reserving a slot meanwhile panicked ("already borrowed").
#[wasm_bindgen_test]
async fn two_panels_waiting_on_one_rate_limit_both_finish() {
    let tenant = tenant(20).await;
    admin("PUT", "/limits", json!({ "rallyPerMinute": 2, "rallyWindowMs": 1500 })).await;
    let a = mount(&rally_attrs(&unique("pacer-a"), &tenant, "5"));
    let b = mount(&rally_attrs(&unique("pacer-b"), &tenant, "7"));
    a.until(|m| m.text(".pp-count") == "5 of 20", "panel A's first page").await;
    b.until(|m| m.text(".pp-count") == "7 of 20", "panel B's first page").await;
    // The window is used up: both next pages wait for its reset, at the same time.
    a.button("Load more").click();
    b.button("Load more").click();
    a.until(|m| m.text(".pp-count") == "10 of 20", "panel A's second page").await;
    b.until(|m| m.text(".pp-count") == "14 of 20", "panel B's second page").await;
    admin("PUT", "/limits", json!({ "rallyPerMinute": 1000, "rallyWindowMs": 60000 })).await;
}

#[wasm_bindgen_test]
async fn a_rally_contact_is_deleted_after_confirming() {
    let (user, tenant) = (unique("rdelete"), tenant(3).await);
    let panel = mount(&rally_attrs(&user, &tenant, "50"));
    panel.until_rows().await;
    let (_, id) = panel.open_first().await;
    panel.delete_confirmed().await;
    panel.until(|m| m.text(".pp-count") == "2 of 2", "the row gone").await;
    assert_eq!(panel.events_named("person-deleted"), [json!({ "id": id })]);
    assert_eq!(count_requests(&user, "DELETE", &format!("/contacts/{id}")).await, 1);
}

#[wasm_bindgen_test]
async fn a_rally_contact_is_edited_with_only_what_changed() {
    let (user, tenant) = (unique("redit"), tenant(3).await);
    let panel = mount(&rally_attrs(&user, &tenant, "50"));
    panel.until_rows().await;
    let (_, id) = panel.open_first().await;
    panel.edit().await;
    panel.type_into("#pp-job_title", "Broker");
    panel.save_changes().await;
    panel.until(|m| m.text(".pp-notice").contains("Saved "), "the save").await;
    let updated = panel.events_named("person-updated");
    assert_eq!((updated[0]["id"].as_str(), updated[0]["title"].as_str()), (Some(id.as_str()), Some("Broker")));
    assert_eq!(count_requests(&user, "PUT", &format!("/contacts/{id}")).await, 1);
}
