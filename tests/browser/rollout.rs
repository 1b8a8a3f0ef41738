//! The Rollout people workflow, as a user and a host page see it.
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

fn with(mut attrs: Vec<(String, String)>, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    attrs.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    attrs
}

#[wasm_bindgen_test]
async fn two_panels_share_one_token_fetch() {
    let user = unique("share");
    connect_crm(&user, 30, "hubspot").await;
    let a = mount(&rollout_attrs(&user));
    let b = mount(&rollout_attrs(&user));
    a.until_rows().await;
    b.until_rows().await;
    assert_eq!(log(&user).await["token_requests"], 1, "one token fetch for both panels and all their requests");
}

#[wasm_bindgen_test]
async fn credential_from_the_attribute_skips_the_credentials_api() {
    let user = unique("attr");
    connect_crm(&user, 10, "lofty").await;
    let second = connect_crm(&user, 12, "hubspot").await;
    let panel = mount(&with(rollout_attrs(&user), &[("credential-id", &second), ("page-size", "100")]));
    panel.until(|m: &Mounted| m.text(".pp-count") == "12 of 12", "12 people of the chosen credential").await;
    assert_eq!(count_requests(&user, "GET", "/credentials").await, 0);
    assert_eq!(panel.el.unchecked_ref::<js_sys::Object>().get_credential_id(), Some(second));
}

trait CredentialId {
    fn get_credential_id(&self) -> Option<String>;
}
impl CredentialId for js_sys::Object {
    fn get_credential_id(&self) -> Option<String> {
        js_sys::Reflect::get(self, &"credentialId".into()).ok()?.as_string()
    }
}

#[wasm_bindgen_test]
async fn no_credential_asks_to_connect_then_the_callback_loads_and_is_remembered() {
    let user = unique("none");
    let panel = mount(&rollout_attrs(&user));
    panel.until(|m: &Mounted| m.state().as_deref() == Some("connect"), "the connect state").await;
    assert_eq!(panel.events_named("credential-required"), [json!({})]);

    // What a host does in Rollout Link's onCredentialAdded.
    let id = connect_crm(&user, 7, "follow-up-boss").await;
    let on_added: js_sys::Function =
        js_sys::Reflect::get(&panel.el, &"onCredentialAdded".into()).unwrap().dyn_into().unwrap();
    let credential = js_sys::JSON::parse(&json!({ "id": id, "appKey": "follow-up-boss" }).to_string()).unwrap();
    on_added.call1(&panel.el, &credential).unwrap();
    panel.until(|m: &Mounted| m.text(".pp-count") == "7 of 7", "the connected CRM's people").await;
    assert_eq!(panel.events_named("credential-changed"), [json!({ "id": id, "appKey": "follow-up-boss" })]);

    // A later page load uses the saved id without asking the credentials API again.
    let before = count_requests(&user, "GET", "/credentials").await;
    drop(panel);
    let again = mount(&rollout_attrs(&user));
    again.until(|m: &Mounted| m.text(".pp-count") == "7 of 7", "people from the saved credential").await;
    assert_eq!(count_requests(&user, "GET", "/credentials").await, before);
}

#[wasm_bindgen_test]
async fn one_credential_is_used_and_several_offer_a_choice() {
    let solo = unique("solo");
    connect_crm(&solo, 3, "cloze").await;
    let one = mount(&rollout_attrs(&solo));
    one.until(|m: &Mounted| m.text(".pp-count") == "3 of 3", "the only credential's people").await;

    let user = unique("pick");
    connect_crm(&user, 4, "hubspot").await;
    let lofty = connect_crm(&user, 6, "lofty").await;
    let panel = mount(&rollout_attrs(&user));
    panel.until(|m: &Mounted| m.state().as_deref() == Some("choose"), "the picker").await;
    let choices: Vec<String> = panel.all(".pp-choice").iter().filter_map(|c| c.text_content()).collect();
    assert_eq!(choices.len(), 2);
    assert!(choices[1].contains("lofty"), "{choices:?}");
    panel.all(".pp-choice")[1].unchecked_ref::<web_sys::HtmlElement>().click();
    panel.until(|m: &Mounted| m.text(".pp-count") == "6 of 6", "the chosen CRM's people").await;
    assert_eq!(panel.events_named("credential-changed")[0]["id"], lofty);
}

#[wasm_bindgen_test]
async fn paging_reaches_the_last_person_with_none_missing_or_repeated() {
    let user = unique("paging");
    connect_crm(&user, 130, "hubspot").await;
    let panel = mount(&with(rollout_attrs(&user), &[("page-size", "50")]));
    panel.until(|m: &Mounted| m.text(".pp-count") == "50 of 130", "the first page").await;
    panel.load_all("130 of 130").await;
    assert_eq!(panel.text(".pp-footer"), "Everyone is loaded.");
    // Three pages, each asked for once.
    let pages: Vec<String> = log(&user).await["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"] == "/crm/api/people")
        .map(|e| e["query"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
}

#[wasm_bindgen_test]
async fn search_filters_what_is_loaded() {
    let (_, panel) = loaded_panel("search", 40).await;
    let first = panel.row_names()[0].clone();
    panel.type_into(".pp-search", &first.to_uppercase());
    panel.until(|m: &Mounted| m.row_names().iter().all(|n| n == &first), "only matching rows").await;
    assert!(panel.text(".pp-count").contains("matching · 40 of 40 loaded"), "{}", panel.text(".pp-count"));
    panel.type_into(".pp-search", "zzz-nobody");
    panel.until(|m: &Mounted| m.row_names().is_empty(), "no rows").await;
    assert!(panel.text(".pp-empty").contains("No loaded person matches “zzz-nobody”"));
}

#[wasm_bindgen_test]
async fn search_ignores_case_and_diacritics() {
    let user = unique("fold");
    let credential = connect_crm(&user, 40, "hubspot").await;
    // Names of every kind, whatever the seed holds.
    for (first, last) in [("Zoë", "Quintero"), ("Søren", "Vestergaard"), ("Heinz", "Müller"), ("Łukasz", "Wiśniewski")]
    {
        crm_create(&user, &credential, serde_json::json!({ "firstName": first, "lastName": last })).await;
    }
    let panel = mount(&rollout_attrs(&user));
    panel.until_rows().await;
    // Typed on a plain keyboard: "zoe" for Zoë, "soren" for Søren, "muller" for Müller, "lukasz" for Łukasz.
    for (typed, shown) in
        [("zoe", "Zoë"), ("SOREN", "Søren"), ("muller", "Müller"), ("lukasz wisniewski", "Łukasz Wiśniewski")]
    {
        panel.type_into(".pp-search", typed);
        panel.until(|m: &Mounted| m.row_names().first().is_some_and(|n| n.contains(shown)), typed).await;
        let names = panel.row_names();
        assert!(names.iter().all(|n| n.contains(shown)), "{typed}: {names:?}");
    }
}

#[wasm_bindgen_test]
async fn hostile_crm_values_render_as_text() {
    let (_, panel) = loaded_panel("xss", 20).await;
    // Seeded person 13 has a company of `<script>…</script>` and a tag of `<b>bold</b> & "quoted"`.
    panel.type_into(".pp-search", "<script");
    panel.until(|m: &Mounted| m.row_names().len() == 1, "the hostile row").await;
    assert_eq!(panel.text(".pp-company"), "<script>alert(\"people-panel\")</script>");
    assert_eq!(panel.text(".pp-tag"), "<b>bold</b> & \"quoted\"");
    assert!(panel.all("img, script, b").is_empty(), "no element was created from CRM text");
}

#[wasm_bindgen_test]
async fn create_shows_the_person_at_once_and_tells_the_host() {
    let (user, panel) = loaded_panel("create", 5).await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Zoë");
    panel.type_into("#pp-last_name", "Okafor");
    panel.type_into("#pp-email", "zoe@example.com");
    panel.type_into("#pp-tags", "vip, buyer");
    let gets_before = count_requests(&user, "GET", "/people").await;
    panel.button("Save person").click();
    panel
        .until(|m: &Mounted| m.row_names().first().map(String::as_str) == Some("Zoë Okafor"), "the new person on top")
        .await;
    assert_eq!(panel.text(".pp-count"), "6 of 6");
    assert_eq!(count_requests(&user, "POST", "/people").await, 1);
    assert_eq!(count_requests(&user, "GET", "/people").await, gets_before, "no refetch");
    let created = panel.events_named("person-created");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["name"], "Zoë Okafor");
    assert_eq!(created[0]["tags"], json!(["vip", "buyer"]));
    assert!(panel.first("form").is_none(), "the form closes");
    assert!(panel.text(".pp-notice").contains("Added Zoë Okafor."));
}

#[wasm_bindgen_test]
async fn invalid_input_is_caught_before_sending() {
    let (user, panel) = loaded_panel("invalid", 2).await;
    panel.open_form().await;
    panel.button("Save person").click();
    panel.until(|m: &Mounted| !m.text(".pp-field-error").is_empty(), "an inline error").await;
    assert_eq!(panel.text(".pp-field-error"), "Enter a first or last name.");
    panel.type_into("#pp-first_name", "Ana");
    panel.type_into("#pp-email", "ana@example");
    panel.button("Save person").click();
    panel.until(|m: &Mounted| m.first("#pp-email[aria-invalid=true]").is_some(), "the email marked invalid").await;
    assert_eq!(count_requests(&user, "POST", "/people").await, 0);
}

#[wasm_bindgen_test]
async fn a_server_refusal_keeps_what_was_typed_and_says_why() {
    let (user, panel) = loaded_panel("refused", 2).await;
    admin("PUT", "/faults", json!({ "user": user, "failNext": { "count": 1, "method": "POST", "status": 400, "error": "Follow Up Boss requires a phone number" } })).await;
    panel.open_form().await;
    panel.type_into("#pp-first_name", "Kenji");
    panel.button("Save person").click();
    panel
        .until(|m: &Mounted| m.text(".pp-form-message").contains("requires a phone number"), "the server's message")
        .await;
    admin("PUT", "/faults", json!({})).await;
    let input: web_sys::HtmlInputElement = panel.first("#pp-first_name").unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "Kenji");
    assert_eq!(panel.row_names().len(), 2, "nobody was added");
    assert!(panel.events_named("person-created").is_empty());
}

#[wasm_bindgen_test]
async fn an_expired_session_refetches_the_token_once() {
    let (user, panel) = loaded_panel("renew", 3).await;
    admin("POST", "/revoke-tokens", json!({})).await;
    // The next request after the revocation (not Refresh: it asks for a new token first anyway):
    // Edit reads the person's record.
    panel.open_first().await;
    panel.button("Edit").click();
    let mut log = serde_json::Value::Null;
    for _ in 0..100 {
        log = crate::support::log(&user).await;
        if log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["path"].as_str().unwrap().contains("/people/") && e["status"] == 200)
        {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(log["token_requests"], 2, "one refetch after the 401");
    assert_eq!(log["by_status"]["401"], 1);
}

#[wasm_bindgen_test]
async fn an_invalid_credential_says_reconnect() {
    let user = unique("forbidden");
    let panel = mount(&with(rollout_attrs(&user), &[("credential-id", "cred_does_not_exist")]));
    panel.until(|m: &Mounted| m.state().as_deref() == Some("reconnect"), "the reconnect state").await;
    assert!(panel.text(".pp-message").starts_with("Reconnect your CRM"));
    assert_eq!(panel.events_named("panel-error")[0]["status"], 403);
}

#[wasm_bindgen_test]
async fn a_syncing_crm_shows_it_then_loads() {
    let user = unique("syncing");
    let id = admin("POST", "/credentials", json!({ "user": user, "people": 4, "syncingMs": 1500 })).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let panel = mount(&with(rollout_attrs(&user), &[("credential-id", &id)]));
    panel.until(|m: &Mounted| m.state().as_deref() == Some("syncing"), "the syncing state").await;
    assert!(panel.text(".pp-state").contains("Your CRM is still syncing"));
    panel.until(|m: &Mounted| m.text(".pp-count") == "4 of 4", "people after the sync").await;
    assert!(log(&user).await["by_status"]["409"].as_u64().unwrap() >= 1);
}

#[wasm_bindgen_test]
async fn a_bad_attribute_is_named_and_fixing_it_applies_live() {
    let user = unique("config");
    connect_crm(&user, 3, "hubspot").await;
    let panel = mount(&with(rollout_attrs(&user), &[("page-size", "0")]));
    panel.until(|m: &Mounted| m.state().as_deref() == Some("config"), "the config message").await;
    assert!(panel.text(".pp-message").contains("page-size=\"0\""));
    panel.el.set_attribute("page-size", "2").unwrap();
    panel.until(|m: &Mounted| m.text(".pp-count") == "2 of 3", "a page of two").await;
}

#[wasm_bindgen_test]
async fn a_token_is_replaced_before_it_expires_without_a_401() {
    let user = unique("expiry");
    connect_crm(&user, 3, "hubspot").await;
    // A 32-second token is stale 2 s after it is minted (the panel keeps 30 s of margin).
    let mut attrs = rollout_attrs(&user);
    attrs[0].1.push_str("&ttl=32");
    let panel = mount(&attrs);
    panel.until_rows().await;
    sleep(2_500).await;
    panel.button("Refresh").click();
    sleep(100).await;
    panel.until_rows().await;
    let log = log(&user).await;
    assert_eq!(log["token_requests"], 2, "a fresh token for the refresh");
    assert!(log["by_status"].get("401").is_none(), "never sent an expiring token: {}", log["by_status"]);
}

#[wasm_bindgen_test]
async fn delete_asks_by_name_first_then_removes_the_row_and_tells_the_host() {
    let (user, panel) = loaded_panel("delete", 5).await;
    let (name, id) = panel.open_first().await;
    panel.button("Delete").click();
    panel.until(|m| m.first(".pp-confirm").is_some(), "the confirmation").await;
    assert!(
        panel.text(".pp-confirm").contains(&format!("Delete {name} from the CRM?")),
        "{}",
        panel.text(".pp-confirm")
    );
    panel.button("Cancel").click();
    panel.until(|m| m.first(".pp-confirm").is_none(), "the confirmation closed").await;
    assert_eq!(count_requests(&user, "DELETE", "").await, 0, "cancel sends nothing");

    panel.button("Delete").click();
    panel.until(|m| m.first(".pp-confirm").is_some(), "the confirmation again").await;
    panel.button("Yes, delete").click();
    panel.until(|m| m.text(".pp-count") == "4 of 4", "the row gone").await;
    assert!(!panel.row_names().contains(&name));
    assert_eq!(panel.events_named("person-deleted"), [json!({ "id": id })]);
    assert!(panel.text(".pp-notice").contains(&format!("Deleted {name}.")));
    assert_eq!(count_requests(&user, "DELETE", &format!("/people/{id}")).await, 1);
}

#[wasm_bindgen_test]
async fn a_delete_of_someone_already_gone_drops_the_row_and_a_failed_one_keeps_it() {
    let (user, panel) = loaded_panel("delete404", 5).await;
    admin(
        "PUT",
        "/faults",
        json!({ "user": user, "failNext": { "count": 1, "method": "DELETE", "status": 404, "error": "Not found" } }),
    )
    .await;
    let (name, _) = panel.open_first().await;
    panel.delete_confirmed().await;
    panel.until(|m| m.text(".pp-count") == "4 of 4", "the row dropped").await;
    assert!(panel.text(".pp-notice").contains("already deleted elsewhere"), "{}", panel.text(".pp-notice"));

    // A CRM that keeps failing: retried, then the person stays and the reason is shown.
    admin(
        "PUT",
        "/faults",
        json!({ "user": user, "failNext": { "count": 6, "method": "DELETE", "status": 503, "error": "maintenance" } }),
    )
    .await;
    let (name2, _) = panel.open_first().await;
    assert_ne!(name, name2);
    panel.delete_confirmed().await;
    panel.until(|m| m.first(".pp-confirm .pp-error").is_some(), "the reason").await;
    assert!(
        panel.text(".pp-confirm .pp-error").contains("It was not deleted."),
        "{}",
        panel.text(".pp-confirm .pp-error")
    );
    assert_eq!(panel.text(".pp-count"), "4 of 4", "the row stays");
    assert!(panel.row_names().contains(&name2));
    assert!(panel.events_named("person-deleted").len() == 1);
}

fn input_value(panel: &Mounted, selector: &str) -> String {
    panel.first(selector).unwrap().unchecked_into::<web_sys::HtmlInputElement>().value()
}

#[wasm_bindgen_test]
async fn edit_saves_only_a_change_and_the_row_shows_the_crms_answer() {
    let (user, panel) = loaded_panel("edit", 5).await;
    let (name, id) = panel.open_first().await;
    let source = panel.text(".pp-detail dl");
    panel.edit().await;
    assert!(name.starts_with(&input_value(&panel, "#pp-first_name")), "prefilled: {name}");
    panel.until(|m| m.save_disabled(), "an unchanged form cannot be saved").await;
    panel.type_into("#pp-email", "changed@example.com");
    panel.save_changes().await;
    panel.until(|m| m.text(".pp-notice").contains("Saved "), "the save").await;
    assert!(panel.first("form").is_none(), "the form closes");
    let updated = panel.events_named("person-updated");
    assert_eq!(
        (updated[0]["id"].as_str(), updated[0]["emails"][0]["value"].as_str()),
        (Some(id.as_str()), Some("changed@example.com"))
    );
    assert_eq!(count_requests(&user, "PUT", &format!("/people/{id}")).await, 1);
    assert!(
        panel.text(".pp-row .pp-contact").starts_with("changed@example.com"),
        "{}",
        panel.text(".pp-row .pp-contact")
    );
    // Nothing the form doesn't show was lost.
    panel.open_first().await;
    let after = panel.text(".pp-detail dl");
    for kept in ["Source", "Created"] {
        assert_eq!(source.contains(kept), after.contains(kept), "{kept}: {source} / {after}");
    }
}

#[wasm_bindgen_test]
async fn an_edit_refused_keeps_the_values_and_one_deleted_elsewhere_drops_the_row() {
    let (user, panel) = loaded_panel("editfail", 5).await;
    admin("PUT", "/faults", json!({ "user": user, "failNext": { "count": 1, "method": "PUT", "status": 400, "error": "this email belongs to another person" } })).await;
    panel.open_first().await;
    panel.edit().await;
    panel.until(|m| m.save_disabled(), "the full record").await;
    panel.type_into("#pp-email", "taken@example.com");
    panel.save_changes().await;
    panel.until(|m| !m.text(".pp-form-message").is_empty(), "the refusal").await;
    let message = panel.text(".pp-form-message");
    assert!(
        message.contains("this email belongs to another person") && message.contains("Your values are kept"),
        "{message}"
    );
    assert_eq!(input_value(&panel, "#pp-email"), "taken@example.com");

    admin(
        "PUT",
        "/faults",
        json!({ "user": user, "failNext": { "count": 1, "method": "PUT", "status": 404, "error": "Not found" } }),
    )
    .await;
    panel.button("Save changes").click();
    panel.until(|m| m.text(".pp-count") == "4 of 4", "the row dropped").await;
    assert!(panel.text(".pp-notice").contains("deleted in the CRM by someone else"), "{}", panel.text(".pp-notice"));
    assert!(panel.first("form").is_none());
}

#[wasm_bindgen_test]
async fn an_unsaved_edit_is_kept_for_that_person_across_a_reload() {
    let (user, panel) = loaded_panel("editdraft", 3).await;
    let (_, id) = panel.open_first().await;
    panel.edit().await;
    panel.type_into("#pp-job_title", "Draft title");
    drop(panel);

    let panel = mount(&rollout_attrs(&user));
    panel.until_rows().await;
    assert!(panel.first("form").is_none(), "an edit draft doesn't open the create form");
    let (_, again) = panel.open_first().await;
    assert_eq!(again, id);
    panel.edit().await;
    assert_eq!(input_value(&panel, "#pp-job_title"), "Draft title");
}
