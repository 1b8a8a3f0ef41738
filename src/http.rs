//! The one request path to a CRM: bearer token and credential headers, pacing under the tenant's
//! rate limit, retries with exponential backoff and full jitter (honouring `Retry-After` and
//! `X-RateLimit-Reset`), one token renewal after a 401, and mapping every failure to `PanelError`.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::auth::TokenSource;
use crate::browser::{self, is_offline, now_ms, random, sleep, Response};
use crate::error::PanelError;
use crate::provider::plan::{ACCEPT, CREDENTIAL_HEADER};
use crate::provider::{ApiRequest, Crm, Method};
use crate::retry::{Pacer, RetryPolicy};
use crate::scope::User;

thread_local! {
    /// One pacer per tenant and API, shared by every panel of the page.
    static PACERS: RefCell<HashMap<String, Rc<RefCell<Pacer>>>> = RefCell::new(HashMap::new());
}

/// Requests are timed by the client but counted by the server on arrival, so the window is paced
/// 10% wider than documented: arrival jitter never squeezes one request too many into a window.
const PACING_MARGIN: f64 = 1.1;

fn pacer(key: String, (limit, window_ms): (usize, f64)) -> Rc<RefCell<Pacer>> {
    PACERS.with(|p| {
        p.borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(RefCell::new(Pacer::new(limit, window_ms * PACING_MARGIN))))
            .clone()
    })
}

type SharedReply = Shared<LocalBoxFuture<'static, Result<String, PanelError>>>;

thread_local! {
    /// Identical reads in flight (same user, URL and credential), shared: three panels of one page
    /// that load together send each request once.
    static IN_FLIGHT: RefCell<HashMap<String, SharedReply>> = RefCell::new(HashMap::new());
}

/// A sign-out or a user switch: reads in flight are no longer shared with new requests (their
/// answers belong to the previous user).
pub fn drop_shared_reads() {
    IN_FLIGHT.with(|f| f.borrow_mut().clear());
}

/// Told about retries, so the UI can say "retrying…".
pub type RetryListener = Rc<dyn Fn(Option<RetryNotice>)>;

#[derive(Clone, Debug, PartialEq)]
pub struct RetryNotice {
    pub attempt: u32,
    /// What failed (put in words, in the panel's language, when shown).
    pub reason: PanelError,
}

#[derive(Clone)]
pub struct Client {
    pub crm: Rc<dyn Crm>,
    pub tokens: Rc<TokenSource>,
    pacer: Rc<RefCell<Pacer>>,
    policy: RetryPolicy,
    on_retry: RetryListener,
    /// Whose requests these are: the user of the first token sent. A token of anyone else is never
    /// sent with this client's credential id.
    owner: Rc<RefCell<Option<User>>>,
    /// False once its panel moved on (reloaded, signed out, another user): queued requests and
    /// retries are dropped.
    live: Rc<Cell<bool>>,
}

impl Client {
    pub fn new(crm: Rc<dyn Crm>, tokens: Rc<TokenSource>, api_base: &str, on_retry: RetryListener) -> Self {
        let pacer = pacer(api_base.to_string(), crm.rate_limit());
        let (owner, live) = (Rc::new(RefCell::new(None)), Rc::new(Cell::new(true)));
        Client { crm, tokens, pacer, policy: RetryPolicy::default(), on_retry, owner, live }
    }

    /// Drops every request of this client not yet sent, and every retry.
    pub fn retire(&self) {
        self.live.set(false);
    }

    /// A token for this client's next request: its owner's, or `Dropped`. The first one makes its
    /// user the owner.
    pub async fn user_token(&self) -> Result<crate::jwt::Token, PanelError> {
        if !self.live.get() {
            return Err(PanelError::Dropped);
        }
        let token = self.tokens.token().await?;
        let user = User::of(&token.claims);
        let mut owner = self.owner.borrow_mut();
        match owner.as_ref() {
            Some(owner) if *owner != user => return Err(PanelError::Dropped),
            Some(_) => {}
            None => *owner = Some(user),
        }
        // A retire while the token was on its way.
        if self.live.get() {
            Ok(token)
        } else {
            Err(PanelError::Dropped)
        }
    }

    /// The server's clock now (ms), as the token measured it: the browser's may be minutes off.
    pub async fn server_now(&self) -> Result<f64, PanelError> {
        Ok(self.user_token().await?.server_time(now_ms()))
    }

    /// Sends `request` and returns the body of its 2xx answer.
    ///
    /// Reads are retried on network errors, 429 and 5xx. A create is retried only on 429 (the server
    /// refused it before doing anything): after a network error or a 5xx its outcome is unknown, and
    /// sending it again could create the person twice.
    pub async fn send(&self, request: &ApiRequest, credential: Option<&str>) -> Result<String, PanelError> {
        if request.method != Method::Get {
            return self.send_now(request, credential).await;
        }
        // Whose read it is: the session's user (set by its first token, which comes before any read).
        let owner = self.owner.borrow().as_ref().map(|u| format!("{}\n{}", u.iss, u.sub)).unwrap_or_default();
        let key = [owner.as_str(), &request.url, credential.unwrap_or("")].join("\n");
        let shared = IN_FLIGHT.with(|f| f.borrow().get(&key).cloned());
        if let Some(reply) = shared {
            match reply.await {
                // The panel that sent it moved on (reloaded, signed out): this one asks for itself.
                Err(PanelError::Dropped) if self.live.get() => return self.send_now(request, credential).await,
                result => return result,
            }
        }
        let (me, request, credential, done) =
            (self.clone(), request.clone(), credential.map(str::to_string), key.clone());
        let reply = async move {
            let result = me.send_now(&request, credential.as_deref()).await;
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&done));
            result
        }
        .boxed_local()
        .shared();
        IN_FLIGHT.with(|f| f.borrow_mut().insert(key, reply.clone()));
        reply.await
    }

    async fn send_now(&self, request: &ApiRequest, credential: Option<&str>) -> Result<String, PanelError> {
        let started = now_ms();
        let mut renewed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = self.user_token().await?;
            // A first-row read js/early.js already sent: its answer, counted in the window now.
            let early = (attempt == 1 && request.method == Method::Get)
                .then(|| browser::early_answer(&request.url, &token.jwt, credential))
                .flatten();
            // The borrow must end before the await: other requests reserve slots meanwhile.
            let wait = self.pacer.borrow_mut().reserve(now_ms());
            if early.is_none() {
                sleep(wait).await;
            }
            if !self.live.get() {
                return Err(PanelError::Dropped);
            }
            let sent = match early {
                Some(answer) => answer.await,
                None => self.fetch(request, &token.jwt, credential).await,
            };
            let outcome = self.read(sent).await;
            let (error, hint) = match outcome {
                Ok(body) => {
                    (self.on_retry)(None);
                    return Ok(body);
                }
                Err((PanelError::Unauthorized(_), _)) if !renewed => {
                    renewed = true;
                    self.tokens.renew(&token.jwt).await?;
                    continue;
                }
                Err(failure) => failure,
            };
            let retryable = match request.method {
                // Repeating a read or a delete is harmless (a repeated delete answers 404).
                Method::Get | Method::Delete => error.is_transient(),
                // A create or an update is sent again only when it cannot have been applied (429).
                Method::Post | Method::Put => error.is_transient() && !error.may_have_applied(),
            };
            let wait = retryable.then(|| self.policy.delay(attempt, now_ms() - started, hint, random())).flatten();
            match wait {
                Some(wait_ms) => {
                    (self.on_retry)(Some(RetryNotice { attempt, reason: error.clone() }));
                    sleep(wait_ms).await;
                }
                None => {
                    (self.on_retry)(None);
                    return Err(error);
                }
            }
        }
    }

    /// Sends `request` with the token and the credential.
    async fn fetch(&self, request: &ApiRequest, jwt: &str, credential: Option<&str>) -> Result<Response, ()> {
        let bearer = format!("Bearer {jwt}");
        let mut headers = vec![("Authorization", bearer.as_str()), ("Accept", ACCEPT)];
        if let Some(id) = credential {
            headers.push((CREDENTIAL_HEADER, id));
        }
        if request.body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        browser::fetch(request.method.as_str(), &request.url, &headers, request.body.as_deref()).await
    }

    /// One HTTP exchange's outcome. On failure, also what the server asked us to wait (ms), if anything.
    async fn read(&self, sent: Result<Response, ()>) -> Result<String, (PanelError, Option<f64>)> {
        let response = sent.map_err(|()| {
            let reason = if is_offline() { "network.offline" } else { "network.no-answer" };
            (PanelError::Network(reason), None)
        })?;
        let hint = self.observe_limits(&response);
        let status = response.status();
        let body = response.text().await.ok_or((PanelError::Network("network.cut-off"), None))?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err((self.crm.error_for(status, &body), hint))
        }
    }

    /// Feeds Rally-style `X-RateLimit-*` to the pacer; returns the wait a 429/503 asked for.
    fn observe_limits(&self, response: &Response) -> Option<f64> {
        // Whole seconds, as the headers are documented (no float parser in the wasm for them).
        let header = |name: &str| response.header(name).and_then(|v| v.trim().parse::<u64>().ok()).map(|n| n as f64);
        let remaining = header("x-ratelimit-remaining");
        let reset_ms = header("x-ratelimit-reset").map(|secs| secs * 1000.0);
        self.pacer.borrow_mut().observe(remaining.map(|r| r as u64), reset_ms);
        let retry_after = header("retry-after").map(|secs| secs * 1000.0);
        let until_reset = reset_ms.filter(|_| remaining == Some(0.0)).map(|reset| (reset - now_ms()).max(0.0));
        retry_after.or(until_reset)
    }
}
