//! Everything the emulators can be tuned by, in one place. Defaults are the documented real limits.
use std::time::Duration;

/// The demo's Rollout client id and secret when `ROLLOUT_CLIENT_ID` / `ROLLOUT_CLIENT_SECRET` are unset.
pub const DEMO_CLIENT_ID: &str = "demo-client-id";
pub const DEMO_CLIENT_SECRET: &str = "demo-client-secret-never-sent-to-a-browser";
pub const DEMO_RALLY_SECRET: &str = "demo-rally-jwt-secret-never-sent-to-a-browser";
/// A server-to-server Rally key for the emulator's default tenant (`X-Api-Key`); never used by the panel.
pub const DEMO_RALLY_API_KEY: &str = "rk_live_demo_acme";
pub const DEMO_RALLY_TENANT: &str = "acme";

#[derive(Clone, Debug)]
pub struct Settings {
    pub rollout_client_id: String,
    pub rollout_client_secret: String,
    pub rally_jwt_secret: String,
    /// People seeded per Rollout credential and contacts per Rally tenant.
    pub people: usize,
    /// How long a newly connected Rollout credential answers 409 "not ready".
    pub sync_window: Duration,
    /// Rollout: about 50 requests/second per tenant.
    pub rollout_per_second: u32,
    /// Rally: 1,000 requests/minute per tenant.
    pub rally_per_minute: u32,
    /// Rally's window (a minute); tests shorten it to see a reset without waiting a minute.
    pub rally_window_ms: u64,
    /// Lifetime of the tokens the host-backend routes mint (Rollout recommends 15 minutes).
    pub token_ttl_secs: u64,
}

impl Settings {
    /// Settings from the environment (the same variables a real host backend would read).
    pub fn from_env(people: usize, sync_window: Duration) -> Self {
        let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        Settings {
            rollout_client_id: var("ROLLOUT_CLIENT_ID", DEMO_CLIENT_ID),
            rollout_client_secret: var("ROLLOUT_CLIENT_SECRET", DEMO_CLIENT_SECRET),
            rally_jwt_secret: var("RALLY_JWT_SECRET", DEMO_RALLY_SECRET),
            people,
            sync_window,
            rollout_per_second: 50,
            rally_per_minute: 1000,
            rally_window_ms: 60_000,
            token_ttl_secs: 900,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rollout_client_id: DEMO_CLIENT_ID.into(),
            rollout_client_secret: DEMO_CLIENT_SECRET.into(),
            rally_jwt_secret: DEMO_RALLY_SECRET.into(),
            people: 250,
            sync_window: Duration::from_secs(5),
            rollout_per_second: 50,
            rally_per_minute: 1000,
            rally_window_ms: 60_000,
            token_ttl_secs: 900,
        }
    }
}
