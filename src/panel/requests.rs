//! What each effect asks the CRM, once: a session's client and configuration, and one method per
//! kind of request. The runner calls these; their results come back to `update` as answers (a lost
//! create's check is states of `update`: create.rs).
use std::rc::Rc;

use crate::config::{PanelConfig, MAX_PAGE_SIZE};
use crate::error::PanelError;
use crate::http::Client;
use crate::json::Json;
use crate::model::{Cursor, NewPerson, Page, Person};
use crate::provider::rollout::{parse_credentials, Credential};
use crate::provider::ApiRequest;

use super::msg::{Answer, Effect};

/// The client and configuration of one load.
pub struct Session {
    pub client: Client,
    pub config: PanelConfig,
}

/// The requests of the second chunk (later.rs), each as its answer.
pub async fn later(session: Rc<Session>, effect: Effect, credential: Option<String>) -> Option<Answer> {
    let credential = credential.as_deref();
    Some(match effect {
        Effect::Create { values } => {
            // In the server's clock: it is what Rally's `updatedSince` is compared with.
            let sent_at = match session.client.server_now().await {
                Ok(at) => at,
                Err(error) => return Some(Answer::Created { sent_at: 0.0, result: Err(error) }),
            };
            let result = session.create(&values, credential).await;
            Answer::Created { sent_at, result }
        }
        Effect::FindCreated { since, cursor } => Answer::CreateCheck(session.recent(&cursor, since, credential).await),
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

    /// Sends a create once (a 429 is waited out; after anything that may have been applied, the
    /// answer says so and `update` decides).
    pub async fn create(&self, values: &NewPerson, credential: Option<&str>) -> Result<(Person, Json), PanelError> {
        let body = self.client.send(&self.client.crm.create(values), credential).await?;
        self.client.crm.parse_person(&body)
    }

    /// A page of the people changed since `since` (the server's clock, ms): where a create whose
    /// answer was lost shows if it was stored.
    pub async fn recent(&self, cursor: &Cursor, since: f64, credential: Option<&str>) -> Result<Page, PanelError> {
        let crm = &self.client.crm;
        let body = self.client.send(&crm.recent(cursor, MAX_PAGE_SIZE, since), credential).await?;
        crm.parse_list(&body, cursor, MAX_PAGE_SIZE)
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
