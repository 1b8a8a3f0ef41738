//! Everything the panel says instead of (or above) the list: loading, syncing, connect, pick a CRM,
//! failures with their action, and the one-line notices. Each state and each notice is data (what
//! to say, which button) rendered by one view: one shape to style, translate and compile.
use leptos::either::Either;
use leptos::prelude::*;

use crate::error::PanelError;
use crate::i18n::{number, text};
use crate::panel::{Action, Msg, Notice, Panel, Phase};
use crate::provider::rollout::Credential;

/// A state the panel shows instead of the list.
pub(super) struct StateBox {
    /// `data-state`, for hosts and tests.
    pub state: &'static str,
    pub failed: bool,
    pub spinner: bool,
    pub title: String,
    pub message: String,
    /// A button that loads again, with its label.
    pub reload: Option<String>,
}

/// What to show for `phase`: a state box, the credential picker, or nothing (`Ready`: the list).
pub(super) fn state_of(panel: Panel, phase: Phase) -> Option<Result<StateBox, Vec<Credential>>> {
    let t = |id: &str| panel.t(id);
    let quiet = |state, spinner, title: &str, message: &str, reload: Option<&str>| StateBox {
        state,
        failed: false,
        spinner,
        title: if title.is_empty() { String::new() } else { t(title) },
        message: t(message),
        reload: reload.map(t),
    };
    Some(Ok(match phase {
        Phase::Ready => return None,
        Phase::Loading => quiet("loading", true, "", "state.loading", None),
        Phase::Syncing => quiet("syncing", true, "state.syncing.title", "state.syncing", None),
        Phase::ConnectCrm => {
            quiet("connect", false, "state.connect.title", "state.connect", Some("state.connect.check"))
        }
        Phase::SignedOut => quiet("session-ended", false, "state.session-ended.title", "state.session-ended", None),
        Phase::ChooseCredential(credentials) => return Some(Err(credentials)),
        Phase::Failed(error) => {
            let state = match &error {
                PanelError::Config(_) => "config",
                PanelError::SignedOut { .. } | PanelError::Unauthorized(_) => "signed-out",
                PanelError::Forbidden(_) => "reconnect",
                PanelError::NotPermitted(_) => "not-permitted",
                PanelError::Syncing => "syncing",
                PanelError::RateLimited => "rate-limited",
                PanelError::Network(_) => "offline",
                _ => "error",
            };
            let title = t(&format!("state.{state}.title"));
            let reload = (!matches!(error, PanelError::Config(_))).then(|| t("state.try-again"));
            StateBox { state, failed: true, spinner: false, title, message: panel.say(&error), reload }
        }
    }))
}

/// The body for every phase but `Ready` (the list renders itself then).
#[component]
pub fn PhaseView(panel: Panel) -> impl IntoView {
    let phase = Memo::new(move |_| panel.state.with(|s| s.load.phase.clone()));
    move || {
        Some(match state_of(panel, phase.get())? {
            Ok(s) => Either::Left(view! {
                <div class="pp-state" class:pp-error=s.failed part=if s.failed { "state error" } else { "state" } data-state=s.state>
                    {s.spinner.then(|| view! { <span class="pp-spinner" aria-hidden="true"></span> })}
                    {(!s.title.is_empty()).then(|| view! { <p class="pp-state-title">{s.title}</p> })}
                    <p class="pp-message">{s.message}</p>
                    {s.reload.map(|label| view! {
                        <button class="pp-button" part="button" type="button" on:click=move |_| panel.dispatch(Msg::Reload)>{label}</button>
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

/// A notice's sentence (shown in the bar, and announced).
pub(super) fn notice_text(panel: Panel, notice: &Notice) -> String {
    match notice {
        Notice::Retrying(n) => {
            panel.tf("notice.retrying", [("attempt", number(n.attempt)), ("reason", text(&panel.say(&n.reason)))])
        }
        Notice::Failed { error, .. } => panel.say(error),
        Notice::Info(said) => panel.said(said),
    }
}

/// What a notice's button does.
#[derive(Clone, Copy)]
enum NoticeButton {
    Retry(Action),
    Dismiss,
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
        notice.get().map(|notice| {
            let text = notice_text(panel, &notice);
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
                            NoticeButton::Retry(_) => (panel.t("notice.retry"), None),
                            NoticeButton::Dismiss => ("×".to_string(), Some(panel.t("notice.dismiss"))),
                        };
                        view! {
                            " "
                            <button class="pp-link" type="button" aria-label=aria_label on:click=move |_| panel.dispatch(match button {
                                NoticeButton::Retry(action) => Msg::RetryNotice(action),
                                NoticeButton::Dismiss => Msg::DismissNotice,
                            })>{label}</button>
                        }
                    })}
                </p>
            }
        })
    }
}
