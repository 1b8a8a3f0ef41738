//! Where keyboard focus goes as the panel opens and closes things: into what opened, back to where
//! it was opened from when it closes (Escape or its own button), to the first invalid field after a
//! failed save, to the person's row after a save. `update` only asks (`State::focus`); the views
//! carry the request out once the DOM shows its target (ui/focus.rs, and the list for rows).

/// The first field whose value was refused.
pub const FIRST_INVALID: &str = "[aria-invalid=\"true\"]";
pub const NEW_BUTTON: &str = "[data-action=\"new\"]";
pub const FIRST_FIELD: &str = ".pp-form input";
pub const DETAILS: &str = ".pp-detail";
pub const EDIT_BUTTON: &str = "[data-action=\"edit\"]";
pub const DELETE_BUTTON: &str = "[data-action=\"delete\"]";
pub const CANCEL_DELETE: &str = "[data-action=\"cancel-delete\"]";
pub const LOAD_MORE: &str = "[data-action=\"load-more\"]";
/// "Load all", which is "Stop" while it loads.
pub const LOAD_ALL: &str = "[data-action=\"load-all\"]";
/// The list's current row (the one tab stop of the list).
pub const LIST: &str = ".pp-row-button[tabindex=\"0\"]";
