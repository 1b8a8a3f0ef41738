//! The token from the host's `token-url` (memory only), shared by every request and every panel of
//! the page that use the same route, with one fetch in flight at a time; and the Rollout credential id
//! saved per signed-in user.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::browser;
use crate::error::PanelError;
use crate::jwt::{parse_token_answer, Claims, Token};
use crate::provider::rollout::Credential;

type Pending = Shared<LocalBoxFuture<'static, Result<Token, PanelError>>>;

pub struct TokenSource {
    url: String,
    current: RefCell<Option<Token>>,
    pending: RefCell<Option<Pending>>,
}

thread_local! {
    static SOURCES: RefCell<HashMap<String, Rc<TokenSource>>> = RefCell::new(HashMap::new());
}

/// The page-wide source for `url`.
pub fn token_source(url: &str) -> Rc<TokenSource> {
    SOURCES.with(|s| {
        s.borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                Rc::new(TokenSource { url: url.to_string(), current: RefCell::new(None), pending: RefCell::new(None) })
            })
            .clone()
    })
}

impl TokenSource {
    /// A token that is good for at least 30 more seconds, fetched only if needed.
    pub async fn token(self: &Rc<Self>) -> Result<Token, PanelError> {
        let cached = self.current.borrow().clone();
        match cached {
            Some(t) if !t.is_stale(browser::now_ms() / 1000.0) => Ok(t),
            _ => self.fetch().await,
        }
    }

    /// Starts fetching a token now, if none is cached, without waiting for it: the request then
    /// overlaps the panel's first render instead of following it.
    pub fn warm(self: &Rc<Self>) {
        let fresh = self.current.borrow().as_ref().is_some_and(|t| !t.is_stale(browser::now_ms() / 1000.0));
        if !fresh {
            // One poll sends the request; whoever awaits the token later shares the same fetch.
            let _ = self.fetch().now_or_never();
        }
    }

    /// After a 401 for `rejected`: a new token, unless another request already got one.
    pub async fn renew(self: &Rc<Self>, rejected: &str) -> Result<Token, PanelError> {
        let replaced = self.current.borrow().as_ref().is_some_and(|t| t.jwt != rejected);
        if !replaced {
            self.current.borrow_mut().take();
        }
        self.token().await
    }

    fn fetch(self: &Rc<Self>) -> Pending {
        let mut pending = self.pending.borrow_mut();
        if let Some(in_flight) = pending.as_ref() {
            return in_flight.clone();
        }
        let me = self.clone();
        let future = async move {
            let result = fetch_token(&me.url).await;
            if let Ok(token) = &result {
                *me.current.borrow_mut() = Some(token.clone());
            }
            me.pending.borrow_mut().take();
            result
        }
        .boxed_local()
        .shared();
        *pending = Some(future.clone());
        future
    }
}

async fn fetch_token(url: &str) -> Result<Token, PanelError> {
    let signed_out = |reason: &'static str| PanelError::SignedOut { token_url: url.to_string(), reason, status: 0 };
    let response = browser::fetch_token_answer(url).await.map_err(|()| signed_out("token.unreachable"))?;
    if !(200..300).contains(&response.status()) {
        return Err(PanelError::SignedOut {
            token_url: url.to_string(),
            reason: "token.http",
            status: response.status(),
        });
    }
    // The server's clock, which judges the token (a browser's clock may be minutes off).
    let server_now = response.header("date").map(|date| js_sys::Date::parse(&date) / 1000.0);
    let body = response.text().await.ok_or_else(|| signed_out("token.unreadable"))?;
    parse_token_answer(&body, browser::now_ms() / 1000.0, server_now).map_err(signed_out)
}

/// Saved credentials are keyed by the token's `iss` and `sub`, so two users of one browser never mix.
fn credential_key(claims: &Claims) -> String {
    format!("people-panel:credential:{}:{}", claims.iss, claims.sub)
}

pub fn saved_credential(claims: &Claims) -> Option<Credential> {
    Credential::from_json(&browser::load(&credential_key(claims))?)
}

pub fn save_credential(claims: &Claims, credential: &Credential) {
    browser::save(&credential_key(claims), &credential.to_json());
}

pub fn forget_credential(claims: &Claims) {
    browser::forget(&credential_key(claims));
}
