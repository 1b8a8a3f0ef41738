//! The panel's one polite live region: what a screen reader user should hear once, as it happens:
//! loads, search results, retries, failures, a form's refusal, a delete that failed. Derived from
//! the same state the views show, so each change is announced once and nothing is announced twice.
use leptos::prelude::*;

use super::status::{notice_text, state_of};
use crate::i18n::{number, text};
use crate::panel::{DeleteState, Panel, Phase};

/// `matches`: who matches the search (the list's own memo).
pub fn announcement(panel: Panel, matches: Memo<Vec<usize>>) -> String {
    let shown = matches.with(Vec::len);
    panel.state.with(|s| {
        if let Some(message) = &s.form.message {
            return panel.said(message);
        }
        if let DeleteState::Failed { reason, .. } = &s.load.delete {
            return panel.tf("delete.failed", [("reason", text(&panel.say(reason)))]);
        }
        if let Some(notice) = &s.load.notice {
            return notice_text(panel, notice);
        }
        match &s.load.phase {
            Phase::Ready => {
                let loaded = s.load.people.people.len();
                match s.load.people.total {
                    _ if s.narrowed() => panel.tf("announce.results", [("n", number(shown as f64))]),
                    Some(total) if total as usize > loaded => {
                        panel.tf("announce.loaded-of", [("n", number(loaded as f64)), ("total", number(total as f64))])
                    }
                    _ => panel.tf("announce.loaded", [("n", number(loaded as f64))]),
                }
            }
            Phase::ChooseCredential(_) => format!("{} {}", panel.t("choose.title"), panel.t("choose.message")),
            phase => match state_of(panel, phase.clone()) {
                Some(Ok(state)) if state.title.is_empty() => state.message,
                Some(Ok(state)) => format!("{}. {}", state.title, state.message),
                _ => String::new(),
            },
        }
    })
}
