//! The workflow as transitions of `update`, natively: what happened → the state and the effects.
//! The helpers here; the transitions in workflow.rs (loading, paging, forms, delete, users) and
//! recall.rs (the remembered list, loading everyone).
mod recall;
mod scope;
mod workflow;

use crate::config::{CacheMode, PanelConfig, ProviderKind};
use crate::error::PanelError;
use crate::i18n::{Arg, Said};
use crate::json::Json;
use crate::model::{Cursor, NewPerson, Page, Person};
use crate::provider::rollout::Credential;
use crate::scope::User;

use super::state::{Action, DeleteState, Focus, Notice, Phase, State};
use super::update::{update, Answer, Change, Effect, Msg, Ticket, SYNC_WAIT_MS};
use super::{focus, PanelEvent};

fn config(provider: ProviderKind) -> PanelConfig {
    PanelConfig {
        token_url: "/token".into(),
        provider,
        api_base: "http://crm/api".into(),
        credentials_url: "http://crm/credentials".into(),
        credential_id: None,
        page_size: 2,
        cache: CacheMode::None,
    }
}

fn user(sub: &str) -> User {
    User { iss: "client".into(), sub: sub.into() }
}

fn person(id: &str, name: &str) -> Person {
    Person { id: id.into(), name: name.into(), first_name: Some(name.into()), ..Default::default() }
}

fn page(ids: &[&str], next: Cursor, total: u64) -> Page {
    Page {
        people: ids.iter().map(|id| person(id, &format!("Person {id}"))).collect(),
        raw: ids.iter().map(|id| Json::object_of([("id", Json::string(id))])).collect(),
        next,
        total: Some(total),
    }
}

fn credential(id: &str) -> Credential {
    Credential { id: id.into(), app_key: "hubspot".into(), label: None }
}

/// Forgets every list kept for `sub` (without `cache`, at each token: nothing of a person stays).
fn forget_lists(sub: &str) -> Effect {
    Effect::ForgetLists { user: user(sub) }
}

fn ticket(s: &State) -> Ticket {
    Ticket { load: s.load.id, scope: s.scope.clone() }
}

fn answer(s: &mut State, answer: Answer) -> Vec<Effect> {
    let t = ticket(s);
    update(s, Msg::Answer(t, answer))
}

const FIRST: Effect = Effect::Page { first: true, cursor: Cursor::Start };

/// A Rollout panel of user `ana` with one CRM, its first page of 2 (of 5) shown.
pub(super) fn loaded() -> State {
    let mut s = State::default();
    assert_eq!(update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rollout)))), vec![Effect::Connect]);
    assert_eq!(s.load.phase, Phase::Loading);
    assert_eq!(token(&mut s, user("ana"), None, None), vec![forget_lists("ana"), Effect::Credentials]);
    assert_eq!(answer(&mut s, Answer::Credentials(Ok(vec![credential("c1")]))), vec![FIRST]);
    assert_eq!(s.credential_id(), Some("c1"));
    let fx =
        answer(&mut s, Answer::Page { first: true, result: Ok(page(&["1", "2"], Cursor::Offset(2), 5)), now_ms: 0.0 });
    let scope = "client\nana\nrollout\nhttp://crm/api\nc1".to_string();
    assert_eq!(
        fx,
        vec![Effect::LoadLater, Effect::Listen { channel: scope }],
        "the second chunk right after the first row"
    );
    assert_eq!(s.load.phase, Phase::Ready);
    assert_eq!(update(&mut s, Msg::LaterLoaded(true)), vec![]);
    s
}

/// The channel of `sub`'s panels on the test CRM API with credential `credential`.
fn channel_of(sub: &str, credential: &str) -> String {
    ["client", sub, "rollout", "http://crm/api", credential].join("\n")
}

/// What a create of `ana`'s stored in c1 does: her draft goes, c1's panels and the host are told.
fn stored_by_ana_in_c1(person: Person) -> Vec<Effect> {
    vec![
        Effect::ForgetDraft { key: "people-panel:draft:rollout:client:ana".into() },
        Effect::Broadcast {
            channel: channel_of("ana", "c1"),
            change: Change::Created(Box::new(person), Json::object()),
        },
        Effect::Emit(PanelEvent::PersonCreated(Json::object())),
    ]
}

/// A create's answer: stored, as the CRM returned it.
fn created(person: Person) -> Answer {
    Answer::Created { sent_at: 1_000.0, result: Ok((person, Json::object())) }
}

/// A create's answer that was lost: a 500 after the CRM may have stored it.
fn lost(sent_at: f64) -> Answer {
    Answer::Created { sent_at, result: Err(PanelError::Server { status: 500, message: String::new() }) }
}

/// The token of `who`, then what the browser keeps for them: the effects of both, but the read.
fn token(s: &mut State, who: User, draft: Option<NewPerson>, credential: Option<Credential>) -> Vec<Effect> {
    let mut fx = answer(s, Answer::Token(Ok(who)));
    let read = fx.iter().position(|e| matches!(e, Effect::ReadSaved { .. })).expect("what is saved for them is read");
    fx.remove(read);
    fx.extend(answer(s, Answer::Saved { draft, credential }));
    fx
}

pub(super) fn type_into(s: &mut State, field: &'static str, value: &str) -> Vec<Effect> {
    update(s, Msg::Typed { field, value: value.into() })
}
