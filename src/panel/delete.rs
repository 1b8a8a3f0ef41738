//! The delete's arms of `update`: asked from a person's details, confirmed by name, sent once. A
//! delete needs no reconciliation: repeating it is harmless, and a 404 means the person is gone.
use crate::error::PanelError;
use crate::i18n::{Arg, Said};

use super::focus;
use super::state::{DeleteState, Focus, Notice, State};
use super::update::{Change, Effect};
use super::PanelEvent;

/// "Delete" in a person's details: asks for a confirmation first.
pub fn ask(s: &mut State, id: String) -> Vec<Effect> {
    s.load.delete = DeleteState::Confirming(id);
    s.focus = Some(Focus::Element(focus::CANCEL_DELETE));
    Vec::new()
}

/// Back to the details, on their Delete button.
pub fn cancel(s: &mut State) -> Vec<Effect> {
    if !matches!(s.load.delete, DeleteState::Deleting(_)) {
        s.load.delete = DeleteState::Idle;
        s.focus = Some(Focus::Element(focus::DELETE_BUTTON));
    }
    Vec::new()
}

/// Sends the confirmed delete (again, after a failure).
pub fn confirm(s: &mut State) -> Vec<Effect> {
    let id = match &s.load.delete {
        DeleteState::Confirming(id) | DeleteState::Failed { id, .. } => id.clone(),
        _ => return Vec::new(),
    };
    s.load.delete = DeleteState::Deleting(id.clone());
    vec![Effect::Delete { id }]
}

/// On 2xx or 404 the row goes and the host hears `person-deleted`; otherwise the row stays and the
/// reason is shown.
pub fn deleted(s: &mut State, id: String, result: Result<(), PanelError>) -> Vec<Effect> {
    let name = s.person(&id).map(|p| p.name).unwrap_or_default();
    let note = match result {
        Ok(()) => "notice.deleted",
        Err(PanelError::NotFound(_)) => "notice.deleted-elsewhere",
        Err(reason) => {
            s.load.delete = DeleteState::Failed { id, reason };
            return Vec::new();
        }
    };
    s.load.delete = DeleteState::Idle;
    s.load.selected = None;
    s.focus = Some(Focus::Element(focus::LIST));
    s.load.people.remove(std::slice::from_ref(&id));
    s.load.notice = Some(Notice::Info(Said::new(note, [("name", Arg::Text(name))])));
    let channel = s.scope.as_ref().map(|scope| scope.channel()).unwrap_or_default();
    vec![
        Effect::Broadcast { channel, change: Change::Deleted(id.clone()) },
        Effect::Emit(PanelEvent::PersonDeleted(id)),
    ]
}
