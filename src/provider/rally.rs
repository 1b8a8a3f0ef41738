//! Rally CRM's REST API: `GET /contacts` (offset paging, at most 100, `fields` for just what the view
//! shows), `POST /contacts` with the required `firstName`, `lastName`, `email`.
use super::record::{self, apply_changes, create_body};
use super::{next_by_offset, offset_of, parse_json, with_query, ApiRequest, Crm, Incremental};
use crate::config::MAX_PAGE_SIZE;
use crate::error::PanelError;
use crate::json::Json;
use crate::model::{Cursor, FormRules, NewPerson, Page, Person};

use super::plan::RALLY;

/// Both names and an e-mail; no company field (Rally stores a company id, not a name).
pub const FORM_RULES: FormRules = FormRules { both_names: true, email_required: true, sends: |input| input.rally };

pub struct Rally {
    pub base: String,
}

impl Rally {
    fn contact_url(&self, id: &str) -> String {
        format!("{}/contacts/{}", self.base, super::encode_component(id))
    }
}

impl Crm for Rally {
    fn needs_credential(&self) -> bool {
        RALLY.needs_credential
    }

    /// 1,000 requests/minute per tenant (and `X-RateLimit-*`, which `http` also honours).
    fn rate_limit(&self) -> (usize, f64) {
        (1000, 60_000.0)
    }

    fn form_rules(&self) -> FormRules {
        FORM_RULES
    }

    fn list(&self, cursor: &Cursor, page_size: u32) -> ApiRequest {
        // The first page as plan.rs describes it (js/early.js may have asked for it), at `cursor`'s offset.
        let mut query = RALLY.first_page_query(page_size);
        query.iter_mut().filter(|(name, _)| *name == "offset").for_each(|(_, at)| *at = offset_of(cursor).to_string());
        ApiRequest::get(with_query(format!("{}{}", self.base, RALLY.path), &query))
    }

    /// The envelope is undocumented: a bare array, or an object holding `data`, `items` or `contacts`.
    fn parse_list(&self, body: &str, cursor: &Cursor, page_size: u32) -> Result<Page, PanelError> {
        let json = parse_json(body)?;
        let items = match json.items() {
            Some(items) => items,
            None if json.is_object() => ["data", "items", "contacts"]
                .iter()
                .find_map(|k| json.get(k).items())
                .ok_or_else(|| PanelError::Malformed("the list holds no contacts array".into()))?,
            None => return Err(PanelError::Malformed("the list is neither an array nor an object".into())),
        };
        let total = json.count("total");
        let next = next_by_offset(offset_of(cursor), items.len(), page_size.min(MAX_PAGE_SIZE), total);
        let (people, raw) = items.into_iter().filter_map(|item| Some((contact_from(&item)?, item))).unzip();
        Ok(Page { people, raw, next, total })
    }

    /// Only contacts changed since then, with two minutes of slack for clock skew.
    fn recent(&self, cursor: &Cursor, page_size: u32, since_ms: f64) -> ApiRequest {
        self.changed(cursor, page_size, &js_iso(since_ms - 120_000.0))
    }

    fn incremental(&self) -> Option<&dyn Incremental> {
        Some(self)
    }

    fn create(&self, p: &NewPerson) -> ApiRequest {
        ApiRequest::post(format!("{}/contacts", self.base), &create_body(p, FORM_RULES.sends))
    }

    fn get(&self, id: &str) -> ApiRequest {
        ApiRequest::get(with_query(self.contact_url(id), &[("fields", RALLY.view_fields())]))
    }

    /// Rally merges what it is sent: only the changed fields go.
    fn update(&self, id: &str, _original: &Json, before: &NewPerson, after: &NewPerson) -> ApiRequest {
        let mut body = Json::object();
        apply_changes(&mut body, &Json::null(), before, after, FORM_RULES.sends);
        ApiRequest::put(self.contact_url(id), &body)
    }

    fn delete(&self, id: &str) -> ApiRequest {
        ApiRequest::delete(self.contact_url(id))
    }

    /// Rally's 403 is "insufficient scope": the user's role may not do this (a read-only user
    /// writing). Not Rollout's "reconnect your CRM": the connection is fine and the list still works.
    fn error_for(&self, status: u16, body: &str) -> PanelError {
        match PanelError::from_response(status, body) {
            PanelError::Forbidden(words) => PanelError::NotPermitted(words),
            other => other,
        }
    }

    fn parse_person(&self, body: &str) -> Result<(Person, Json), PanelError> {
        let json = parse_json(body)?;
        let person =
            contact_from(&json).ok_or_else(|| PanelError::Malformed("the created contact has no id".into()))?;
        Ok((person, json))
    }
}

/// ISO-8601 UTC of a unix time in ms (what `updatedSince` takes).
pub fn js_iso(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

impl Incremental for Rally {
    fn changed(&self, cursor: &Cursor, page_size: u32, since: &str) -> ApiRequest {
        let mut request = self.list(cursor, page_size);
        request.url.push_str(&format!("&updatedSince={}", super::encode_component(since)));
        request
    }

    fn deleted(&self, since: &str) -> ApiRequest {
        let query = [("since", since.to_string()), ("entities", "contacts".to_string()), ("limit", "1000".to_string())];
        ApiRequest::get(with_query(format!("{}/sync/changes", self.base), &query))
    }

    fn parse_deleted(&self, body: &str) -> Result<Vec<String>, PanelError> {
        let json = parse_json(body)?;
        let changes = json.items().ok_or_else(|| PanelError::Malformed("the change feed is not an array".into()))?;
        Ok(changes
            .iter()
            .filter(|c| c.get("action").as_str().as_deref() == Some("deleted"))
            .filter_map(|c| c.text("entityId"))
            .collect())
    }
}

fn contact_from(v: &Json) -> Option<Person> {
    record::person_from(v, "fullName", |spec| spec.rally)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rally() -> Rally {
        Rally { base: "https://acme.rallycrm.io/api/v1".into() }
    }

    #[test]
    fn lists_by_offset_at_most_100_asking_only_for_shown_fields() {
        let url = rally().list(&Cursor::Offset(200), 100).url;
        assert!(
            url.starts_with("https://acme.rallycrm.io/api/v1/contacts?limit=100&offset=200&fields=id%2CfirstName"),
            "{url}"
        );
    }

    #[test]
    fn recent_asks_only_for_what_changed() {
        assert_eq!(js_iso(1_767_225_600_000.0), "2026-01-01T00:00:00Z");
        assert_eq!(js_iso(951_782_400_000.0 + 3_661_000.0), "2000-02-29T01:01:01Z");
        let url = rally().recent(&Cursor::Start, 100, 1_767_225_720_000.0).url;
        assert!(url.ends_with("&updatedSince=2026-01-01T00%3A00%3A00Z"), "{url}");
    }

    #[test]
    fn the_change_feed_yields_deleted_ids_only() {
        let feed = r#"[{"id":1,"entityId":"g1","action":"updated"},{"id":2,"entityId":"g2","action":"deleted"}]"#;
        assert_eq!(rally().parse_deleted(feed).unwrap(), ["g2"]);
        assert!(rally()
            .deleted("2026-01-01T00:00:00.000Z")
            .url
            .ends_with("/sync/changes?since=2026-01-01T00%3A00%3A00.000Z&entities=contacts&limit=1000"));
    }

    #[test]
    fn accepts_every_plausible_envelope() {
        for body in [
            r#"[{"id":"g1","fullName":"Ana Silva","tags":"vip, buyer"}]"#,
            r#"{"data":[{"id":"g1","fullName":"Ana Silva","tags":"vip, buyer"}],"total":1}"#,
            r#"{"contacts":[{"id":"g1","firstName":"Ana","lastName":"Silva","tags":"vip,buyer"}]}"#,
        ] {
            let page = rally().parse_list(body, &Cursor::Start, 50).unwrap();
            assert_eq!(page.people[0].name, "Ana Silva", "{body}");
            assert_eq!(page.people[0].tags, ["vip".into(), "buyer".into()]);
            assert_eq!(page.next, Cursor::End);
        }
        assert!(rally().parse_list(r#"{"total":3}"#, &Cursor::Start, 50).is_err());
    }

    #[test]
    fn a_refused_scope_is_a_permission_error_not_a_broken_connection() {
        let refused = rally().error_for(403, r#"{"error":"insufficient scope: this key lacks the write scope"}"#);
        assert_eq!(refused, PanelError::NotPermitted("insufficient scope: this key lacks the write scope".into()));
        assert!(
            refused.message(&crate::i18n::Words::default()).starts_with("You don't have permission"),
            "{}",
            refused.message(&crate::i18n::Words::default())
        );
        assert_eq!(rally().error_for(404, ""), PanelError::NotFound(String::new()));
    }

    #[test]
    fn an_update_sends_only_the_changed_fields() {
        let before = NewPerson {
            first_name: "Ana".into(),
            last_name: "Silva".into(),
            email: "a@x.io".into(),
            tags: "vip".into(),
            ..Default::default()
        };
        let after = NewPerson { email: "ana@x.io".into(), tags: "vip, buyer".into(), ..before.clone() };
        let request = rally().update("g1", &Json::null(), &before, &after);
        assert_eq!(request.url, "https://acme.rallycrm.io/api/v1/contacts/g1");
        assert_eq!(
            Json::parse(request.body.as_deref().unwrap()).unwrap(),
            Json::parse(r#"{"email":"ana@x.io","tags":"vip,buyer"}"#).unwrap()
        );
    }

    #[test]
    fn delete_names_the_contact_in_the_path() {
        assert_eq!(rally().delete("g1").url, "https://acme.rallycrm.io/api/v1/contacts/g1");
    }

    #[test]
    fn create_body_uses_rallys_flat_fields() {
        let p = NewPerson {
            first_name: "Ana".into(),
            last_name: "Silva".into(),
            email: "a@x.io".into(),
            tags: "vip, buyer".into(),
            company: "ignored".into(),
            ..Default::default()
        };
        let body = Json::parse(rally().create(&p).body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            Json::parse(r#"{ "firstName": "Ana", "lastName": "Silva", "email": "a@x.io", "tags": "vip,buyer" }"#)
                .unwrap()
        );
    }
}
