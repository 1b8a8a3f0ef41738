//! The create and edit form: inline validation, submit disabled while sending, values kept on
//! failure. It reads the form's state and dispatches what the user types and clicks.
use leptos::prelude::*;

use crate::panel::{Msg, Panel};

#[component]
pub fn PersonForm(panel: Panel) -> impl IntoView {
    let rules = Memo::new(move |_| panel.state.with(|s| s.rules));
    let editing = move || panel.state.with(|s| s.form.edit.is_some());
    let message = Memo::new(move |_| panel.state.with(|s| s.form.message.clone()));
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
                <Field panel name="first_name" label="field.first-name" kind="text" autocomplete="given-name"
                    required=Signal::derive(move || rules.get().both_names) />
                <Field panel name="last_name" label="field.last-name" kind="text" autocomplete="family-name"
                    required=Signal::derive(move || rules.get().both_names) />
                <Field panel name="email" label="field.email" kind="email" autocomplete="email"
                    required=Signal::derive(move || rules.get().email_required) />
                <Field panel name="phone" label="field.phone" kind="tel" autocomplete="tel" />
                {move || rules.get().has_company.then(|| view! {
                    <Field panel name="company" label="field.company" kind="text" autocomplete="organization" />
                })}
                <Field panel name="job_title" label="field.job-title" kind="text" autocomplete="organization-title" />
                <Field panel name="stage" label="field.stage" kind="text" autocomplete="off" />
                <Field panel name="tags" label="field.tags-input" kind="text" autocomplete="off" />
            </div>
            {move || message.get().map(|m| view! { <p class="pp-form-message pp-error">{panel.said(&m)}</p> })}
            <div class="pp-form-actions">
                // An edit that changes nothing cannot be saved.
                <button class="pp-button pp-primary" part="button" type="submit"
                    disabled=move || panel.state.with(|s| s.saving() || (s.form.edit.is_some() && !s.form.edit_changed()))>
                    {move || panel.t(panel.state.with(|s| match (s.saving(), s.form.edit.is_some()) {
                        (true, _) => "form.saving",
                        (false, true) => "form.save-changes",
                        (false, false) => "form.save-new",
                    }))}
                </button>
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.dispatch(Msg::CloseForm)>
                    {panel.t("form.close")}
                </button>
            </div>
        </form>
    }
}

/// One field of `NewPerson` (`name` is its field name there, see `NewPerson::get`).
#[component]
fn Field(
    panel: Panel,
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    #[prop(optional, into)] required: Signal<bool>,
) -> impl IntoView {
    // A message id from validation, or the server's own words (which pass through `t` unchanged).
    let error =
        move || panel.state.with(|s| s.form.errors.iter().find(|e| e.field == name).map(|e| panel.t(&e.message)));
    let input_id = format!("pp-{name}");
    let error_id = format!("pp-{name}-error");
    view! {
        <div class="pp-field" class:pp-invalid=move || error().is_some()>
            <label for=input_id.clone()>{panel.t(label)}{move || if required.get() { " *" } else { "" }}</label>
            <input
                id=input_id
                name=name
                type=kind
                autocomplete=autocomplete
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || panel.state.with(|s| s.form.values.get(name).to_string())
                on:input:target=move |ev| panel.dispatch(Msg::Typed { field: name, value: ev.target().value() })
            />
            <p class="pp-field-error" id=error_id>{error}</p>
        </div>
    }
}
