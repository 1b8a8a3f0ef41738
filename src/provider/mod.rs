//! The seam between the panel and a CRM: each provider turns the panel's intents into requests and
//! the CRM's answers into the panel's model. Pure (no I/O), so each is tested natively; adding a CRM
//! is one module here, its first requests in plan.rs, and one arm in `ProviderKind`'s and
//! `for_config`'s matches (nothing outside this folder matches on the provider).
use std::rc::Rc;

use crate::config::PanelConfig;
use crate::error::PanelError;
use crate::json::Json;
use crate::model::{Cursor, FormRules, NewPerson, Page, Person};

pub mod plan;
pub mod rally;
mod record;
pub mod rollout;

/// Which CRM API the panel talks to. Whatever differs between them is answered here and in their
/// modules; nothing else matches on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProviderKind {
    /// Rollout's Universal CRM API (one API over Follow Up Boss, HubSpot, Lofty, …).
    #[default]
    Rollout,
    /// Rally CRM's own REST API.
    Rally,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 2] = [ProviderKind::Rollout, ProviderKind::Rally];

    /// The one named so in the `provider` attribute (case aside).
    pub fn named(name: &str) -> Option<ProviderKind> {
        Self::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(name.trim()))
    }

    pub fn as_str(self) -> &'static str {
        self.first_requests().name
    }

    /// What its first row asks for (plan.rs).
    pub fn first_requests(self) -> &'static plan::FirstRequests {
        match self {
            ProviderKind::Rollout => &plan::ROLLOUT,
            ProviderKind::Rally => &plan::RALLY,
        }
    }

    /// What its create form asks for and insists on.
    pub fn form_rules(self) -> FormRules {
        match self {
            ProviderKind::Rollout => rollout::FORM_RULES,
            ProviderKind::Rally => rally::FORM_RULES,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request as a provider describes it; `http` adds authentication and sends it.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub body: Option<String>,
}

impl ApiRequest {
    pub fn get(url: String) -> Self {
        ApiRequest { method: Method::Get, url, body: None }
    }
    pub fn post(url: String, body: &Json) -> Self {
        ApiRequest { method: Method::Post, url, body: Some(body.stringify()) }
    }
    pub fn put(url: String, body: &Json) -> Self {
        ApiRequest { method: Method::Put, url, body: Some(body.stringify()) }
    }
    pub fn delete(url: String) -> Self {
        ApiRequest { method: Method::Delete, url, body: None }
    }
}

pub trait Crm {
    /// Whether requests carry a Rollout credential id.
    fn needs_credential(&self) -> bool;
    /// The tenant's documented rate limit: at most `.0` requests per `.1` milliseconds.
    fn rate_limit(&self) -> (usize, f64);
    fn form_rules(&self) -> FormRules;
    fn list(&self, cursor: &Cursor, page_size: u32) -> ApiRequest;
    fn parse_list(&self, body: &str, cursor: &Cursor, page_size: u32) -> Result<Page, PanelError>;
    /// Pages of people that may include one created since `since_ms` (for checking a create whose
    /// outcome is unknown). Without a "changed since" filter, that is the whole list.
    fn recent(&self, cursor: &Cursor, page_size: u32, _since_ms: f64) -> ApiRequest {
        self.list(cursor, page_size)
    }
    /// A CRM that can tell what changed since an instant (Rally), for a refresh that moves only that.
    fn incremental(&self) -> Option<&dyn Incremental> {
        None
    }
    fn create(&self, person: &NewPerson) -> ApiRequest;
    /// One person, as complete as the API gives it (what an edit starts from).
    fn get(&self, id: &str) -> ApiRequest;
    /// Saves an edit: `original` is the person as `get` returned it, `before` the form as it was
    /// prefilled, `after` as the user left it. Only changed fields change; no field the form doesn't
    /// show is ever cleared.
    fn update(&self, id: &str, original: &Json, before: &NewPerson, after: &NewPerson) -> ApiRequest;
    fn delete(&self, id: &str) -> ApiRequest;
    /// The created person for the list, and the API's own JSON for the `person-created` event.
    fn parse_person(&self, body: &str) -> Result<(Person, Json), PanelError>;
    /// The error for a non-2xx answer: statuses mean different things per CRM.
    fn error_for(&self, status: u16, body: &str) -> PanelError {
        PanelError::from_response(status, body)
    }
}

/// What changed since `since` (an ISO-8601 instant the CRM itself wrote).
pub trait Incremental {
    /// People created or updated after `since`, a page at a time (parsed with `Crm::parse_list`).
    fn changed(&self, cursor: &Cursor, page_size: u32, since: &str) -> ApiRequest;
    fn deleted(&self, since: &str) -> ApiRequest;
    /// The ids the change feed lists as deleted.
    fn parse_deleted(&self, body: &str) -> Result<Vec<String>, PanelError>;
}

pub fn for_config(config: &PanelConfig) -> Rc<dyn Crm> {
    match config.provider {
        ProviderKind::Rollout => Rc::new(rollout::Rollout { base: config.api_base.clone() }),
        ProviderKind::Rally => Rc::new(rally::Rally { base: config.api_base.clone() }),
    }
}

// ---- tolerant JSON reading shared by providers: any field may be missing, null or oddly typed ----

pub(crate) fn parse_json(body: &str) -> Result<Json, PanelError> {
    Json::parse(body).map_err(|e| PanelError::Malformed(format!("not JSON: {e}")))
}

/// Where the next page starts when the API gave no cursor: right after this page, unless the page
/// came back short or the total says this was the last.
pub(crate) fn next_by_offset(start: usize, got: usize, page_size: u32, total: Option<u64>) -> Cursor {
    let end = start + got;
    let more = match total {
        Some(total) => (end as u64) < total,
        None => got >= page_size as usize,
    };
    if more && got > 0 {
        Cursor::Offset(end)
    } else {
        Cursor::End
    }
}

pub(crate) fn offset_of(cursor: &Cursor) -> usize {
    match cursor {
        Cursor::Offset(n) => *n,
        _ => 0,
    }
}

/// Appends `?`/`&` query pairs, percent-encoding values.
pub(crate) fn with_query(base: String, pairs: &[(&str, String)]) -> String {
    let mut url = base;
    for (i, (k, v)) in pairs.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(k);
        url.push('=');
        url.push_str(&encode_component(v));
    }
    url
}

/// `encodeURIComponent`, in Rust so that it runs natively in tests too.
pub(crate) fn encode_component(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
