//! A person's details, with Edit and Delete and the delete's confirmation. In the second wasm
//! chunk (later.rs): the first row does not need it.
use leptos::prelude::*;

use crate::i18n::text;
use crate::model::Person;
use crate::panel::{DeleteState, Msg, Panel};

pub fn person_detail(panel: Panel, p: Person) -> impl IntoView {
    // The chosen fields (`fields`), in order, those the CRM has a value for.
    let rows: Vec<(String, String)> = panel.words.with_untracked(|w| {
        let fields = panel.fields.get_untracked();
        fields
            .of_details()
            .iter()
            .map(|f| (w.t(f.label()), p.field_text(*f, w)))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    });
    let id = p.id.clone();
    view! {
        <article class="pp-detail" part="detail" aria-label=panel.tf("details.label", [("name", text(&p.name))]) tabindex="-1">
            <header class="pp-detail-header">
                <h3 dir="auto">{p.name.clone()}</h3>
                <button class="pp-button" part="button" type="button" aria-label=panel.t("details.close") on:click=move |_| panel.dispatch(Msg::CloseDetails)>"×"</button>
            </header>
            <dl>
                {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            <div class="pp-detail-actions">
                <button class="pp-button" part="button" type="button" data-action="edit" on:click={
                    let id = id.clone();
                    move |_| panel.dispatch(Msg::StartEdit(id.clone()))
                }>{panel.t("edit")}</button>
                <button class="pp-button pp-danger" part="button" type="button" data-action="delete" on:click=move |_| panel.dispatch(Msg::AskDelete(id.clone()))>{panel.t("delete")}</button>
            </div>
            <DeleteConfirmation panel id=p.id.clone() name=p.name.clone() />
        </article>
    }
}

/// "Delete Ana Silva from the CRM?", for the person whose details are open, while a delete of them
/// is asked for, under way, or failed (with the reason; confirming again retries).
#[component]
fn DeleteConfirmation(panel: Panel, id: String, name: String) -> impl IntoView {
    let state = Memo::new(move |_| {
        panel.state.with(|s| (s.load.delete.id() == Some(id.as_str())).then(|| s.load.delete.clone()))
    });
    move || {
        let state = state.get()?;
        let deleting = matches!(state, DeleteState::Deleting(_));
        let reason = match state {
            DeleteState::Failed { reason, .. } => Some(reason),
            _ => None,
        };
        Some(view! {
            <div class="pp-confirm" role="alertdialog" aria-label=panel.tf("delete.label", [("name", text(&name))])>
                <p>{panel.tf("delete.question", [("name", text(&name))])}</p>
                {reason.map(|r| view! { <p class="pp-error">{panel.tf("delete.failed", [("reason", text(&panel.say(&r)))])}</p> })}
                <button class="pp-button pp-danger" part="button" type="button" disabled=deleting on:click=move |_| panel.dispatch(Msg::ConfirmDelete)>
                    {panel.t(if deleting { "row.deleting" } else { "delete.confirm" })}
                </button>
                <button class="pp-button" part="button" type="button" data-action="cancel-delete" disabled=deleting on:click=move |_| panel.dispatch(Msg::CancelDelete)>{panel.t("cancel")}</button>
            </div>
        })
    }
}
