//! Carries out the panel's focus requests (panel/focus.rs) once the DOM has caught up: Leptos
//! updates the DOM after a change, so the target is looked up two animation frames later.
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::panel::{Focus, Panel};

/// Focuses the first element matching `selector` inside `scope`, after the DOM has updated.
pub fn focus_later(scope: NodeRef<html::Section>, selector: String) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let target = scope.get_untracked().and_then(|root| root.query_selector(&selector).ok().flatten());
            if let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        })
    });
}

/// Follows `panel.focus` for elements; rows are the list's to focus (it scrolls to them first).
pub fn follow_focus(panel: Panel, root: NodeRef<html::Section>) {
    Effect::new(move |_| {
        if let Some(Focus::Element(selector)) = panel.focus.get() {
            panel.focus.set(None);
            focus_later(root, selector.to_string());
        }
    });
}
