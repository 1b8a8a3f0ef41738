//! `PeoplePanel` as a Leptos component, without the custom element.
use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use people_panel::{PanelEvent, PeoplePanel};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// A fresh `<div>` in the page for a component to mount into.
fn new_host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn text_in(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

/// Waits (15 s at most) until `selector`'s text in `host` is `expected`.
async fn until_text(host: &web_sys::HtmlElement, selector: &str, expected: &str) {
    let deadline = js_sys::Date::now() + 15_000.0;
    while text_in(host, selector) != expected {
        assert!(
            js_sys::Date::now() < deadline,
            "{selector} never read {expected:?}; the component reads {:?}",
            host.text_content()
        );
        sleep(25).await;
    }
}

#[wasm_bindgen_test]
async fn the_leptos_component_lists_people_and_reports_events() {
    let user = unique("component");
    connect_crm(&user, 4, "hubspot").await;
    let host = new_host();
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = events.clone();
    let s = server().to_string();
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <PeoplePanel
                token_url=format!("{s}/api/rollout-token?user={user}")
                api_base=format!("{s}/crm/api")
                credentials_url=format!("{s}/universal/api/credentials")
                page_size=2u32
                on_event=Rc::new(move |e: PanelEvent| sink.borrow_mut().push(e.name().to_string()))
            />
        }
    });
    until_text(&host, ".pp-count", "2 of 4").await;
    assert_eq!(host.query_selector_all(".pp-row").unwrap().length(), 2);
    assert!(events.borrow().is_empty(), "nothing to report on a plain load: {:?}", events.borrow());
    drop(mounted);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_leptos_component_takes_theme_lang_and_strings_as_props() {
    let user = unique("component-props");
    connect_crm(&user, 3, "lofty").await;
    let host = new_host();
    let s = server().to_string();
    let lang = RwSignal::new("de".to_string());
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <PeoplePanel
                token_url=format!("{s}/api/rollout-token?user={user}")
                api_base=format!("{s}/crm/api")
                credentials_url=format!("{s}/universal/api/credentials")
                theme=people_panel::Theme::Dark
                lang=lang
                strings=vec![("refresh", "Neu laden".to_string())]
            />
        }
    });
    until_text(&host, ".pp-count", "3 von 3").await;
    let section = host.query_selector(".pp").unwrap().unwrap();
    assert_eq!(section.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(text_in(&host, ".pp-title"), "Personen");
    assert!(host.text_content().unwrap_or_default().contains("Neu laden"), "the host's own word for refresh");
    // The lang prop is live.
    lang.set("es".to_string());
    until_text(&host, ".pp-title", "Personas").await;
    drop(mounted);
    host.remove();
}
