//! What can happen to a panel (`Msg`, with `Answer` for a request's answer) and what it can do
//! about it (`Effect`): plain data, between the views, `update` and the runner.
use crate::config::{CacheMode, ConfigError, PanelConfig};
use crate::error::PanelError;
use crate::http::RetryNotice;
use crate::json::Json;
use crate::model::{Arrangement, Cursor, Facet, NewPerson, Page, Person, Sort};
use crate::provider::rollout::Credential;
use crate::remember::Remembered;
use crate::scope::{Scope, User};

use super::state::Action;
use super::PanelEvent;

/// What happened: the user or the host did something, or a request answered.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one message at a time, moved once into update")]
pub enum Msg {
    /// The attributes (or the component's props) say this; a change reloads.
    Configured(Result<PanelConfig, ConfigError>),
    /// Load again from the start (a state's "Try again").
    Reload,
    Refresh,
    LoadMore,
    Search(String),
    /// The host set `sort` and `filter` (attributes or props): no event tells it back.
    Arranged(Arrangement),
    /// The user chose an order (`None`: the CRM's).
    SortBy(Option<Sort>),
    /// The user chose a value of a facet, or un-chose it.
    ToggleFilter(Facet, String),
    ClearFilter,
    OpenDetails(String),
    CloseDetails,
    ToggleNewForm,
    CloseForm,
    /// Closes the innermost open thing: the delete confirmation, the form, the details.
    Escape,
    Typed {
        field: &'static str,
        value: String,
    },
    Submit,
    /// "Edit" in a person's details.
    StartEdit(String),
    AskDelete(String),
    CancelDelete,
    ConfirmDelete,
    /// Picked in the panel, or handed over by the host (Rollout Link's `onCredentialAdded`).
    UseCredential(Credential),
    /// Rollout Link's `onCredentialDeleted`.
    CredentialDeleted(String),
    DismissNotice,
    RetryNotice(Action),
    /// "Load all": the next pages one after the other, until the end or `StopLoading`.
    LoadAll,
    StopLoading,
    /// The views carried out `state.focus`.
    FocusTaken,
    /// The host signed its user out (this panel's `signOut()` or another's on its `token-url`).
    SignedOut,
    /// A token of this user arrived on the panel's token route (maybe another panel's request).
    TokenOf(User),
    /// The user asks again for the part of the panel that could not be loaded.
    LoadLater,
    /// The second chunk arrived (or could not be fetched).
    LaterLoaded(bool),
    Answer(Ticket, Answer),
}

/// Which load and which scope an effect was decided in; its answer comes back with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticket {
    pub load: u64,
    pub scope: Option<Scope>,
}

/// A request's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Who the token says is signed in.
    Token(Result<User, PanelError>),
    /// What the browser keeps for the signed-in user: their create draft and saved credential.
    Saved {
        draft: Option<NewPerson>,
        credential: Option<Credential>,
    },
    /// The user's unsaved edit kept under `key`, if any.
    Draft {
        key: String,
        draft: Option<NewPerson>,
    },
    Credentials(Result<Vec<Credential>, PanelError>),
    /// A page of people: the first (`first`, with the time it came, for the 409 wait) or the next.
    Page {
        first: bool,
        result: Result<Page, PanelError>,
        now_ms: f64,
    },
    /// Rally's changes since the list's watermark: changed or new people, and deleted ids.
    Changes(Result<(Vec<Person>, Vec<String>), PanelError>),
    Retrying(Option<RetryNotice>),
    /// A create's answer; `sent_at`: when it was sent, in the CRM's clock (what a check reads from).
    Created {
        sent_at: f64,
        result: Result<(Person, Json), PanelError>,
    },
    /// A page of the people changed since a create whose answer was lost.
    CreateCheck(Result<Page, PanelError>),
    /// The CRM's own record of the person being edited.
    Record {
        id: String,
        result: Result<(Person, Json), PanelError>,
    },
    Updated {
        id: String,
        result: Result<(Person, Json), PanelError>,
    },
    Deleted {
        id: String,
        result: Result<(), PanelError>,
    },
    /// The list kept for this user, CRM and credential (`cache`), if the browser has one.
    Recalled(Option<Remembered>),
    /// Another panel of the same user and CRM (on this page or in another tab) changed a person.
    Remote(Change),
}

/// What a panel tells the others of its user and CRM, and hears from them.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Created: the person as the CRM answered (`Json`: as the API returned it).
    Created(Box<Person>, Json),
    /// Edited: only a panel that has the person loaded shows it.
    Edited(Box<Person>, Json),
    Deleted(String),
}

/// How a create ended up saved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Saved {
    Directly,
    /// The answer was lost, but the person is on the server.
    Confirmed,
    /// The first attempt never arrived; the second did.
    Resent,
}

/// What the runner does.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "a few short-lived effects per message; boxing would only add noise")]
pub enum Effect {
    /// Opens a session for `state.config` (a client, the token source's news), replacing the
    /// previous one (its requests are dropped), and asks for the token → `Answer::Token`.
    Connect,
    /// Closes the session: nothing more is sent.
    Disconnect,
    /// `refresh()`: the next request asks the token route again.
    RenewToken,
    /// A new `token-url` may fetch tokens again, even one signed out before.
    ResumeTokens(String),
    Credentials,
    Page {
        first: bool,
        cursor: Cursor,
    },
    /// `effect` after `ms`, unless the panel loaded again meanwhile.
    After {
        ms: f64,
        effect: Box<Effect>,
    },
    Changes {
        since: String,
    },
    Create {
        values: NewPerson,
    },
    /// A page of the people changed since `since` (the CRM's clock), checked for a lost create.
    FindCreated {
        since: f64,
        cursor: Cursor,
    },
    Record {
        id: String,
    },
    Update {
        id: String,
        original: Json,
        before: NewPerson,
        after: NewPerson,
    },
    Delete {
        id: String,
    },
    /// Reads what the browser keeps for `user`: the draft under `draft`, the saved credential →
    /// `Answer::Saved`.
    ReadSaved {
        user: User,
        draft: String,
    },
    /// Reads the draft under `key` → `Answer::Draft`.
    ReadDraft {
        key: String,
    },
    SaveDraft {
        key: String,
        values: NewPerson,
    },
    ForgetDraft {
        key: String,
    },
    SaveCredential {
        user: User,
        credential: Credential,
    },
    /// Forgets the user's saved credential (all of it, or only when it is `only`).
    ForgetCredential {
        user: User,
        only: Option<String>,
    },
    Emit(PanelEvent),
    /// `panel-error`, with the error in the panel's words.
    EmitError(PanelError),
    /// Reads the list kept under `key` → `Answer::Recalled`.
    Recall {
        key: String,
        mode: CacheMode,
    },
    /// Keeps the list under `key` (`cache`).
    Remember {
        key: String,
        mode: CacheMode,
        list: Remembered,
    },
    /// Forgets every list kept for `user`.
    ForgetLists {
        user: User,
    },
    /// Fetches the second wasm chunk (after the frame being drawn) → `Msg::LaterLoaded`.
    LoadLater,
    /// Joins the channel of the panels of this scope (`Scope::channel`), leaving any other.
    Listen {
        channel: String,
    },
    /// Tells the other panels of a scope: the panel's own, or the one a create was sent in.
    Broadcast {
        channel: String,
        change: Change,
    },
}
