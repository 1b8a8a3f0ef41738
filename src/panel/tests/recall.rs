//! The remembered list (`cache`) and "Load all", as transitions.
use super::*;
use crate::remember::{Remembered, MAX_PEOPLE};
use crate::scope::{keys, Scope};

fn cached(provider: ProviderKind, cache: CacheMode) -> PanelConfig {
    PanelConfig { cache, ..config(provider) }
}

fn kept(people: &[&str]) -> Remembered {
    let people = people.iter().map(|id| person(id, &format!("Kept {id}"))).collect();
    Remembered { saved_at_ms: 1_000.0, people, next: None, total: Some(3) }
}

fn names(s: &State) -> Vec<&str> {
    s.load.people.names()
}

fn remembers(effects: &[Effect]) -> Option<&Remembered> {
    effects.iter().find_map(|e| match e {
        Effect::Remember { list, .. } => Some(list),
        _ => None,
    })
}

/// A Rollout panel of `ana` with `cache`, at the point where its kept list is asked for.
fn recalling(cache: CacheMode) -> State {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(cached(ProviderKind::Rollout, cache))));
    assert_eq!(token(&mut s, user("ana"), None, None), vec![Effect::Credentials]);
    let fx = answer(&mut s, Answer::Credentials(Ok(vec![credential("c1")])));
    let scope =
        Scope { credential: Some("c1".into()), ..Scope::new(user("ana"), &cached(ProviderKind::Rollout, cache)) };
    let key = keys::list(&scope);
    let save = Effect::SaveCredential { user: user("ana"), credential: credential("c1") };
    assert_eq!(fx, vec![save, Effect::Recall { key, mode: cache }], "the kept list before any CRM request");
    assert!(s.credential_id() == Some("c1") && s.credential_saved, "saved: the next visit asks no list of them");
    s
}

#[test]
fn a_kept_list_shows_at_once_then_rollouts_pages_replace_it_in_place() {
    let mut s = recalling(CacheMode::Device);
    let fx = answer(&mut s, Answer::Recalled(Some(kept(&["1", "2", "3"]))));
    assert_eq!(s.load.phase, Phase::Ready);
    assert_eq!(names(&s), ["Kept 1", "Kept 2", "Kept 3"]);
    assert_eq!(s.load.remembered_at, Some(1_000.0), "said to be old");
    assert!(matches!(&fx[..], [Effect::LoadLater, Effect::Listen { .. }, FIRST]), "{fx:?}");
    assert!(update(&mut s, Msg::LoadMore).is_empty(), "no paging past a list being read again");

    let mut fresh = page(&["1", "2"], Cursor::Token("n2".into()), 3);
    fresh.people[0].name = "Renamed 1".into();
    let fx = answer(&mut s, Answer::Page { first: true, result: Ok(fresh), now_ms: 0.0 });
    assert_eq!(fx, vec![Effect::Page { first: false, cursor: Cursor::Token("n2".into()) }], "nothing kept meanwhile");
    assert_eq!(names(&s), ["Renamed 1", "Person 2", "Kept 3"], "replaced in place, the rest still shown");

    let fx = answer(&mut s, Answer::Page { first: false, result: Ok(page(&["4"], Cursor::End, 3)), now_ms: 0.0 });
    assert_eq!(names(&s), ["Renamed 1", "Person 2", "Person 4"], "3 is gone from the CRM, 4 is new");
    assert_eq!((s.load.remembered_at, s.load.revalidating.is_none(), s.load.people.has_more()), (None, true, false));
    let list = remembers(&fx).expect("kept again, up to date");
    assert_eq!(list.people.len(), 3);
}

#[test]
fn rally_brings_a_kept_list_up_to_date_with_what_changed_since_it() {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(cached(ProviderKind::Rally, CacheMode::Session))));
    let fx = token(&mut s, user("ana"), None, None);
    assert!(matches!(&fx[..], [Effect::Recall { mode: CacheMode::Session, .. }]), "{fx:?}");
    let mut list = kept(&["1", "2"]);
    list.people[1].updated = Some("2026-12-01T08:00:00Z".into());
    list.next = Some(Cursor::Offset(2));
    let fx = answer(&mut s, Answer::Recalled(Some(list)));
    assert_eq!(fx.last(), Some(&Effect::Changes { since: "2026-12-01T08:00:00Z".into() }));
    assert_eq!(s.load.people.cursor(), Cursor::Offset(2), "loading more goes on where the kept list ended");
    let fx = answer(&mut s, Answer::Changes(Ok((vec![person("2", "Changed 2")], vec!["1".into()]))));
    assert_eq!(names(&s), ["Changed 2"]);
    assert_eq!(s.load.remembered_at, None);
    assert!(remembers(&fx).is_some());
}

#[test]
fn nothing_kept_shows_the_crms_first_page_and_keeps_it() {
    let mut s = recalling(CacheMode::Device);
    assert_eq!(answer(&mut s, Answer::Recalled(None)), vec![FIRST]);
    let fx = answer(&mut s, Answer::Page { first: true, result: Ok(page(&["1"], Cursor::End, 1)), now_ms: 0.0 });
    assert_eq!(remembers(&fx).map(|l| l.people.len()), Some(1));
    // A create, an edit elsewhere, a delete: each keeps the list again.
    let fx = answer(&mut s, Answer::Remote(Change::Created(Box::new(person("2", "Elsewhere")), Json::object())));
    assert_eq!(remembers(&fx).map(|l| l.people.len()), Some(2));
}

#[test]
fn without_cache_nothing_is_kept() {
    let mut s = loaded();
    let fx = answer(&mut s, Answer::Remote(Change::Created(Box::new(person("2", "Elsewhere")), Json::object())));
    assert!(remembers(&fx).is_none());
    update(&mut s, Msg::LoadMore);
    let fx = answer(&mut s, Answer::Page { first: false, result: Ok(page(&["3"], Cursor::End, 5)), now_ms: 0.0 });
    assert!(remembers(&fx).is_none());
}

#[test]
fn past_what_is_kept_another_page_keeps_nothing_more() {
    let mut s = recalling(CacheMode::Device);
    answer(&mut s, Answer::Recalled(None));
    let ids: Vec<String> = (0..MAX_PEOPLE).map(|i| i.to_string()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let fx = answer(
        &mut s,
        Answer::Page { first: true, result: Ok(page(&ids, Cursor::Offset(MAX_PEOPLE), 9e3 as u64)), now_ms: 0.0 },
    );
    assert_eq!(remembers(&fx).map(|l| l.people.len()), Some(MAX_PEOPLE));
    update(&mut s, Msg::LoadMore);
    let fx =
        answer(&mut s, Answer::Page { first: false, result: Ok(page(&["x"], Cursor::End, 9e3 as u64)), now_ms: 0.0 });
    assert!(remembers(&fx).is_none());
}

#[test]
fn a_failed_read_keeps_the_kept_list_marked_old_with_a_retry() {
    let mut s = recalling(CacheMode::Device);
    answer(&mut s, Answer::Recalled(Some(kept(&["1", "2", "3"]))));
    let offline = PanelError::Network("network.offline");
    let fx = answer(&mut s, Answer::Page { first: true, result: Err(offline.clone()), now_ms: 0.0 });
    assert!(fx.is_empty());
    assert_eq!(names(&s), ["Kept 1", "Kept 2", "Kept 3"]);
    assert_eq!(s.load.remembered_at, Some(1_000.0));
    assert_eq!(s.load.notice, Some(Notice::Failed { error: offline, retry: Action::Refresh }));
}

#[test]
fn a_kept_list_goes_with_the_connection_the_credential_and_the_user() {
    let forget = forget_lists("ana");
    let mut s = recalling(CacheMode::Device);
    answer(&mut s, Answer::Recalled(Some(kept(&["1"]))));
    let gone = PanelError::Forbidden("revoked".into());
    let fx = answer(&mut s, Answer::Page { first: true, result: Err(gone.clone()), now_ms: 0.0 });
    assert!(fx.contains(&forget) && fx.contains(&Effect::EmitError(gone)), "{fx:?}");
    assert!(s.load.people.is_empty(), "nothing of it shows any more");

    let mut s = recalling(CacheMode::Device);
    assert!(update(&mut s, Msg::UseCredential(credential("c2"))).contains(&forget), "another credential");
    let mut s = recalling(CacheMode::Device);
    assert!(update(&mut s, Msg::CredentialDeleted("c1".into())).contains(&forget), "Link deleted it");
    let mut s = recalling(CacheMode::Device);
    answer(&mut s, Answer::Recalled(Some(kept(&["1"]))));
    assert_eq!(update(&mut s, Msg::TokenOf(user("bo"))), vec![forget, Effect::Connect], "another user");
    assert!(s.load.people.is_empty() && s.load.remembered_at.is_none());
}

#[test]
fn load_all_pages_until_the_end_and_stop_stops_it() {
    let mut s = loaded();
    assert_eq!(update(&mut s, Msg::LoadAll), vec![Effect::Page { first: false, cursor: Cursor::Offset(2) }]);
    let next =
        answer(&mut s, Answer::Page { first: false, result: Ok(page(&["3", "4"], Cursor::Offset(4), 5)), now_ms: 0.0 });
    assert_eq!(next, vec![Effect::Page { first: false, cursor: Cursor::Offset(4) }], "the next page at once");
    assert!(update(&mut s, Msg::StopLoading).is_empty());
    let after_stop =
        answer(&mut s, Answer::Page { first: false, result: Ok(page(&["5"], Cursor::Offset(5), 6)), now_ms: 0.0 });
    assert!(after_stop.is_empty(), "the page asked for arrives; no more after it");
    assert_eq!(s.load.people.len(), 5);

    update(&mut s, Msg::LoadAll);
    let end = answer(&mut s, Answer::Page { first: false, result: Ok(page(&["6"], Cursor::End, 6)), now_ms: 0.0 });
    assert!(end.is_empty() && !s.load.loading_all, "done at the end");
    assert_eq!(s.focus, Some(Focus::ListFromLoadMore));
}

#[test]
fn a_person_created_while_a_kept_rollout_list_is_read_again_stays_in_view() {
    let mut s = recalling(CacheMode::Device);
    answer(&mut s, Answer::Recalled(Some(kept(&["1", "2", "3"]))));
    update(&mut s, Msg::LaterLoaded(true));
    update(&mut s, Msg::ToggleNewForm);
    type_into(&mut s, "first_name", "Fresh");
    update(&mut s, Msg::Submit);
    answer(&mut s, created(person("new", "Fresh")));
    assert_eq!(names(&s)[0], "Fresh");
    // The re-read's pages cover what was shown; the CRM lists the new person past them.
    answer(
        &mut s,
        Answer::Page { first: true, result: Ok(page(&["1", "2", "3"], Cursor::Token("n".into()), 9)), now_ms: 0.0 },
    );
    assert!(s.load.revalidating.is_none(), "the fresh pages are the list now");
    assert_eq!(names(&s)[0], "Fresh", "and the new person is still in view");
}
