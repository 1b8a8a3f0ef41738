//! The panel's views. Thin: they read `Panel`'s signals and call its methods.
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::config::{CacheMode, Fields, ProviderKind, RawConfig, Theme, DEFAULT_CREDENTIALS_URL, DEFAULT_PAGE_SIZE};
use crate::i18n::resolve_locale;
use crate::json::Json;
use crate::panel::state::Later;
use crate::panel::{Msg, Panel, PanelEvent, State};

mod announce;
pub(crate) mod arrange;
pub(crate) mod details;
mod focus;
pub(crate) mod form;
mod list;
mod status;

pub use list::PeopleListView;
pub use status::{NoticeBar, PhaseView, RememberedLine};

#[wasm_bindgen(module = "/js/style.js")]
extern "C" {
    /// Adopts the panel's stylesheet (style/people-panel.css) into a shadow root or a document, once.
    #[wasm_bindgen(js_name = adoptStyles)]
    fn adopt_styles(root: &JsValue);
}

// style/people-panel.css as a module (build.rs writes it), imported by js/style.js: named here so
// that wasm-bindgen ships it beside js/style.js (a module with nothing imported from it is not).
#[wasm_bindgen(module = "/js/stylesheet.js")]
extern "C" {
    #[allow(dead_code, reason = "declared for wasm-bindgen to ship the module; js/style.js reads it")]
    #[wasm_bindgen(thread_local_v2, js_name = CSS)]
    static STYLESHEET: String;
}

// The element's attribute and property names as a module (build.rs writes it from interface.rs),
// imported by js/element.js: named here for the same reason.
#[wasm_bindgen(module = "/js/interface.js")]
extern "C" {
    #[allow(dead_code, reason = "declared for wasm-bindgen to ship the module; js/element.js reads it")]
    #[wasm_bindgen(thread_local_v2, js_name = TAG)]
    static INTERFACE_TAG: String;
}

/// What several views read of the state, memoized once: each changes only when its value does.
#[derive(Clone, Copy)]
pub struct Slices {
    pub ready: Memo<bool>,
    pub query: Memo<String>,
    /// The loaded list's revision: what reads the list tracks this, not the whole state.
    pub revision: Memo<u64>,
    /// The list's order and filter, as the attributes write them (`"name|stage:Lead"`): views
    /// track this, and read the arrangement itself from the state.
    pub arrangement: Memo<String>,
    /// Who is shown, in order (indices into the list): the search and the filter's matches in the
    /// chosen order, once per change of the query, the arrangement or the list.
    pub matches: Memo<Vec<usize>>,
    /// Whether the second chunk (later.rs) is here.
    pub later: Memo<Later>,
}

impl Slices {
    fn new(panel: Panel) -> Self {
        let ready = Memo::new(move |_| panel.state.with(State::ready));
        let query = Memo::new(move |_| panel.state.with(|s| s.query.clone()));
        let revision = Memo::new(move |_| panel.state.with(|s| s.load.people.revision()));
        let arrangement = Memo::new(move |_| {
            panel.state.with(|s| format!("{}|{}", s.arrangement.sort_attribute(), s.arrangement.filter.attribute()))
        });
        let matches = Memo::new(move |_| {
            revision.track();
            arrangement.track();
            let locale = panel.words.with(|w| w.locale.clone());
            query.with(|q| panel.state.with_untracked(|s| s.load.people.arranged(q, &s.arrangement, &locale)))
        });
        let later = Memo::new(move |_| panel.state.with(|s| s.later));
        Slices { ready, query, revision, arrangement, matches, later }
    }
}

/// The whole panel for a given state: header (count, search, actions), notices, then what the
/// phase calls for.
#[component]
pub fn PanelView(panel: Panel) -> impl IntoView {
    let slices = Slices::new(panel);
    let Slices { ready, matches, .. } = slices;
    let count = move || {
        let shown = matches.with(Vec::len);
        slices.revision.track();
        slices.arrangement.track();
        panel.state.with_untracked(|s| {
            if s.load.people.is_empty() {
                String::new()
            } else {
                panel.words.with_untracked(|w| s.load.people.count_label(w, shown, &s.arrangement.filter))
            }
        })
    };
    let words = panel.words.get_untracked();
    let form_open = Memo::new(move |_| panel.state.with(|s| s.ready() && s.form.open));
    let root = NodeRef::<leptos::html::Section>::new();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && panel.peek(State::escapable).unwrap_or(false) {
            ev.prevent_default();
            panel.dispatch(Msg::Escape);
        }
    };
    view! {
        <section class="pp" part="panel" aria-label=panel.t("people") lang=words.locale.clone() dir=words.direction()
            data-theme=move || panel.theme.get().as_str() node_ref=root on:keydown=on_keydown>
            <p class="pp-sr" role="status">{move || announce::announcement(panel, matches)}</p>
            <header class="pp-header" part="header">
                // Text in braces, not a literal: a fully static element would be built from an
                // HTML string through `innerHTML`, which Trusted Types forbid.
                <h2 class="pp-title">{panel.t("people")}</h2>
                <span class="pp-count">{count}</span>
                <input
                    class="pp-search"
                    part="search"
                    type="search"
                    placeholder=panel.t("search.placeholder")
                    aria-label=panel.t("search.label")
                    prop:value=move || slices.query.get()
                    on:input:target=move |ev| panel.dispatch(Msg::Search(ev.target().value()))
                    disabled=move || !ready.get()
                />
                <button
                    class="pp-button pp-primary"
                    part="button"
                    type="button"
                    data-action="new"
                    on:click=move |_| panel.dispatch(Msg::ToggleNewForm)
                    disabled=move || !ready.get()
                    aria-expanded=move || panel.state.with(|s| s.form.open).to_string()
                >
                    {panel.t("new-person")}
                </button>
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.refresh() title=panel.t("refresh.title")>
                    {panel.t("refresh")}
                </button>
            </header>
            {move || ready.get().then(|| {
                let chunk = (slices.later.get() == Later::Ready).then(crate::later::get).flatten();
                chunk.map_or_else(|| arrange_placeholder().into_any(), |chunk| (chunk.arrange_view)(panel, slices))
            })}
            <RememberedLine panel />
            <NoticeBar panel />
            {move || form_open.get().then(|| {
                later_view(panel, slices.later.get(), move || crate::later::get().map(|chunk| (chunk.form_view)(panel)))
            })}
            <PhaseView panel />
            {move || ready.get().then(|| view! { <PeopleListView panel root slices /> })}
        </section>
    }
}

/// The place of the second chunk's toolbar (ui/arrange.rs) while it comes, as tall as the toolbar
/// (its CSS says how tall; js/kept.js paints the same): the toolbar then arrives without moving a
/// row under the pointer.
fn arrange_placeholder() -> impl IntoView {
    view! { <div class="pp-arrange" aria-hidden="true"></div> }
}

/// A view of the second chunk (later.rs): itself once the chunk is here; until then a line that it
/// is on its way, or that it could not be fetched, with a retry.
pub(crate) fn later_view(panel: Panel, later: Later, view: impl FnOnce() -> Option<AnyView>) -> AnyView {
    if let Some(view) = (later == Later::Ready).then(view).flatten() {
        return view;
    }
    if later == Later::Failed {
        return view! {
            <p class="pp-notice pp-error" part="notice" data-notice="code-missing" role="alert">
                {panel.t("error.code-missing")} " "
                <button class="pp-link" type="button" on:click=move |_| panel.dispatch(Msg::LoadLater)>{panel.t("state.try-again")}</button>
            </p>
        }
        .into_any();
    }
    view! { <p class="pp-muted pp-later" role="status">{panel.t("later.loading")}</p> }.into_any()
}

/// The panel as a Leptos component, for Leptos apps (the `<people-panel>` element wraps the same
/// state and view). It renders into the light DOM and adopts its stylesheet into the document.
///
/// ```ignore
/// view! { <PeoplePanel token_url="/api/rollout-token" on_event=|e| log!("{}", e.name()) /> }
/// ```
#[component]
pub fn PeoplePanel(
    /// The host backend route that returns `{ "token": "…" }` or a bare JWT.
    #[prop(into)]
    token_url: Signal<String>,
    /// Rollout's Universal CRM API (default) or Rally CRM.
    #[prop(into, default = Signal::stored(ProviderKind::Rollout))]
    provider: Signal<ProviderKind>,
    /// CRM data base URL; Rollout's when unset, required for Rally.
    #[prop(into, optional)]
    api_base: MaybeProp<String>,
    /// Rollout's credentials list.
    #[prop(into, default = Signal::stored(DEFAULT_CREDENTIALS_URL.to_string()))]
    credentials_url: Signal<String>,
    /// A fixed Rollout credential id; resolved from storage or the credentials API when unset.
    #[prop(into, optional)]
    credential_id: MaybeProp<String>,
    /// People per request, 1–100.
    #[prop(into, default = Signal::stored(DEFAULT_PAGE_SIZE))]
    page_size: Signal<u32>,
    /// Remember the loaded list in this tab (`Session`) or on the device for a day (`Device`), per
    /// user, CRM and credential; `None` (the default) keeps no person in the browser.
    #[prop(into, optional)]
    cache: Signal<CacheMode>,
    /// Light, dark, or following `prefers-color-scheme` (auto, the default).
    #[prop(into, default = Signal::stored(Theme::Auto))]
    theme: Signal<Theme>,
    /// What rows and a person's details show, in order (`Fields::parse("email,company")`); the
    /// panel's own choice when unset.
    #[prop(into, optional)]
    fields: Signal<Fields>,
    /// The list's order as the `sort` attribute writes it (`"name"`, `"-updated"`); the CRM's when
    /// unset. The user's choice is told by `PanelEvent::ViewChanged`.
    #[prop(into, optional)]
    sort: MaybeProp<String>,
    /// What the list is narrowed to, as the `filter` attribute writes it (`"stage:Lead,tag:vip"`).
    #[prop(into, optional)]
    filter: MaybeProp<String>,
    /// The language of the panel's words (`en`, `de`, `es`, …); the page's `lang` when unset.
    #[prop(into, optional)]
    lang: MaybeProp<String>,
    /// Your own text for any message id of js/i18n.js.
    #[prop(optional)]
    strings: Vec<(&'static str, String)>,
    /// Called with every event the element would dispatch.
    #[prop(optional)]
    on_event: Option<Rc<dyn Fn(PanelEvent)>>,
) -> impl IntoView {
    // The same validation as the element's attributes: one place decides what a valid config is.
    let config = Signal::derive(move || {
        RawConfig {
            token_url: Some(token_url.get()),
            provider: Some(provider.get().as_str().to_string()),
            api_base: api_base.get(),
            credentials_url: Some(credentials_url.get()),
            credential_id: credential_id.get(),
            page_size: Some(page_size.get().to_string()),
            theme: None,
            lang: None,
            fields: None,
            cache: Some(cache.get().as_str().to_string()),
            sort: sort.get(),
            filter: filter.get(),
        }
        .parse()
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        adopt_styles(&document);
    }
    let panel = Panel::new(config, theme, fields, on_event.unwrap_or_else(|| Rc::new(|_| {})));
    Effect::new(move |_| {
        let raw = RawConfig { sort: sort.get(), filter: filter.get(), ..RawConfig::default() };
        panel.dispatch(Msg::Arranged(raw.arrangement()));
    });
    if !strings.is_empty() {
        let overrides = Json::object_of(strings.into_iter().map(|(id, text)| (id, Json::string(&text))));
        panel.words.update(|w| w.overrides = Some(overrides));
    }
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    Effect::new(move |_| {
        let requested = lang.get();
        if let Some(page) = &page {
            let locale = resolve_locale(requested, page);
            panel.words.update(|w| w.locale = locale);
        }
    });
    move || {
        panel.words.track();
        view! { <PanelView panel /> }
    }
}
