//! The remembered list's arms of `update` (`cache`): which list a load shows first, a kept list
//! shown and brought up to date, the list kept again after each change.
use crate::error::PanelError;
use crate::model::{Cursor, Page};
use crate::provider;
use crate::remember::Remembered;

use super::state::{Action, Notice, Phase, Revalidation, State};
use super::update::{first_page, first_rows_shown, Effect};

/// Keeps the list as it is now, when the host opted in (`cache`) and it is the CRM's (not a kept
/// one not yet brought up to date: kept again, it would pass for new).
pub(super) fn remember(s: &State) -> Option<Effect> {
    if !s.ready() || s.load.remembered_at.is_some() || s.load.revalidating.is_some() {
        return None;
    }
    let (key, mode) = s.list_key()?;
    Some(Effect::Remember { key, mode, list: Remembered::of(&s.load.people, 0.0) })
}

/// The first people of a load: the list kept for this user, CRM and credential first, when the
/// host opted in (`cache`), else the CRM's first page.
pub(super) fn first_read(s: &State) -> Vec<Effect> {
    match s.list_key() {
        Some((key, mode)) => vec![Effect::Recall { key, mode }],
        None => vec![Effect::Page { first: true, cursor: Cursor::Start }],
    }
}

/// A kept list is shown at once, marked with its age, then brought up to date: Rally sends what
/// changed since it (`updatedSince`); Rollout's pages are read again and replace the rows in place.
pub(super) fn recalled(s: &mut State, kept: Remembered) -> Vec<Effect> {
    s.load.remembered_at = Some(kept.saved_at_ms);
    s.load.people = kept.into_list();
    s.load.phase = Phase::Ready;
    let mut effects = first_rows_shown(s);
    let incremental = s.config().is_some_and(|c| provider::for_config(c).incremental().is_some());
    match s.load.people.watermark() {
        Some(since) if incremental => {
            s.load.loading_more = true;
            effects.push(Effect::Changes { since });
        }
        _ => {
            s.load.revalidating = Some(Revalidation { fresh: Default::default(), until: s.load.people.len() });
            effects.push(Effect::Page { first: true, cursor: Cursor::Start });
        }
    }
    effects
}

/// A page of a kept list read again: its people replace theirs in place; once the fresh pages cover
/// what was shown (or the CRM has no more), they are the list.
pub(super) fn revalidated(s: &mut State, result: Result<Page, PanelError>) -> Vec<Effect> {
    let Some(revalidation) = s.load.revalidating.as_mut() else { return Vec::new() };
    match result {
        Ok(page) => {
            s.load.people.refresh_in_place(&page.people);
            revalidation.fresh.append(page);
            let fresh = &revalidation.fresh;
            if fresh.len() < revalidation.until && fresh.has_more() {
                return vec![Effect::Page { first: false, cursor: fresh.cursor() }];
            }
            s.load.people = s.load.revalidating.take().map(|r| r.fresh).unwrap_or_default();
            s.load.remembered_at = None;
            Vec::new()
        }
        // The connection is gone: what was kept goes too.
        Err(error @ (PanelError::Forbidden(_) | PanelError::Unauthorized(_))) => {
            s.load.revalidating = None;
            s.load.remembered_at = None;
            s.load.people = Default::default();
            let forget = super::update::user(s).map(|user| Effect::ForgetLists { user });
            forget.into_iter().chain(first_page(s, Err(error), 0.0)).collect()
        }
        // The kept list stays, said to be old, with a retry; "Load more" goes on from the fresh pages.
        Err(error) => {
            let fresh = s.load.revalidating.take().map(|r| r.fresh).unwrap_or_default();
            if !fresh.is_empty() {
                s.load.people.next = Some(fresh.cursor());
            }
            s.load.notice = Some(Notice::Failed { error, retry: Action::Refresh });
            Vec::new()
        }
    }
}
