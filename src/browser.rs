//! The few browser facilities the client layer needs: time, randomness, sleeping, storage and
//! `fetch`, each a thin call into what the browser already does.
use js_sys::Promise;
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::json::Json;

#[wasm_bindgen(module = "/js/early.js")]
extern "C" {
    /// The token route's answer: the request js/early.js started before the wasm was ready, else
    /// a new one.
    #[wasm_bindgen(js_name = requestToken)]
    fn request_token(url: &str) -> Promise;

    /// The answer to a request js/early.js sent before the wasm was ready, if it sent this one
    /// (this URL, token and credential) and it is fresh; it is handed out once.
    #[wasm_bindgen(js_name = takeEarly)]
    fn take_early(url: &str, jwt: &str, credential: &str) -> Option<Promise>;

    /// The UTF-8 text base64url `encoded` stands for (a JWT's payload), by the browser's `atob`.
    #[wasm_bindgen(js_name = base64UrlText)]
    pub fn base64url_text(encoded: &str) -> Option<String>;
}

#[wasm_bindgen(module = "/js/element.js")]
extern "C" {

    /// The channel of the panels of one user and CRM, on this page and in other tabs.
    pub type Channel;
    #[wasm_bindgen(js_name = openChannel)]
    fn open_channel(scope: &str, on_change: &Closure<dyn Fn(String)>) -> Channel;
    #[wasm_bindgen(method)]
    pub fn post(this: &Channel, change: &str);
    #[wasm_bindgen(method)]
    fn close(this: &Channel);
}

/// A joined channel; leaving it drops its listener.
pub struct Joined {
    pub scope: String,
    channel: Channel,
    _listener: Closure<dyn Fn(String)>,
}

impl Joined {
    /// Joins `scope`'s channel: `on_change` hears what the others post.
    pub fn new(scope: &str, on_change: impl Fn(String) + 'static) -> Self {
        let listener = Closure::<dyn Fn(String)>::new(on_change);
        Joined { scope: scope.to_string(), channel: open_channel(scope, &listener), _listener: listener }
    }

    pub fn post(&self, change: &str) {
        self.channel.post(change);
    }
}

/// Posts `change` to the panels of `scope` without joining it (a create answered after the panel
/// moved to another CRM tells the panels of the one it was sent in).
pub fn post(scope: &str, change: &str) {
    Joined::new(scope, |_| {}).post(change);
}

impl Drop for Joined {
    fn drop(&mut self) {
        self.channel.close();
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Resolves in the next animation frame (after the current one is drawn).
pub async fn next_frame() {
    let Some(window) = web_sys::window() else { return };
    let frame = Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(frame).await;
}

pub async fn sleep(ms: f64) {
    if ms <= 0.0 {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let ms = ms.ceil() as i32;
    let timer = Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(timer).await;
}

/// Which of the browser's storages: the device's (localStorage: credential ids, drafts, a list kept
/// with `cache="device"`) or this tab's (sessionStorage, until it closes: `cache="session"`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Store {
    Device,
    Tab,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match store {
        Store::Device => window.local_storage().ok()?,
        Store::Tab => window.session_storage().ok()?,
    }
}

/// Reads a value saved on the device; storage may be unavailable (private mode, sandboxed frames):
/// then nothing.
pub fn load(key: &str) -> Option<Json> {
    load_in(Store::Device, key)
}

pub fn load_in(store: Store, key: &str) -> Option<Json> {
    Json::parse(&storage(store)?.get_item(key).ok()??).ok()
}

pub fn save(key: &str, value: &Json) {
    save_in(Store::Device, key, value);
}

/// Whether the browser kept it (it refuses past its quota).
pub fn save_in(store: Store, key: &str, value: &Json) -> bool {
    storage(store).is_some_and(|s| s.set_item(key, &value.stringify()).is_ok())
}

pub fn forget(key: &str) {
    forget_in(Store::Device, key);
}

pub fn forget_in(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}

/// Forgets every saved value, in either storage, whose key `doomed` picks.
pub fn forget_where(doomed: impl Fn(&str) -> bool) {
    for s in [Store::Device, Store::Tab].into_iter().filter_map(storage) {
        let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
        for key in keys.iter().filter(|k| doomed(k)) {
            let _ = s.remove_item(key);
        }
    }
}

pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// An HTTP answer whose body is still to be read.
pub struct Response(web_sys::Response);

impl Response {
    pub fn status(&self) -> u16 {
        self.0.status()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.0.headers().get(name).ok().flatten()
    }

    /// The body as text; `None` when the connection broke while it was arriving.
    pub async fn text(self) -> Option<String> {
        JsFuture::from(self.0.text().ok()?).await.ok()?.as_string()
    }
}

/// The token route's answer: the request the element already started for `url`, else a new one.
pub async fn fetch_token_answer(url: &str) -> Result<Response, ()> {
    answer(request_token(url)).await
}

async fn answer(request: Promise) -> Result<Response, ()> {
    JsFuture::from(request).await.map_err(drop)?.dyn_into().map(Response).map_err(drop)
}

/// The answer js/early.js got for this read before the wasm ran (provider/plan.rs), if any.
pub fn early_answer(
    url: &str,
    jwt: &str,
    credential: Option<&str>,
) -> Option<impl std::future::Future<Output = Result<Response, ()>>> {
    take_early(url, jwt, credential.unwrap_or_default()).map(answer)
}

/// `fetch(url, { method, headers, body })`; `Err` when no answer came (offline, DNS, CORS, a dropped
/// connection).
pub async fn fetch(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Result<Response, ()> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let sent = web_sys::Headers::new().map_err(drop)?;
    for (name, value) in headers {
        sent.append(name, value).map_err(drop)?;
    }
    init.set_headers(&sent);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let window = web_sys::window().ok_or(())?;
    answer(window.fetch_with_str_and_init(url, &init)).await
}
