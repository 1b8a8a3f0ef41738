//! The create form: inline validation, submit disabled while sending, values kept on failure.
use leptos::prelude::*;

use crate::model::NewPerson;
use crate::panel::Panel;

type Getter = fn(&NewPerson) -> &String;
type Setter = fn(&mut NewPerson, String);

#[component]
pub fn PersonForm(panel: Panel) -> impl IntoView {
    let rules = move || panel.rules.get();
    view! {
        <form
            class="pp-form"
            part="form"
            aria-label=move || panel.t(if panel.editing.with(Option::is_some) { "form.edit" } else { "form.new" })
            novalidate=true
            on:submit=move |ev| {
                ev.prevent_default();
                panel.submit();
            }
        >
            <div class="pp-grid">
                <Field panel name="first_name" label="field.first-name" kind="text" autocomplete="given-name"
                    required=Signal::derive(move || rules().both_names)
                    get=|f| &f.first_name set=|f, v| f.first_name = v />
                <Field panel name="last_name" label="field.last-name" kind="text" autocomplete="family-name"
                    required=Signal::derive(move || rules().both_names)
                    get=|f| &f.last_name set=|f, v| f.last_name = v />
                <Field panel name="email" label="field.email" kind="email" autocomplete="email"
                    required=Signal::derive(move || rules().email_required)
                    get=|f| &f.email set=|f, v| f.email = v />
                <Field panel name="phone" label="field.phone" kind="tel" autocomplete="tel"
                    get=|f| &f.phone set=|f, v| f.phone = v />
                {move || rules().has_company.then(|| view! {
                    <Field panel name="company" label="field.company" kind="text" autocomplete="organization"
                        get=|f| &f.company set=|f, v| f.company = v />
                })}
                <Field panel name="job_title" label="field.job-title" kind="text" autocomplete="organization-title"
                    get=|f| &f.job_title set=|f, v| f.job_title = v />
                <Field panel name="stage" label="field.stage" kind="text" autocomplete="off"
                    get=|f| &f.stage set=|f, v| f.stage = v />
                <Field panel name="tags" label="field.tags-input" kind="text" autocomplete="off"
                    get=|f| &f.tags set=|f, v| f.tags = v />
            </div>
            {move || panel.form_message.get().map(|m| view! { <p class="pp-form-message pp-error">{panel.said(&m)}</p> })}
            <div class="pp-form-actions">
                // An edit that changes nothing cannot be saved.
                <button class="pp-button pp-primary" part="button" type="submit"
                    disabled=move || panel.sending.get() || (panel.editing.with(Option::is_some) && !panel.edit_changed())>
                    {move || panel.t(match (panel.sending.get(), panel.editing.with(Option::is_some)) {
                        (true, _) => "form.saving",
                        (false, true) => "form.save-changes",
                        (false, false) => "form.save-new",
                    })}
                </button>
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.close_form()>
                    {panel.t("form.close")}
                </button>
            </div>
        </form>
    }
}

#[component]
fn Field(
    panel: Panel,
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    #[prop(optional, into)] required: Signal<bool>,
    get: Getter,
    set: Setter,
) -> impl IntoView {
    // A message id from validation, or the server's own words (which pass through `t` unchanged).
    let error =
        move || panel.form_errors.with(|errors| errors.iter().find(|e| e.field == name).map(|e| panel.t(&e.message)));
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
                prop:value=move || panel.form.with(|f| get(f).clone())
                on:input:target=move |ev| panel.edit_form(|f| set(f, ev.target().value()))
            />
            <p class="pp-field-error" id=error_id>{error}</p>
        </div>
    }
}
