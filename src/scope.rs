//! Whose people, from which CRM: the scope every effect is decided in and every answer comes back
//! with (`update` alone decides what an answer of another scope means); and `keys`, the one place
//! that says where the browser keeps what it keeps for a scope.
use crate::config::{PanelConfig, ProviderKind};
use crate::json::Json;
use crate::jwt::Claims;

/// The signed-in user, as the token names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct User {
    pub iss: String,
    pub sub: String,
}

impl User {
    pub fn of(claims: &Claims) -> Self {
        User { iss: claims.iss.clone(), sub: claims.sub.clone() }
    }
}

/// The user, the CRM API and the credential: one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub user: User,
    pub provider: ProviderKind,
    pub api_base: String,
    /// The Rollout credential in use; `None` for Rally, or while it is being resolved.
    pub credential: Option<String>,
}

impl Scope {
    pub fn new(user: User, config: &PanelConfig) -> Self {
        Scope { user, provider: config.provider, api_base: config.api_base.clone(), credential: None }
    }

    /// Whether `config` names this scope's CRM API.
    pub fn on(&self, config: &PanelConfig) -> bool {
        self.provider == config.provider && self.api_base == config.api_base
    }

    /// The channel of the panels of this scope, on this page and in the browser's other tabs.
    pub fn channel(&self) -> String {
        let credential = self.credential.as_deref().unwrap_or_default();
        [self.user.iss.as_str(), &self.user.sub, self.provider.as_str(), &self.api_base, credential].join("\n")
    }
}

/// Every key the panel uses in the browser's storage.
pub mod keys {
    use super::*;
    // js/early.js reads the saved credential before the wasm runs: the key's start is in the plan.
    use crate::provider::plan::SAVED_CREDENTIAL_KEY;

    /// Every key starts with this.
    pub const PREFIX: &str = "people-panel:";
    /// Every kept list's key starts with this (js/kept.js reads the same keys).
    pub use crate::provider::plan::KEPT_LIST_PREFIX as LIST_PREFIX;

    /// The credential id saved for a user (keyed by `iss` and `sub`: two users of a browser never mix).
    pub fn credential(user: &User) -> String {
        format!("{SAVED_CREDENTIAL_KEY}{}:{}", user.iss, user.sub)
    }

    /// A user's create draft on a CRM API: on a shared browser nobody sees another's half-typed person.
    pub fn draft(provider: ProviderKind, user: &User) -> String {
        format!("{PREFIX}draft:{}:{}:{}", provider.as_str(), user.iss, user.sub)
    }

    /// A user's unsaved edit of one person.
    pub fn edit_draft(provider: ProviderKind, user: &User, id: &str) -> String {
        format!("{}:edit:{id}", draft(provider, user))
    }

    /// Where the lists of `user` are kept: a key begins with this (JSON, so that no `iss` or `sub`
    /// can pass for another's prefix).
    pub fn lists_of(user: &User) -> String {
        let pair = Json::array(vec![Json::string(&user.iss), Json::string(&user.sub)]).stringify();
        format!("{LIST_PREFIX}{},", pair.trim_end_matches(']'))
    }

    /// Where the list of a scope is kept (`cache`).
    pub fn list(scope: &Scope) -> String {
        let rest = Json::array(vec![
            Json::string(scope.provider.as_str()),
            Json::string(&scope.api_base),
            Json::string(scope.credential.as_deref().unwrap_or_default()),
        ])
        .stringify();
        format!("{}{}", lists_of(&scope.user), rest.trim_start_matches('['))
    }

    /// Whether `key` holds something of `user`: their credential, a draft, a kept list.
    pub fn of_user(user: &User, key: &str) -> bool {
        let drafts = ProviderKind::ALL.map(|provider| draft(provider, user));
        key == credential(user)
            || key.starts_with(&lists_of(user))
            || drafts.iter().any(|d| key == d || key.strip_prefix(d.as_str()).is_some_and(|r| r.starts_with(":edit:")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(sub: &str) -> User {
        User { iss: "https://app.example".into(), sub: sub.into() }
    }

    fn scope(sub: &str, credential: &str) -> Scope {
        let config = crate::config::RawConfig { token_url: Some("/t".into()), ..Default::default() }.parse().unwrap();
        Scope { credential: Some(credential.into()), ..Scope::new(user(sub), &config) }
    }

    #[test]
    fn the_saved_credentials_key_is_one_of_the_panels() {
        assert!(keys::credential(&user("ana")).starts_with(keys::PREFIX));
        assert_eq!(keys::credential(&user("ana")), "people-panel:credential:https://app.example:ana");
    }

    #[test]
    fn list_keys_are_per_user_crm_and_credential() {
        let a = keys::list(&scope("ana", "c1"));
        assert!(a.starts_with(&keys::lists_of(&user("ana"))));
        assert!(!a.starts_with(&keys::lists_of(&user("an"))), "no user's prefix is another's");
        assert_ne!(a, keys::list(&scope("ana", "c2")));
        assert_ne!(a, keys::list(&scope("bob", "c1")));
    }

    #[test]
    fn what_is_a_users_is_told_apart_from_anothers() {
        let ana = user("ana");
        for key in [
            keys::credential(&ana),
            keys::draft(ProviderKind::Rally, &ana),
            keys::edit_draft(ProviderKind::Rollout, &ana, "p1"),
            keys::list(&scope("ana", "c1")),
        ] {
            assert!(keys::of_user(&ana, &key), "{key}");
            assert!(!keys::of_user(&user("an"), &key), "{key} is not another user's");
        }
        assert!(!keys::of_user(&ana, &format!("{}x", keys::draft(ProviderKind::Rally, &ana))));
    }
}
