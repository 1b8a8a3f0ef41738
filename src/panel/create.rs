//! A create's arms of `update`, as states (`State::create`): sent; answered; or, when its answer
//! was lost (the connection dropped, a 5xx after sending), the CRM checked for the person a page at
//! a time before anything is sent again, so that a person is never created twice, nor silently
//! lost. A create belongs to the scope it was sent in: when the panel has moved to another CRM
//! meanwhile, its person is that CRM's (its event, its channel), never shown in this one's list.
use crate::error::PanelError;
use crate::i18n::{Arg, Said};
use crate::json::Json;
use crate::model::{Cursor, NewPerson, Page, Person};
use crate::scope::keys;

use super::state::{CreateStep, Creating, Focus, Notice, State};
use super::update::{Answer, Change, Effect, Saved};
use super::PanelEvent;

/// Sends of one create at most, each after checking that the previous one didn't arrive.
pub const CREATE_SENDS: u32 = 3;

/// Pages checked for a create whose outcome is unknown (10,000 people at 100 a page).
pub const CHECK_PAGES: usize = 100;

/// Sends the form's values as a new person (the form is valid and the list loaded).
pub fn send(s: &mut State) -> Vec<Effect> {
    let Some(scope) = s.scope.clone() else { return Vec::new() };
    let values = s.form.values.clone();
    let known = s.load.people.ids().map(str::to_string).collect();
    s.create = Some(Creating { scope, values: values.clone(), known, sends: 1, step: CreateStep::Sending });
    vec![Effect::Create { values }]
}

/// "Save" while a create could not be confirmed: the CRM is looked at again before anything is sent.
pub fn look_again(s: &mut State) -> Vec<Effect> {
    let Some(creating) = s.create.as_mut() else { return Vec::new() };
    let CreateStep::Unconfirmed { since } = creating.step else { return Vec::new() };
    creating.step = CreateStep::Checking { since, cursor: Cursor::Start, pages: 0 };
    s.form.message = Some(Said::new("form.checking", []));
    vec![Effect::FindCreated { since, cursor: Cursor::Start }]
}

/// A create's answer, or a page of its check. `same_load`: the panel has not loaded again since.
pub fn answered(s: &mut State, same_load: bool, answer: Answer) -> Vec<Effect> {
    let Some(creating) = s.create.as_mut() else { return Vec::new() };
    let here = s.scope.as_ref() == Some(&creating.scope);
    if !here && s.scope.as_ref().is_none_or(|now| now.user != creating.scope.user) {
        // Signed out, or another user: nothing of the previous one is shown (forget_user dropped it).
        s.create = None;
        return Vec::new();
    }
    match (answer, creating.step.clone()) {
        (Answer::Created { result: Ok((person, raw)), .. }, CreateStep::Sending) => {
            let how = if creating.sends > 1 { Saved::Resent } else { Saved::Directly };
            saved(s, here && same_load, person, raw, how)
        }
        // Never sent (the panel loaded again before it went): sent now, in the same scope.
        (Answer::Created { result: Err(PanelError::Dropped), .. }, CreateStep::Sending) if here => {
            vec![Effect::Create { values: creating.values.clone() }]
        }
        (Answer::Created { result: Err(error), sent_at }, CreateStep::Sending) if error.may_have_applied() => {
            if !here {
                return unconfirmed(s, error);
            }
            creating.step = CreateStep::Checking { since: sent_at, cursor: Cursor::Start, pages: 0 };
            s.form.message = Some(Said::new("form.checking", []));
            vec![Effect::FindCreated { since: sent_at, cursor: Cursor::Start }]
        }
        (Answer::Created { result: Err(error), .. }, CreateStep::Sending) => failed(s, error),
        (Answer::CreateCheck(Ok(page)), CreateStep::Checking { since, pages, .. }) => checked(s, page, since, pages),
        // The panel loaded again while it looked (a refresh): it goes on looking, in the same scope.
        (Answer::CreateCheck(Err(PanelError::Dropped)), CreateStep::Checking { since, cursor, .. }) if here => {
            vec![Effect::FindCreated { since, cursor }]
        }
        (Answer::CreateCheck(Err(error)), CreateStep::Checking { .. }) => unconfirmed(s, error),
        _ => Vec::new(),
    }
}

/// A page of the people changed since the lost create: the person, another page, or a new send.
fn checked(s: &mut State, mut page: Page, since: f64, pages: usize) -> Vec<Effect> {
    let creating = s.create.as_mut().expect("checking a create");
    let new = |p: &Person| !creating.known.contains(&p.id) && creating.values.matches(p);
    if let Some(at) = page.people.iter().position(new) {
        let here = s.scope.as_ref() == Some(&creating.scope);
        let (person, raw) = (page.people.swap_remove(at), page.raw.swap_remove(at));
        return saved(s, here, person, raw, Saved::Confirmed);
    }
    if page.next != Cursor::End {
        if pages + 1 >= CHECK_PAGES {
            return unconfirmed(s, PanelError::Network("network.too-long"));
        }
        creating.step = CreateStep::Checking { since, cursor: page.next.clone(), pages: pages + 1 };
        return vec![Effect::FindCreated { since, cursor: page.next }];
    }
    // Not stored: sent again, unless it has been sent as often as it may.
    if creating.sends >= CREATE_SENDS {
        return unconfirmed(s, PanelError::Network("network.unreliable"));
    }
    creating.sends += 1;
    creating.step = CreateStep::Sending;
    vec![Effect::Create { values: creating.values.clone() }]
}

/// Stored in the CRM of the create's scope. Shown in the list only when that is the list shown
/// (`show`); its event, its channel and the form's reset follow it either way.
fn saved(s: &mut State, show: bool, person: Person, raw: Json, how: Saved) -> Vec<Effect> {
    let Some(creating) = s.create.take() else { return Vec::new() };
    let here = s.scope.as_ref() == Some(&creating.scope);
    let mut effects = Vec::new();
    let draft = Effect::ForgetDraft { key: keys::draft(creating.scope.provider, &creating.scope.user) };
    if s.form.edit.is_none() && s.form.values == creating.values {
        // The form still shows what was sent: it is done.
        effects.push(draft);
        s.form.values = NewPerson::default();
        s.form.open = false;
        s.form.message = None;
    } else if let Some(edit) = s.form.edit.as_mut().filter(|e| e.create_values == creating.values) {
        // An edit opened meanwhile: the create values it keeps aside are done too.
        effects.push(draft);
        edit.create_values = NewPerson::default();
    }
    let id = match (here, how) {
        (false, _) => "notice.added-elsewhere",
        (true, Saved::Directly) => "notice.added",
        (true, Saved::Confirmed) => "notice.added-confirmed",
        (true, Saved::Resent) => "notice.added-resent",
    };
    s.load.notice = Some(Notice::Info(Said::new(id, [("name", Arg::text(&person.name))])));
    let change = Change::Created(Box::new(person.clone()), raw.clone());
    effects.push(Effect::Broadcast { channel: creating.scope.channel(), change });
    if show {
        if s.form.edit.is_none() {
            s.focus = Some(Focus::Row(person.id.clone()));
        }
        if let Some(revalidation) = s.load.revalidating.as_mut() {
            // A kept list read again: the fresh pages that replace it keep the new person too.
            revalidation.fresh.add_created(person.clone());
        }
        s.load.people.add_created(person);
    }
    effects.push(Effect::Emit(PanelEvent::PersonCreated(raw)));
    effects
}

/// Refused, or failed before it could have been applied: the form says why, with what was typed.
fn failed(s: &mut State, error: PanelError) -> Vec<Effect> {
    s.create = None;
    if s.form.edit.is_none() {
        super::form::show_field_errors(s, &error);
    }
    s.form.message = Some(match &error {
        PanelError::Rejected { message, .. } => {
            Said::new("form.create-refused", [("detail", Arg::Text(crate::error::detail(message, 400)))])
        }
        other => Said::new("form.create-failed", [("error", Arg::Error(other.clone()))]),
    });
    Vec::new()
}

/// Whether it was stored could not be found out: said so plainly; "Save" looks again first.
fn unconfirmed(s: &mut State, error: PanelError) -> Vec<Effect> {
    let Some(creating) = s.create.as_mut() else { return Vec::new() };
    let since = match creating.step {
        CreateStep::Checking { since, .. } | CreateStep::Unconfirmed { since } => since,
        CreateStep::Sending => 0.0,
    };
    creating.step = CreateStep::Unconfirmed { since };
    let who = [creating.values.first_name.trim(), creating.values.last_name.trim()].join(" ").trim().to_string();
    s.form.message = Some(Said::new("form.create-unconfirmed", [("name", Arg::Text(who)), ("reason", error.reason())]));
    Vec::new()
}
