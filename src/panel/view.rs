//! What the panel shows, as data: pure functions of the state and the words (the body in place of
//! the list, the notice line, the submit button, what the live region says), tested natively.
//! The Leptos views (ui/) render these and decide nothing of their own. A row's text is
//! `model::RowText`; the count is `PeopleList::count_label`.
use crate::error::PanelError;
use crate::i18n::{number, text, Words};
use crate::provider::rollout::Credential;

use super::state::{Action, DeleteState, Notice, Phase, State};

/// What shows in the list's place.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// The list itself.
    List,
    State(StateBox),
    /// The user's connected CRMs, to pick one.
    Choose(Vec<Credential>),
}

/// A state the panel shows instead of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct StateBox {
    /// `data-state`, for hosts and tests.
    pub state: &'static str,
    pub failed: bool,
    pub spinner: bool,
    /// Empty for none.
    pub title: String,
    pub message: String,
    /// A button that loads again, with its label.
    pub reload: Option<String>,
}

pub fn body(phase: &Phase, words: &Words) -> Body {
    let quiet = |state, spinner, title: &str, message: &str, reload: Option<&str>| StateBox {
        state,
        failed: false,
        spinner,
        title: if title.is_empty() { String::new() } else { words.t(title) },
        message: words.t(message),
        reload: reload.map(|id| words.t(id)),
    };
    Body::State(match phase {
        Phase::Ready => return Body::List,
        Phase::ChooseCredential(credentials) => return Body::Choose(credentials.clone()),
        Phase::Loading => quiet("loading", true, "", "state.loading", None),
        Phase::Syncing => quiet("syncing", true, "state.syncing.title", "state.syncing", None),
        Phase::ConnectCrm => {
            quiet("connect", false, "state.connect.title", "state.connect", Some("state.connect.check"))
        }
        Phase::SignedOut => quiet("session-ended", false, "state.session-ended.title", "state.session-ended", None),
        Phase::Failed(error) => {
            let state = match error {
                PanelError::Config(_) => "config",
                PanelError::SignedOut { .. } | PanelError::Unauthorized(_) => "signed-out",
                PanelError::Forbidden(_) => "reconnect",
                PanelError::NotPermitted(_) => "not-permitted",
                PanelError::Syncing => "syncing",
                PanelError::RateLimited => "rate-limited",
                PanelError::Network(_) => "offline",
                _ => "error",
            };
            // A wrong attribute is not fixed by trying again.
            let reload = (!matches!(error, PanelError::Config(_))).then(|| words.t("state.try-again"));
            let title = words.t(&format!("state.{state}.title"));
            StateBox { state, failed: true, spinner: false, title, message: error.message(words), reload }
        }
    })
}

/// The one line above the list: retrying, a failure with its retry, or a confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeLine {
    /// `data-notice`, for hosts and tests.
    pub kind: &'static str,
    pub class: &'static str,
    pub text: String,
    pub button: Option<NoticeButton>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NoticeButton {
    pub label: String,
    /// For a button whose label is a sign ("×").
    pub aria_label: Option<String>,
    /// `None`: it dismisses the notice.
    pub retry: Option<Action>,
}

pub fn notice_line(notice: &Notice, words: &Words) -> NoticeLine {
    let (kind, class, button) = match notice {
        Notice::Retrying(_) => ("retrying", "pp-notice", None),
        Notice::Failed { retry, .. } => (
            "error",
            "pp-notice pp-error",
            Some(NoticeButton { label: words.t("notice.retry"), aria_label: None, retry: Some(*retry) }),
        ),
        Notice::Info(_) => (
            "info",
            "pp-notice pp-ok",
            Some(NoticeButton { label: "×".into(), aria_label: Some(words.t("notice.dismiss")), retry: None }),
        ),
    };
    NoticeLine { kind, class, text: notice_text(notice, words), button }
}

fn notice_text(notice: &Notice, words: &Words) -> String {
    match notice {
        Notice::Retrying(n) => {
            words.tf("notice.retrying", [("attempt", number(n.attempt)), ("reason", text(&n.reason.message(words)))])
        }
        Notice::Failed { error, .. } => error.message(words),
        Notice::Info(said) => words.say(said),
    }
}

/// The form's submit button: its label's message id, and whether it can be pressed (not while
/// sending; not for an edit that changes nothing).
pub fn submit(s: &State) -> (&'static str, bool) {
    let editing = s.form.edit.is_some();
    let label = match (s.saving(), editing) {
        (true, _) => "form.saving",
        (false, true) => "form.save-changes",
        (false, false) => "form.save-new",
    };
    (label, !(s.saving() || (editing && !s.form.edit_changed())))
}

/// What the live region says for the state, `shown` people matching: the newest of a form's
/// message, a failed delete, a notice, then what the body shows (for a list, how many).
pub fn announcement(s: &State, shown: usize, words: &Words) -> String {
    if let Some(message) = &s.form.message {
        return words.say(message);
    }
    if let DeleteState::Failed { reason, .. } = &s.load.delete {
        return words.tf("delete.failed", [("reason", text(&reason.message(words)))]);
    }
    if let Some(notice) = &s.load.notice {
        return notice_text(notice, words);
    }
    match body(&s.load.phase, words) {
        Body::List => {
            let loaded = s.load.people.len();
            match s.load.people.total {
                _ if s.narrowed() => words.tf("announce.results", [("n", number(shown as f64))]),
                Some(total) if total as usize > loaded => {
                    words.tf("announce.loaded-of", [("n", number(loaded as f64)), ("total", number(total as f64))])
                }
                _ => words.tf("announce.loaded", [("n", number(loaded as f64))]),
            }
        }
        Body::Choose(_) => format!("{} {}", words.t("choose.title"), words.t("choose.message")),
        Body::State(state) if state.title.is_empty() => state.message,
        Body::State(state) => format!("{}. {}", state.title, state.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Said;
    use crate::model::{Cursor, Page, Person};

    fn ready(people: usize, total: u64) -> State {
        let mut s = State::default();
        s.load.phase = Phase::Ready;
        let listed = (0..people).map(|i| Person { id: i.to_string(), name: format!("P{i}"), ..Default::default() });
        s.load.people.append(Page {
            people: listed.collect(),
            raw: vec![],
            next: Cursor::Offset(people),
            total: Some(total),
        });
        s
    }

    #[test]
    fn each_state_says_what_it_is_with_the_action_that_helps() {
        let words = Words::default();
        let Body::State(loading) = body(&Phase::Loading, &words) else { panic!() };
        assert_eq!(
            (loading.state, loading.spinner, loading.title.as_str(), loading.reload),
            ("loading", true, "", None)
        );
        let Body::State(offline) = body(&Phase::Failed(PanelError::Network("down")), &words) else { panic!() };
        assert_eq!((offline.state, offline.failed), ("offline", true));
        assert_eq!(offline.reload.as_deref(), Some("Try again"));
        let wrong = crate::config::ConfigError { id: "config.fields", value: "birthday".into() };
        let Body::State(config) = body(&Phase::Failed(PanelError::Config(wrong)), &words) else { panic!() };
        assert_eq!((config.state, config.reload), ("config", None), "trying again fixes no attribute");
        assert!(config.message.contains("birthday"), "{}", config.message);
        assert_eq!(body(&Phase::Ready, &words), Body::List);
    }

    #[test]
    fn the_live_region_says_the_newest_thing_once() {
        let words = Words::default();
        let mut s = ready(3, 10);
        assert_eq!(
            announcement(&s, 3, &words),
            words.tf("announce.loaded-of", [("n", number(3.0)), ("total", number(10.0))])
        );
        s.load.notice = Some(Notice::Info(Said::new("notice.saved", [("name", crate::i18n::Arg::text("Ana"))])));
        let line = notice_line(s.load.notice.as_ref().unwrap(), &words);
        assert_eq!((line.kind, announcement(&s, 3, &words)), ("info", line.text.clone()));
        assert_eq!(line.button.and_then(|b| b.aria_label), Some(words.t("notice.dismiss")));
        s.form.message = Some(Said::new("form.not-loaded", []));
        assert_eq!(announcement(&s, 3, &words), words.t("form.not-loaded"), "a form's refusal first");
        s.load.phase = Phase::SignedOut;
        (s.form.message, s.load.notice) = (None, None);
        let said = announcement(&s, 0, &words);
        assert!(said.starts_with(&format!("{}. ", words.t("state.session-ended.title"))), "{said}");
    }

    #[test]
    fn the_submit_button_waits_for_a_change_and_while_sending() {
        use crate::panel::tests::{loaded, type_into};
        use crate::panel::{update::update, Msg};
        let mut s = loaded();
        assert_eq!(submit(&s), ("form.save-new", true));
        update(&mut s, Msg::StartEdit("1".into()));
        assert_eq!(submit(&s), ("form.save-changes", false), "an edit that changes nothing");
        type_into(&mut s, "first_name", "Ana");
        assert_eq!(submit(&s), ("form.save-changes", true));
        update(&mut s, Msg::Submit);
        assert_eq!(submit(&s), ("form.saving", false));
    }
}
