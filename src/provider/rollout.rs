//! Rollout's Universal CRM API: `GET /people` (cursor paging, `_metadata` envelope), `POST /people`.
use super::plan::ROLLOUT;
use super::record::{self, apply_changes, create_body};
use super::{next_by_offset, offset_of, parse_json, with_query, ApiRequest, Crm};
use crate::error::PanelError;
use crate::json::Json;
use crate::model::{Cursor, FormRules, NewPerson, Page, Person};

/// A first or a last name; no e-mail required; a company name.
pub const FORM_RULES: FormRules = FormRules { both_names: false, email_required: false, sends: |input| input.rollout };

pub struct Rollout {
    pub base: String,
}

impl Rollout {
    fn person_url(&self, id: &str) -> String {
        format!("{}/people/{}", self.base, super::encode_component(id))
    }
}

impl Crm for Rollout {
    fn needs_credential(&self) -> bool {
        ROLLOUT.needs_credential
    }

    /// About 50 requests/second per tenant.
    fn rate_limit(&self) -> (usize, f64) {
        (50, 1000.0)
    }

    fn form_rules(&self) -> FormRules {
        FORM_RULES
    }

    fn list(&self, cursor: &Cursor, page_size: u32) -> ApiRequest {
        // The first page as plan.rs describes it (js/early.js may have asked for it), then the cursor.
        let mut query = ROLLOUT.first_page_query(page_size);
        match cursor {
            Cursor::Token(next) => query.push(("next", next.clone())),
            Cursor::Offset(n) => query.push(("offset", n.to_string())),
            Cursor::Start | Cursor::End => {}
        }
        ApiRequest::get(with_query(format!("{}{}", self.base, ROLLOUT.path), &query))
    }

    fn parse_list(&self, body: &str, cursor: &Cursor, page_size: u32) -> Result<Page, PanelError> {
        let json = parse_json(body)?;
        let items = json
            .get("people")
            .items()
            .ok_or_else(|| PanelError::Malformed("the list has no \"people\" array".into()))?;
        let meta = json.get("_metadata");
        let count = items.len();
        let (people, raw): (Vec<Person>, Vec<Json>) =
            items.into_iter().filter_map(|item| Some((person_from(&item)?, item))).unzip();
        let total = meta.count("total");
        let next = match meta.text("next") {
            Some(next) => Cursor::Token(next),
            None => {
                let start = meta.count("offset").map_or(offset_of(cursor), |o| o as usize);
                next_by_offset(start, count, page_size, total)
            }
        };
        Ok(Page { people, raw, next, total })
    }

    fn create(&self, p: &NewPerson) -> ApiRequest {
        ApiRequest::post(format!("{}/people", self.base), &create_body(p, FORM_RULES.sends))
    }

    fn get(&self, id: &str) -> ApiRequest {
        ApiRequest::get(self.person_url(id))
    }

    /// Full or partial replace is undocumented, so the whole record goes back: the person as `get`
    /// returned it (less what the server owns), with the changed fields applied.
    fn update(&self, id: &str, original: &Json, before: &NewPerson, after: &NewPerson) -> ApiRequest {
        let mut body = original.clone();
        for server_owned in ["id", "name", "created", "updated", "rolloutUpdated"] {
            body.remove(server_owned);
        }
        apply_changes(&mut body, original, before, after, FORM_RULES.sends);
        ApiRequest::put(self.person_url(id), &body)
    }

    fn delete(&self, id: &str) -> ApiRequest {
        ApiRequest::delete(self.person_url(id))
    }

    fn parse_person(&self, body: &str) -> Result<(Person, Json), PanelError> {
        let json = parse_json(body)?;
        let person = person_from(&json).ok_or_else(|| PanelError::Malformed("the created person has no id".into()))?;
        Ok((person, json))
    }
}

fn person_from(v: &Json) -> Option<Person> {
    record::person_from(v, "name", |spec| spec.rollout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rollout() -> Rollout {
        Rollout { base: "https://crm.example/api".into() }
    }

    #[test]
    fn list_requests_use_the_cursor_then_offset() {
        let r = rollout();
        assert_eq!(r.list(&Cursor::Start, 50).url, "https://crm.example/api/people?limit=50");
        assert_eq!(
            r.list(&Cursor::Token("a+b/=".into()), 50).url,
            "https://crm.example/api/people?limit=50&next=a%2Bb%2F%3D"
        );
        assert_eq!(r.list(&Cursor::Offset(100), 50).url, "https://crm.example/api/people?limit=50&offset=100");
    }

    #[test]
    fn parses_a_page_tolerating_missing_and_null_fields() {
        let body = r#"{"_metadata":{"collection":"people","offset":0,"limit":2,"total":3,"next":"abc"},
          "people":[{"id":"1","firstName":"Ana","lastName":null,"emails":[{"value":"w@x.io","isPrimary":false},{"value":"p@x.io","isPrimary":true}],"phones":null,"tags":["vip",3]},
                    {"id":2,"emails":["only@x.io"]},
                    {"name":"no id is skipped"}]}"#;
        let page = rollout().parse_list(body, &Cursor::Start, 2).unwrap();
        assert_eq!(page.next, Cursor::Token("abc".into()));
        assert_eq!(page.total, Some(3));
        assert_eq!(page.people.len(), 2);
        assert_eq!((page.people[0].name.as_str(), page.people[0].primary_email()), ("Ana", Some("p@x.io")));
        assert_eq!(page.people[0].tags, ["vip".into()]);
        assert_eq!((page.people[1].id.as_str(), page.people[1].name.as_str()), ("2", "only@x.io"));
    }

    #[test]
    fn without_a_cursor_paging_falls_back_to_offsets() {
        let body = r#"{"_metadata":{"offset":50},"people":[{"id":"a"},{"id":"b"}]}"#;
        assert_eq!(rollout().parse_list(body, &Cursor::Offset(50), 2).unwrap().next, Cursor::Offset(52));
        assert_eq!(
            rollout().parse_list(body, &Cursor::Offset(50), 3).unwrap().next,
            Cursor::End,
            "a short page is the last"
        );
        let totalled = r#"{"_metadata":{"offset":0,"total":2},"people":[{"id":"a"},{"id":"b"}]}"#;
        assert_eq!(rollout().parse_list(totalled, &Cursor::Start, 2).unwrap().next, Cursor::End);
    }

    #[test]
    fn broken_answers_are_errors_not_panics() {
        assert!(matches!(rollout().parse_list("<html>", &Cursor::Start, 5), Err(PanelError::Malformed(_))));
        assert!(
            matches!(rollout().parse_list(r#"{"data":[]}"#, &Cursor::Start, 5), Err(PanelError::Malformed(m)) if m.contains("people"))
        );
        assert!(rollout().parse_person(r#"{"name":"x"}"#).is_err());
    }

    #[test]
    fn an_update_sends_the_whole_record_back_with_only_the_changes() {
        let original = Json::parse(r#"{"id":"p1","name":"Ana Silva","firstName":"Ana","lastName":"Silva","source":"Zillow","created":"x",
            "emails":[{"value":"old@x.io","type":"work","isPrimary":true},{"value":"home@x.io","type":"home"}],"customFields":{"a":1}}"#).unwrap();
        let before = NewPerson {
            first_name: "Ana".into(),
            last_name: "Silva".into(),
            email: "old@x.io".into(),
            ..Default::default()
        };
        let after = NewPerson { email: "new@x.io".into(), last_name: "Silva-Lopes".into(), ..before.clone() };
        let request = rollout().update("p1", &original, &before, &after);
        assert_eq!(
            (request.method, request.url.as_str()),
            (crate::provider::Method::Put, "https://crm.example/api/people/p1")
        );
        let body = Json::parse(request.body.as_deref().unwrap()).unwrap();
        let expected = r#"{"firstName":"Ana","lastName":"Silva-Lopes","source":"Zillow","customFields":{"a":1},
            "emails":[{"value":"new@x.io","type":"work","isPrimary":true},{"value":"home@x.io","type":"home"}]}"#;
        assert_eq!(body, Json::parse(expected).unwrap(), "fields the form doesn't show are sent as they were");
    }

    #[test]
    fn delete_names_the_person_in_the_path() {
        let r = rollout().delete("p/1");
        assert_eq!(
            (r.method, r.url.as_str(), r.body),
            (crate::provider::Method::Delete, "https://crm.example/api/people/p%2F1", None)
        );
    }

    #[test]
    fn create_sends_only_what_was_typed() {
        let p = NewPerson {
            first_name: " Ana ".into(),
            email: "ana@x.io".into(),
            tags: "vip, buyer".into(),
            ..Default::default()
        };
        let body = Json::parse(rollout().create(&p).body.as_deref().unwrap()).unwrap();
        assert_eq!(body, Json::parse(r#"{ "firstName": "Ana", "emails": [{ "value": "ana@x.io", "type": "work", "isPrimary": true }], "tags": ["vip", "buyer"] }"#).unwrap());
    }
}

/// One of the user's connected CRMs, from Rollout's platform API or Rollout Link's callback.
#[derive(Clone, Debug, PartialEq)]
pub struct Credential {
    pub id: String,
    pub app_key: String,
    pub label: Option<String>,
}

impl Credential {
    /// `{ id, appKey, label? }`, as the credentials API, Rollout Link and saved credentials have it.
    pub fn from_json(c: &Json) -> Option<Credential> {
        Some(Credential { id: c.text("id")?, app_key: c.text("appKey").unwrap_or_default(), label: c.text("label") })
    }

    pub fn to_json(&self) -> Json {
        let mut json = Json::object_of([("id", Json::string(&self.id)), ("appKey", Json::string(&self.app_key))]);
        if let Some(label) = &self.label {
            json.set("label", Json::string(label));
        }
        json
    }
}

/// `GET credentials-url` → a bare array `[{ id, appKey, label? }]`.
pub fn parse_credentials(body: &str) -> Result<Vec<Credential>, PanelError> {
    let json = parse_json(body)?;
    let items = json.items().ok_or_else(|| PanelError::Malformed("the credentials list is not an array".into()))?;
    Ok(items.iter().filter_map(Credential::from_json).collect())
}

#[cfg(test)]
mod credential_tests {
    use super::*;

    #[test]
    fn reads_the_credentials_array() {
        let list = parse_credentials(
            r#"[{"id":"c1","createdAt":"2026-01-01","appKey":"hubspot","label":"Bob's"},{"appKey":"no-id"}]"#,
        )
        .unwrap();
        assert_eq!(list, [Credential { id: "c1".into(), app_key: "hubspot".into(), label: Some("Bob's".into()) }]);
        assert!(parse_credentials(r#"{"credentials":[]}"#).is_err());
    }
}
