//! The token from the host's `token-url` (memory only), shared by every request and every panel of
//! the page that use the same route, with one fetch in flight at a time; who it belongs to (a token
//! of another user tells every panel sharing the route to drop the previous user's data); the
//! host's sign-out; and the Rollout credential id saved per signed-in user.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::browser;
use crate::error::PanelError;
use crate::jwt::{parse_token_answer, Token};
use crate::scope::{keys, User};

type Pending = Shared<LocalBoxFuture<'static, Result<Token, PanelError>>>;

/// What a token source tells the panels that share it.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenNews {
    /// The host signed its user out (`signOut()`): show the signed-out state, send nothing.
    SignedOut,
    /// A token arrived, of this user: each panel's `update` decides what that means for it.
    Arrived(User),
}

/// Told about `TokenNews` (or, with `None`, only asked): returns false once it no longer wants to
/// hear (its panel loaded again or went away), and is then dropped.
pub type TokenListener = Rc<dyn Fn(Option<TokenNews>) -> bool>;

pub struct TokenSource {
    url: String,
    current: RefCell<Option<Token>>,
    pending: RefCell<Option<Pending>>,
    /// Whose token came last, kept after a sign-out so that what is saved for them can be forgotten.
    user: RefCell<Option<User>>,
    /// Set by `sign_out`: no token is fetched until `resume`.
    signed_out: Cell<bool>,
    /// Bumped by `sign_out`: a fetch that started before it is not kept.
    epoch: Cell<u64>,
    listeners: RefCell<Vec<TokenListener>>,
}

thread_local! {
    static SOURCES: RefCell<HashMap<String, Rc<TokenSource>>> = RefCell::new(HashMap::new());
}

/// The page-wide source for `url`.
pub fn token_source(url: &str) -> Rc<TokenSource> {
    hear_other_tabs();
    SOURCES.with(|s| {
        s.borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                Rc::new(TokenSource {
                    url: url.to_string(),
                    current: RefCell::new(None),
                    pending: RefCell::new(None),
                    user: RefCell::new(None),
                    signed_out: Cell::new(false),
                    epoch: Cell::new(0),
                    listeners: RefCell::new(Vec::new()),
                })
            })
            .clone()
    })
}

/// The host's `signOut()`: forgets the token cached for `token_url` (every panel sharing it; a
/// fetch in flight is dropped), what is saved for its user in this browser (credential id, drafts,
/// remembered lists), and tells every panel sharing it, and the panels of that user in the
/// browser's other tabs, to show the signed-out state. When no token was seen in this page's life,
/// the user is unknown, and every panel's saved data in this browser is forgotten.
pub fn sign_out(token_url: &str) {
    let source = token_source(token_url);
    match source.user.borrow_mut().take() {
        Some(user) => {
            forget_user(&user);
            OTHER_TABS.with(|joined| joined.borrow().as_ref().map(|j| j.post(&keys::lists_of(&user))));
        }
        None => browser::forget_where(|key| key.starts_with(keys::PREFIX)),
    }
    source.signed_out_here();
}

impl TokenSource {
    /// Whose token came last.
    pub fn user(&self) -> Option<User> {
        self.user.borrow().clone()
    }

    /// Signs out the panels sharing this source: no token is kept or fetched until `resume`.
    fn signed_out_here(&self) {
        self.signed_out.set(true);
        self.epoch.set(self.epoch.get() + 1);
        self.current.borrow_mut().take();
        self.pending.borrow_mut().take();
        crate::http::drop_shared_reads();
        self.tell(TokenNews::SignedOut);
    }

    /// A token that is good for at least 30 more seconds, fetched only if needed.
    pub async fn token(self: &Rc<Self>) -> Result<Token, PanelError> {
        if self.signed_out.get() {
            return Err(PanelError::Dropped);
        }
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
        if !fresh && !self.signed_out.get() {
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

    /// `refresh()`: the next request asks the token route again (so a user switch is noticed), and
    /// a signed-out source may fetch again.
    pub fn expire(&self) {
        self.signed_out.set(false);
        self.current.borrow_mut().take();
    }

    /// A panel of a new `token-url`, or one told to `refresh()`, may fetch tokens again.
    pub fn resume(&self) {
        self.signed_out.set(false);
    }

    pub fn is_signed_out(&self) -> bool {
        self.signed_out.get()
    }

    /// Hears this source's news until it returns false.
    pub fn listen(&self, listener: TokenListener) {
        let mut listeners = self.listeners.borrow_mut();
        listeners.retain(|listener| listener(None));
        listeners.push(listener);
    }

    fn tell(&self, news: TokenNews) {
        // Listeners reload, and reloading listens again: they are called outside the borrow.
        let listeners = std::mem::take(&mut *self.listeners.borrow_mut());
        let kept: Vec<TokenListener> = listeners.into_iter().filter(|listener| listener(Some(news.clone()))).collect();
        self.listeners.borrow_mut().splice(0..0, kept);
    }

    /// Keeps a token that arrived, and tells the panels whose it is.
    fn arrived(&self, token: &Token) {
        *self.current.borrow_mut() = Some(token.clone());
        let user = User::of(&token.claims);
        self.user.borrow_mut().replace(user.clone());
        self.tell(TokenNews::Arrived(user));
    }

    fn fetch(self: &Rc<Self>) -> Pending {
        let mut pending = self.pending.borrow_mut();
        if let Some(in_flight) = pending.as_ref() {
            return in_flight.clone();
        }
        let (me, epoch) = (self.clone(), self.epoch.get());
        let future = async move {
            let result = fetch_token(&me.url).await;
            // Signed out meanwhile: this answer belongs to nobody.
            if me.epoch.get() != epoch {
                return Err(PanelError::Dropped);
            }
            me.pending.borrow_mut().take();
            if let Ok(token) = &result {
                me.arrived(token);
            }
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

/// Forgets everything saved for `user` in this browser: their credential id, every draft, every
/// list kept (`cache`).
fn forget_user(user: &User) {
    browser::forget_where(|key| keys::of_user(user, key));
}

/// The channel on which a sign-out reaches the user's panels in the browser's other tabs (no
/// scope's channel is named like this: theirs hold the user, the CRM API and the credential).
const SIGN_OUTS: &str = "sign-out";

thread_local! {
    /// This page's ear for the other tabs' sign-outs, joined with the first token source.
    static OTHER_TABS: RefCell<Option<browser::Joined>> = const { RefCell::new(None) };
}

/// Hears the sign-outs of the browser's other tabs: the panels of that user here sign out too.
fn hear_other_tabs() {
    OTHER_TABS.with(|joined| {
        joined.borrow_mut().get_or_insert_with(|| {
            // The message names the user as their kept lists' key prefix does (`keys::lists_of`).
            browser::Joined::new(SIGN_OUTS, |user| {
                let sources: Vec<Rc<TokenSource>> = SOURCES.with(|s| s.borrow().values().cloned().collect());
                for source in sources.iter().filter(|s| s.user().is_some_and(|u| keys::lists_of(&u) == user)) {
                    source.signed_out_here();
                }
            })
        });
    });
}
