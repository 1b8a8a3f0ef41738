//! Everything the panel says instead of (or above) the list: loading, syncing, connect, pick a CRM,
//! failures with their action, and the one-line notices.
use leptos::prelude::*;

use crate::error::PanelError;
use crate::panel::{Action, Notice, Panel, Phase};
use crate::provider::rollout::Credential;

/// The body for every phase but `Ready` (the list renders itself then).
#[component]
pub fn PhaseView(panel: Panel) -> impl IntoView {
    move || match panel.phase.get() {
        Phase::Ready => ().into_any(),
        Phase::Loading => view! {
            <div class="pp-state" part="state" role="status">
                <span class="pp-spinner" aria-hidden="true"></span>
                <p>"Loading people…"</p>
            </div>
        }
        .into_any(),
        Phase::Syncing => view! {
            <div class="pp-state" part="state" role="status" data-state="syncing">
                <span class="pp-spinner" aria-hidden="true"></span>
                <p class="pp-state-title">"Your CRM is still syncing"</p>
                <p>"A newly connected CRM takes a minute to sync. People appear here as soon as it's ready."</p>
            </div>
        }
        .into_any(),
        Phase::ConnectCrm => view! {
            <div class="pp-state" part="state" role="status" data-state="connect">
                <p class="pp-state-title">"Connect your CRM"</p>
                <p>"No CRM is connected yet. Connect one to see and add people here."</p>
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.reload()>
                    "I've connected it — check again"
                </button>
            </div>
        }
        .into_any(),
        Phase::ChooseCredential(credentials) => view! { <CredentialPicker panel credentials /> }.into_any(),
        Phase::Failed(error) => view! { <Failure panel error /> }.into_any(),
    }
}

#[component]
fn CredentialPicker(panel: Panel, credentials: Vec<Credential>) -> impl IntoView {
    view! {
        <div class="pp-state" part="state" data-state="choose">
            <p class="pp-state-title" id="pp-choose">"Which CRM?"</p>
            <p>"You have several CRMs connected. Choose the one to show."</p>
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

/// A failure the panel can't get past by itself, with what to do about it.
#[component]
fn Failure(panel: Panel, error: PanelError) -> impl IntoView {
    let (state, title) = match &error {
        PanelError::Config(_) => ("config", "The panel is misconfigured"),
        PanelError::SignedOut { .. } | PanelError::Unauthorized(_) => ("signed-out", "Sign-in needed"),
        PanelError::Forbidden(_) => ("reconnect", "Reconnect your CRM"),
        PanelError::Syncing => ("syncing", "Your CRM is still syncing"),
        PanelError::RateLimited => ("rate-limited", "Too many requests"),
        PanelError::Network(_) => ("offline", "Can't reach the CRM"),
        _ => ("error", "Something went wrong"),
    };
    let retry = !matches!(error, PanelError::Config(_));
    view! {
        <div class="pp-state pp-error" part="state error" role="alert" data-state=state>
            <p class="pp-state-title">{title}</p>
            <p class="pp-message">{error.message()}</p>
            {retry.then(|| view! {
                <button class="pp-button" part="button" type="button" on:click=move |_| panel.reload()>
                    "Try again"
                </button>
            })}
        </div>
    }
}

/// One line above the list: retrying, a failed "load more", or a confirmation.
#[component]
pub fn NoticeBar(panel: Panel) -> impl IntoView {
    move || {
        panel.notice.get().map(|notice| match notice {
            Notice::Retrying(n) => view! {
                <p class="pp-notice" part="notice" role="status" data-notice="retrying">
                    {format!("Retrying… (attempt {} failed: {})", n.attempt, n.reason)}
                </p>
            }
            .into_any(),
            Notice::Failed { error, retry } => view! {
                <p class="pp-notice pp-error" part="notice" role="alert" data-notice="error">
                    {error.message()}
                    " "
                    <button class="pp-link" type="button" on:click=move |_| {
                        panel.notice.set(None);
                        match retry {
                            Action::LoadMore => panel.load_more(),
                            Action::Refresh => panel.refresh(),
                        }
                    }>"Retry"</button>
                </p>
            }
            .into_any(),
            Notice::Info(text) => view! {
                <p class="pp-notice pp-ok" part="notice" role="status" data-notice="info">
                    {text}
                    " "
                    <button class="pp-link" type="button" aria-label="Dismiss" on:click=move |_| panel.notice.set(None)>"×"</button>
                </p>
            }
            .into_any(),
        })
    }
}
