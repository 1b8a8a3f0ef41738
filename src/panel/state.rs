//! The panel's state, as plain data: everything the views show, in one struct that only
//! `update` changes (update.rs). No signals, no I/O: tested natively.
use crate::config::{CacheMode, ConfigError, PanelConfig};
use crate::error::PanelError;
use crate::http::RetryNotice;
use crate::i18n::Said;
use crate::json::Json;
use crate::model::{Arrangement, Cursor, FieldError, FormRules, NewPerson, PeopleList};
use crate::provider::rollout::Credential;
use crate::scope::{keys, Scope};

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    /// The CRM answered 409; polling with backoff.
    Syncing,
    Ready,
    ChooseCredential(Vec<Credential>),
    /// No CRM connected yet: the host should show Rollout Link.
    ConnectCrm,
    /// The host signed its user out (`signOut()`): nothing of theirs is shown, nothing is sent
    /// until `refresh()` or another `token-url`.
    SignedOut,
    Failed(PanelError),
}

/// A line above the list that doesn't replace it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Retrying(RetryNotice),
    /// Loading more (or refreshing) failed; the loaded people stay, and `retry` tries it again.
    Failed {
        error: PanelError,
        retry: Action,
    },
    Info(Said),
}

/// What a notice's "Retry" does again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    LoadMore,
    Refresh,
}

/// Where a delete stands. One person at a time: the one whose details are open.
#[derive(Clone, Debug, PartialEq)]
pub enum DeleteState {
    Idle,
    /// Waiting for the user to confirm deleting this id.
    Confirming(String),
    /// Sent; the row says so until the CRM answers.
    Deleting(String),
    /// The CRM refused or couldn't be reached: the person stays, with the reason.
    Failed {
        id: String,
        reason: PanelError,
    },
}

impl DeleteState {
    /// The id this state is about, if any.
    pub fn id(&self) -> Option<&str> {
        match self {
            DeleteState::Idle => None,
            DeleteState::Confirming(id) | DeleteState::Deleting(id) | DeleteState::Failed { id, .. } => Some(id),
        }
    }
}

/// Where keyboard focus should go next; the views carry it out once the DOM shows its target.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    /// A person's row in the list, scrolled into view.
    Row(String),
    /// The first element the CSS selector matches in the panel (see `focus::*`).
    Element(&'static str),
    /// The list, if focus was on "Load more" (which went away with the last page) or nowhere.
    ListFromLoadMore,
}

/// The create and edit form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    pub open: bool,
    pub values: NewPerson,
    pub errors: Vec<FieldError>,
    pub message: Option<Said>,
    /// An edit's save is on its way (a create's is `State::create`).
    pub sending: bool,
    /// Set while the form edits a person rather than creating one.
    pub edit: Option<Edit>,
}

/// What an edit started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub id: String,
    /// The create form's values while the edit has the form: back when it ends.
    pub create_values: NewPerson,
    /// The form as prefilled (what "changed" is measured against).
    pub before: NewPerson,
    /// The person as the CRM returned it (a save sends it back with the changes); `None` until read.
    pub original: Option<Json>,
    /// "Save" was pressed before `original` arrived: the save goes out when it does.
    pub save_when_read: bool,
}

impl Form {
    /// Whether an edit's values differ from what it started with.
    pub fn edit_changed(&self) -> bool {
        self.edit.as_ref().is_some_and(|e| !self.values.changed_from(&e.before).is_empty())
    }
}

/// A create, from its send until the CRM's answer (or, when that answer was lost, until the CRM
/// has been checked for the person). It belongs to the scope it was sent in, whatever the panel
/// shows meanwhile.
#[derive(Clone, Debug, PartialEq)]
pub struct Creating {
    pub scope: Scope,
    pub values: NewPerson,
    /// The ids listed when it was sent: a match among the others is the person it created.
    pub known: std::collections::HashSet<String>,
    /// How many times it was sent (at most `CREATE_SENDS`).
    pub sends: u32,
    pub step: CreateStep,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CreateStep {
    Sending,
    /// The answer was lost: the CRM's people changed since `since` (its clock) are read, a page at
    /// a time, for one matching it.
    Checking {
        since: f64,
        cursor: Cursor,
        pages: usize,
    },
    /// The check could not be finished: said so; "Save" looks again before sending anything.
    Unconfirmed {
        since: f64,
    },
}

/// The second wasm chunk (later.rs: the form, details, edit and delete): fetched right after the
/// first row is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Later {
    #[default]
    NotLoaded,
    Loading,
    Ready,
    /// It could not be fetched: said where it is needed, with a retry.
    Failed,
}

/// How long a 409 "still syncing" has been waited out, and the next wait.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SyncWait {
    pub started_ms: f64,
    pub wait_ms: f64,
}

/// A remembered list being read again from the start (Rollout: its cursors can't be kept): the
/// fresh pages replace the rows in place until they cover what was shown, then become the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Revalidation {
    pub fresh: PeopleList,
    /// How many people the remembered list showed.
    pub until: usize,
}

/// Everything of one load: a new load (another configuration or credential, "Try again", a reload)
/// or a new user replaces it whole, in one assignment, so no field can be left behind.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    /// Counts loads: an answer to a request of an earlier load is stale and ignored.
    pub id: u64,
    pub phase: Phase,
    pub notice: Option<Notice>,
    pub people: PeopleList,
    pub loading_more: bool,
    /// "Load all": pages follow each other until the end or "Stop".
    pub loading_all: bool,
    /// The person whose details are open.
    pub selected: Option<String>,
    pub delete: DeleteState,
    pub sync: Option<SyncWait>,
    /// When the list shown was saved (`cache`), until the CRM has brought it up to date.
    pub remembered_at: Option<f64>,
    pub revalidating: Option<Revalidation>,
}

impl Load {
    /// The load after `previous`, from nothing.
    pub fn after(previous: &Load) -> Self {
        Load { id: previous.id + 1, ..Load::default() }
    }
}

impl Default for Load {
    fn default() -> Self {
        Load {
            id: 0,
            phase: Phase::Loading,
            notice: None,
            people: PeopleList::default(),
            loading_more: false,
            loading_all: false,
            selected: None,
            delete: DeleteState::Idle,
            sync: None,
            remembered_at: None,
            revalidating: None,
        }
    }
}

/// What outlives a load: the configuration, the scope, the form and a create on its way, the
/// search, sort and filter, focus, the second chunk. A new user replaces all of it but the
/// configuration and the list's arrangement (the host's, as its attributes say).
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The configuration the attributes (or props) give; `None` before the first.
    pub configured: Option<Result<PanelConfig, ConfigError>>,
    pub load: Load,
    /// Whose people from which CRM, once the token said who; the CRM part follows the configuration
    /// at once, the credential once it is resolved.
    pub scope: Option<Scope>,
    /// The credential in use came from storage (a 403 then forgets it).
    pub credential_saved: bool,
    /// Picked by the user or handed over by `onCredentialAdded` in this page's life.
    pub chosen: Option<Credential>,
    pub query: String,
    /// The list's order and filter (`sort`, `filter`): the host's, or the user's since.
    pub arrangement: Arrangement,
    pub form: Form,
    pub create: Option<Creating>,
    pub rules: FormRules,
    pub focus: Option<Focus>,
    pub later: Later,
}

impl Default for State {
    fn default() -> Self {
        State {
            configured: None,
            load: Load::default(),
            scope: None,
            credential_saved: false,
            chosen: None,
            query: String::new(),
            arrangement: Arrangement::default(),
            form: Form::default(),
            create: None,
            rules: crate::provider::ProviderKind::default().form_rules(),
            focus: None,
            later: Later::NotLoaded,
        }
    }
}

impl State {
    /// The configuration of the current load, when it is valid.
    pub fn config(&self) -> Option<&PanelConfig> {
        self.configured.as_ref()?.as_ref().ok()
    }

    pub fn ready(&self) -> bool {
        self.load.phase == Phase::Ready
    }

    /// Whether Escape has something to close: the delete confirmation, the form, the details.
    pub fn escapable(&self) -> bool {
        matches!(self.load.delete, DeleteState::Confirming(_) | DeleteState::Failed { .. })
            || self.form.open
            || self.load.selected.is_some()
    }

    /// Whether the list shows fewer than are loaded by choice: a search, or a filter.
    pub fn narrowed(&self) -> bool {
        !self.query.trim().is_empty() || !self.arrangement.filter.is_empty()
    }

    pub fn credential_id(&self) -> Option<&str> {
        self.scope.as_ref()?.credential.as_deref()
    }

    pub fn editing(&self) -> Option<&str> {
        self.form.edit.as_ref().map(|e| e.id.as_str())
    }

    /// Whether the form's request is on its way: an edit's save, or the create it shows.
    pub fn saving(&self) -> bool {
        match &self.form.edit {
            Some(_) => self.form.sending,
            None => self.create.as_ref().is_some_and(|c| !matches!(c.step, CreateStep::Unconfirmed { .. })),
        }
    }

    pub fn person(&self, id: &str) -> Option<crate::model::Person> {
        self.load.people.find(id)
    }

    /// Where the form's draft is kept: the signed-in user's create draft, or their draft of an
    /// edit of one person.
    pub fn draft_key(&self) -> Option<String> {
        let (provider, user) = (self.config()?.provider, &self.scope.as_ref()?.user);
        Some(match self.editing() {
            Some(id) => keys::edit_draft(provider, user, id),
            None => keys::draft(provider, user),
        })
    }

    /// Where the signed-in user's list on this CRM API and credential is kept, when the host opted
    /// in (`cache`).
    pub fn list_key(&self) -> Option<(String, CacheMode)> {
        let config = self.config().filter(|c| c.cache != CacheMode::None)?;
        Some((keys::list(self.scope.as_ref()?), config.cache))
    }

    /// Where the signed-in user's create draft is kept.
    pub fn create_draft_key(&self) -> Option<String> {
        Some(keys::draft(self.config()?.provider, &self.scope.as_ref()?.user))
    }
}
