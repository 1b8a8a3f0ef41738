//! Carries out the panel's focus requests (panel/focus.rs) once the DOM has caught up: Leptos
//! updates the DOM after a change, so the target is looked up two animation frames later.
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What has focus in the panel's tree (its shadow root, or the document for the component).
fn focused_in(scope: &web_sys::Element) -> Option<web_sys::Element> {
    let root = scope.get_root_node();
    match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    }
}

/// Whether what has focus in the panel matches `selector`.
pub fn has_focus(scope: NodeRef<html::Section>, selector: &str) -> bool {
    scope
        .try_get_untracked()
        .flatten()
        .and_then(|root| focused_in(&root))
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
}

/// Whether the element a `focusin` event is about was focused from the keyboard (`:focus-visible`).
pub fn keyboard_focus(event: &web_sys::FocusEvent) -> bool {
    let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    target.is_some_and(|el| el.matches(":focus-visible").unwrap_or(false))
}

/// Whether nothing on the page has focus (what had it went away).
pub fn focus_lost() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_none_or(|el| el.tag_name() == "BODY")
}

/// Focuses the first element matching `selector` inside `scope` if it is there already.
pub fn focus_now(scope: NodeRef<html::Section>, selector: &str) -> bool {
    let target = scope.try_get_untracked().flatten().and_then(|root| root.query_selector(selector).ok().flatten());
    target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|element| element.focus().is_ok())
}

/// Focuses the first element matching `selector` inside `scope`, after the DOM has updated (and
/// once it shows: a view of the second chunk may arrive a moment later), unless the user has put
/// focus somewhere else meanwhile (focus is never taken from them). The panel may be gone by then
/// (`try_`: reading a disposed node ref would abort the wasm).
pub fn focus_later(scope: NodeRef<html::Section>, selector: String) {
    let before = scope.try_get_untracked().flatten().and_then(|root| focused_in(&root));
    request_animation_frame(move || focus_when_shown(scope, selector, before, FRAMES_TO_WAIT));
}

/// About five seconds of frames.
const FRAMES_TO_WAIT: u32 = 300;

fn focus_when_shown(scope: NodeRef<html::Section>, selector: String, before: Option<web_sys::Element>, frames: u32) {
    request_animation_frame(move || {
        let Some(root) = scope.try_get_untracked().flatten() else { return };
        let now = focused_in(&root).filter(|el| el.is_connected() && el.tag_name() != "BODY");
        if now.is_some() && now != before {
            return;
        }
        if !focus_now(scope, &selector) && frames > 0 {
            focus_when_shown(scope, selector, before, frames - 1);
        }
    });
}
