//! Everything the panel says instead of (or above) the list: loading, syncing, connect, pick a CRM,
//! failures with their action, and the one-line notices. Each state and each notice is data (what
//! to say, which button) rendered by one view: one shape to style, translate and compile.
use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::text;
use crate::panel::view::{self, Body};
use crate::panel::{Msg, Panel};
use crate::provider::rollout::Credential;

/// The body for every phase but `Ready` (the list renders itself then).
#[component]
pub fn PhaseView(panel: Panel) -> impl IntoView {
    let phase = Memo::new(move |_| panel.state.with(|s| s.load.phase.clone()));
    move || {
        Some(match phase.with(|phase| panel.words.with_untracked(|w| view::body(phase, w))) {
            Body::List => return None,
            Body::State(s) => Either::Left(view! {
                <div class="pp-state" class:pp-error=s.failed part=if s.failed { "state error" } else { "state" } data-state=s.state>
                    {s.spinner.then(|| view! { <span class="pp-spinner" aria-hidden="true"></span> })}
                    {(!s.title.is_empty()).then(|| view! { <p class="pp-state-title">{s.title}</p> })}
                    <p class="pp-message">{s.message}</p>
                    {s.reload.map(|label| view! {
                        <button class="pp-button" part="button" type="button" on:click=move |_| panel.dispatch(Msg::Reload)>{label}</button>
                    })}
                </div>
            }),
            Body::Choose(credentials) => Either::Right(view! { <CredentialPicker panel credentials /> }),
        })
    }
}

#[component]
fn CredentialPicker(panel: Panel, credentials: Vec<Credential>) -> impl IntoView {
    view! {
        <div class="pp-state" part="state" data-state="choose">
            // Braced text: no static subtree (built through `innerHTML`, which Trusted Types forbid).
            <p class="pp-state-title" id="pp-choose">{panel.t("choose.title")}</p>
            <p>{panel.t("choose.message")}</p>
            <ul class="pp-choices" aria-labelledby="pp-choose">
                {credentials
                    .into_iter()
                    .map(|c| {
                        let title = c.label.clone().unwrap_or_else(|| c.app_key.clone());
                        let chosen = c.clone();
                        view! {
                            <li>
                                <button class="pp-button pp-choice" part="button" type="button" on:click=move |_| panel.use_credential(chosen.clone())>
                                    <strong>{title}</strong>
                                    <span class="pp-muted">{c.app_key.clone()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// "Updated 5 minutes ago": the list shown is the one kept (`cache`), until the CRM has brought it
/// up to date.
#[component]
pub fn RememberedLine(panel: Panel) -> impl IntoView {
    let saved_at = Memo::new(move |_| panel.state.with(|s| s.load.remembered_at));
    move || {
        let ago = crate::browser::now_ms() - saved_at.get()?;
        let ago = panel.words.with_untracked(|w| w.ago(ago));
        Some(view! {
            <p class="pp-notice pp-muted" part="notice" data-notice="remembered">{panel.tf("list.remembered", [("ago", text(&ago))])}</p>
        })
    }
}

/// One line above the list: retrying, a failed "load more" or refresh, or a confirmation.
#[component]
pub fn NoticeBar(panel: Panel) -> impl IntoView {
    let notice = Memo::new(move |_| panel.state.with(|s| s.load.notice.clone()));
    move || {
        let line = notice.with(|n| n.as_ref().map(|n| panel.words.with_untracked(|w| view::notice_line(n, w))))?;
        Some(view! {
            <p class=line.class part="notice" data-notice=line.kind>
                {line.text}
                {line.button.map(|button| view! {
                    " "
                    <button class="pp-link" type="button" aria-label=button.aria_label on:click=move |_| panel.dispatch(match button.retry {
                        Some(action) => Msg::RetryNotice(action),
                        None => Msg::DismissNotice,
                    })>{button.label}</button>
                })}
            </p>
        })
    }
}
