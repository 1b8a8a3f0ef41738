//! The requests the first row needs, as data: the credentials list (Rollout, when no credential id
//! is known) and the first page of people. The providers build those requests from it, and build.rs
//! writes it into `js/interface.js`, from which js/early.js sends them as soon as the token has
//! answered, while the wasm is still on its way; `http` then takes their answers over instead of
//! asking again. One description, so the two cannot drift apart (a native test and an e2e test
//! that counts the server's requests check it).
//!
//! Its one `use` is the field table (src/fields.rs), which build.rs includes beside it.
use crate::fields::{Read, Shown, SHOWN};

/// Rollout's Universal CRM API, unless `api-base` says otherwise.
pub const DEFAULT_ROLLOUT_API: &str = "https://crm.universal.rollout.com/api";
/// Rollout's credentials API (the user's connected CRMs), unless `credentials-url` says otherwise.
pub const DEFAULT_CREDENTIALS_URL: &str = "https://universal.rollout.com/api/credentials";
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Rally's documented maximum, and the panel's own bound for Rollout.
pub const MAX_PAGE_SIZE: u32 = 100;

/// Every request carries `Authorization: Bearer <jwt>` and this `Accept`.
pub const ACCEPT: &str = "application/json";
/// Rollout's header naming the credential (the connected CRM) a request is for.
pub const CREDENTIAL_HEADER: &str = "X-Rollout-Credential-Id";
/// Where a user's credential id is saved: this, then `iss:sub` (`scope::keys::credential`).
pub const SAVED_CREDENTIAL_KEY: &str = "people-panel:credential:";

/// Every kept list's key starts with this (`scope::keys::list`); js/kept.js reads the same keys.
pub const KEPT_LIST_PREFIX: &str = "people-panel:list:";
/// `cache="device"` shows no kept list older than this.
pub const KEPT_MAX_AGE_MS: u32 = 24 * 3600 * 1000;

/// Stands for the page size in a query's values.
pub const PAGE_SIZE: &str = "{page-size}";
/// Stands for the keys of what the view shows, comma-separated (`FirstRequests::view_fields`).
pub const VIEW_FIELDS: &str = "{view-fields}";

/// A provider's first requests.
pub struct FirstRequests {
    /// Its name in the `provider` attribute.
    pub name: &'static str,
    /// `api-base` when the attribute is absent (`None`: the attribute is required).
    pub default_api_base: Option<&'static str>,
    /// Whether requests name a Rollout credential (then the credentials list comes first).
    pub needs_credential: bool,
    /// The first page: `api-base` + `path` + `?` + the query (`PAGE_SIZE` stands for the size).
    pub path: &'static str,
    pub query: &'static [(&'static str, &'static str)],
    /// Whether a list kept with `cache` is brought up to date by reading its first page again (a
    /// provider with a change feed asks what changed instead: no first page then).
    pub kept_list_reads_first_page: bool,
    /// The keys of a person's id and names, then where its column of the field table reads the
    /// rest (`VIEW_FIELDS`: what a provider that returns only the fields asked for is asked for).
    pub identity: &'static [&'static str],
    pub column: fn(&Shown) -> Read,
}

pub const ROLLOUT: FirstRequests = FirstRequests {
    name: "rollout",
    default_api_base: Some(DEFAULT_ROLLOUT_API),
    needs_credential: true,
    path: "/people",
    query: &[("limit", PAGE_SIZE)],
    kept_list_reads_first_page: true,
    identity: &["id", "firstName", "lastName", "name"],
    column: |spec| spec.rollout,
};

pub const RALLY: FirstRequests = FirstRequests {
    name: "rally",
    default_api_base: None,
    needs_credential: false,
    path: "/contacts",
    // Exactly the fields the list and the details show (`updatedAt`, of the field table, is also
    // what an incremental refresh starts from).
    query: &[("limit", PAGE_SIZE), ("offset", "0"), ("fields", VIEW_FIELDS)],
    kept_list_reads_first_page: false,
    identity: &["id", "firstName", "lastName", "fullName"],
    column: |spec| spec.rally,
};

pub const PROVIDERS: [&FirstRequests; 2] = [&ROLLOUT, &RALLY];

impl FirstRequests {
    /// The first page's query for `page_size`, as (name, value) pairs still to be encoded.
    pub fn first_page_query(&self, page_size: u32) -> Vec<(&'static str, String)> {
        let size = page_size.min(MAX_PAGE_SIZE).to_string();
        let value = |value: &str| match value {
            PAGE_SIZE => size.clone(),
            VIEW_FIELDS => self.view_fields(),
            value => value.into(),
        };
        self.query.iter().map(|&(name, v)| (name, value(v))).collect()
    }

    /// Every key the provider's person is read from: its identity's, then its column's.
    pub fn view_fields(&self) -> String {
        let mut keys = self.identity.to_vec();
        for spec in SHOWN {
            let read: &[&'static str] = match (self.column)(spec) {
                Read::Keys(keys) => keys,
                Read::Points(key) | Read::Texts(key) | Read::Commas(key) | Read::FirstOf(key, _) => &[key][..],
                Read::Absent => &[],
            };
            keys.extend(read.iter().filter(|key| !self.identity.contains(key)));
        }
        keys.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ProviderKind, RawConfig};
    use crate::model::Cursor;
    use crate::provider::{encode_component, for_config};

    fn config(provider: &str) -> crate::config::PanelConfig {
        let raw = RawConfig {
            token_url: Some("/t".into()),
            provider: (!provider.is_empty()).then(|| provider.into()),
            api_base: Some("https://crm.example/api//".into()),
            page_size: Some("30".into()),
            ..Default::default()
        };
        raw.parse().unwrap()
    }

    /// The first page as js/early.js writes it from the plan (as build.rs wrote the plan for it).
    fn as_js_writes_it(plan: &FirstRequests, base: &str, size: u32) -> String {
        let size = size.to_string();
        let value = |v: &str| match v {
            PAGE_SIZE => size.clone(),
            VIEW_FIELDS => plan.view_fields(),
            v => v.to_string(),
        };
        let query: Vec<String> =
            plan.query.iter().map(|(k, v)| format!("{k}={}", encode_component(&value(v)))).collect();
        format!("{}{}?{}", base.trim_end_matches('/'), plan.path, query.join("&"))
    }

    #[test]
    fn each_providers_first_page_is_the_one_the_plan_describes() {
        for kind in [ProviderKind::Rollout, ProviderKind::Rally] {
            let config = config(kind.as_str());
            let crm = for_config(&config);
            let plan = kind.first_requests();
            assert_eq!(crm.list(&Cursor::Start, 30).url, as_js_writes_it(plan, "https://crm.example/api//", 30));
            assert_eq!(crm.needs_credential(), plan.needs_credential, "{}", plan.name);
            // A kept list is brought up to date by the first page only where no change feed is.
            assert_eq!(crm.incremental().is_none(), plan.kept_list_reads_first_page, "{}", plan.name);
        }
    }

    #[test]
    fn rally_is_asked_for_exactly_the_fields_the_table_reads() {
        assert_eq!(
            RALLY.view_fields(),
            "id,firstName,lastName,fullName,email,phone,mobile,title,city,lifecycleStage,tags,leadSource,createdAt,updatedAt"
        );
        let query = RALLY.first_page_query(500);
        assert_eq!(query[0], ("limit", "100".to_string()), "at most Rally's maximum");
        assert_eq!(query[2], ("fields", RALLY.view_fields()));
    }

    #[test]
    fn the_first_provider_is_the_default_and_names_are_the_attributes_values() {
        assert_eq!(config("").provider.first_requests().name, PROVIDERS[0].name);
        for plan in PROVIDERS {
            assert_eq!(config(plan.name).provider.as_str(), plan.name);
        }
    }
}
