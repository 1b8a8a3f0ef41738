//! The panel's one polite live region: what a screen reader user should hear once, as it happens:
//! loads, search results, retries, failures, a form's refusal, a delete that failed. Derived from
//! the same state the views show, so each change is announced once and nothing is announced twice.
use leptos::prelude::*;

use crate::panel::{view, Panel};

/// `matches`: who matches the search (the list's own memo).
pub fn announcement(panel: Panel, matches: Memo<Vec<usize>>) -> String {
    let shown = matches.with(Vec::len);
    panel.state.with(|s| panel.words.with_untracked(|w| view::announcement(s, shown, w)))
}
