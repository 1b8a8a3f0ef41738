//! The scope an answer belongs to, and a create's life as states: what a hurried user finds when
//! they do not wait (switch CRM, refresh, edit, sign out while a save is on its way).
use super::*;
use crate::panel::state::CreateStep;

/// `loaded()` with a create of "Noor" on its way.
fn creating() -> State {
    let mut s = loaded();
    update(&mut s, Msg::ToggleNewForm);
    type_into(&mut s, "first_name", "Noor");
    let values = NewPerson { first_name: "Noor".into(), ..Default::default() };
    assert_eq!(update(&mut s, Msg::Submit), vec![Effect::Create { values }]);
    s
}

#[test]
fn a_create_answered_after_a_switch_to_another_crm_stays_that_crms() {
    let mut s = creating();
    let sent = ticket(&s);
    // The host switches the panel to the user's other CRM while the save is on its way.
    update(&mut s, Msg::UseCredential(credential("c2")));
    assert_eq!(s.credential_id(), Some("c2"), "the scope names the CRM shown, at once");
    let fx = update(&mut s, Msg::Answer(sent, created(person("9", "Noor"))));
    assert_eq!(fx, stored_by_ana_in_c1(person("9", "Noor")), "told on the channel of the CRM it was stored in");
    assert_eq!(s.person("9"), None, "never shown in the other CRM's list");
    assert_eq!(s.load.notice, Some(Notice::Info(Said::new("notice.added-elsewhere", [("name", Arg::text("Noor"))]))));
    // c2's first page arrives: it is c2's alone.
    token(&mut s, user("ana"), None, None);
    answer(&mut s, Answer::Page { first: true, result: Ok(page(&["20"], Cursor::End, 1)), now_ms: 0.0 });
    assert_eq!(s.load.people.ids().collect::<Vec<_>>(), ["20"]);
}

#[test]
fn a_lost_create_found_after_a_crm_switch_is_not_checked_in_the_new_crm() {
    let mut s = creating();
    update(&mut s, Msg::UseCredential(credential("c2")));
    assert!(answer(&mut s, lost(1_000.0)).is_empty(), "no check of c1's create through c2");
    assert_eq!(s.form.message.as_ref().map(|m| m.id), Some("form.create-unconfirmed"));
}

#[test]
fn a_refresh_while_a_lost_create_is_checked_keeps_looking_and_never_says_signed_out() {
    let mut s = creating();
    answer(&mut s, lost(1_000.0));
    let checking = ticket(&s);
    let fx = update(&mut s, Msg::Refresh);
    assert_eq!(fx, vec![Effect::RenewToken, Effect::Connect]);
    // The check's page was dropped with the old session: it is read again on the new one.
    let fx = update(&mut s, Msg::Answer(checking, Answer::CreateCheck(Err(PanelError::Dropped))));
    assert_eq!(fx, vec![Effect::FindCreated { since: 1_000.0, cursor: Cursor::Start }]);
    assert_eq!(s.form.message, Some(Said::new("form.checking", [])));
    let fx = answer(&mut s, Answer::CreateCheck(Ok(page(&["9"], Cursor::End, 3))));
    assert_eq!(
        fx,
        vec![Effect::Create { values: s.create.as_ref().unwrap().values.clone() }],
        "not stored: sent again"
    );
    assert_eq!(s.create.as_ref().map(|c| c.sends), Some(2));
    answer(&mut s, created(person("10", "Noor")));
    assert_eq!(s.load.notice, Some(Notice::Info(Said::new("notice.added-resent", [("name", Arg::text("Noor"))]))));
}

#[test]
fn a_create_dropped_before_it_was_sent_is_sent_on_the_next_session() {
    let mut s = creating();
    let sent = ticket(&s);
    update(&mut s, Msg::Reload);
    let fx = update(&mut s, Msg::Answer(sent, Answer::Created { sent_at: 0.0, result: Err(PanelError::Dropped) }));
    assert!(matches!(&fx[..], [Effect::Create { .. }]), "{fx:?}");
    assert_ne!(s.form.message.as_ref().map(|m| m.id), Some("form.create-failed"));
}

#[test]
fn a_create_that_could_not_be_confirmed_is_looked_for_again_before_anything_is_sent() {
    let mut s = creating();
    answer(&mut s, lost(1_000.0));
    let fx = answer(&mut s, Answer::CreateCheck(Err(PanelError::Network("network.no-answer"))));
    assert!(fx.is_empty());
    let said = s.form.message.clone().expect("said plainly");
    assert_eq!(said.id, "form.create-unconfirmed");
    assert_eq!(said.args[1], ("reason", Arg::Id("network.no-answer")), "a message id: said in the panel's language");
    assert!(!s.saving() && s.form.values.first_name == "Noor", "what was typed stays");
    // "Save" again: the CRM is looked at first, nothing is sent.
    assert_eq!(update(&mut s, Msg::Submit), vec![Effect::FindCreated { since: 1_000.0, cursor: Cursor::Start }]);
    let mut found = page(&[], Cursor::End, 3);
    found.people.push(person("9", "Noor"));
    found.raw.push(Json::object());
    answer(&mut s, Answer::CreateCheck(Ok(found)));
    assert_eq!(s.person("9").map(|p| p.name), Some("Noor".to_string()));
    assert!(s.create.is_none() && s.form.values.is_empty());
}

#[test]
fn a_check_gives_up_after_three_sends_and_says_so() {
    let mut s = creating();
    for sends in 1..=3 {
        assert_eq!(s.create.as_ref().map(|c| c.sends), Some(sends));
        answer(&mut s, lost(1_000.0));
        answer(&mut s, Answer::CreateCheck(Ok(page(&[], Cursor::End, 2))));
    }
    let said = s.form.message.clone().expect("said");
    assert_eq!((said.id, &said.args[1].1), ("form.create-unconfirmed", &Arg::Id("network.unreliable")));
    assert!(matches!(s.create.as_ref().map(|c| &c.step), Some(CreateStep::Unconfirmed { .. })));
}

#[test]
fn an_edit_opened_while_a_create_is_sending_cannot_send_it_twice() {
    let mut s = creating();
    update(&mut s, Msg::OpenDetails("1".into()));
    update(&mut s, Msg::StartEdit("1".into()));
    update(&mut s, Msg::CloseForm);
    update(&mut s, Msg::ToggleNewForm);
    assert_eq!(s.form.values.first_name, "Noor", "the create's values are back");
    assert!(s.saving(), "and still on their way");
    assert!(update(&mut s, Msg::Submit).is_empty(), "no second create");
    answer(&mut s, created(person("9", "Noor")));
    assert!(s.form.values.is_empty() && !s.form.open);
}

#[test]
fn an_edits_answer_after_another_edit_opened_leaves_the_open_one_alone() {
    let mut s = loaded();
    update(&mut s, Msg::StartEdit("1".into()));
    answer(&mut s, Answer::Record { id: "1".into(), result: Ok((person("1", "Person 1"), Json::object())) });
    type_into(&mut s, "first_name", "Renamed");
    assert!(matches!(&update(&mut s, Msg::Submit)[..], [Effect::Update { .. }]));
    update(&mut s, Msg::CloseForm);
    update(&mut s, Msg::StartEdit("2".into()));
    type_into(&mut s, "first_name", "Typing on 2");
    let fx = answer(&mut s, Answer::Updated { id: "1".into(), result: Ok((person("1", "Renamed"), Json::object())) });
    assert!(matches!(&fx[..], [Effect::ForgetDraft { key }, ..] if key.ends_with(":edit:1")), "{fx:?}");
    assert_eq!(s.editing(), Some("2"), "the open edit stays");
    assert_eq!(s.form.values.first_name, "Typing on 2");
    assert_eq!(s.person("1").map(|p| p.name), Some("Renamed".to_string()));
    let failed = Answer::Updated { id: "1".into(), result: Err(PanelError::Network("network.no-answer")) };
    answer(&mut s, failed);
    assert_eq!(s.form.message, None, "another edit's failure is not said on this one");
}

#[test]
fn a_create_answered_for_a_user_who_signed_out_shows_nothing() {
    let mut s = creating();
    let sent = ticket(&s);
    update(&mut s, Msg::SignedOut);
    assert!(update(&mut s, Msg::Answer(sent, created(person("9", "Noor")))).is_empty());
    assert!(s.load.people.is_empty() && s.load.notice.is_none());
}

#[test]
fn the_small_messages_do_what_they_say() {
    let mut s = loaded();
    assert!(update(&mut s, Msg::Search("person 2".into())).is_empty());
    assert_eq!(s.query, "person 2");
    update(&mut s, Msg::OpenDetails("2".into()));
    assert!(update(&mut s, Msg::CloseDetails).is_empty());
    assert_eq!((s.load.selected.clone(), s.focus.clone()), (None, Some(Focus::Row("2".into()))), "back to its row");
    assert!(update(&mut s, Msg::FocusTaken).is_empty());
    assert_eq!(s.focus, None);
    update(&mut s, Msg::ToggleNewForm);
    assert!(update(&mut s, Msg::CloseForm).is_empty());
    assert_eq!((s.form.open, s.focus.clone()), (false, Some(Focus::Element(focus::NEW_BUTTON))));
    update(&mut s, Msg::OpenDetails("2".into()));
    update(&mut s, Msg::AskDelete("2".into()));
    assert!(update(&mut s, Msg::CancelDelete).is_empty());
    assert_eq!(s.load.delete, DeleteState::Idle);
    answer(&mut s, Answer::Retrying(Some(crate::http::RetryNotice { attempt: 1, reason: PanelError::RateLimited })));
    assert!(s.load.notice.is_some());
    assert!(update(&mut s, Msg::DismissNotice).is_empty());
    assert_eq!(s.load.notice, None);
}

#[test]
fn what_the_browser_keeps_is_read_through_effects_and_an_edits_draft_shows_only_on_its_edit() {
    let mut s = State::default();
    update(&mut s, Msg::Configured(Ok(config(ProviderKind::Rollout))));
    let fx = answer(&mut s, Answer::Token(Ok(user("ana"))));
    let draft = "people-panel:draft:rollout:client:ana".to_string();
    assert_eq!(fx, vec![forget_lists("ana"), Effect::ReadSaved { user: user("ana"), draft }]);
    let kept = NewPerson { first_name: "Half".into(), ..Default::default() };
    let fx = answer(&mut s, Answer::Saved { draft: Some(kept.clone()), credential: Some(credential("c7")) });
    assert_eq!(fx, vec![FIRST], "the saved credential: no credentials request");
    assert!(s.form.open && s.form.values == kept && s.credential_saved);

    let mut s = loaded();
    let edit = NewPerson { first_name: "Edited".into(), ..Default::default() };
    update(&mut s, Msg::StartEdit("1".into()));
    let (one, two) = ("people-panel:draft:rollout:client:ana:edit:1", "people-panel:draft:rollout:client:ana:edit:2");
    answer(&mut s, Answer::Draft { key: two.into(), draft: Some(edit.clone()) });
    assert_eq!(s.form.values.first_name, "Person 1", "another person's draft is not this edit's");
    answer(&mut s, Answer::Draft { key: one.into(), draft: Some(edit.clone()) });
    assert_eq!(s.form.values, edit);
}

#[test]
fn a_token_of_the_same_user_changes_nothing_and_anothers_drops_everything_of_the_first() {
    let mut s = creating();
    assert!(update(&mut s, Msg::TokenOf(user("ana"))).is_empty(), "a renewed token of ana");
    assert!(s.saving() && s.load.people.len() == 2);
    assert_eq!(update(&mut s, Msg::TokenOf(user("bo"))), vec![forget_lists("ana"), Effect::Connect]);
    assert!(s.scope.is_none() && s.create.is_none() && s.form.values.is_empty() && s.load.people.is_empty());
}
