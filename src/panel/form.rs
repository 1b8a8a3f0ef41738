//! The form's arms of `update`: open and close, typing (kept as a draft), validation, a create (and
//! its answer, also when that answer was lost), and an edit: prefilled from the list, completed
//! from the CRM's record, saved with only what changed.
use crate::error::PanelError;
use crate::fields::input_for_api;
use crate::i18n::{Arg, Said};
use crate::json::Json;
use crate::model::{FieldError, NewPerson, Person};
use crate::scope::keys;

use super::focus;
use super::state::{CreateStep, Edit, Focus, Notice, State};
use super::update::{Change, Effect};
use super::PanelEvent;

/// "New person": opens the create form (focus on its first field), or closes it.
pub fn toggle_new(s: &mut State) -> Vec<Effect> {
    if s.form.edit.is_some() {
        leave_edit(s);
    } else if s.form.open {
        return close(s);
    }
    s.form.open = true;
    s.focus = Some(Focus::Element(focus::FIRST_FIELD));
    // A click before the form's code arrived (or after it failed to): it shows once it does.
    super::update::load_later(s)
}

/// Closes the form: an edit returns to the person's details (on Edit), a new person to the
/// "New person" button.
pub fn close(s: &mut State) -> Vec<Effect> {
    if let Some(id) = s.editing().map(str::to_string) {
        leave_edit(s);
        s.load.selected = Some(id);
        s.focus = Some(Focus::Element(focus::EDIT_BUTTON));
    } else {
        s.form.open = false;
        s.focus = Some(Focus::Element(focus::NEW_BUTTON));
    }
    Vec::new()
}

/// Back to creating: the form holds the create values again, closed.
pub fn leave_edit(s: &mut State) {
    if let Some(edit) = s.form.edit.take() {
        s.form.values = edit.create_values;
        s.form.errors.clear();
        s.form.message = None;
        s.form.sending = false;
        s.form.open = false;
    }
}

/// A field changed: kept as the draft, so a failure or a reload loses nothing typed. A create that
/// could not be confirmed is let go: what is typed now is a new person.
pub fn typed(s: &mut State, field: &'static str, value: String) -> Vec<Effect> {
    s.form.values.set(field, value);
    if s.form.edit.is_none() && s.create.as_ref().is_some_and(|c| matches!(c.step, CreateStep::Unconfirmed { .. })) {
        s.create = None;
    }
    s.form.errors.clear();
    match s.draft_key() {
        Some(key) => vec![Effect::SaveDraft { key, values: s.form.values.clone() }],
        None => Vec::new(),
    }
}

/// Validates and sends the form once (a second click while sending does nothing; after a create
/// that could not be confirmed, the CRM is looked at again first).
pub fn submit(s: &mut State) -> Vec<Effect> {
    if s.form.edit.is_none() && s.create.is_some() {
        return super::create::look_again(s);
    }
    if s.saving() {
        return Vec::new();
    }
    s.form.message = None;
    s.form.errors = s.form.values.validate(s.rules);
    if !s.form.errors.is_empty() {
        s.focus = Some(Focus::Element(focus::FIRST_INVALID));
        return Vec::new();
    }
    if let Some(edit) = s.form.edit.clone() {
        if !s.ready() {
            return Vec::new();
        }
        if !s.form.edit_changed() {
            s.form.message = Some(Said::new("form.nothing-changed", []));
            return Vec::new();
        }
        let Some(original) = edit.original else {
            // The user's save stands: it is sent as soon as the record it completes arrives.
            s.form.sending = true;
            s.form.edit.as_mut().expect("editing").save_when_read = true;
            return Vec::new();
        };
        s.form.sending = true;
        return vec![Effect::Update { id: edit.id, original, before: edit.before, after: s.form.values.clone() }];
    }
    if !s.ready() {
        s.form.message = Some(Said::new("form.not-loaded", []));
        return Vec::new();
    }
    super::create::send(s)
}

/// "Edit" in a person's details: the form with what the list knows (or the user's draft of this
/// edit), and a read of the CRM's whole record, which the save starts from.
pub fn start_edit(s: &mut State, id: String) -> Vec<Effect> {
    let Some(person) = s.person(&id) else { return Vec::new() };
    let before = NewPerson::from_person(&person);
    let create_values = match s.form.edit.take() {
        Some(edit) => edit.create_values,
        None => std::mem::take(&mut s.form.values),
    };
    s.form.values = before.clone();
    s.form.edit = Some(Edit { id: id.clone(), create_values, before, original: None, save_when_read: false });
    s.form.errors.clear();
    s.form.message = None;
    s.form.open = true;
    s.load.selected = None;
    s.focus = Some(Focus::Element(focus::FIRST_FIELD));
    // The user's unsaved edit of this person, if the browser kept one, replaces the list's values.
    let draft = s.draft_key().map(|key| Effect::ReadDraft { key });
    draft.into_iter().chain([Effect::Record { id }]).collect()
}

/// A kept draft read: it shows when it is the open edit's and the user has not typed meanwhile.
pub fn draft_read(s: &mut State, key: String, draft: Option<NewPerson>) -> Vec<Effect> {
    let untouched = s.form.edit.as_ref().is_some_and(|e| s.form.values == e.before);
    if let Some(draft) = draft.filter(|_| untouched && s.draft_key() == Some(key)) {
        s.form.values = draft;
    }
    Vec::new()
}

/// The CRM's record of the person being edited: what the list lacked fills in, unless the user has
/// typed meanwhile.
pub fn record(s: &mut State, id: String, result: Result<(Person, Json), PanelError>) -> Vec<Effect> {
    if s.editing() != Some(id.as_str()) {
        return Vec::new();
    }
    match result {
        Ok((person, original)) => {
            let complete = NewPerson::from_person(&person);
            let edit = s.form.edit.as_mut().expect("editing");
            if s.form.values == edit.before {
                s.form.values = complete.clone();
            }
            edit.before = complete;
            edit.original = Some(original);
            if std::mem::take(&mut edit.save_when_read) {
                s.form.sending = false;
                return submit(s);
            }
            Vec::new()
        }
        Err(PanelError::NotFound(_)) => gone_elsewhere(s, &id),
        Err(error) => {
            s.form.sending = false;
            if let Some(edit) = s.form.edit.as_mut() {
                edit.save_when_read = false;
            }
            s.form.message = Some(Said::new("form.edit-load-failed", [("error", Arg::Error(error))]));
            Vec::new()
        }
    }
}

/// An edit's save answered. The form is this edit's only while it is still the one open.
pub fn updated(s: &mut State, id: String, result: Result<(Person, Json), PanelError>) -> Vec<Effect> {
    let open = s.editing() == Some(id.as_str());
    if open {
        s.form.sending = false;
    }
    match result {
        Ok((person, raw)) => {
            let forget = s.scope.as_ref().zip(s.config()).map(|(scope, config)| Effect::ForgetDraft {
                key: keys::edit_draft(config.provider, &scope.user, &id),
            });
            s.load.notice = Some(Notice::Info(Said::new("notice.saved", [("name", Arg::text(&person.name))])));
            let channel = s.scope.as_ref().map(|scope| scope.channel()).unwrap_or_default();
            let told = Effect::Broadcast { channel, change: Change::Edited(Box::new(person.clone()), raw.clone()) };
            s.load.people.merge_changed(vec![person]);
            if open {
                leave_edit(s);
                s.focus = Some(Focus::Row(id));
            }
            forget.into_iter().chain([told, Effect::Emit(PanelEvent::PersonUpdated(raw))]).collect()
        }
        Err(_) if !open => Vec::new(),
        Err(PanelError::NotFound(_)) => gone_elsewhere(s, &id),
        Err(error) if error.may_have_applied() => {
            s.form.message = Some(Said::new("form.edit-unconfirmed", [("error", Arg::Error(error))]));
            Vec::new()
        }
        Err(error) => {
            show_field_errors(s, &error);
            s.form.message = Some(Said::new("form.edit-failed", [("error", Arg::Error(error))]));
            Vec::new()
        }
    }
}

/// The person was deleted in the CRM by someone else: said so, and their row dropped.
fn gone_elsewhere(s: &mut State, id: &str) -> Vec<Effect> {
    let name = s.person(id).map(|p| p.name).unwrap_or_default();
    let forget = s.draft_key().filter(|_| s.editing() == Some(id)).map(|key| Effect::ForgetDraft { key });
    leave_edit(s);
    s.load.people.remove(&[id.to_string()]);
    s.load.notice = Some(Notice::Info(Said::new("notice.gone-elsewhere", [("name", Arg::Text(name))])));
    forget.into_iter().collect()
}

/// A 400's per-field messages, in the server's words, beside the fields they are about.
pub(super) fn show_field_errors(s: &mut State, error: &PanelError) {
    if let PanelError::Rejected { fields, .. } = error {
        s.form.errors = fields
            .iter()
            .filter_map(|(f, m)| Some(FieldError { field: input_for_api(f)?.name, message: m.clone() }))
            .collect();
        s.focus = Some(Focus::Element(focus::FIRST_INVALID));
    }
}
