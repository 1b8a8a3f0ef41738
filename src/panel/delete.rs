//! Deleting a person: asked from their details, confirmed by name, sent once. A delete needs no
//! reconciliation: repeating it is harmless, and a 404 means the person is already gone.
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{focus, Focus, Notice, Panel, PanelEvent};
use crate::error::PanelError;
use crate::i18n::{Arg, Said};

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

impl Panel {
    /// "Delete" in a person's details: asks for a confirmation first.
    pub fn ask_delete(&self, id: String) {
        self.delete.set(DeleteState::Confirming(id));
        self.focus_on(Focus::Element(focus::CANCEL_DELETE));
    }

    /// Back to the details, on their Delete button.
    pub fn cancel_delete(&self) {
        if !matches!(self.delete.get_untracked(), DeleteState::Deleting(_)) {
            self.delete.set(DeleteState::Idle);
            self.focus_on(Focus::Element(focus::DELETE_BUTTON));
        }
    }

    /// Sends the confirmed delete (again, after a failure). On 2xx or 404 the row goes and the
    /// host hears `person-deleted`; otherwise the row stays and the reason is shown.
    pub fn confirm_delete(&self) {
        let id = match self.delete.get_untracked() {
            DeleteState::Confirming(id) | DeleteState::Failed { id, .. } => id,
            _ => return,
        };
        let Some(session) = self.session.get_value() else { return };
        let (generation, credential, panel) = (self.generation.get_value(), self.credential_id(), *self);
        let name = self
            .people
            .with_untracked(|l| l.people.iter().find(|p| p.id == id).map(|p| p.name.clone()))
            .unwrap_or_default();
        self.delete.set(DeleteState::Deleting(id.clone()));
        spawn_local(async move {
            let result = session.client.send(&session.client.crm.delete(&id), credential.as_deref()).await;
            if !panel.current(generation) {
                return;
            }
            let note = match result {
                Ok(_) => Said::new("notice.deleted", [("name", Arg::text(&name))]),
                Err(PanelError::NotFound(_)) => Said::new("notice.deleted-elsewhere", [("name", Arg::text(&name))]),
                Err(error) => {
                    panel.delete.set(DeleteState::Failed { id, reason: error });
                    return;
                }
            };
            panel.delete.set(DeleteState::Idle);
            panel.selected.set(None);
            panel.focus_on(Focus::Element(focus::LIST));
            panel.people.update(|list| {
                list.remove(std::slice::from_ref(&id));
            });
            panel.notice.set(Some(Notice::Info(note)));
            panel.emit(PanelEvent::PersonDeleted(id));
        });
    }
}
