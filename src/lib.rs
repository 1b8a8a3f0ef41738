//! people-panel: list, search, view and create people on a customer's CRM, from the browser.
pub mod config;
pub mod error;
pub mod jwt;
pub mod model;
pub mod provider;
pub mod retry;
