//! people-panel: list, search, view and create people on a customer's CRM, from the browser, through
//! Rollout's Universal CRM API or Rally CRM. Ships as the `<people-panel>` custom element
//! ([`define`]) and the Leptos component [`PeoplePanel`].
//!
//! Layers, each in its own module: `config` (attributes) → `panel` (state and actions) → `http` (the
//! one request path) → `provider` (one module per CRM) and `auth` (token, credential); `model`,
//! `jwt`, `retry` are pure and tested natively; `ui` and `element` are thin.
pub mod auth;
pub mod browser;
pub mod config;
pub mod element;
pub mod error;
pub mod fields;
pub mod http;
pub mod i18n;
pub mod interface;
pub mod json;
pub mod jwt;
pub mod later;
pub mod model;
pub mod panel;
pub mod provider;
pub mod remember;
pub mod retry;
pub mod scope;
pub mod text;
pub mod ui;

pub use auth::sign_out;
pub use config::{PanelConfig, ProviderKind, RawConfig, Theme};
pub use element::define;
pub use panel::PanelEvent;
pub use ui::PeoplePanel;
