//! What each effect asks the CRM, once: a session's client and configuration, and one method per
//! kind of request (with the create's reconciliation when its answer was lost). The runner calls
//! these; their results come back to `update` as answers.
use std::collections::HashSet;
use std::rc::Rc;

use crate::config::{PanelConfig, MAX_PAGE_SIZE};
use crate::error::PanelError;
use crate::http::Client;
use crate::json::Json;
use crate::model::{Cursor, NewPerson, Page, Person};
use crate::provider::rollout::{parse_credentials, Credential};
use crate::provider::ApiRequest;

use super::form::unknown_outcome;
use super::msg::{Answer, Effect, Saved};

/// Sends of one create at most, each after checking that the previous one didn't arrive.
const CREATE_ATTEMPTS: usize = 3;

/// Pages checked for a create whose outcome is unknown (10,000 people at 100 a page).
const RECONCILE_PAGES: usize = 100;

/// The client and configuration of one load.
pub struct Session {
    pub client: Client,
    pub config: PanelConfig,
}

/// The requests of the second chunk (later.rs), each as its answer.
pub async fn later(
    session: Rc<Session>,
    effect: Effect,
    credential: Option<String>,
    checking: Rc<dyn Fn()>,
) -> Option<Answer> {
    let credential = credential.as_deref();
    Some(match effect {
        Effect::Create { values, known } => {
            let known = known.into_iter().collect();
            Answer::Created(session.create(&values, &known, credential, || checking()).await)
        }
        Effect::Record { id } => {
            let result = session.record(&id, credential).await;
            Answer::Record { id, result }
        }
        Effect::Update { id, original, before, after } => {
            let result = session.update(&id, (&original, &before, &after), credential).await;
            Answer::Updated { id, result }
        }
        Effect::Delete { id } => {
            let result = session.delete(&id, credential).await;
            Answer::Deleted { id, result }
        }
        _ => return None,
    })
}

impl Session {
    pub async fn credentials(&self) -> Result<Vec<Credential>, PanelError> {
        let body = self.client.send(&ApiRequest::get(self.config.credentials_url.clone()), None).await?;
        parse_credentials(&body)
    }

    pub async fn page(&self, cursor: &Cursor, credential: Option<&str>) -> Result<Page, PanelError> {
        let (crm, size) = (&self.client.crm, self.config.page_size);
        let body = self.client.send(&crm.list(cursor, size), credential).await?;
        crm.parse_list(&body, cursor, size)
    }

    /// Rally's people changed since `since` (every page of them) and the ids deleted since.
    pub async fn changes(
        &self,
        since: &str,
        credential: Option<&str>,
    ) -> Result<(Vec<Person>, Vec<String>), PanelError> {
        let crm = &self.client.crm;
        let Some(incremental) = crm.incremental() else { return Err(PanelError::Malformed("no change feed".into())) };
        let mut cursor = Cursor::Start;
        let mut changed = Vec::new();
        loop {
            let body = self.client.send(&incremental.changed(&cursor, MAX_PAGE_SIZE, since), credential).await?;
            let page = crm.parse_list(&body, &cursor, MAX_PAGE_SIZE)?;
            changed.extend(page.people);
            if page.next == Cursor::End {
                break;
            }
            cursor = page.next;
        }
        let body = self.client.send(&incremental.deleted(since), credential).await?;
        Ok((changed, incremental.parse_deleted(&body)?))
    }

    /// Sends a create. When its outcome is unknown (the connection dropped, or a 5xx after
    /// sending), `checking()` is told, and the CRM is searched for the person first: sent again only
    /// if it isn't there, so a person is never created twice, nor silently lost.
    pub async fn create(
        &self,
        values: &NewPerson,
        known: &HashSet<String>,
        credential: Option<&str>,
        checking: impl Fn(),
    ) -> Result<(Person, Json, Saved), PanelError> {
        let crm = &self.client.crm;
        let mut how = Saved::Directly;
        for _ in 0..CREATE_ATTEMPTS {
            // In the server's clock: it is what Rally's `updatedSince` is compared with.
            let sent_at = self.client.server_now().await?;
            match self.client.send(&crm.create(values), credential).await {
                Ok(body) => return crm.parse_person(&body).map(|(p, raw)| (p, raw, how)),
                Err(e) if !unknown_outcome(&e) => return Err(e),
                Err(_) => {}
            }
            checking();
            // Once found, what was found is the answer: nothing after this may fail into a resend.
            if let Some((person, raw)) = self.find_created(values, sent_at, known, credential).await? {
                return Ok((person, raw, Saved::Confirmed));
            }
            how = Saved::Resent;
        }
        Err(PanelError::Network("the CRM could not be reached reliably".into()))
    }

    /// A person matching `values` that wasn't in the list before, if the CRM has one, with the
    /// API's JSON for it.
    async fn find_created(
        &self,
        values: &NewPerson,
        sent_at: f64,
        known: &HashSet<String>,
        credential: Option<&str>,
    ) -> Result<Option<(Person, Json)>, PanelError> {
        let crm = &self.client.crm;
        let mut cursor = Cursor::Start;
        for _ in 0..RECONCILE_PAGES {
            let body = self.client.send(&crm.recent(&cursor, MAX_PAGE_SIZE, sent_at), credential).await?;
            let mut page = crm.parse_list(&body, &cursor, MAX_PAGE_SIZE)?;
            if let Some(at) = page.people.iter().position(|p| !known.contains(&p.id) && values.matches(p)) {
                return Ok(Some((page.people.swap_remove(at), page.raw.swap_remove(at))));
            }
            if page.next == Cursor::End {
                return Ok(None);
            }
            cursor = page.next;
        }
        Err(PanelError::Network("the CRM's list is too long to check quickly".into()))
    }

    pub async fn record(&self, id: &str, credential: Option<&str>) -> Result<(Person, Json), PanelError> {
        let body = self.client.send(&self.client.crm.get(id), credential).await?;
        self.client.crm.parse_person(&body)
    }

    pub async fn update(
        &self,
        id: &str,
        (original, before, after): (&Json, &NewPerson, &NewPerson),
        credential: Option<&str>,
    ) -> Result<(Person, Json), PanelError> {
        let body = self.client.send(&self.client.crm.update(id, original, before, after), credential).await?;
        self.client.crm.parse_person(&body)
    }

    pub async fn delete(&self, id: &str, credential: Option<&str>) -> Result<(), PanelError> {
        self.client.send(&self.client.crm.delete(id), credential).await.map(drop)
    }
}
