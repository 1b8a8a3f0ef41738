//! Helpers: the dev-server's admin API, mounting panels, reading their shadow DOM, waiting.
use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn server() -> &'static str {
    option_env!("PP_DEV_SERVER").expect("PP_DEV_SERVER is unset: run the browser suites with `cargo xtask test`")
}

/// A user no other test uses.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", (js_sys::Math::random() * 1e9) as u64)
}

pub async fn fetch_json(method: &str, url: &str, body: Option<Value>) -> Value {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(&b.to_string()));
        let headers = web_sys::Headers::new().unwrap();
        headers.set("Content-Type", "application/json").unwrap();
        init.set_headers(&headers);
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).unwrap();
    let window = web_sys::window().unwrap();
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_request(&request)).await.unwrap().dyn_into().unwrap();
    assert!(response.ok(), "{method} {url}: HTTP {}", response.status());
    let text =
        wasm_bindgen_futures::JsFuture::from(response.text().unwrap()).await.unwrap().as_string().unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

pub async fn admin(method: &str, path: &str, body: Value) -> Value {
    fetch_json(method, &format!("{}/__admin{path}", server()), Some(body)).await
}

/// The dev-server's request log for one user.
pub async fn log(user: &str) -> Value {
    fetch_json("GET", &format!("{}/__admin/log?user={user}", server()), None).await
}

/// How many logged requests of `user` went to a path ending with `suffix` with `method`.
pub async fn count_requests(user: &str, method: &str, suffix: &str) -> usize {
    log(user).await["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["method"] == method && e["path"].as_str().unwrap().ends_with(suffix))
        .count()
}

/// Creates a person through the Rollout CRM API as `user`, on `credential`, as another app would.
pub async fn crm_create(user: &str, credential: &str, person: Value) -> Value {
    let token = fetch_json("GET", &format!("{}/api/rollout-token?user={user}", server()), None).await["token"]
        .as_str()
        .unwrap()
        .to_string();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&person.to_string()));
    let headers = web_sys::Headers::new().unwrap();
    headers.set("Content-Type", "application/json").unwrap();
    headers.set("Authorization", &format!("Bearer {token}")).unwrap();
    headers.set("X-Rollout-Credential-Id", credential).unwrap();
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(&format!("{}/crm/api/people", server()), &init).unwrap();
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_request(&request))
            .await
            .unwrap()
            .dyn_into()
            .unwrap();
    assert!(response.ok(), "POST /crm/api/people: HTTP {}", response.status());
    let text =
        wasm_bindgen_futures::JsFuture::from(response.text().unwrap()).await.unwrap().as_string().unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Connects a CRM for `user` on the emulator; returns its id.
pub async fn connect_crm(user: &str, people: usize, app_key: &str) -> String {
    let c =
        admin("POST", "/credentials", serde_json::json!({ "user": user, "people": people, "appKey": app_key })).await;
    c["id"].as_str().unwrap().to_string()
}

/// A new user with one connected CRM of `people`, and a panel showing its first rows.
pub async fn loaded_panel(prefix: &str, people: usize) -> (String, Mounted) {
    let user = unique(prefix);
    connect_crm(&user, people, "hubspot").await;
    let panel = mount(&rollout_attrs(&user));
    panel.until_rows().await;
    (user, panel)
}

pub fn rollout_attrs(user: &str) -> Vec<(String, String)> {
    let s = server();
    vec![
        ("token-url".into(), format!("{s}/api/rollout-token?user={user}")),
        ("api-base".into(), format!("{s}/crm/api")),
        ("credentials-url".into(), format!("{s}/universal/api/credentials")),
    ]
}

/// A `<people-panel>` in the page, removed when dropped; records the events it dispatches.
pub struct Mounted {
    pub el: HtmlElement,
    pub events: Rc<RefCell<Vec<(String, Value)>>>,
    _listeners: Vec<Closure<dyn Fn(web_sys::CustomEvent)>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.el.remove();
    }
}

pub fn mount(attrs: &[(String, String)]) -> Mounted {
    people_panel::define();
    let document = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = document.create_element("people-panel").unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in [
        "person-created",
        "person-updated",
        "person-deleted",
        "credential-changed",
        "credential-required",
        "panel-error",
    ] {
        let sink = events.clone();
        let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&e.detail()).ok().and_then(|s| s.as_string()).unwrap_or_default();
            sink.borrow_mut().push((e.type_(), serde_json::from_str(&detail).unwrap_or(Value::Null)));
        });
        // Listening on the document proves the events bubble and cross the shadow boundary.
        document.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
        listeners.push(listener);
    }
    document.body().unwrap().append_child(&el).unwrap();
    Mounted { el, events, _listeners: listeners }
}

impl Mounted {
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.el.shadow_root().expect("open shadow root").query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    pub fn first(&self, selector: &str) -> Option<Element> {
        self.all(selector).into_iter().next()
    }

    pub fn text(&self, selector: &str) -> String {
        self.first(selector).and_then(|e| e.text_content()).unwrap_or_default()
    }

    pub fn row_names(&self) -> Vec<String> {
        self.all(".pp-row .pp-name").iter().filter_map(|e| e.text_content()).collect()
    }

    pub fn state(&self) -> Option<String> {
        self.first(".pp-state").and_then(|e| e.get_attribute("data-state"))
    }

    pub fn button(&self, label: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim().starts_with(label))
            .unwrap_or_else(|| panic!("no button {label:?}"))
            .dyn_into()
            .unwrap()
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.all("button").iter().any(|b| b.text_content().unwrap_or_default().trim().starts_with(label))
    }

    pub fn type_into(&self, selector: &str, value: &str) {
        let input: HtmlInputElement =
            self.first(selector).unwrap_or_else(|| panic!("no input {selector}")).dyn_into().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    }

    pub fn events_named(&self, name: &str) -> Vec<Value> {
        self.events.borrow().iter().filter(|(n, _)| n == name).map(|(_, d)| d.clone()).collect()
    }

    pub async fn until(&self, condition: impl Fn(&Mounted) -> bool, what: &str) {
        let deadline = js_sys::Date::now() + 30_000.0;
        while !condition(self) {
            if js_sys::Date::now() > deadline {
                let text = self.el.shadow_root().and_then(|r| r.text_content()).unwrap_or_default();
                panic!("timed out waiting for {what}; the panel reads: {}", &text[..text.len().min(1500)]);
            }
            people_panel::browser::sleep(25.0).await;
        }
    }

    /// Presses "Load more" (or "Retry" after a failed page) until the count reads `count`.
    pub async fn load_all(&self, count: &str) {
        let deadline = js_sys::Date::now() + 60_000.0;
        while self.text(".pp-count") != count {
            assert!(js_sys::Date::now() < deadline, "never reached {count}: {}", self.text(".pp-count"));
            for label in ["Retry", "Load more"] {
                if self.has_button(label) {
                    self.button(label).click();
                    break;
                }
            }
            sleep(30).await;
        }
    }

    /// Opens the create form (if it isn't open).
    pub async fn open_form(&self) {
        if self.first("form").is_none() {
            self.button("New person").click();
            self.until(|m| m.first("form").is_some(), "the form").await;
        }
    }

    /// Opens the details of the first row; returns its name and id.
    pub async fn open_first(&self) -> (String, String) {
        let (name, id) =
            (self.row_names()[0].clone(), self.first(".pp-row").unwrap().get_attribute("data-id").unwrap());
        self.first(".pp-row-button").unwrap().unchecked_into::<HtmlElement>().click();
        self.until(|m| m.first(".pp-detail").is_some(), "the details").await;
        (name, id)
    }

    /// From open details: "Edit", then the form prefilled.
    pub async fn edit(&self) {
        self.button("Edit").click();
        self.until(|m| m.first("form[aria-label='Edit person']").is_some(), "the edit form").await;
    }

    /// From open details: "Delete", then "Yes, delete" in the confirmation.
    pub async fn delete_confirmed(&self) {
        self.button("Delete").click();
        self.until(|m| m.first(".pp-confirm").is_some(), "the confirmation").await;
        self.button("Yes, delete").click();
    }

    pub fn save_disabled(&self) -> bool {
        self.button("Save changes").unchecked_into::<web_sys::HtmlButtonElement>().disabled()
    }

    /// Saves an edit once the change has enabled "Save changes".
    pub async fn save_changes(&self) {
        self.until(|m| !m.save_disabled(), "a change can be saved").await;
        self.button("Save changes").click();
    }

    pub async fn until_rows(&self) {
        self.until(|m| !m.row_names().is_empty(), "people rows").await;
    }
}

pub async fn sleep(ms: u32) {
    people_panel::browser::sleep(f64::from(ms)).await;
}
