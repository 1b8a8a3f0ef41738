//! The panel's one polite live region: what a screen reader user should hear once, as it happens:
//! loads, search results, retries, failures, a form's refusal, a delete that failed. Derived from
//! the same state the views show, so each change is announced once and nothing is announced twice.
use leptos::prelude::*;

use super::status::{notice_text, state_of};
use crate::panel::{DeleteState, Panel, Phase};

pub fn announcement(panel: Panel) -> String {
    {
        if let Some(message) = panel.form_message.get() {
            return message;
        }
        if let DeleteState::Failed { reason, .. } = panel.delete.get() {
            return format!("It was not deleted. {reason}");
        }
        if let Some(notice) = panel.notice.get() {
            return notice_text(&notice);
        }
        match panel.phase.get() {
            Phase::Ready => {
                let query = panel.query.get();
                panel.people.with(|list| {
                    let label = list.count_label(list.search(&query).len());
                    if query.trim().is_empty() { format!("People: {label}") } else { format!("Search results: {label}") }
                })
            }
            Phase::ChooseCredential(_) => "Which CRM? You have several CRMs connected. Choose the one to show.".into(),
            phase => match state_of(phase) {
                Some(Ok(state)) if state.title.is_empty() => state.message,
                Some(Ok(state)) => format!("{}. {}", state.title, state.message),
                _ => String::new(),
            },
        }
    }
}
