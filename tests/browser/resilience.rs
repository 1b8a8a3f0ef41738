//! The panel under faults, and with broken input: nothing typed is lost, nobody appears twice, and
//! every failure says what to do.
use std::collections::HashSet;

use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::support::*;

fn attrs(user: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut a = rollout_attrs(user);
    a.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    a
}

/// Scrolls the list from top to bottom and returns the ids of every row rendered on the way.
async fn ids_while_scrolling(panel: &Mounted) -> HashSet<String> {
    let scroller: HtmlElement = panel.first(".pp-scroll").unwrap().dyn_into().unwrap();
    let mut ids = HashSet::new();
    let mut top = 0;
    loop {
        scroller.set_scroll_top(top);
        sleep(40).await;
        ids.extend(panel.all(".pp-row").iter().filter_map(|r| r.get_attribute("data-id")));
        if top >= scroller.scroll_height() - scroller.client_height() {
            return ids;
        }
        top += scroller.client_height();
    }
}

async fn create(panel: &Mounted, first: &str, last: &str, email: &str) {
    panel.open_form().await;
    panel.type_into("#pp-first_name", first);
    panel.type_into("#pp-last_name", last);
    panel.type_into("#pp-email", email);
    panel.button("Save person").click();
}

#[wasm_bindgen_test]
async fn under_5xx_429_latency_and_dropped_creates_everyone_shows_once_and_creates_are_exact() {
    let user = unique("faults");
    connect_crm(&user, 300, "hubspot").await;
    let faults = json!({ "user": user, "seed": 42, "rate500": 0.1, "rate503": 0.1, "rate429": 0.1, "latencyMs": 10 });
    admin("PUT", "/faults", faults.clone()).await;
    let panel = mount(&attrs(&user, &[("page-size", "25")]));
    panel.until(|m| m.text(".pp-count").ends_with("of 300"), "the first page").await;
    panel.load_all("300 of 300").await;
    let ids = ids_while_scrolling(&panel).await;
    assert_eq!(ids.len(), 300, "every person shown, none twice (ids are unique per person)");

    // A create whose connection drops after the CRM saved it: reconciled, not sent again.
    let mut dropped = faults.clone();
    dropped["dropCount"] = json!(1);
    dropped["dropMethod"] = json!("POST");
    dropped["dropAfter"] = json!(true);
    admin("PUT", "/faults", dropped).await;
    create(&panel, "Saved", "Once", &format!("{user}-1@example.com")).await;
    panel.until(|m| m.text(".pp-notice").contains("Added Saved Once."), "the confirmed create").await;
    let posts = |log: serde_json::Value| -> Vec<String> {
        log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["method"] != "GET")
            .map(|e| format!("{} {} {}", e["method"], e["path"], e["status"]))
            .collect()
    };
    assert!(
        panel.text(".pp-notice").contains("confirms it was saved once"),
        "{} {:?}",
        panel.text(".pp-notice"),
        posts(log(&user).await)
    );

    // A create whose connection drops before the CRM saw it: checked, then sent again once.
    let mut lost = faults.clone();
    lost["dropCount"] = json!(1);
    lost["dropMethod"] = json!("POST");
    admin("PUT", "/faults", lost).await;
    create(&panel, "Sent", "Twice", &format!("{user}-2@example.com")).await;
    panel.until(|m| m.text(".pp-notice").contains("Added Sent Twice."), "the resent create").await;
    assert!(panel.text(".pp-notice").contains("sent again"), "{}", panel.text(".pp-notice"));
    admin("PUT", "/faults", json!({})).await;

    assert_eq!(panel.text(".pp-count"), "302 of 302");
    let log = log(&user).await;
    let posts: Vec<u64> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["method"] == "POST")
        .map(|e| e["status"].as_u64().unwrap())
        .collect();
    // Two dropped (status 0) and one resent (201); injected 429s (refused unprocessed) may come before.
    assert_eq!(
        (posts.iter().filter(|s| **s == 0).count(), posts.iter().filter(|s| **s == 201).count()),
        (2, 1),
        "POST statuses: {posts:?}"
    );
    // The CRM itself holds exactly two new people.
    panel.button("Refresh").click();
    panel.until(|m| m.text(".pp-count") == "25 of 302", "the server's own total").await;
    web_sys::console::log_1(
        &format!(
            "fault run: {} requests, injected {} (500/503/429/drop), statuses {}, {} token fetch(es)",
            log["requests"], log["injected"], log["by_status"], log["token_requests"]
        )
        .into(),
    );
}

#[wasm_bindgen_test]
async fn retries_are_visible_then_a_retry_button_recovers() {
    let user = unique("retrying");
    let id = connect_crm(&user, 5, "hubspot").await;
    admin("PUT", "/faults", json!({ "user": user, "rate503": 1.0 })).await;
    let panel = mount(&attrs(&user, &[("credential-id", &id)]));
    panel.until(|m| m.first("[data-notice=retrying]").is_some(), "the retrying notice").await;
    assert!(panel.text("[data-notice=retrying]").starts_with("Retrying…"));
    panel.until(|m| m.state().as_deref() == Some("error"), "the failure after bounded retries").await;
    assert_eq!(panel.events_named("panel-error")[0]["status"], 503);
    admin("PUT", "/faults", json!({})).await;
    panel.button("Try again").click();
    panel.until(|m| m.text(".pp-count") == "5 of 5", "people after the retry").await;
}

#[wasm_bindgen_test]
async fn a_broken_token_route_asks_to_sign_in_and_names_the_route() {
    for (answer, says) in [
        ("html", "HTML page"),
        ("empty", "answered nothing"),
        ("garbage", "not a JWT"),
        ("expired", "expired token"),
        ("fail", "answered HTTP 401"),
    ] {
        let user = unique("token");
        let mut a = attrs(&user, &[]);
        let route = format!("{}/api/rollout-token?user={user}&as={answer}", server());
        a[0].1 = route.clone();
        let panel = mount(&a);
        panel.until(|m| m.state().as_deref() == Some("signed-out"), answer).await;
        let message = panel.text(".pp-message");
        assert!(
            message.starts_with("Sign-in needed") && message.contains(&route) && message.contains(says),
            "{answer}: {message}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_malformed_answer_is_a_clear_error_not_a_crash() {
    let user = unique("malformed");
    let id = connect_crm(&user, 5, "hubspot").await;
    admin(
        "PUT",
        "/faults",
        json!({ "user": user, "failNext": { "count": 1, "method": "GET", "status": 200, "error": "surprise" } }),
    )
    .await;
    let panel = mount(&attrs(&user, &[("credential-id", &id)]));
    panel.until(|m| m.state().as_deref() == Some("error"), "the error state").await;
    assert!(panel.text(".pp-message").contains("can't read"), "{}", panel.text(".pp-message"));
    admin("PUT", "/faults", json!({})).await;
    panel.button("Try again").click();
    panel.until(|m| m.text(".pp-count") == "5 of 5", "people after the retry").await;
}

#[wasm_bindgen_test]
async fn a_create_stored_despite_a_500_is_confirmed_once_from_what_was_found() {
    let user = unique("stored500");
    connect_crm(&user, 5, "hubspot").await;
    let panel = mount(&attrs(&user, &[]));
    panel.until_rows().await;
    // The CRM stores the create and answers 500; a read of one person by id would fail too.
    let scripts = json!([
        { "count": 1, "method": "POST", "status": 500, "error": "Internal Server Error", "after": true },
        { "count": 5, "method": "GET", "pathPrefix": "/crm/api/people/", "status": 404, "error": "Not found" },
    ]);
    admin("PUT", "/faults", json!({ "user": user, "failNext": scripts })).await;
    create(&panel, "Stored", "Anyway", &format!("{user}@example.com")).await;
    panel.until(|m| m.text(".pp-notice").contains("Added Stored Anyway."), "the confirmed create").await;
    assert!(panel.text(".pp-notice").contains("confirms it was saved once"), "{}", panel.text(".pp-notice"));
    assert!(panel.first("form").is_none(), "nothing invites a second save");
    assert_eq!(panel.events_named("person-created")[0]["lastName"], "Anyway");
    assert_eq!(count_requests(&user, "POST", "/people").await, 1);
    assert_eq!(panel.text(".pp-count"), "6 of 6");
}

#[wasm_bindgen_test]
async fn on_a_shared_browser_nobody_sees_another_users_draft() {
    // One browser session (the same token route), two people signing in to it in turn. Tokens
    // live 32 s, so each sign-in is followed by a fresh token (stale 30 s before it expires).
    let (session, ana, ben) = (unique("session"), unique("ana"), unique("ben"));
    connect_crm(&ana, 2, "hubspot").await;
    connect_crm(&ben, 2, "hubspot").await;
    let mut a = rollout_attrs(&ana);
    a[0].1 = format!("{}/api/rollout-token?session={session}&ttl=32", server());
    let sign_in = |user: String| {
        let session = session.clone();
        async move {
            sleep(2_500).await;
            admin("PUT", "/sessions", json!({ "session": session, "user": user })).await;
        }
    };

    sign_in(ana.clone()).await;
    let panel = mount(&a);
    panel.until_rows().await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Private");
    panel.type_into("#pp-phone", "+1 555 0100");
    drop(panel);

    sign_in(ben.clone()).await;
    let panel = mount(&a);
    panel.until_rows().await;
    assert!(panel.first("form").is_none(), "the form does not reopen with another user's draft");
    panel.open_form().await;
    let value = |m: &Mounted, sel: &str| m.first(sel).unwrap().dyn_into::<HtmlInputElement>().unwrap().value();
    assert_eq!((value(&panel, "#pp-first_name"), value(&panel, "#pp-phone")), (String::new(), String::new()));
    drop(panel);

    sign_in(ana.clone()).await;
    let panel = mount(&a);
    panel.until(|m| m.first("#pp-first_name").is_some(), "her own draft").await;
    assert_eq!(value(&panel, "#pp-first_name"), "Private");
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_reload_and_the_token_is_never_stored() {
    let user = unique("draft");
    connect_crm(&user, 2, "hubspot").await;
    let panel = mount(&attrs(&user, &[]));
    panel.until_rows().await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Half");
    panel.type_into("#pp-email", "half@exa");
    drop(panel);

    let again = mount(&attrs(&user, &[]));
    again.until(|m| m.first("#pp-first_name").is_some(), "the form reopened with the draft").await;
    let value = |sel: &str| again.first(sel).unwrap().dyn_into::<HtmlInputElement>().unwrap().value();
    assert_eq!((value("#pp-first_name"), value("#pp-email")), ("Half".to_string(), "half@exa".to_string()));
    again.type_into("#pp-email", "half@example.com");
    again.button("Save person").click();
    again.until(|m| m.text(".pp-notice").contains("Added Half."), "the create").await;

    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        let value = storage.get_item(&key).unwrap().unwrap_or_default();
        assert!(!value.contains("eyJ"), "a token was stored under {key}");
        assert!(!(key.contains(&user) && key.contains("draft")), "the draft is cleared after saving");
    }
}
