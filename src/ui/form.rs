//! The create and edit form: inline validation, submit disabled while sending, values kept on
//! failure. It reads the form's state and dispatches what the user types and clicks.
use leptos::prelude::*;

use crate::fields::{Input, FORM};
use crate::panel::{view, Msg, Panel};

#[component]
pub fn PersonForm(panel: Panel) -> impl IntoView {
    let rules = Memo::new(move |_| panel.state.with(|s| s.rules));
    let editing = move || panel.state.with(|s| s.form.edit.is_some());
    let message = Memo::new(move |_| panel.state.with(|s| s.form.message.clone()));
    let submit = Memo::new(move |_| panel.state.with(view::submit));
    view! {
        <form
            class="pp-form"
            part="form"
            aria-label=move || panel.t(if editing() { "form.edit" } else { "form.new" })
            novalidate=true
            on:submit=move |ev| {
                ev.prevent_default();
                panel.dispatch(Msg::Submit);
            }
        >
            <div class="pp-grid">
                {FORM.iter().map(|input| {
                    let required = Signal::derive(move || rules.get().requires(input));
                    move || rules.get().shows(input).then(|| view! { <Field panel input required /> })
                }).collect_view()}
            </div>
            {move || message.get().map(|m| view! { <p class="pp-form-message pp-error">{panel.said(&m)}</p> })}
            <div class="pp-form-actions">
                <button class="pp-button pp-primary" part="button" type="submit" disabled=move || !submit.get().1>
                    {move || panel.t(submit.get().0)}
                </button>
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.dispatch(Msg::CloseForm)>
                    {panel.t("form.close")}
                </button>
            </div>
        </form>
    }
}

/// One input of the form table (`input.name` is its value's name in `NewPerson`).
#[component]
fn Field(panel: Panel, input: &'static Input, required: Signal<bool>) -> impl IntoView {
    let name = input.name;
    // A message id from validation, or the server's own words (which pass through `t` unchanged).
    let error =
        move || panel.state.with(|s| s.form.errors.iter().find(|e| e.field == name).map(|e| panel.t(&e.message)));
    let input_id = format!("pp-{name}");
    let error_id = format!("pp-{name}-error");
    view! {
        <div class="pp-field" class:pp-invalid=move || error().is_some()>
            <label for=input_id.clone()>{panel.t(input.label)}{move || if required.get() { " *" } else { "" }}</label>
            <input
                id=input_id
                name=name
                type=input.kind
                autocomplete=input.autocomplete
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || panel.state.with(|s| s.form.values.get(name).to_string())
                on:input:target=move |ev| panel.dispatch(Msg::Typed { field: name, value: ev.target().value() })
            />
            <p class="pp-field-error" id=error_id>{error}</p>
        </div>
    }
}
