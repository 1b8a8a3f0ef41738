//! Loading, paging, the credential picker, forms, delete, focus, users: as transitions.
use super::*;

#[test]
fn a_load_goes_token_then_credential_then_first_page() {
    let s = loaded();
    assert_eq!(s.load.people.len(), 2);
    assert_eq!(s.scope.as_ref().map(|scope| &scope.user), Some(&user("ana")));
}

#[test]
fn the_same_configuration_again_does_not_reload_and_a_new_token_url_resumes_its_tokens() {
    let mut s = loaded();
    assert!(update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rollout)))).is_empty());
    let other = PanelConfig { token_url: "/other-token".into(), ..config(ProviderKind::Rollout) };
    assert_eq!(
        update(&mut s, Msg::Configured(Ok(other))),
        vec![Effect::ResumeTokens("/other-token".into()), Effect::Connect]
    );
    assert!(s.load.people.is_empty(), "a new load starts empty");
}

#[test]
fn an_answer_of_an_earlier_load_is_ignored() {
    let mut s = loaded();
    let old = ticket(&s);
    update(&mut s, Msg::Reload);
    let stale = Answer::Page { first: true, result: Ok(page(&["9"], Cursor::End, 1)), now_ms: 0.0 };
    assert!(update(&mut s, Msg::Answer(old, stale)).is_empty());
    assert!(s.load.people.is_empty());
    assert_eq!(s.load.phase, Phase::Loading);
}

#[test]
fn several_credentials_let_the_user_pick_none_asks_to_connect() {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rollout))));
    token(&mut s, user("ana"), None, None);
    answer(&mut s, Answer::Credentials(Ok(vec![credential("c1"), credential("c2")])));
    assert_eq!(s.load.phase, Phase::ChooseCredential(vec![credential("c1"), credential("c2")]));
    let fx = update(&mut s, Msg::UseCredential(credential("c2")));
    assert_eq!(
        fx,
        vec![
            Effect::SaveCredential { user: user("ana"), credential: credential("c2") },
            Effect::Emit(PanelEvent::CredentialChanged(credential("c2"))),
            Effect::Connect,
        ]
    );
    // The next token answer uses the pick (and keeps it saved for this user).
    let fx = token(&mut s, user("ana"), None, None);
    assert_eq!(
        fx,
        vec![forget_lists("ana"), Effect::SaveCredential { user: user("ana"), credential: credential("c2") }, FIRST]
    );
    assert_eq!(s.credential_id(), Some("c2"));

    let mut none = State::default();
    update(&mut none, Msg::Configured(Ok(config(ProviderKind::Rollout))));
    token(&mut none, user("bo"), None, None);
    assert_eq!(answer(&mut none, Answer::Credentials(Ok(vec![]))), vec![Effect::Emit(PanelEvent::CredentialRequired)]);
    assert_eq!(none.load.phase, Phase::ConnectCrm);
}

#[test]
fn a_saved_credential_that_answers_403_is_forgotten() {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rollout))));
    assert_eq!(token(&mut s, user("ana"), None, Some(credential("old"))), vec![forget_lists("ana"), FIRST]);
    let fx =
        answer(&mut s, Answer::Page { first: true, result: Err(PanelError::Forbidden("gone".into())), now_ms: 0.0 });
    assert_eq!(
        fx,
        vec![
            Effect::ForgetCredential { user: user("ana"), only: None },
            forget_lists("ana"),
            Effect::EmitError(PanelError::Forbidden("gone".into()))
        ]
    );
    assert!(matches!(s.load.phase, Phase::Failed(PanelError::Forbidden(_))));
}

#[test]
fn a_409_is_waited_out_with_growing_waits_then_given_up() {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rally))));
    let fx = token(&mut s, user("ana"), None, None);
    assert_eq!(fx, vec![forget_lists("ana"), FIRST], "Rally needs no credential");
    let syncing =
        |s: &mut State, now_ms| answer(s, Answer::Page { first: true, result: Err(PanelError::Syncing), now_ms });
    assert_eq!(syncing(&mut s, 1_000.0), vec![Effect::After { ms: 2_000.0, effect: Box::new(FIRST) }]);
    assert_eq!(s.load.phase, Phase::Syncing);
    assert_eq!(syncing(&mut s, 3_000.0), vec![Effect::After { ms: 3_000.0, effect: Box::new(FIRST) }]);
    assert_eq!(syncing(&mut s, 1_000.0 + SYNC_WAIT_MS), vec![Effect::EmitError(PanelError::Syncing)]);
    assert!(matches!(s.load.phase, Phase::Failed(PanelError::Syncing)));
}

#[test]
fn paging_asks_once_at_a_time_and_a_failure_keeps_the_list_with_a_retry() {
    let mut s = loaded();
    assert_eq!(update(&mut s, Msg::LoadMore), vec![Effect::Page { first: false, cursor: Cursor::Offset(2) }]);
    assert!(update(&mut s, Msg::LoadMore).is_empty(), "one page at a time");
    answer(&mut s, Answer::Page { first: false, result: Err(PanelError::RateLimited), now_ms: 0.0 });
    assert_eq!(s.load.notice, Some(Notice::Failed { error: PanelError::RateLimited, retry: Action::LoadMore }));
    assert_eq!(s.load.people.len(), 2);
    assert_eq!(
        update(&mut s, Msg::RetryNotice(Action::LoadMore)),
        vec![Effect::Page { first: false, cursor: Cursor::Offset(2) }]
    );
    assert_eq!(s.load.notice, None);
    answer(&mut s, Answer::Page { first: false, result: Ok(page(&["3", "4", "5"], Cursor::End, 5)), now_ms: 0.0 });
    assert_eq!(s.load.people.len(), 5);
    assert_eq!(s.focus, Some(Focus::ListFromLoadMore), "the last page: focus off the vanishing Load more");
    assert!(update(&mut s, Msg::LoadMore).is_empty(), "everything is loaded");
}

#[test]
fn refresh_renews_the_token_and_reloads_rollout_but_asks_rally_for_changes() {
    let mut s = loaded();
    assert_eq!(update(&mut s, Msg::Refresh), vec![Effect::RenewToken, Effect::Connect]);

    let mut rally = State::default();
    update(&mut rally, Msg::Configured(Ok(config(ProviderKind::Rally))));
    token(&mut rally, user("ana"), None, None);
    let mut first = page(&["1", "2"], Cursor::End, 2);
    first.people[0].updated = Some("2026-01-01T00:00:00.000Z".into());
    answer(&mut rally, Answer::Page { first: true, result: Ok(first), now_ms: 0.0 });
    let fx = update(&mut rally, Msg::Refresh);
    assert_eq!(fx, vec![Effect::RenewToken, Effect::Changes { since: "2026-01-01T00:00:00.000Z".into() }]);
    answer(&mut rally, Answer::Changes(Ok((vec![person("1", "Ana Changed"), person("7", "New")], vec!["2".into()]))));
    let names: Vec<&str> = rally.load.people.names();
    assert_eq!(names, ["New", "Ana Changed"]);
    let counts = [("changed", Arg::Number(2.0)), ("removed", Arg::Number(1.0))];
    assert_eq!(rally.load.notice, Some(Notice::Info(Said::new("notice.up-to-date", counts))));
}

#[test]
fn typing_keeps_a_draft_per_user_and_an_invalid_form_is_not_sent() {
    let mut s = loaded();
    update(&mut s, Msg::ToggleNewForm);
    assert_eq!(s.focus, Some(Focus::Element(focus::FIRST_FIELD)));
    let fx = type_into(&mut s, "email", "not-an-email");
    let key = "people-panel:draft:rollout:client:ana".to_string();
    let values = NewPerson { email: "not-an-email".into(), ..Default::default() };
    assert_eq!(fx, vec![Effect::SaveDraft { key, values }]);
    assert!(update(&mut s, Msg::Submit).is_empty());
    assert!(!s.form.errors.is_empty());
    assert_eq!(s.focus, Some(Focus::Element(focus::FIRST_INVALID)));
    assert!(!s.form.sending);
}

#[test]
fn a_create_whose_answer_was_lost_but_is_found_on_the_server_is_added_once() {
    let mut s = loaded();
    update(&mut s, Msg::ToggleNewForm);
    type_into(&mut s, "first_name", "Søren");
    let fx = update(&mut s, Msg::Submit);
    let values = NewPerson { first_name: "Søren".into(), ..Default::default() };
    assert_eq!(fx, vec![Effect::Create { values: values.clone() }]);
    assert!(update(&mut s, Msg::Submit).is_empty(), "a double click sends once");
    assert!(s.saving());
    // A 500 after the CRM may have stored it: the people changed since it was sent are read.
    let fx = answer(&mut s, lost(1_000.0));
    assert_eq!(fx, vec![Effect::FindCreated { since: 1_000.0, cursor: Cursor::Start }]);
    assert_eq!(s.form.message, Some(Said::new("form.checking", [])));
    // A page of others (one of them listed before it was sent), then the person on the next.
    let fx = answer(&mut s, Answer::CreateCheck(Ok(page(&["1", "7"], Cursor::Offset(2), 4))));
    assert_eq!(fx, vec![Effect::FindCreated { since: 1_000.0, cursor: Cursor::Offset(2) }], "Person 7 isn't Søren");
    let mut found = page(&["8"], Cursor::End, 4);
    found.people.push(person("9", "Søren"));
    found.raw.push(Json::object());
    let fx = answer(&mut s, Answer::CreateCheck(Ok(found)));
    assert_eq!(fx, stored_by_ana_in_c1(person("9", "Søren")));
    assert!(s.create.is_none() && !s.saving());
    assert_eq!(s.load.people.person(0).id, "9");
    assert_eq!(s.load.people.total, Some(6));
    assert!(!s.form.open && s.form.values.is_empty() && !s.form.sending);
    assert_eq!(s.load.notice, Some(Notice::Info(Said::new("notice.added-confirmed", [("name", Arg::text("Søren"))]))));
    assert_eq!(s.focus, Some(Focus::Row("9".into())));
}

#[test]
fn a_create_that_failed_keeps_what_was_typed_and_says_why() {
    let mut s = loaded();
    update(&mut s, Msg::ToggleNewForm);
    type_into(&mut s, "first_name", "Kenji");
    update(&mut s, Msg::Submit);
    let refused =
        PanelError::Rejected { message: "needs a phone".into(), fields: vec![("phone".into(), "required".into())] };
    assert!(answer(&mut s, Answer::Created { sent_at: 0.0, result: Err(refused) }).is_empty());
    assert_eq!(s.form.values.first_name, "Kenji");
    assert_eq!(s.form.errors[0].field, "phone");
    assert_eq!(s.form.message.as_ref().map(|m| m.id), Some("form.create-refused"));
    assert!(!s.form.sending);
}

#[test]
fn a_create_outlives_a_reload_but_not_a_user_switch() {
    let mut s = loaded();
    type_into(&mut s, "first_name", "Ana");
    update(&mut s, Msg::Submit);
    let sent = ticket(&s);
    update(&mut s, Msg::Reload);
    update(&mut s, Msg::Answer(sent, created(person("9", "Ana"))));
    assert!(!s.saving() && s.form.values.is_empty(), "the form hears of it");
    assert!(s.load.people.is_empty(), "but the new load's list is the CRM's");

    let mut s = loaded();
    type_into(&mut s, "first_name", "Ana");
    update(&mut s, Msg::Submit);
    let sent = ticket(&s);
    update(&mut s, Msg::TokenOf(user("bo")));
    let fx = update(&mut s, Msg::Answer(sent, created(person("9", "Ana"))));
    assert!(fx.is_empty(), "nothing of the previous user's create reaches the next user");
    assert_eq!(s.load.notice, None);
}

#[test]
fn an_edit_is_prefilled_completed_from_the_record_and_saves_only_a_change() {
    let mut s = loaded();
    type_into(&mut s, "first_name", "half-typed new person");
    update(&mut s, Msg::OpenDetails("1".into()));
    assert_eq!(s.focus, Some(Focus::Element(focus::DETAILS)));
    let key = "people-panel:draft:rollout:client:ana:edit:1".to_string();
    assert_eq!(
        update(&mut s, Msg::StartEdit("1".into())),
        vec![Effect::ReadDraft { key: key.clone() }, Effect::Record { id: "1".into() }],
        "the user's unsaved edit of them is read from the browser"
    );
    assert!(answer(&mut s, Answer::Draft { key, draft: None }).is_empty());
    assert_eq!(s.load.selected, None);
    assert!(s.form.open);
    let mut record = person("1", "Person 1");
    record.emails = vec!["p1@x.io".into()];
    answer(&mut s, Answer::Record { id: "1".into(), result: Ok((record, Json::object())) });
    assert_eq!(s.form.values.email, "p1@x.io", "what the list lacked fills in");
    update(&mut s, Msg::Submit);
    assert_eq!(s.form.message, Some(Said::new("form.nothing-changed", [])));
    let fx = type_into(&mut s, "email", "new@x.io");
    assert_eq!(fx.len(), 1);
    assert!(matches!(&fx[0], Effect::SaveDraft { key, .. } if key.ends_with(":edit:1")));
    let fx = update(&mut s, Msg::Submit);
    assert!(matches!(&fx[..], [Effect::Update { id, after, .. }] if id == "1" && after.email == "new@x.io"));
    let mut saved = person("1", "Person 1");
    saved.emails = vec!["new@x.io".into()];
    let fx = answer(&mut s, Answer::Updated { id: "1".into(), result: Ok((saved, Json::object())) });
    assert!(
        matches!(&fx[..], [Effect::ForgetDraft { key }, Effect::Broadcast { change: Change::Edited(..), .. }, Effect::Emit(PanelEvent::PersonUpdated(_))] if key.ends_with(":edit:1"))
    );
    assert_eq!(s.load.people.find("1").unwrap().emails, ["new@x.io"]);
    assert_eq!(s.form.values.first_name, "half-typed new person", "the create form is back");
    assert!(!s.form.open);
    assert_eq!(s.focus, Some(Focus::Row("1".into())));
}

#[test]
fn a_save_pressed_before_the_record_arrives_is_sent_when_it_does() {
    let mut s = loaded();
    update(&mut s, Msg::StartEdit("1".into()));
    type_into(&mut s, "email", "typed@x.io");
    assert!(update(&mut s, Msg::Submit).is_empty(), "nothing can be sent without the record");
    assert!(s.saving(), "the form says it is saving");
    assert_eq!(s.form.message, None);
    let mut record = person("1", "Person 1");
    record.emails = vec!["p1@x.io".into()];
    let fx = answer(&mut s, Answer::Record { id: "1".into(), result: Ok((record, Json::object())) });
    assert!(matches!(&fx[..], [Effect::Update { id, after, .. }] if id == "1" && after.email == "typed@x.io"));
    assert!(s.saving());

    // A record that cannot be read ends the wait with the reason; the values stay.
    let mut s = loaded();
    update(&mut s, Msg::StartEdit("1".into()));
    type_into(&mut s, "email", "typed@x.io");
    update(&mut s, Msg::Submit);
    answer(
        &mut s,
        Answer::Record { id: "1".into(), result: Err(PanelError::Server { status: 503, message: String::new() }) },
    );
    assert!(!s.saving());
    assert_eq!(s.form.values.email, "typed@x.io");
    assert!(s.form.message.is_some());
}

#[test]
fn an_edit_of_someone_deleted_elsewhere_drops_their_row() {
    let mut s = loaded();
    update(&mut s, Msg::StartEdit("2".into()));
    answer(&mut s, Answer::Record { id: "2".into(), result: Err(PanelError::NotFound(String::new())) });
    assert!(s.form.edit.is_none());
    assert_eq!(s.load.people.len(), 1);
    assert_eq!(
        s.load.notice,
        Some(Notice::Info(Said::new("notice.gone-elsewhere", [("name", Arg::text("Person 2"))])))
    );
}

#[test]
fn a_delete_is_confirmed_then_sent_once_and_a_failure_keeps_the_person_with_the_reason() {
    let mut s = loaded();
    update(&mut s, Msg::OpenDetails("1".into()));
    update(&mut s, Msg::AskDelete("1".into()));
    assert_eq!(s.focus, Some(Focus::Element(focus::CANCEL_DELETE)));
    assert_eq!(update(&mut s, Msg::ConfirmDelete), vec![Effect::Delete { id: "1".into() }]);
    assert!(update(&mut s, Msg::ConfirmDelete).is_empty(), "sent once");
    let refused = PanelError::Rejected { message: "open deals".into(), fields: vec![] };
    answer(&mut s, Answer::Deleted { id: "1".into(), result: Err(refused.clone()) });
    assert_eq!(s.load.delete, DeleteState::Failed { id: "1".into(), reason: refused });
    assert_eq!(s.load.people.len(), 2);
    assert_eq!(update(&mut s, Msg::ConfirmDelete), vec![Effect::Delete { id: "1".into() }], "confirming again retries");
    let fx = answer(&mut s, Answer::Deleted { id: "1".into(), result: Err(PanelError::NotFound(String::new())) });
    assert_eq!(
        fx,
        vec![
            Effect::Broadcast { channel: channel_of("ana", "c1"), change: Change::Deleted("1".into()) },
            Effect::Emit(PanelEvent::PersonDeleted("1".into()))
        ]
    );
    assert_eq!(s.load.people.len(), 1);
    assert_eq!(s.load.selected, None);
    assert_eq!(s.focus, Some(Focus::Element(focus::LIST)));
    assert_eq!(
        s.load.notice,
        Some(Notice::Info(Said::new("notice.deleted-elsewhere", [("name", Arg::text("Person 1"))])))
    );
}

#[test]
fn escape_closes_the_innermost_thing_and_focus_goes_back_where_it_came_from() {
    let mut s = loaded();
    update(&mut s, Msg::OpenDetails("1".into()));
    update(&mut s, Msg::AskDelete("1".into()));
    update(&mut s, Msg::Escape);
    assert_eq!(
        (s.load.delete.clone(), s.focus.clone()),
        (DeleteState::Idle, Some(Focus::Element(focus::DELETE_BUTTON)))
    );
    update(&mut s, Msg::Escape);
    assert_eq!((s.load.selected.clone(), s.focus.clone()), (None, Some(Focus::Row("1".into()))));
    update(&mut s, Msg::ToggleNewForm);
    update(&mut s, Msg::Escape);
    assert_eq!((s.form.open, s.focus.clone()), (false, Some(Focus::Element(focus::NEW_BUTTON))));
    assert!(!s.escapable());
}

#[test]
fn a_sign_out_drops_everything_of_the_user_and_a_user_switch_reloads_for_the_next() {
    let mut s = loaded();
    type_into(&mut s, "first_name", "private");
    update(&mut s, Msg::OpenDetails("1".into()));
    assert_eq!(update(&mut s, Msg::SignedOut), vec![Effect::Disconnect]);
    assert_eq!(s.load.phase, Phase::SignedOut);
    assert!(s.load.people.is_empty() && s.form.values.is_empty() && s.load.selected.is_none());
    assert!(s.scope.is_none() && s.create.is_none());

    let mut s = loaded();
    type_into(&mut s, "first_name", "private");
    assert_eq!(update(&mut s, Msg::TokenOf(user("bo"))), vec![forget_lists("ana"), Effect::Connect]);
    assert!(s.load.people.is_empty() && s.form.values.is_empty() && s.scope.is_none());
    // The next user's token: their draft, their credential lookup.
    let theirs = NewPerson { first_name: "bo's".into(), ..Default::default() };
    let fx = token(&mut s, user("bo"), Some(theirs.clone()), None);
    assert_eq!(fx, vec![forget_lists("bo"), Effect::Credentials]);
    assert_eq!(s.form.values, theirs);
    assert!(s.form.open);
}

#[test]
fn a_retry_notice_shows_while_retrying_and_goes_when_it_succeeds() {
    let mut s = loaded();
    let retrying = crate::http::RetryNotice { attempt: 1, reason: PanelError::RateLimited };
    answer(&mut s, Answer::Retrying(Some(retrying.clone())));
    assert_eq!(s.load.notice, Some(Notice::Retrying(retrying)));
    answer(&mut s, Answer::Retrying(None));
    assert_eq!(s.load.notice, None);
}

#[test]
fn the_second_chunk_is_asked_for_once_and_a_click_after_it_failed_asks_again() {
    let mut s = loaded();
    update(&mut s, Msg::Reload);
    token(&mut s, user("ana"), None, None);
    let fx = answer(&mut s, Answer::Page { first: true, result: Ok(page(&["1"], Cursor::End, 1)), now_ms: 0.0 });
    assert!(matches!(&fx[..], [Effect::Listen { .. }]), "the chunk is already here");
    s.later = crate::panel::state::Later::NotLoaded;
    assert_eq!(crate::panel::update::load_later(&mut s), vec![Effect::LoadLater]);
    assert!(update(&mut s, Msg::LoadLater).is_empty(), "on its way");
    update(&mut s, Msg::LaterLoaded(false));
    assert_eq!(update(&mut s, Msg::ToggleNewForm), vec![Effect::LoadLater], "the click asks again");
    assert!(s.form.open, "the form shows as soon as it arrives");
}

#[test]
fn what_another_panel_of_the_user_changed_shows_without_reading_the_list() {
    let mut s = loaded();
    update(&mut s, Msg::OpenDetails("2".into()));
    answer(&mut s, Answer::Remote(Change::Created(Box::new(person("7", "From the other tab")), Json::object())));
    answer(&mut s, Answer::Remote(Change::Edited(Box::new(person("1", "Renamed there")), Json::object())));
    answer(&mut s, Answer::Remote(Change::Edited(Box::new(person("8", "Not loaded here")), Json::object())));
    let names: Vec<&str> = s.load.people.names();
    assert_eq!(names, ["From the other tab", "Renamed there", "Person 2"]);
    assert_eq!(answer(&mut s, Answer::Remote(Change::Deleted("2".into()))), vec![]);
    assert_eq!(s.load.people.len(), 2);
    assert_eq!(s.load.selected, None, "the open details of someone deleted there close");
}

#[test]
fn another_users_token_on_a_new_token_url_carries_nothing_of_the_previous_user_over() {
    let mut s = loaded();
    update(&mut s, Msg::UseCredential(credential("a-crm")));
    type_into(&mut s, "first_name", "private");
    let other = PanelConfig { token_url: "/bo-token".into(), ..config(ProviderKind::Rollout) };
    update(&mut s, Msg::Configured(Ok(other)));
    let fx = token(&mut s, user("bo"), None, None);
    assert_eq!(
        fx,
        vec![forget_lists("ana"), forget_lists("bo"), Effect::Credentials],
        "no SaveCredential of the previous user's pick, and a lookup of bo's"
    );
    assert!(s.chosen.is_none() && s.form.values.is_empty());
    // The same user's next token (another exp) keeps the form.
    type_into(&mut s, "first_name", "bo's");
    update(&mut s, Msg::Reload);
    token(&mut s, user("bo"), None, None);
    assert_eq!(s.form.values.first_name, "bo's");
}

#[test]
fn the_users_order_and_filter_are_told_to_the_host_and_the_hosts_are_not_told_back() {
    use crate::fields::Field;
    use crate::model::{Arrangement, Facet, Sort, SortKey};
    let (stage, tag) = (Facet::of(Field::Stage).unwrap(), Facet::of(Field::Tags).unwrap());
    let mut s = loaded();
    let by_name = Sort { key: SortKey::Name, descending: false };
    let told = |sort: &str, filter: &str| {
        vec![Effect::Emit(PanelEvent::ViewChanged(Arrangement::parse(Some(sort), Some(filter)).unwrap()))]
    };
    assert_eq!(update(&mut s, Msg::SortBy(Some(by_name))), told("name", ""));
    assert!(update(&mut s, Msg::SortBy(Some(by_name))).is_empty(), "no change, no event");
    assert!(!s.narrowed(), "an order shows everyone loaded");
    assert_eq!(update(&mut s, Msg::ToggleFilter(stage, "Lead".into())), told("name", "stage:Lead"));
    assert!(s.narrowed());
    assert_eq!(update(&mut s, Msg::ToggleFilter(tag, "vip".into())), told("name", "stage:Lead,tag:vip"));
    assert_eq!(update(&mut s, Msg::ToggleFilter(stage, "Lead".into())), told("name", "tag:vip"));
    assert_eq!(update(&mut s, Msg::ClearFilter), told("name", ""));
    assert!(update(&mut s, Msg::ClearFilter).is_empty());
    update(&mut s, Msg::Search("  ".into()));
    assert!(!s.narrowed(), "a blank search narrows nothing");
    let hosts = Arrangement::parse(Some("-updated"), Some("stage:VIP")).unwrap();
    assert!(update(&mut s, Msg::Arranged(hosts.clone())).is_empty(), "the host is not told what it set");
    assert_eq!(s.arrangement, hosts);

    // Another user: their people, in the order and filter the host's attributes still say.
    update(&mut s, Msg::TokenOf(user("bo")));
    assert!(s.load.people.is_empty());
    assert_eq!(s.arrangement, hosts);
}
