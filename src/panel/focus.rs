//! Where keyboard focus goes as the panel opens and closes things: into what opened, back to where
//! it was opened from when it closes (Escape or its own button), to the first invalid field after a
//! failed save, to the person's row after a save. The panel only asks (`focus`); the views carry
//! the request out once the DOM shows its target (ui/focus.rs, and the list for rows).
use leptos::prelude::*;

use super::{DeleteState, Panel};

/// A focus request.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    /// A person's row in the list, scrolled into view.
    Row(String),
    /// The first element the CSS selector matches in the panel.
    Element(&'static str),
}

/// The first field whose value was refused.
pub const FIRST_INVALID: &str = "[aria-invalid=\"true\"]";
pub const NEW_BUTTON: &str = "[data-action=\"new\"]";
pub const FIRST_FIELD: &str = ".pp-form input";
pub const DETAILS: &str = ".pp-detail";
pub const EDIT_BUTTON: &str = "[data-action=\"edit\"]";
pub const DELETE_BUTTON: &str = "[data-action=\"delete\"]";
pub const CANCEL_DELETE: &str = "[data-action=\"cancel-delete\"]";
/// The list's current row (the one tab stop of the list).
pub const LIST: &str = ".pp-row-button[tabindex=\"0\"]";

const ROW: &str = "row ";

impl Focus {
    /// As stored in `Panel::focus`: a string, so that the panel adds no new signal type (each
    /// costs the wasm several KB of reactive code). No selector starts with "row ".
    fn encode(self) -> String {
        match self {
            Focus::Row(id) => format!("{ROW}{id}"),
            Focus::Element(selector) => selector.to_string(),
        }
    }

    /// The person a stored request asks for (a row), if it does; otherwise it is a selector.
    pub fn row_of(request: &str) -> Option<&str> {
        request.strip_prefix(ROW)
    }
}

impl Panel {
    pub fn focus_on(&self, target: Focus) {
        self.focus.set(Some(target.encode()));
    }

    /// A person's details, with focus in them.
    pub fn open_details(&self, id: String) {
        self.selected.set(Some(id));
        self.focus_on(Focus::Element(DETAILS));
    }

    /// Closes the details, back on the person's row.
    pub fn close_details(&self) {
        if let Some(id) = self.selected.get_untracked() {
            self.selected.set(None);
            self.focus_on(Focus::Row(id));
        }
    }

    /// "New person": opens the create form (focus on its first field), or closes it.
    pub fn toggle_new_form(&self) {
        if self.editing.with_untracked(Option::is_some) {
            self.leave_edit();
        } else if self.form_open.get_untracked() {
            return self.close_form();
        }
        self.form_open.set(true);
        self.focus_on(Focus::Element(FIRST_FIELD));
    }

    /// Closes the form: an edit returns to the person's details (on Edit), a new person to the
    /// "New person" button.
    pub fn close_form(&self) {
        if let Some(id) = self.editing.get_untracked() {
            self.leave_edit();
            self.selected.set(Some(id));
            self.focus_on(Focus::Element(EDIT_BUTTON));
        } else {
            self.form_open.set(false);
            self.focus_on(Focus::Element(NEW_BUTTON));
        }
    }

    /// Escape: closes the innermost open thing (the delete confirmation, the form, the details)
    /// and puts focus back where it was opened from. False when nothing was open.
    pub fn escape(&self) -> bool {
        if matches!(self.delete.get_untracked(), DeleteState::Confirming(_) | DeleteState::Failed { .. }) {
            self.cancel_delete();
        } else if self.form_open.get_untracked() {
            self.close_form();
        } else if self.selected.with_untracked(Option::is_some) {
            self.close_details();
        } else {
            return false;
        }
        true
    }
}
