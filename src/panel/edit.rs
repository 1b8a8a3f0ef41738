//! Editing a person through the create form: prefilled from the list at once, completed from the
//! CRM's own record, saved with only what changed, and the row updated from the CRM's answer.
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Focus, Notice, Panel, PanelEvent, Phase};
use crate::browser;
use crate::error::PanelError;
use crate::i18n::{Arg, Said};
use crate::model::NewPerson;

impl Panel {
    /// "Edit" in a person's details: opens the form with what the list knows (or the user's draft
    /// of this edit), and asks the CRM for the whole record the save will start from.
    pub fn start_edit(&self, id: String) {
        let Some(person) = self.people.with_untracked(|l| l.people.iter().find(|p| p.id == id).cloned()) else {
            return;
        };
        let Some(session) = self.session.get_value() else { return };
        let before = NewPerson::from_person(&person);
        self.editing.set(Some(id.clone()));
        let draft = self.form_draft_key().and_then(|key| browser::load(&key)).map(|d| NewPerson::from_json(&d));
        self.form.set(draft.unwrap_or_else(|| before.clone()));
        self.edit_base.set_value(Some((before, None)));
        self.form_errors.set(Vec::new());
        self.form_message.set(None);
        self.selected.set(None);
        self.form_open.set(true);
        self.focus_on(Focus::Element(super::focus::FIRST_FIELD));
        let (generation, credential, panel) = (self.generation.get_value(), self.credential_id(), *self);
        spawn_local(async move {
            let crm = &session.client.crm;
            let fetched = match session.client.send(&crm.get(&id), credential.as_deref()).await {
                Ok(body) => crm.parse_person(&body),
                Err(error) => Err(error),
            };
            if !panel.current(generation) || panel.editing.get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            match fetched {
                Ok((person, original)) => {
                    let complete = NewPerson::from_person(&person);
                    // What the list lacked fills in, unless the user has typed meanwhile.
                    let untouched = panel.edit_base.with_value(|b| {
                        b.as_ref().is_some_and(|(before, _)| panel.form.with_untracked(|f| f == before))
                    });
                    if untouched {
                        panel.form.set(complete.clone());
                    }
                    panel.edit_base.set_value(Some((complete, Some(original))));
                }
                Err(PanelError::NotFound(_)) => panel.gone_elsewhere(&id),
                Err(error) => {
                    panel.form_message.set(Some(Said::new("form.edit-load-failed", [("error", Arg::Error(error))])))
                }
            }
        });
    }

    /// Whether the form differs from what the edit started with.
    pub fn edit_changed(&self) -> bool {
        self.edit_base.with_value(|b| {
            b.as_ref().is_some_and(|(before, _)| self.form.with(|f| !f.changed_from(before).is_empty()))
        })
    }

    /// Back to creating: the form shows the user's create draft again, closed.
    pub fn leave_edit(&self) {
        self.editing.set(None);
        self.edit_base.set_value(None);
        let draft = self.form_draft_key().and_then(|key| browser::load(&key)).map(|d| NewPerson::from_json(&d));
        self.form.set(draft.unwrap_or_default());
        self.form_errors.set(Vec::new());
        self.form_message.set(None);
        self.form_open.set(false);
    }

    /// The person was deleted in the CRM by someone else: said so, and their row dropped.
    fn gone_elsewhere(&self, id: &str) {
        let name = self
            .people
            .with_untracked(|l| l.people.iter().find(|p| p.id == id).map(|p| p.name.clone()))
            .unwrap_or_default();
        if let Some(key) = self.form_draft_key() {
            browser::forget(&key);
        }
        self.leave_edit();
        self.people.update(|list| {
            list.remove(&[id.to_string()]);
        });
        self.notice.set(Some(Notice::Info(Said::new("notice.gone-elsewhere", [("name", Arg::Text(name))]))));
    }

    /// Saves the edit: validated like a create, only when something changed.
    pub(super) fn submit_edit(&self, id: String) {
        let after = self.form.get_untracked();
        let errors = after.validate(self.rules.get_untracked());
        self.form_message.set(None);
        self.form_errors.set(errors.clone());
        if !errors.is_empty() {
            return self.focus_on(Focus::Element(super::focus::FIRST_INVALID));
        }
        let (Some(session), true) = (self.session.get_value(), self.phase.get_untracked() == Phase::Ready) else {
            return;
        };
        let Some((before, original)) = self.edit_base.get_value() else { return };
        if after.changed_from(&before).is_empty() {
            self.form_message.set(Some(Said::new("form.nothing-changed", [])));
            return;
        }
        let Some(original) = original else {
            self.form_message.set(Some(Said::new("form.record-pending", [])));
            return;
        };
        self.sending.set(true);
        let (generation, credential, panel) = (self.generation.get_value(), self.credential_id(), *self);
        spawn_local(async move {
            let crm = &session.client.crm;
            let result =
                match session.client.send(&crm.update(&id, &original, &before, &after), credential.as_deref()).await {
                    Ok(body) => crm.parse_person(&body),
                    Err(error) => Err(error),
                };
            if !panel.current(generation) {
                return;
            }
            panel.sending.set(false);
            match result {
                Ok((person, raw)) => {
                    if let Some(key) = panel.form_draft_key() {
                        browser::forget(&key);
                    }
                    panel
                        .notice
                        .set(Some(Notice::Info(Said::new("notice.saved", [("name", Arg::text(&person.name))]))));
                    panel.people.update(|list| {
                        list.merge_changed(vec![person]);
                    });
                    panel.leave_edit();
                    panel.focus_on(Focus::Row(id));
                    panel.emit(PanelEvent::PersonUpdated(raw));
                }
                Err(PanelError::NotFound(_)) => panel.gone_elsewhere(&id),
                Err(error) if super::unknown_outcome(&error) => {
                    panel.form_message.set(Some(Said::new("form.edit-unconfirmed", [("error", Arg::Error(error))])))
                }
                Err(error) => {
                    panel.show_field_errors(&error);
                    panel.form_message.set(Some(Said::new("form.edit-failed", [("error", Arg::Error(error))])));
                }
            }
        });
    }
}
