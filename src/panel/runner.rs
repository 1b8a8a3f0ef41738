//! Carries out `update`'s effects: opens a session (client, token source, its news), sends the
//! requests of requests.rs, reads and writes storage, tells the host. Every answer goes back
//! through `dispatch`, stamped with the ticket (load and scope) of the state that decided it; the
//! runner decides nothing about it.
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::{token_source, TokenNews};
use crate::browser;
use crate::config::CacheMode;
use crate::error::PanelError;
use crate::http::{Client, RetryListener};
use crate::json::Json;
use crate::later;
use crate::model::NewPerson;
use crate::provider;
use crate::provider::rollout::Credential;
use crate::remember::Remembered;
use crate::scope::{keys, User};

use super::requests::Session;
use super::update::{Answer, Change, Effect, Msg, Ticket};
use super::{EventSink, Panel, PanelEvent};

/// What the runner keeps beside the state: the open session, and the host's event sink.
pub struct Runtime {
    session: Option<Rc<Session>>,
    emit: EventSink,
    /// The channel of the panels of the same user and CRM (`Effect::Listen`).
    channel: Option<browser::Joined>,
}

impl Runtime {
    pub fn new(emit: EventSink) -> Self {
        Runtime { session: None, emit, channel: None }
    }
}

/// Where a list kept with `cache` lives.
fn store_of(mode: CacheMode) -> browser::Store {
    match mode {
        CacheMode::Session => browser::Store::Tab,
        _ => browser::Store::Device,
    }
}

/// The credential id saved for `user`, if any.
fn saved_credential(user: &User) -> Option<Credential> {
    Credential::from_json(&browser::load(&keys::credential(user))?)
}

/// The answer of a request of the second chunk when that chunk could not be fetched.
fn code_missing(effect: &Effect) -> Answer {
    match effect {
        Effect::Record { id } => Answer::Record { id: id.clone(), result: Err(PanelError::CodeMissing) },
        Effect::Update { id, .. } => Answer::Updated { id: id.clone(), result: Err(PanelError::CodeMissing) },
        Effect::Delete { id } => Answer::Deleted { id: id.clone(), result: Err(PanelError::CodeMissing) },
        Effect::FindCreated { .. } => Answer::CreateCheck(Err(PanelError::CodeMissing)),
        _ => Answer::Created { sent_at: 0.0, result: Err(PanelError::CodeMissing) },
    }
}

impl Panel {
    fn ticket(&self) -> Option<Ticket> {
        self.peek(|s| Ticket { load: s.load.id, scope: s.scope.clone() })
    }

    /// Whether the panel is still on the load of `ticket` (false once unmounted).
    fn on_load(&self, ticket: &Ticket) -> bool {
        self.peek(|s| s.load.id == ticket.load).unwrap_or(false)
    }

    fn session(&self) -> Option<Rc<Session>> {
        self.runtime.try_with_value(|r| r.session.clone()).flatten()
    }

    fn emit(&self, event: PanelEvent) {
        // Cloned out first: a host's listener may call the panel back.
        if let Some(emit) = self.runtime.try_with_value(|r| r.emit.clone()) {
            emit(event);
        }
    }

    pub(super) fn run(&self, effect: Effect) {
        let Some(ticket) = self.ticket() else { return };
        // The credential of the scope the effect was decided in.
        let credential = ticket.scope.as_ref().and_then(|scope| scope.credential.clone());
        match effect {
            Effect::Connect => self.connect(ticket),
            Effect::Disconnect => self.close_session(),
            Effect::RenewToken => {
                if let Some(url) = self.peek(|s| s.config().map(|c| c.token_url.clone())).flatten() {
                    token_source(&url).expire();
                }
            }
            Effect::ResumeTokens(url) => token_source(&url).resume(),
            Effect::Credentials => self.ask(ticket.clone(), |session| {
                async move { Answer::Credentials(session.credentials().await) }.boxed_local()
            }),
            Effect::Page { first, cursor } => self.ask(ticket.clone(), move |session| {
                async move {
                    let result = session.page(&cursor, credential.as_deref()).await;
                    Answer::Page { first, result, now_ms: browser::now_ms() }
                }
                .boxed_local()
            }),
            Effect::After { ms, effect } => {
                let panel = *self;
                spawn_local(async move {
                    browser::sleep(ms).await;
                    if panel.on_load(&ticket) {
                        panel.run(*effect);
                    }
                });
            }
            Effect::Changes { since } => self.ask(ticket.clone(), move |session| {
                async move { Answer::Changes(session.changes(&since, credential.as_deref()).await) }.boxed_local()
            }),
            // The second chunk's requests (later.rs).
            effect @ (Effect::Create { .. }
            | Effect::FindCreated { .. }
            | Effect::Record { .. }
            | Effect::Update { .. }
            | Effect::Delete { .. }) => self.ask(ticket.clone(), move |session| {
                async move {
                    let failed = code_missing(&effect);
                    match later::load().await {
                        Ok(chunk) => (chunk.request)(session, effect, credential).await.unwrap_or(failed),
                        Err(later::Missing) => failed,
                    }
                }
                .boxed_local()
            }),
            Effect::LoadLater => {
                let panel = *self;
                spawn_local(async move {
                    // After the frame being drawn: the first row paints first.
                    browser::next_frame().await;
                    let loaded = later::load().await.is_ok();
                    panel.dispatch(Msg::LaterLoaded(loaded));
                });
            }
            Effect::ReadSaved { user, draft } => {
                let draft = browser::load(&draft).map(|d| NewPerson::from_json(&d));
                let credential = saved_credential(&user);
                self.dispatch(Msg::Answer(ticket.clone(), Answer::Saved { draft, credential }));
            }
            Effect::ReadDraft { key } => {
                let draft = browser::load(&key).map(|d| NewPerson::from_json(&d));
                self.dispatch(Msg::Answer(ticket.clone(), Answer::Draft { key, draft }));
            }
            Effect::SaveDraft { key, values } => browser::save(&key, &values.to_json()),
            Effect::ForgetDraft { key } => browser::forget(&key),
            Effect::SaveCredential { user, credential } => {
                browser::save(&keys::credential(&user), &credential.to_json())
            }
            Effect::ForgetCredential { user, only } => {
                if only.is_none_or(|id| saved_credential(&user).is_some_and(|saved| saved.id == id)) {
                    browser::forget(&keys::credential(&user));
                }
            }
            Effect::Recall { key, mode } => {
                let store = store_of(mode);
                let kept = browser::load_in(store, &key);
                let recalled = kept.as_ref().and_then(|json| Remembered::from_json(json, mode, browser::now_ms()));
                if kept.is_some() && recalled.is_none() {
                    browser::forget_in(store, &key); // too old, or not what this version wrote
                }
                self.dispatch(Msg::Answer(ticket.clone(), Answer::Recalled(recalled)));
            }
            Effect::Remember { key, mode, list } => {
                let list = Remembered { saved_at_ms: browser::now_ms(), ..list };
                let panel = *self;
                spawn_local(async move {
                    // Written by the second chunk; without it, nothing is kept this time.
                    let Ok(chunk) = later::load().await else { return };
                    // Not once the load it was decided in is over: a sign-out or another user
                    // while the chunk was on its way has forgotten that list, and it stays so.
                    if !panel.on_load(&ticket) {
                        return;
                    }
                    if !browser::save_in(store_of(mode), &key, &(chunk.remembered_json)(&list)) {
                        // Past the browser's quota: nothing half-kept.
                        browser::forget_in(store_of(mode), &key);
                    }
                });
            }
            Effect::ForgetLists { user } => {
                let prefix = keys::lists_of(&user);
                browser::forget_where(|key| key.starts_with(&prefix));
            }
            Effect::Listen { channel } => {
                let panel = *self;
                let joined = browser::Joined::new(&channel, move |text| panel.heard(ticket.clone(), &text));
                self.runtime.update_value(|r| r.channel = Some(joined));
            }
            Effect::Broadcast { channel, change } => {
                let text = match change {
                    Change::Created(_, raw) => Json::object_of([("created", raw)]),
                    Change::Edited(_, raw) => Json::object_of([("edited", raw)]),
                    Change::Deleted(id) => Json::object_of([("deleted", Json::string(&id))]),
                };
                let text = text.stringify();
                self.runtime.with_value(|r| match &r.channel {
                    Some(joined) if joined.scope == channel => joined.post(&text),
                    _ => browser::post(&channel, &text),
                });
            }
            Effect::Emit(event) => self.emit(event),
            Effect::EmitError(error) => {
                let message = self.say(&error);
                self.emit(PanelEvent::Error { status: error.status(), message });
            }
        }
    }

    /// Sends what `request` asks of the open session; its answer comes back as `Msg::Answer`.
    /// (Boxed: one copy of this code for every kind of request.)
    fn ask(&self, ticket: Ticket, request: impl FnOnce(Rc<Session>) -> LocalBoxFuture<'static, Answer> + 'static) {
        self.ask_boxed(ticket, Box::new(request));
    }

    fn ask_boxed(&self, ticket: Ticket, request: Box<dyn FnOnce(Rc<Session>) -> LocalBoxFuture<'static, Answer>>) {
        let Some(session) = self.session() else { return };
        let panel = *self;
        spawn_local(async move {
            let answer = request(session).await;
            panel.dispatch(Msg::Answer(ticket, answer));
        });
    }

    /// Another panel of this user and CRM changed a person (its message, as posted).
    fn heard(&self, ticket: Ticket, text: &str) {
        let Some(session) = self.session() else { return };
        let Ok(message) = Json::parse(text) else { return };
        let person = |raw: Json| session.client.crm.parse_person(&raw.stringify()).ok();
        let change = match (message.get("created"), message.get("edited"), message.text("deleted")) {
            (created, _, _) if created.is_object() => {
                let Some((person, raw)) = person(created) else { return };
                Change::Created(Box::new(person), raw)
            }
            (_, edited, _) if edited.is_object() => {
                let Some((person, raw)) = person(edited) else { return };
                Change::Edited(Box::new(person), raw)
            }
            (_, _, Some(id)) => Change::Deleted(id),
            _ => return,
        };
        self.dispatch(Msg::Answer(ticket, Answer::Remote(change)));
    }

    /// Ends the open session: its queued requests and retries are dropped, its channel left.
    fn close_session(&self) {
        self.runtime.try_update_value(|r| r.channel = None);
        if let Some(session) = self.runtime.try_update_value(|r| r.session.take()).flatten() {
            session.client.retire();
        }
    }

    /// A session for the state's configuration, listening to its token source, then the token.
    fn connect(&self, ticket: Ticket) {
        self.close_session();
        let Some(config) = self.peek(|s| s.config().cloned()).flatten() else { return };
        let tokens = token_source(&config.token_url);
        if tokens.is_signed_out() {
            return self.dispatch(Msg::SignedOut);
        }
        let panel = *self;
        // Until this panel loads again, it hears the host's sign-out and whose tokens arrive.
        let listening = ticket.clone();
        tokens.listen(Rc::new(move |news| {
            if !panel.on_load(&listening) {
                return false;
            }
            match news {
                Some(TokenNews::SignedOut) => panel.dispatch(Msg::SignedOut),
                Some(TokenNews::Arrived(user)) => panel.dispatch(Msg::TokenOf(user)),
                None => {}
            }
            panel.on_load(&listening)
        }));
        tokens.warm();
        let retrying = ticket.clone();
        let on_retry: RetryListener =
            Rc::new(move |n| panel.dispatch(Msg::Answer(retrying.clone(), Answer::Retrying(n))));
        let client = Client::new(provider::for_config(&config), tokens, &config.api_base, on_retry);
        let session = Rc::new(Session { client, config });
        self.runtime.update_value(|r| r.session = Some(session.clone()));
        spawn_local(async move {
            let answer = session.client.user_token().await.map(|token| User::of(&token.claims));
            panel.dispatch(Msg::Answer(ticket, Answer::Token(answer)));
        });
    }
}
