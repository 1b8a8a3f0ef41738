//! The panel's state and actions, apart from how they look: what is loaded, which phase the panel is
//! in, the create form, and the events for the host. Components read these signals and call these
//! methods; all I/O goes through `http::Client`.
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::{self, forget_credential, save_credential, saved_credential, token_source, TokenNews};
use crate::browser::{self, now_ms, sleep};
use crate::config::MAX_PAGE_SIZE;
use crate::config::{ConfigError, PanelConfig, Theme};
use crate::error::PanelError;
use crate::http::{Client, RetryListener, RetryNotice};
use crate::i18n::{Arg, Said, Words};
use crate::json::Json;
use crate::jwt::Claims;
use crate::model::{Cursor, FieldError, FormRules, NewPerson, PeopleList, Person};
use crate::provider::rollout::{parse_credentials, Credential};
use crate::provider::{self, ApiRequest};

mod delete;
mod edit;
pub mod focus;

pub use delete::DeleteState;
pub use focus::Focus;

/// How long a 409 "still syncing" is waited out (Rollout: allow 30–60 s after connecting).
const SYNC_WAIT_MS: f64 = 90_000.0;

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

/// What the panel tells its host (the element turns these into DOM events).
#[derive(Clone, Debug)]
pub enum PanelEvent {
    PersonCreated(Json),
    PersonUpdated(Json),
    PersonDeleted(String),
    CredentialChanged(Credential),
    CredentialRequired,
    Error { status: u16, message: String },
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
        }
    }
}

pub type EventSink = Rc<dyn Fn(PanelEvent)>;

/// The client and configuration of the current load.
struct Session {
    client: Client,
    config: PanelConfig,
}

/// Every piece of panel state, as `Copy` signal handles.
#[derive(Clone, Copy)]
pub struct Panel {
    config: Signal<Result<PanelConfig, ConfigError>>,
    /// Presentation only: changing it never reloads.
    pub theme: Signal<Theme>,
    /// The panel's language and the host's overrides: every text it shows comes from them.
    pub words: RwSignal<Words>,
    pub phase: RwSignal<Phase>,
    pub notice: RwSignal<Option<Notice>>,
    pub people: RwSignal<PeopleList>,
    pub loading_more: RwSignal<bool>,
    pub query: RwSignal<String>,
    pub selected: RwSignal<Option<String>>,
    pub credential: RwSignal<Option<Credential>>,
    /// Picked by the user or handed over by `onCredentialAdded` in this page's life.
    chosen: RwSignal<Option<Credential>>,
    pub form: RwSignal<NewPerson>,
    pub form_open: RwSignal<bool>,
    pub form_errors: RwSignal<Vec<FieldError>>,
    pub form_message: RwSignal<Option<Said>>,
    pub sending: RwSignal<bool>,
    pub rules: RwSignal<FormRules>,
    pub delete: RwSignal<DeleteState>,
    /// Where keyboard focus should go next (see focus.rs); the views carry it out.
    pub focus: RwSignal<Option<String>>,
    /// The id of the person the form is editing; `None` while it creates.
    pub editing: RwSignal<Option<String>>,
    /// What an edit started from: the form as prefilled, and the person as the CRM returned it.
    edit_base: StoredValue<Option<(NewPerson, Option<Json>)>, LocalStorage>,
    session: StoredValue<Option<Rc<Session>>, LocalStorage>,
    generation: StoredValue<u64>,
    /// The configuration the current load started from.
    loaded_config: StoredValue<Option<Result<PanelConfig, ConfigError>>>,
    /// Whose draft the form holds: its storage key.
    draft_key: StoredValue<Option<String>>,
    emit: StoredValue<EventSink, LocalStorage>,
}

impl Panel {
    /// Creates the state and starts loading; reloads whenever `config` changes.
    pub fn new(config: Signal<Result<PanelConfig, ConfigError>>, theme: Signal<Theme>, emit: EventSink) -> Self {
        let panel = Panel {
            config,
            theme,
            words: RwSignal::new(Words::default()),
            phase: RwSignal::new(Phase::Loading),
            notice: RwSignal::new(None),
            people: RwSignal::new(PeopleList::default()),
            loading_more: RwSignal::new(false),
            query: RwSignal::new(String::new()),
            selected: RwSignal::new(None),
            credential: RwSignal::new(None),
            chosen: RwSignal::new(None),
            form: RwSignal::new(NewPerson::default()),
            form_open: RwSignal::new(false),
            form_errors: RwSignal::new(Vec::new()),
            form_message: RwSignal::new(None),
            sending: RwSignal::new(false),
            rules: RwSignal::new(FormRules { both_names: false, email_required: false, has_company: true }),
            delete: RwSignal::new(DeleteState::Idle),
            editing: RwSignal::new(None),
            focus: RwSignal::new(None),
            edit_base: StoredValue::new_local(None),
            session: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            loaded_config: StoredValue::new(None),
            draft_key: StoredValue::new(None),
            emit: StoredValue::new_local(emit),
        };
        // Start at once (the token fetch overlaps the first render), then again on every change.
        panel.reload();
        Effect::new(move |_| {
            let changed = config.with(|c| panel.loaded_config.with_value(|loaded| loaded.as_ref() != Some(c)));
            if changed {
                // A new `token-url` may fetch tokens again, even one signed out before.
                let url_of = |c: &Result<PanelConfig, ConfigError>| c.as_ref().ok().map(|c| c.token_url.clone());
                let new_url = config.with_untracked(url_of);
                if new_url != panel.loaded_config.with_value(|loaded| loaded.as_ref().and_then(url_of)) {
                    if let Some(url) = new_url {
                        token_source(&url).resume();
                    }
                }
                panel.reload();
            }
        });
        panel
    }

    fn emit(&self, event: PanelEvent) {
        if let Some(emit) = self.emit.try_get_value() {
            emit(event);
        }
    }

    /// False once a newer load started or the panel was unmounted.
    fn current(&self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
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

    fn fail(&self, generation: u64, error: PanelError) {
        if self.current(generation) {
            self.emit(PanelEvent::Error { status: error.status(), message: self.say(&error) });
            self.phase.set(Phase::Failed(error));
        }
    }

    /// Starts over: token, credential, first page. Keeps the form and its draft.
    pub fn reload(&self) {
        self.retire_session();
        let generation = self.generation.get_value();
        self.people.set(PeopleList::default());
        self.notice.set(None);
        self.selected.set(None);
        self.delete.set(DeleteState::Idle);
        if self.editing.get_untracked().is_some() {
            self.leave_edit();
        }
        self.loading_more.set(false);
        let config = self.config.get_untracked();
        self.loaded_config.set_value(Some(config.clone()));
        let config = match config {
            Ok(config) => config,
            Err(wrong) => return self.fail(generation, PanelError::Config(wrong)),
        };
        let crm = provider::for_config(&config);
        self.rules.set(crm.form_rules());
        let notice = self.notice;
        let panel = *self;
        let on_retry: RetryListener = Rc::new(move |n: Option<RetryNotice>| {
            if panel.current(generation) {
                match n {
                    Some(n) => notice.set(Some(Notice::Retrying(n))),
                    None if matches!(notice.get_untracked(), Some(Notice::Retrying(_))) => notice.set(None),
                    None => {}
                }
            }
        });
        let tokens = token_source(&config.token_url);
        if tokens.is_signed_out() {
            return self.phase.set(Phase::SignedOut);
        }
        // Until this panel loads again, it hears the host's sign-out and a user switch.
        tokens.listen(Rc::new(move |news| {
            if panel.current(generation) {
                match news {
                    TokenNews::SignedOut => panel.signed_out(),
                    TokenNews::UserChanged => panel.user_changed(),
                }
            }
            false
        }));
        tokens.warm();
        let client = Client::new(crm, tokens, &config.api_base, on_retry);
        let session = Rc::new(Session { client, config });
        self.session.set_value(Some(session.clone()));
        self.phase.set(Phase::Loading);
        spawn_local(async move { panel.start(generation, session).await });
    }

    /// Ends the current load: its answers are ignored, its queued requests and retries dropped.
    fn retire_session(&self) {
        self.generation.set_value(self.generation.get_value() + 1);
        if let Some(session) = self.session.get_value() {
            session.client.retire();
        }
    }

    /// Drops everything of the signed-in user from the panel (what is saved in the browser is
    /// `auth::sign_out`'s): people, details, form, credential, notices, queued requests.
    fn forget_user(&self) {
        self.retire_session();
        self.session.set_value(None);
        self.draft_key.set_value(None);
        self.edit_base.set_value(None);
        self.people.set(PeopleList::default());
        self.notice.set(None);
        self.selected.set(None);
        self.delete.set(DeleteState::Idle);
        self.editing.set(None);
        self.form.set(NewPerson::default());
        self.form_open.set(false);
        self.form_errors.set(Vec::new());
        self.form_message.set(None);
        self.sending.set(false);
        self.loading_more.set(false);
        self.query.set(String::new());
        self.credential.set(None);
        self.chosen.set(None);
        self.focus.set(None);
    }

    /// The host signed its user out (this panel's or another's `signOut()` on its `token-url`).
    fn signed_out(&self) {
        self.forget_user();
        self.phase.set(Phase::SignedOut);
    }

    /// A token of another user arrived: nothing of the previous one stays, then the new one's load.
    fn user_changed(&self) {
        self.forget_user();
        self.reload();
    }

    async fn start(self, generation: u64, session: Rc<Session>) {
        // Who is signed in decides whose draft the form shows (the token is needed next anyway).
        match session.client.user_token().await {
            Ok(token) if self.current(generation) => self.restore_draft(&session.config, &token.claims),
            Ok(_) => return,
            Err(e) => return self.fail(generation, e),
        }
        let mut from_storage = false;
        if session.client.crm.needs_credential() {
            match self.resolve_credential(generation, &session).await {
                Ok(Some((credential, saved))) => {
                    from_storage = saved;
                    self.credential.set(Some(credential));
                }
                Ok(None) => return,
                Err(e) => return self.fail(generation, e),
            }
        }
        let started = now_ms();
        let mut wait = 2_000.0;
        loop {
            match self.fetch_page(generation, &session).await {
                Ok(()) => {
                    if self.current(generation) {
                        self.phase.set(Phase::Ready);
                    }
                    return;
                }
                Err(PanelError::Syncing) if now_ms() - started + wait < SYNC_WAIT_MS && self.current(generation) => {
                    self.phase.set(Phase::Syncing);
                    sleep(wait).await;
                    wait = (wait * 1.5).min(10_000.0);
                }
                Err(e) => {
                    if matches!(e, PanelError::Forbidden(_)) && from_storage {
                        // The saved connection is gone: next time, ask the credentials API again.
                        if let Ok(token) = session.client.user_token().await {
                            forget_credential(&token.claims);
                        }
                    }
                    return self.fail(generation, e);
                }
            }
        }
    }

    /// The credential to use, and whether it came from storage; `None` when the user must act.
    async fn resolve_credential(
        &self,
        generation: u64,
        session: &Session,
    ) -> Result<Option<(Credential, bool)>, PanelError> {
        if let Some(id) = &session.config.credential_id {
            return Ok(Some((Credential { id: id.clone(), app_key: String::new(), label: None }, false)));
        }
        if let Some(chosen) = self.chosen.get_untracked() {
            return Ok(Some((chosen, false)));
        }
        let token = session.client.user_token().await?;
        if let Some(saved) = saved_credential(&token.claims) {
            return Ok(Some((saved, true)));
        }
        let body = session.client.send(&ApiRequest::get(session.config.credentials_url.clone()), None).await?;
        let mut credentials = parse_credentials(&body)?;
        if !self.current(generation) {
            return Ok(None);
        }
        match credentials.len() {
            0 => {
                self.phase.set(Phase::ConnectCrm);
                self.emit(PanelEvent::CredentialRequired);
                Ok(None)
            }
            1 => Ok(Some((credentials.remove(0), false))),
            _ => {
                self.phase.set(Phase::ChooseCredential(credentials));
                Ok(None)
            }
        }
    }

    async fn fetch_page(&self, generation: u64, session: &Session) -> Result<(), PanelError> {
        let Some(cursor) = self.people.try_with_untracked(|p| p.cursor()) else { return Ok(()) };
        let size = session.config.page_size;
        let credential = self.credential.try_get_untracked().flatten().map(|c| c.id);
        let request = session.client.crm.list(&cursor, size);
        let body = session.client.send(&request, credential.as_deref()).await?;
        let page = session.client.crm.parse_list(&body, &cursor, size)?;
        if self.current(generation) {
            self.people.update(|p| p.append(page));
        }
        Ok(())
    }

    /// Loads the next page, unless one is loading or everything is loaded.
    pub fn load_more(&self) {
        let idle = !self.loading_more.get_untracked() && self.people.with_untracked(PeopleList::has_more);
        let (Some(session), true) = (self.session.get_value(), idle && self.phase.get_untracked() == Phase::Ready)
        else {
            return;
        };
        let generation = self.generation.get_value();
        let panel = *self;
        self.loading_more.set(true);
        spawn_local(async move {
            let result = panel.fetch_page(generation, &session).await;
            if panel.current(generation) {
                panel.loading_more.set(false);
                panel.notice.set(result.err().map(|error| Notice::Failed { error, retry: Action::LoadMore }));
            }
        });
    }

    /// "Refresh": asks only for what changed when the CRM can tell (Rally's `updatedSince` and change
    /// feed) and merges it into the loaded list; otherwise reloads.
    pub fn refresh(&self) {
        // Ask the token route again: a user switch in the host shows here, and a sign-out ends.
        if let Ok(config) = self.config.get_untracked() {
            token_source(&config.token_url).expire();
        }
        let since = self.people.with_untracked(PeopleList::watermark);
        let ready = self.phase.get_untracked() == Phase::Ready && !self.loading_more.get_untracked();
        let session = self.session.get_value().filter(|s| s.client.crm.incremental().is_some());
        let (true, Some(since), Some(session)) = (ready, since, session) else { return self.reload() };
        let generation = self.generation.get_value();
        let panel = *self;
        self.loading_more.set(true);
        spawn_local(async move {
            let result = panel.apply_changes(&session, &since).await;
            if panel.current(generation) {
                panel.loading_more.set(false);
                panel.notice.set(Some(match result {
                    Ok((changed, removed)) => Notice::Info(Said::new(
                        "notice.up-to-date",
                        [("changed", Arg::Number(changed as f64)), ("removed", Arg::Number(removed as f64))],
                    )),
                    Err(error) => Notice::Failed { error, retry: Action::Refresh },
                }));
            }
        });
    }

    async fn apply_changes(&self, session: &Session, since: &str) -> Result<(usize, usize), PanelError> {
        let (crm, credential) = (&session.client.crm, self.credential_id());
        let incremental = crm
            .incremental()
            .ok_or_else(|| PanelError::Config(ConfigError { id: "config.no-change-feed", value: String::new() }))?;
        let mut cursor = Cursor::Start;
        let mut changed = Vec::new();
        loop {
            let body =
                session.client.send(&incremental.changed(&cursor, MAX_PAGE_SIZE, since), credential.as_deref()).await?;
            let page = crm.parse_list(&body, &cursor, MAX_PAGE_SIZE)?;
            changed.extend(page.people);
            if page.next == Cursor::End {
                break;
            }
            cursor = page.next;
        }
        let body = session.client.send(&incremental.deleted(since), credential.as_deref()).await?;
        let deleted = incremental.parse_deleted(&body)?;
        let counts = (changed.len(), deleted.len());
        self.people.update(|list| {
            list.merge_changed(changed);
            list.remove(&deleted);
        });
        Ok(counts)
    }

    /// The user picked one of several connected CRMs, or the host handed one over from Rollout Link.
    pub fn use_credential(&self, credential: Credential) {
        let (Some(session), generation) = (self.session.get_value(), self.generation.get_value()) else { return };
        let panel = *self;
        self.chosen.set(Some(credential.clone()));
        spawn_local(async move {
            if let Ok(token) = session.client.user_token().await {
                save_credential(&token.claims, &credential);
            }
            if panel.current(generation) {
                panel.emit(PanelEvent::CredentialChanged(credential));
                panel.reload();
            }
        });
    }

    /// The host says a credential was deleted (Rollout Link's `onCredentialDeleted`). When it is the
    /// one in use, the panel forgets it and resolves again: "connect your CRM" when none is left.
    pub fn credential_deleted(&self, id: &str) {
        let Some(session) = self.session.get_value() else { return };
        let in_use = self.credential_id().as_deref() == Some(id);
        if self.chosen.get_untracked().is_some_and(|c| c.id == id) {
            self.chosen.set(None);
        }
        let (panel, id) = (*self, id.to_string());
        spawn_local(async move {
            if let Ok(token) = session.client.user_token().await {
                if saved_credential(&token.claims).is_some_and(|c| c.id == id) {
                    forget_credential(&token.claims);
                }
            }
            if in_use {
                panel.credential.set(None);
                panel.reload();
            }
        });
    }

    /// The credential in use (attribute, chosen, saved or listed).
    pub fn credential_id(&self) -> Option<String> {
        self.credential.try_get_untracked().flatten().map(|c| c.id)
    }

    /// Shows the signed-in user's draft: theirs, kept in the form across reloads, or the one they
    /// saved, never another user's (drafts are keyed by the token's `iss` and `sub`).
    fn restore_draft(&self, config: &PanelConfig, claims: &Claims) {
        let key = auth::draft_key(config.provider, claims);
        let same_user = self.draft_key.with_value(|owner| owner.as_deref() == Some(key.as_str()));
        let draft = || browser::load(&key).map(|d| NewPerson::from_json(&d));
        if !same_user {
            let draft = draft();
            self.form_open.set(draft.is_some());
            self.form.set(draft.unwrap_or_default());
            self.form_errors.set(Vec::new());
            self.form_message.set(None);
        } else if let Some(draft) = self.form.with_untracked(NewPerson::is_empty).then(draft).flatten() {
            self.form.set(draft);
            self.form_open.set(true);
        }
        self.draft_key.set_value(Some(key));
    }

    /// Changes the form and keeps the draft, so a failure or a reload loses nothing typed.
    pub fn edit_form(&self, change: impl FnOnce(&mut NewPerson)) {
        self.form.update(change);
        self.form_errors.set(Vec::new());
        if let Some(key) = self.form_draft_key() {
            browser::save(&key, &self.form.with_untracked(NewPerson::to_json));
        }
    }

    /// Where the form's draft is kept: the signed-in user's create draft, or their draft of an
    /// edit of one person.
    fn form_draft_key(&self) -> Option<String> {
        let key = self.draft_key.get_value()?;
        Some(match self.editing.get_untracked() {
            Some(id) => format!("{key}:edit:{id}"),
            None => key,
        })
    }

    /// Validates and sends the form once (a second click while sending does nothing).
    pub fn submit(&self) {
        if self.sending.get_untracked() {
            return;
        }
        if let Some(id) = self.editing.get_untracked() {
            return self.submit_edit(id);
        }
        let draft = self.form.get_untracked();
        let errors = draft.validate(self.rules.get_untracked());
        self.form_message.set(None);
        self.form_errors.set(errors.clone());
        let Some(session) = self.session.get_value() else { return };
        if !errors.is_empty() {
            return self.focus_on(Focus::Element(focus::FIRST_INVALID));
        }
        if self.phase.get_untracked() != Phase::Ready {
            self.form_message.set(Some(Said::new("form.not-loaded", [])));
            return;
        }
        self.sending.set(true);
        let generation = self.generation.get_value();
        let credential = self.credential_id();
        let panel = *self;
        spawn_local(async move {
            let result = panel.create_reconciled(&session, &draft, credential.as_deref()).await;
            if panel.generation.try_get_value().is_none() {
                return;
            }
            panel.sending.set(false);
            match result {
                Ok((person, raw, how)) => panel.created(generation, person, raw, how),
                Err(error) => {
                    panel.show_field_errors(&error);
                    panel.form_message.set(Some(panel.create_failure(&draft, &error)));
                }
            }
        });
    }

    /// Sends a create. When its outcome is unknown (the connection dropped, or a 5xx after sending),
    /// looks for the person on the server first and sends it again only if it isn't there: a person
    /// is never created twice, nor silently lost.
    async fn create_reconciled(
        &self,
        session: &Session,
        draft: &NewPerson,
        credential: Option<&str>,
    ) -> Result<(Person, Json, Saved), PanelError> {
        let crm = &session.client.crm;
        let known: HashSet<String> = self.people.with_untracked(|l| l.people.iter().map(|p| p.id.clone()).collect());
        let mut how = Saved::Directly;
        for _ in 0..CREATE_ATTEMPTS {
            // In the server's clock: it is what Rally's `updatedSince` is compared with.
            let sent_at = session.client.server_now().await?;
            match session.client.send(&crm.create(draft), credential).await {
                Ok(body) => return crm.parse_person(&body).map(|(p, raw)| (p, raw, how)),
                Err(e) if !unknown_outcome(&e) => return Err(e),
                Err(_) => {}
            }
            self.form_message.set(Some(Said::new("form.checking", [])));
            // Once found, what was found is the answer: nothing after this may fail into a resend.
            if let Some((person, raw)) = self.find_created(session, draft, sent_at, &known, credential).await? {
                return Ok((person, raw, Saved::Confirmed));
            }
            how = Saved::Resent;
        }
        Err(PanelError::Network("the CRM could not be reached reliably".into()))
    }

    /// A person matching `draft` that wasn't in the list before, if the CRM has one, with the
    /// API's JSON for it.
    async fn find_created(
        &self,
        session: &Session,
        draft: &NewPerson,
        sent_at: f64,
        known: &HashSet<String>,
        credential: Option<&str>,
    ) -> Result<Option<(Person, Json)>, PanelError> {
        let crm = &session.client.crm;
        let mut cursor = Cursor::Start;
        for _ in 0..RECONCILE_PAGES {
            let body = session.client.send(&crm.recent(&cursor, MAX_PAGE_SIZE, sent_at), credential).await?;
            let mut page = crm.parse_list(&body, &cursor, MAX_PAGE_SIZE)?;
            if let Some(at) = page.people.iter().position(|p| !known.contains(&p.id) && draft.matches(p)) {
                return Ok(Some((page.people.swap_remove(at), page.raw.swap_remove(at))));
            }
            if page.next == Cursor::End {
                return Ok(None);
            }
            cursor = page.next;
        }
        Err(PanelError::Network("the CRM's list is too long to check quickly".into()))
    }

    fn created(&self, generation: u64, person: Person, raw: Json, how: Saved) {
        if let Some(key) = self.draft_key.get_value() {
            browser::forget(&key);
        }
        self.form.set(NewPerson::default());
        self.form_open.set(false);
        self.form_message.set(None);
        let id = match how {
            Saved::Directly => "notice.added",
            Saved::Confirmed => "notice.added-confirmed",
            Saved::Resent => "notice.added-resent",
        };
        self.notice.set(Some(Notice::Info(Said::new(id, [("name", Arg::text(&person.name))]))));
        if self.current(generation) {
            self.focus_on(Focus::Row(person.id.clone()));
            self.people.update(|p| p.add_created(person));
        }
        self.emit(PanelEvent::PersonCreated(raw));
    }
}

impl Panel {
    /// A 400's per-field messages, in the server's words, beside the fields they are about.
    fn show_field_errors(&self, error: &PanelError) {
        if let PanelError::Rejected { fields, .. } = error {
            self.form_errors.set(
                fields
                    .iter()
                    .filter_map(|(f, m)| Some(FieldError { field: form_field(f)?, message: m.clone() }))
                    .collect(),
            );
            self.focus_on(Focus::Element(focus::FIRST_INVALID));
        }
    }
}

/// The form field behind an API field name in a 400's details.
fn form_field(api_field: &str) -> Option<&'static str> {
    Some(match api_field {
        "firstName" => "first_name",
        "lastName" => "last_name",
        "email" | "emails" => "email",
        "phone" | "phones" => "phone",
        "companyName" => "company",
        "title" | "jobTitle" => "job_title",
        "stage" | "lifecycleStage" => "stage",
        "tags" => "tags",
        _ => return None,
    })
}

/// How a create ended up saved.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Saved {
    Directly,
    /// The answer was lost, but the person is on the server.
    Confirmed,
    /// The first attempt never arrived; the second did.
    Resent,
}

/// Sends of one create at most, each after checking that the previous one didn't arrive.
const CREATE_ATTEMPTS: usize = 3;

/// Pages checked for a create whose outcome is unknown (10,000 people at 100 a page).
const RECONCILE_PAGES: usize = 100;

/// A failure after which the server may or may not have created the person.
fn unknown_outcome(error: &PanelError) -> bool {
    matches!(error, PanelError::Network(_)) || matches!(error, PanelError::Server { status, .. } if *status >= 500)
}

/// What the user reads when a create failed: the server's reason, or that its outcome is unknown.
impl Panel {
    /// Why a create failed, and what to do.
    fn create_failure(&self, draft: &NewPerson, error: &PanelError) -> Said {
        let who = [draft.first_name.trim(), draft.last_name.trim()].join(" ").trim().to_string();
        match error {
            PanelError::Rejected { message, .. } => {
                Said::new("form.create-refused", [("detail", Arg::Text(crate::error::detail(message, 400)))])
            }
            PanelError::Network(_) | PanelError::Server { .. } => {
                let reason = match error {
                    PanelError::Network(reason) => reason.clone(),
                    other => format!("HTTP {}", other.status()),
                };
                Said::new("form.create-unconfirmed", [("name", Arg::Text(who)), ("reason", Arg::Text(reason))])
            }
            other => Said::new("form.create-failed", [("error", Arg::Error(other.clone()))]),
        }
    }
}
