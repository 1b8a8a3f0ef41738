//! `<people-panel>`: the JS class in js/element.js owns the lifecycle (it is defined, and paints its
//! loading frame, before the wasm is ready); this side mounts the Leptos view into its open shadow
//! root, applies attribute changes live, and turns panel events into `CustomEvent`s that bubble out
//! of the shadow DOM.
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::config::RawConfig;
use crate::i18n::resolve_locale;
use crate::interface::attribute_names;
use crate::json::Json;
use crate::panel::{Msg, Panel, PanelEvent};
use crate::provider::rollout::Credential;
use crate::ui::PanelView;

#[wasm_bindgen(module = "/js/element.js")]
extern "C" {
    fn attach(connect: &Closure<dyn Fn(HtmlElement, HtmlElement) -> JsValue>, sign_out: &Closure<dyn Fn(String)>);
}

// js/kept.js paints a returning user's kept list before the wasm is ready; js/element.js imports
// it. Named here so that wasm-bindgen ships it beside js/element.js (nothing in Rust calls it).
#[wasm_bindgen(module = "/js/kept.js")]
extern "C" {
    #[allow(dead_code, reason = "declared for wasm-bindgen to ship the module; js/element.js calls it")]
    #[wasm_bindgen(js_name = keptList)]
    fn kept_list(element: &HtmlElement, answer: &str) -> JsValue;
}

/// Runs on `await init()`: the page only has to load the module.
#[wasm_bindgen(start)]
fn start() {
    define();
}

/// Makes `<people-panel>` live: the element (defined by js/element.js as soon as the module loads)
/// hands every connected panel to Rust from now on. Later calls do nothing.
#[wasm_bindgen]
pub fn define() {
    thread_local!(static DEFINED: Cell<bool> = const { Cell::new(false) });
    if DEFINED.with(|d| d.replace(true)) {
        return;
    }
    let connect = Closure::<dyn Fn(HtmlElement, HtmlElement) -> JsValue>::new(|host, container| {
        ElementHandle::connect(host, container).into()
    });
    let sign_out = Closure::<dyn Fn(String)>::new(|token_url: String| crate::auth::sign_out(&token_url));
    attach(&connect, &sign_out);
    // The element class keeps calling them for the page's lifetime.
    connect.forget();
    sign_out.forget();
}

/// The Rust half of one connected element. Dropped (`free()`) on disconnect: that unmounts the view
/// and disposes its signals.
#[wasm_bindgen]
pub struct ElementHandle {
    host: HtmlElement,
    panel: Panel,
    attributes: RwSignal<RawConfig>,
    _mounted: Box<dyn Any>,
}

#[wasm_bindgen]
impl ElementHandle {
    fn connect(host: HtmlElement, container: HtmlElement) -> ElementHandle {
        let mut raw = RawConfig::default();
        for name in attribute_names() {
            raw.set(name, host.get_attribute(name));
        }
        let arrangement = raw.arrangement();
        type Made = Option<(Panel, RwSignal<RawConfig>)>;
        let made: Rc<Cell<Made>> = Rc::new(Cell::new(None));
        let slot = made.clone();
        let events_to = host.clone();
        let mounted = leptos::mount::mount_to(container, move || {
            let attributes = RwSignal::new(raw);
            let config = Signal::derive(move || attributes.with(RawConfig::parse));
            let theme = Signal::derive(move || attributes.with(RawConfig::theme));
            let fields = Signal::derive(move || attributes.with(RawConfig::fields));
            let panel = Panel::new(config, theme, fields, Rc::new(move |event| dispatch(&events_to, &event)));
            slot.set(Some((panel, attributes)));
            // A language or strings change rebuilds the view in the new words (the state stays).
            move || {
                panel.words.track();
                view! { <PanelView panel /> }
            }
        });
        let (panel, attributes) = made.take().expect("mount_to runs its view function synchronously");
        panel.dispatch(Msg::Arranged(arrangement));
        let handle = ElementHandle { host, panel, attributes, _mounted: Box::new(mounted) };
        handle.relocalize();
        handle
    }

    /// Speaks the `lang` attribute's language, else the page's (called again when either changes).
    pub fn relocalize(&self) {
        let locale = resolve_locale(self.host.get_attribute("lang"), &self.host);
        if self.panel.words.with_untracked(|w| w.locale != locale) {
            self.panel.words.update(|w| w.locale = locale);
        }
    }

    /// `panel.strings = { id: text }`: the host's own words.
    #[wasm_bindgen(js_name = stringsChanged)]
    pub fn strings_changed(&self, overrides: JsValue) {
        let overrides = overrides.is_object().then(|| Json::from_js(overrides));
        self.panel.words.update(|w| w.overrides = overrides);
    }

    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        if name == "lang" {
            return self.relocalize();
        }
        self.attributes.update(|raw| {
            raw.set(name, value);
        });
        if name == "sort" || name == "filter" {
            self.panel.dispatch(Msg::Arranged(self.attributes.with_untracked(RawConfig::arrangement)));
        }
    }

    /// `{ id, appKey }` from Rollout Link's `onCredentialAdded`.
    #[wasm_bindgen(js_name = credentialAdded)]
    pub fn credential_added(&self, credential: JsValue) {
        if let Some(credential) = Credential::from_json(&Json::from_js(credential)) {
            self.panel.use_credential(Credential { label: None, ..credential });
        }
    }

    /// `{ id, appKey }` from Rollout Link's `onCredentialDeleted`.
    #[wasm_bindgen(js_name = credentialDeleted)]
    pub fn credential_deleted(&self, id: &str) {
        self.panel.credential_deleted(id);
    }

    #[wasm_bindgen(js_name = credentialId)]
    pub fn credential_id(&self) -> Option<String> {
        self.panel.credential_id()
    }

    pub fn refresh(&self) {
        self.panel.refresh();
    }
}

fn dispatch(host: &HtmlElement, event: &PanelEvent) {
    // The user's order and filter, reflected (a host keeping them in its URL reads them there).
    if let PanelEvent::ViewChanged(arrangement) = event {
        for (name, value) in [("sort", arrangement.sort_attribute()), ("filter", arrangement.filter.attribute())] {
            let _ = if value.is_empty() { host.remove_attribute(name) } else { host.set_attribute(name, &value) };
        }
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&event.detail().into_js());
    if let Ok(e) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&e);
    }
}
