//! Everything the panel says instead of (or above) the list: loading, syncing, connect, pick a CRM,
//! failures with their action, and the one-line notices. Each state and each notice is data (what
//! to say, which button) rendered by one view: one shape to style, translate and compile.
use leptos::either::Either;
use leptos::prelude::*;

use crate::error::PanelError;
use crate::panel::{Action, Notice, Panel, Phase};
use crate::provider::rollout::Credential;

/// A state the panel shows instead of the list.
pub(super) struct StateBox {
    /// `data-state`, for hosts and tests.
    pub state: &'static str,
    pub failed: bool,
    pub spinner: bool,
    pub title: &'static str,
    pub message: String,
    /// A button that loads again, with its label.
    pub reload: Option<&'static str>,
}

/// What to show for `phase`: a state box, the credential picker, or nothing (`Ready`: the list).
pub(super) fn state_of(phase: Phase) -> Option<Result<StateBox, Vec<Credential>>> {
    let quiet = |state, spinner, title, message: &str, reload| StateBox { state, failed: false, spinner, title, message: message.into(), reload };
    Some(Ok(match phase {
        Phase::Ready => return None,
        Phase::Loading => quiet("loading", true, "", "Loading people…", None),
        Phase::Syncing => quiet(
            "syncing",
            true,
            "Your CRM is still syncing",
            "A newly connected CRM takes a minute to sync. People appear here as soon as it's ready.",
            None,
        ),
        Phase::ConnectCrm => quiet(
            "connect",
            false,
            "Connect your CRM",
            "No CRM is connected yet. Connect one to see and add people here.",
            Some("I've connected it — check again"),
        ),
        Phase::ChooseCredential(credentials) => return Some(Err(credentials)),
        Phase::Failed(error) => {
            let (state, title) = match &error {
                PanelError::Config(_) => ("config", "The panel is misconfigured"),
                PanelError::SignedOut { .. } | PanelError::Unauthorized(_) => ("signed-out", "Sign-in needed"),
                PanelError::Forbidden(_) => ("reconnect", "Reconnect your CRM"),
                PanelError::NotPermitted(_) => ("not-permitted", "No permission"),
                PanelError::Syncing => ("syncing", "Your CRM is still syncing"),
                PanelError::RateLimited => ("rate-limited", "Too many requests"),
                PanelError::Network(_) => ("offline", "Can't reach the CRM"),
                _ => ("error", "Something went wrong"),
            };
            let reload = (!matches!(error, PanelError::Config(_))).then_some("Try again");
            StateBox { state, failed: true, spinner: false, title, message: error.message(), reload }
        }
    }))
}

/// The body for every phase but `Ready` (the list renders itself then).
#[component]
pub fn PhaseView(panel: Panel) -> impl IntoView {
    move || {
        Some(match state_of(panel.phase.get())? {
            Ok(s) => Either::Left(view! {
                <div class="pp-state" class:pp-error=s.failed part=if s.failed { "state error" } else { "state" } data-state=s.state>
                    {s.spinner.then(|| view! { <span class="pp-spinner" aria-hidden="true"></span> })}
                    {(!s.title.is_empty()).then(|| view! { <p class="pp-state-title">{s.title}</p> })}
                    <p class="pp-message">{s.message}</p>
                    {s.reload.map(|label| view! {
                        <button class="pp-button" part="button" type="button" on:click=move |_| panel.reload()>{label}</button>
                    })}
                </div>
            }),
            Err(credentials) => Either::Right(view! { <CredentialPicker panel credentials /> }),
        })
    }
}

#[component]
fn CredentialPicker(panel: Panel, credentials: Vec<Credential>) -> impl IntoView {
    view! {
        <div class="pp-state" part="state" data-state="choose">
            // Braced text: no static subtree (built through `innerHTML`, which Trusted Types forbid).
            <p class="pp-state-title" id="pp-choose">{"Which CRM?"}</p>
            <p>{"You have several CRMs connected. Choose the one to show."}</p>
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

/// A notice's sentence (shown in the bar, and announced).
pub(super) fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::Retrying(n) => format!("Retrying… (attempt {} failed: {})", n.attempt, n.reason),
        Notice::Failed { error, .. } => error.message(),
        Notice::Info(text) => text.clone(),
    }
}

/// What a notice's button does.
#[derive(Clone, Copy)]
enum NoticeButton {
    Retry(Action),
    Dismiss,
}

/// One line above the list: retrying, a failed "load more" or refresh, or a confirmation.
#[component]
pub fn NoticeBar(panel: Panel) -> impl IntoView {
    move || {
        panel.notice.get().map(|notice| {
            let text = notice_text(&notice);
            let (kind, class, button) = match notice {
                Notice::Retrying(_) => ("retrying", "pp-notice", None),
                Notice::Failed { retry, .. } => ("error", "pp-notice pp-error", Some(NoticeButton::Retry(retry))),
                Notice::Info(_) => ("info", "pp-notice pp-ok", Some(NoticeButton::Dismiss)),
            };
            view! {
                <p class=class part="notice" data-notice=kind>
                    {text}
                    {button.map(|button| {
                        let (label, aria_label) = match button {
                            NoticeButton::Retry(_) => ("Retry", None),
                            NoticeButton::Dismiss => ("×", Some("Dismiss")),
                        };
                        view! {
                            " "
                            <button class="pp-link" type="button" aria-label=aria_label on:click=move |_| {
                                panel.notice.set(None);
                                match button {
                                    NoticeButton::Retry(Action::LoadMore) => panel.load_more(),
                                    NoticeButton::Retry(Action::Refresh) => panel.refresh(),
                                    NoticeButton::Dismiss => {}
                                }
                            }>{label}</button>
                        }
                    })}
                </p>
            }
        })
    }
}
