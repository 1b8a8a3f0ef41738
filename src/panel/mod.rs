//! The panel apart from how it looks. Its state is plain data (state.rs) in one signal, changed
//! only by `update` (update.rs, with form.rs and delete.rs): what happened → the new state and the
//! effects to run. runner.rs carries the effects out (requests.rs over `http::Client`, storage,
//! events) and feeds their answers back. Views read the state and dispatch what the user did.
use std::rc::Rc;

use leptos::prelude::*;

use crate::config::{ConfigError, Fields, PanelConfig, Theme};
use crate::error::PanelError;
use crate::i18n::{Said, Words};
use crate::json::Json;
use crate::model::Arrangement;
use crate::provider::rollout::Credential;

mod create;
mod delete;
pub mod focus;
mod form;
pub mod msg;
mod recall;
pub(crate) mod requests;
mod runner;
pub mod state;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

pub use state::{Action, DeleteState, Focus, Notice, Phase, State};
pub use update::{Answer, Msg};

/// What the panel tells its host (the element turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum PanelEvent {
    PersonCreated(Json),
    PersonUpdated(Json),
    PersonDeleted(String),
    CredentialChanged(Credential),
    CredentialRequired,
    Error {
        status: u16,
        message: String,
    },
    /// The user changed the list's order or filter (not the host).
    ViewChanged(Arrangement),
}

impl PanelEvent {
    pub fn name(&self) -> &'static str {
        match self {
            PanelEvent::PersonCreated(_) => "person-created",
            PanelEvent::PersonUpdated(_) => "person-updated",
            PanelEvent::PersonDeleted(_) => "person-deleted",
            PanelEvent::CredentialChanged(_) => "credential-changed",
            PanelEvent::CredentialRequired => "credential-required",
            PanelEvent::Error { .. } => "panel-error",
            PanelEvent::ViewChanged(_) => "view-changed",
        }
    }

    pub fn detail(&self) -> Json {
        match self {
            PanelEvent::PersonCreated(person) | PanelEvent::PersonUpdated(person) => person.clone(),
            PanelEvent::PersonDeleted(id) => Json::object_of([("id", Json::string(id))]),
            PanelEvent::CredentialChanged(c) => {
                Json::object_of([("id", Json::string(&c.id)), ("appKey", Json::string(&c.app_key))])
            }
            PanelEvent::CredentialRequired => Json::object(),
            PanelEvent::Error { status, message } => {
                Json::object_of([("status", Json::number(f64::from(*status))), ("message", Json::string(message))])
            }
            PanelEvent::ViewChanged(arrangement) => Json::object_of([
                ("sort", Json::string(&arrangement.sort_attribute())),
                ("filter", Json::string(&arrangement.filter.attribute())),
            ]),
        }
    }
}

pub type EventSink = Rc<dyn Fn(PanelEvent)>;

/// One panel: its state, its words and theme, and what runs its effects. `Copy` handles.
#[derive(Clone, Copy)]
pub struct Panel {
    /// Everything the views show. Only `dispatch` changes it.
    pub state: RwSignal<State>,
    /// Presentation only: changing it never reloads.
    pub theme: Signal<Theme>,
    /// What rows and details show (presentation only, like the theme).
    pub fields: Signal<Fields>,
    /// The panel's language and the host's overrides: every text it shows comes from them.
    pub words: RwSignal<Words>,
    runtime: StoredValue<runner::Runtime, LocalStorage>,
}

impl Panel {
    /// Creates the state and starts loading; loads again whenever `config` changes.
    pub fn new(
        config: Signal<Result<PanelConfig, ConfigError>>,
        theme: Signal<Theme>,
        fields: Signal<Fields>,
        emit: EventSink,
    ) -> Self {
        let panel = Panel {
            state: RwSignal::new(State::default()),
            theme,
            fields,
            words: RwSignal::new(Words::default()),
            runtime: StoredValue::new_local(runner::Runtime::new(emit)),
        };
        // At once (the token fetch overlaps the first render), then on every change.
        panel.dispatch(Msg::Configured(config.get_untracked()));
        Effect::new(move |_| panel.dispatch(Msg::Configured(config.get())));
        panel
    }

    /// What happened → `update` → its effects, run.
    pub fn dispatch(&self, msg: Msg) {
        let Some(effects) = self.state.try_update(|s| update::update(s, msg)) else { return };
        for effect in effects {
            self.run(effect);
        }
    }

    /// Reads the state without subscribing (event handlers, the element's getters).
    pub fn peek<T>(&self, read: impl FnOnce(&State) -> T) -> Option<T> {
        self.state.try_with_untracked(read)
    }

    /// The text of message `id` in the panel's language.
    pub fn t(&self, id: &str) -> String {
        self.words.with_untracked(|w| w.t(id))
    }

    /// The text of message `id` with its arguments, in the panel's language.
    pub fn tf<const N: usize>(&self, id: &str, args: [(&'static str, Json); N]) -> String {
        self.words.with_untracked(|w| w.tf(id, args))
    }

    /// Words kept as data, in the panel's language.
    pub fn said(&self, said: &Said) -> String {
        self.words.with_untracked(|w| w.say(said))
    }

    /// An error in the panel's language.
    pub fn say(&self, error: &PanelError) -> String {
        self.words.with_untracked(|w| error.message(w))
    }

    // ---- what the element's methods do ----

    pub fn refresh(&self) {
        self.dispatch(Msg::Refresh);
    }

    /// The user picked one of several connected CRMs, or the host handed one over from Rollout Link.
    pub fn use_credential(&self, credential: Credential) {
        self.dispatch(Msg::UseCredential(credential));
    }

    /// The host says a credential was deleted (Rollout Link's `onCredentialDeleted`): when it is the
    /// one in use, the panel forgets it and resolves again ("connect your CRM" when none is left).
    pub fn credential_deleted(&self, id: &str) {
        self.dispatch(Msg::CredentialDeleted(id.to_string()));
    }

    /// The credential in use (attribute, chosen, saved or listed).
    pub fn credential_id(&self) -> Option<String> {
        self.peek(|s| s.credential_id().map(str::to_string)).flatten()
    }
}
