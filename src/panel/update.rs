//! The one place the panel's state changes: `update(state, what happened) → effects to run`.
//! Pure: the effects (requests, storage, events) are data that runner.rs carries out, and their
//! answers come back here as `Msg::Answer`. The form's and the delete's arms are in form.rs and
//! delete.rs beside this file.
use crate::config::CacheMode;
use crate::error::PanelError;
use crate::i18n::{Arg, Said};
use crate::model::{Arrangement, Cursor, Filter, NewPerson, Page};
use crate::provider::{self, rollout::Credential};
use crate::remember::MAX_PEOPLE;
use crate::scope::{keys, Scope, User};

pub use super::msg::{Answer, Change, Effect, Msg, Saved, Ticket};
use super::state::{Action, DeleteState, Focus, Later, Load, Notice, Phase, State, SyncWait};
use super::{delete, focus, form, recall, PanelEvent};

/// How long a 409 "still syncing" is waited out (Rollout: allow 30–60 s after connecting).
pub const SYNC_WAIT_MS: f64 = 90_000.0;

pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    // Past what is kept, a page loaded more changes nothing kept.
    let paging = matches!(msg, Msg::Answer(_, Answer::Page { .. }));
    let before = (s.load.people.revision(), s.load.people.len());
    let mut effects = step(s, msg);
    if s.load.people.revision() != before.0 && !(paging && before.1 >= MAX_PEOPLE) {
        effects.extend(recall::remember(s));
    }
    effects
}

fn step(s: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Configured(config) => {
            if s.configured.as_ref() == Some(&config) {
                return Vec::new();
            }
            let resume = match (&config, s.config()) {
                (Ok(new), Some(old)) if new.token_url != old.token_url => Some(new.token_url.clone()),
                (Ok(new), None) if s.load.id > 0 => Some(new.token_url.clone()),
                _ => None,
            };
            s.configured = Some(config);
            resume.map(Effect::ResumeTokens).into_iter().chain(start_load(s)).collect()
        }
        Msg::Reload => start_load(s),
        Msg::Refresh => refresh(s),
        Msg::LoadMore => load_more(s),
        Msg::Search(query) => {
            s.query = query;
            Vec::new()
        }
        Msg::Arranged(arrangement) => {
            s.arrangement = arrangement;
            Vec::new()
        }
        Msg::SortBy(sort) => arranged_by_user(s, Arrangement { sort, ..s.arrangement.clone() }),
        Msg::ToggleFilter(facet, value) => {
            let filter = s.arrangement.filter.toggled(facet, &value);
            arranged_by_user(s, Arrangement { filter, ..s.arrangement.clone() })
        }
        Msg::ClearFilter => arranged_by_user(s, Arrangement { filter: Filter::default(), ..s.arrangement.clone() }),
        Msg::OpenDetails(id) => {
            s.load.selected = Some(id);
            s.focus = Some(Focus::Element(focus::DETAILS));
            Vec::new()
        }
        Msg::CloseDetails => {
            if let Some(id) = s.load.selected.take() {
                s.focus = Some(Focus::Row(id));
            }
            Vec::new()
        }
        Msg::Escape => {
            if matches!(s.load.delete, DeleteState::Confirming(_) | DeleteState::Failed { .. }) {
                delete::cancel(s)
            } else if s.form.open {
                form::close(s)
            } else {
                update(s, Msg::CloseDetails)
            }
        }
        Msg::ToggleNewForm => form::toggle_new(s),
        Msg::CloseForm => form::close(s),
        Msg::Typed { field, value } => form::typed(s, field, value),
        Msg::Submit => form::submit(s),
        Msg::StartEdit(id) => form::start_edit(s, id),
        Msg::AskDelete(id) => delete::ask(s, id),
        Msg::CancelDelete => delete::cancel(s),
        Msg::ConfirmDelete => delete::confirm(s),
        Msg::UseCredential(credential) => {
            s.chosen = Some(credential.clone());
            let save = user(s).map(|user| Effect::SaveCredential { user, credential: credential.clone() });
            let mut effects: Vec<Effect> = save.into_iter().collect();
            if s.credential_id().is_some_and(|id| id != credential.id) {
                effects.extend(user(s).map(|user| Effect::ForgetLists { user }));
            }
            effects.push(Effect::Emit(PanelEvent::CredentialChanged(credential)));
            effects.extend(start_load(s));
            effects
        }
        Msg::CredentialDeleted(id) => {
            if s.chosen.as_ref().is_some_and(|c| c.id == id) {
                s.chosen = None;
            }
            let forget = user(s).into_iter().flat_map(|user| {
                [Effect::ForgetCredential { user: user.clone(), only: Some(id.clone()) }, Effect::ForgetLists { user }]
            });
            let mut effects: Vec<Effect> = forget.collect();
            if let Some(scope) = s.scope.as_mut().filter(|scope| scope.credential.as_deref() == Some(id.as_str())) {
                scope.credential = None;
                effects.extend(start_load(s));
            }
            effects
        }
        Msg::DismissNotice => {
            s.load.notice = None;
            Vec::new()
        }
        Msg::RetryNotice(action) => {
            s.load.notice = None;
            match action {
                Action::LoadMore => load_more(s),
                Action::Refresh => refresh(s),
            }
        }
        Msg::FocusTaken => {
            s.focus = None;
            Vec::new()
        }
        Msg::SignedOut => {
            // auth::sign_out has forgotten what the browser kept for them.
            forget_user(s);
            s.load.phase = Phase::SignedOut;
            vec![Effect::Disconnect]
        }
        Msg::TokenOf(user) if another_user(s, &user) => forget_user(s).into_iter().chain(start_load(s)).collect(),
        Msg::TokenOf(_) => Vec::new(),
        Msg::LoadAll => {
            // Goes on from a page already on its way; nothing while a kept list is read again.
            let effects = load_more(s);
            s.load.loading_all = !effects.is_empty() || (s.load.loading_more && s.load.revalidating.is_none());
            if s.load.loading_all {
                s.load.people.make_room_for_all();
            }
            effects
        }
        Msg::StopLoading => {
            s.load.loading_all = false;
            Vec::new()
        }
        Msg::LoadLater => load_later(s),
        Msg::LaterLoaded(ok) => {
            s.later = if ok { Later::Ready } else { Later::Failed };
            Vec::new()
        }
        Msg::Answer(ticket, answer) => answered(s, ticket, answer),
    }
}

/// Fetches the second chunk unless it is here or on its way.
pub(super) fn load_later(s: &mut State) -> Vec<Effect> {
    if matches!(s.later, Later::Ready | Later::Loading) {
        return Vec::new();
    }
    s.later = Later::Loading;
    vec![Effect::LoadLater]
}

/// The signed-in user, once the token said.
pub(super) fn user(s: &State) -> Option<User> {
    s.scope.as_ref().map(|scope| scope.user.clone())
}

/// An answer: dropped when it belongs to an earlier load. A create's outlives a reload: it belongs
/// to the scope it was sent in (create.rs).
fn answered(s: &mut State, ticket: Ticket, answer: Answer) -> Vec<Effect> {
    if let Answer::Created { .. } | Answer::CreateCheck(_) = answer {
        return chunk_answered(s, ticket.load == s.load.id, answer);
    }
    if ticket.load != s.load.id {
        return Vec::new();
    }
    match answer {
        Answer::Token(Ok(user)) => token_arrived(s, user),
        Answer::Saved { draft, credential } => saved_arrived(s, draft, credential),
        Answer::Draft { key, draft } => form::draft_read(s, key, draft),
        Answer::Token(Err(error)) | Answer::Credentials(Err(error)) => fail(s, error),
        Answer::Credentials(Ok(mut credentials)) => match credentials.len() {
            0 => {
                s.load.phase = Phase::ConnectCrm;
                vec![Effect::Emit(PanelEvent::CredentialRequired)]
            }
            1 => {
                let credential = credentials.remove(0);
                let mut effects = Vec::new();
                if let (Some(user), true) = (user(s), s.config().is_some_and(|c| c.cache != CacheMode::None)) {
                    // With a remembered list, the next visit needs no CRM request before showing it.
                    effects.push(Effect::SaveCredential { user, credential: credential.clone() });
                }
                use_credential(s, &credential, effects.len() == 1);
                effects.extend(recall::first_read(s));
                effects
            }
            _ => {
                s.load.phase = Phase::ChooseCredential(credentials);
                Vec::new()
            }
        },
        Answer::Recalled(Some(kept)) => recall::recalled(s, kept),
        Answer::Recalled(None) => vec![Effect::Page { first: true, cursor: Cursor::Start }],
        Answer::Page { result, .. } if s.load.revalidating.is_some() => recall::revalidated(s, result),
        Answer::Page { first: true, result, now_ms } => first_page(s, result, now_ms),
        Answer::Page { first: false, result, .. } => {
            s.load.loading_more = false;
            match result {
                Ok(page) => {
                    s.load.people.append(page);
                    if !s.load.people.has_more() {
                        s.load.loading_all = false;
                        // "Load more" goes away: a keyboard user's focus on it moves to the list.
                        s.focus = Some(Focus::ListFromLoadMore);
                    } else if s.load.loading_all {
                        return load_more(s);
                    }
                }
                Err(error) => {
                    s.load.loading_all = false;
                    s.load.notice = Some(Notice::Failed { error, retry: Action::LoadMore });
                }
            }
            Vec::new()
        }
        Answer::Changes(result) => {
            s.load.loading_more = false;
            if result.is_ok() {
                s.load.remembered_at = None;
            }
            s.load.notice = Some(match result {
                Ok((changed, removed)) => {
                    let counts = [
                        ("changed", Arg::Number(changed.len() as f64)),
                        ("removed", Arg::Number(removed.len() as f64)),
                    ];
                    s.load.people.merge_changed(changed);
                    s.load.people.remove(&removed);
                    Notice::Info(Said::new("notice.up-to-date", counts))
                }
                Err(error) => Notice::Failed { error, retry: Action::Refresh },
            });
            Vec::new()
        }
        Answer::Retrying(Some(notice)) => {
            s.load.notice = Some(Notice::Retrying(notice));
            Vec::new()
        }
        Answer::Retrying(None) => {
            if matches!(s.load.notice, Some(Notice::Retrying(_))) {
                s.load.notice = None;
            }
            Vec::new()
        }
        answer @ (Answer::Record { .. } | Answer::Updated { .. } | Answer::Deleted { .. }) => {
            chunk_answered(s, true, answer)
        }
        Answer::Remote(Change::Created(person, _)) => {
            s.load.people.merge_changed(vec![*person]);
            Vec::new()
        }
        // Someone this panel hasn't loaded stays where the CRM lists them.
        Answer::Remote(Change::Edited(person, _)) => {
            s.load.people.refresh_in_place(&[*person]);
            Vec::new()
        }
        Answer::Remote(Change::Deleted(id)) => {
            s.load.people.remove(std::slice::from_ref(&id));
            if s.load.selected.as_deref() == Some(id.as_str()) {
                s.load.selected = None;
            }
            Vec::new()
        }
        Answer::Created { .. } | Answer::CreateCheck(_) => unreachable!("handled above"),
    }
}

/// An answer to a request of the second chunk, by its arms there. Without the chunk its request
/// was not sent: said like any failure of the form's.
fn chunk_answered(s: &mut State, same_load: bool, answer: Answer) -> Vec<Effect> {
    crate::later::answered(s, same_load, answer).unwrap_or_else(|| {
        (s.create, s.form.sending) = (None, false);
        s.form.message = Some(Said::new("form.create-failed", [("error", Arg::Error(PanelError::CodeMissing))]));
        Vec::new()
    })
}

/// The answers to the second chunk's requests (a create and its check, a person's record, an
/// update, a delete): their arms are in that chunk, since only its views can ask for them.
/// `same_load`: the panel has not loaded again since the request was decided.
pub fn later_answered(s: &mut State, same_load: bool, answer: Answer) -> Vec<Effect> {
    match answer {
        answer @ (Answer::Created { .. } | Answer::CreateCheck(_)) => super::create::answered(s, same_load, answer),
        Answer::Record { id, result } => form::record(s, id, result),
        Answer::Updated { id, result } => form::updated(s, id, result),
        Answer::Deleted { id, result } => delete::deleted(s, id, result),
        _ => Vec::new(),
    }
}

/// What follows the first rows on screen: the second chunk, and the channel of the user's panels.
pub(super) fn first_rows_shown(s: &mut State) -> Vec<Effect> {
    let mut effects = if s.later == Later::NotLoaded { load_later(s) } else { Vec::new() };
    effects.extend(s.scope.as_ref().map(|scope| Effect::Listen { channel: scope.channel() }));
    effects
}

/// Starts over with the configuration the panel has: token, credential, first page. Keeps the
/// form (and its create draft); an edit is left.
pub(super) fn start_load(s: &mut State) -> Vec<Effect> {
    s.load = Load::after(&s.load);
    if s.form.edit.is_some() {
        form::leave_edit(s);
    }
    match s.configured.clone() {
        Some(Ok(config)) => {
            // The scope names the CRM the panel now shows, at once: an answer of another is told apart.
            if let Some(scope) = s.scope.as_mut() {
                let pinned = config.credential_id.clone().or_else(|| s.chosen.as_ref().map(|c| c.id.clone()));
                let kept = scope.credential.take().filter(|_| scope.on(&config));
                *scope = Scope { credential: pinned.or(kept), ..Scope::new(scope.user.clone(), &config) };
            }
            s.rules = provider::for_config(&config).form_rules();
            s.load.phase = Phase::Loading;
            vec![Effect::Connect]
        }
        Some(Err(wrong)) => fail(s, PanelError::Config(wrong)),
        None => Vec::new(),
    }
}

/// The user changed the list's order or filter: the host hears it (`view-changed`; the element
/// reflects it in its attributes), unless nothing changed.
fn arranged_by_user(s: &mut State, arrangement: Arrangement) -> Vec<Effect> {
    if arrangement == s.arrangement {
        return Vec::new();
    }
    s.arrangement = arrangement.clone();
    vec![Effect::Emit(PanelEvent::ViewChanged(arrangement))]
}

fn fail(s: &mut State, error: PanelError) -> Vec<Effect> {
    s.load.phase = Phase::Failed(error.clone());
    vec![Effect::EmitError(error)]
}

/// Drops everything of the signed-in user from the panel (what is saved in the browser is
/// `auth::sign_out`'s): people, details, form, a create on its way, the scope; their requests'
/// answers. The lists kept for them go too (the effect).
fn forget_user(s: &mut State) -> Option<Effect> {
    let lists = user(s).map(|user| Effect::ForgetLists { user });
    *s = State {
        configured: s.configured.take(),
        arrangement: std::mem::take(&mut s.arrangement),
        load: Load { phase: s.load.phase.clone(), ..Load::after(&s.load) },
        rules: s.rules,
        later: s.later,
        ..State::default()
    };
    lists
}

/// The credential in use from now on (`saved`: it came from storage).
fn use_credential(s: &mut State, credential: &Credential, saved: bool) {
    if let Some(scope) = s.scope.as_mut() {
        scope.credential = Some(credential.id.clone());
    }
    s.credential_saved = saved;
}

/// Whether `user` is not the one whose people the panel shows (the one place that decides it).
fn another_user(s: &State, user: &User) -> bool {
    self::user(s).is_some_and(|known| known != *user)
}

/// Who is signed in: another user than before drops everything of the previous one; then what
/// the browser keeps for them is read.
fn token_arrived(s: &mut State, user: User) -> Vec<Effect> {
    let same_user = self::user(s).as_ref() == Some(&user);
    let mut effects = Vec::new();
    if another_user(s, &user) {
        // Another user's token on a new token-url: nothing of the previous user carries over.
        effects.extend(forget_user(s));
        s.load.id -= 1; // this answer's load goes on, for the new user
    }
    let Some(config) = s.config().cloned() else { return effects };
    if config.cache == CacheMode::None {
        // Without `cache`, nothing of a person stays in the browser, even from an earlier visit.
        effects.push(Effect::ForgetLists { user: user.clone() });
    }
    if let Some(chosen) = &s.chosen {
        // Handed over before the token said who this is: saved for them now.
        effects.push(Effect::SaveCredential { user: user.clone(), credential: chosen.clone() });
    }
    if !same_user {
        s.scope = Some(Scope::new(user.clone(), &config));
    }
    effects.push(Effect::ReadSaved { draft: keys::draft(config.provider, &user), user });
    effects
}

/// What the browser keeps for the user: their draft shows unless the form has values; then the
/// credential (the host's, the one picked, the saved one, or the credentials API's), then the
/// first page.
fn saved_arrived(s: &mut State, draft: Option<NewPerson>, saved: Option<Credential>) -> Vec<Effect> {
    if let Some(draft) = draft.filter(|_| s.form.values.is_empty() && s.form.edit.is_none()) {
        s.form.values = draft;
        s.form.open = true;
    }
    let Some(config) = s.config().cloned() else { return Vec::new() };
    if !provider::for_config(&config).needs_credential() {
        return recall::first_read(s);
    }
    let fixed = config.credential_id.clone().map(|id| Credential { id, app_key: String::new(), label: None });
    match (fixed, s.chosen.clone(), saved) {
        (Some(fixed), _, _) => use_credential(s, &fixed, false),
        (None, Some(chosen), _) => use_credential(s, &chosen, false),
        (None, None, Some(saved)) => use_credential(s, &saved, true),
        (None, None, None) => return vec![Effect::Credentials],
    }
    recall::first_read(s)
}

pub(super) fn first_page(s: &mut State, result: Result<Page, PanelError>, now_ms: f64) -> Vec<Effect> {
    match result {
        Ok(page) => {
            s.load.people.append(page);
            s.load.phase = Phase::Ready;
            s.load.sync = None;
            // What the first row does not need comes right after it.
            first_rows_shown(s)
        }
        Err(PanelError::Syncing) => {
            let sync = s.load.sync.get_or_insert(SyncWait { started_ms: now_ms, wait_ms: 2_000.0 });
            if now_ms - sync.started_ms + sync.wait_ms >= SYNC_WAIT_MS {
                return fail(s, PanelError::Syncing);
            }
            let ms = sync.wait_ms;
            sync.wait_ms = (ms * 1.5).min(10_000.0);
            s.load.phase = Phase::Syncing;
            vec![Effect::After { ms, effect: Box::new(Effect::Page { first: true, cursor: Cursor::Start }) }]
        }
        Err(error) => {
            let mut effects = Vec::new();
            if let (PanelError::Forbidden(_), true, Some(user)) = (&error, s.credential_saved, user(s)) {
                // The saved connection is gone: next time, ask the credentials API again.
                effects.push(Effect::ForgetCredential { user: user.clone(), only: None });
                effects.push(Effect::ForgetLists { user });
            }
            effects.extend(fail(s, error));
            effects
        }
    }
}

/// Loads the next page, unless one is loading or everything is loaded.
fn load_more(s: &mut State) -> Vec<Effect> {
    // A kept list being read again goes on from where the fresh pages get to.
    if s.load.loading_more || !s.load.people.has_more() || !s.ready() || s.load.revalidating.is_some() {
        return Vec::new();
    }
    s.load.loading_more = true;
    vec![Effect::Page { first: false, cursor: s.load.people.cursor() }]
}

/// "Refresh": asks the token route again (a user switch shows, a sign-out ends); then only what
/// changed when the CRM can tell (Rally's `updatedSince` and change feed), otherwise a reload.
fn refresh(s: &mut State) -> Vec<Effect> {
    let mut effects = vec![Effect::RenewToken];
    let incremental = s.config().is_some_and(|c| provider::for_config(c).incremental().is_some());
    match s.load.people.watermark() {
        Some(since) if incremental && s.ready() && !s.load.loading_more => {
            s.load.loading_more = true;
            effects.push(Effect::Changes { since });
        }
        _ => effects.extend(start_load(s)),
    }
    effects
}
