//! people-panel's dev-server: the host backend's token routes, emulators of Rollout (platform and
//! Universal CRM) and Rally CRM that follow their documented contracts, fault injection, and a static
//! folder. See dev-server/README.md for every route and each choice made where the docs are silent.
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::http::{header, HeaderName, Method};
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use axum::Router;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;

pub mod admin;
pub mod clock;
pub mod error;
pub mod faults;
pub mod limits;
pub mod log;
pub mod platform;
pub mod rally;
pub mod rollout;
pub mod seed;
pub mod settings;
pub mod tokens;

pub use settings::Settings;

/// The whole emulated world. One mutex: requests are short and never await while holding it.
pub struct Emulator {
    pub settings: Settings,
    pub rollout: rollout::RolloutStore,
    pub rally: rally::RallyStore,
    pub faults: faults::Faults,
    pub log: log::RequestLog,
    pub tokens: tokens::Ledger,
    pub rollout_limits: limits::PerSecond,
    pub rally_limits: limits::FixedWindow,
}

pub type Shared = Arc<Mutex<Emulator>>;

/// Seeded users for the demo and tests: `alice` has one connected CRM, `bob` two, `carol` and
/// `demo` none yet. Rally tenant `acme` is seeded too.
pub const SEEDED_USERS: &[(&str, &[(&str, &str)])] = &[
    ("alice", &[("follow-up-boss", "Alice's Follow Up Boss")]),
    ("bob", &[("follow-up-boss", "Bob's Follow Up Boss"), ("lofty", "Bob's Lofty")]),
    ("carol", &[]),
    ("demo", &[]),
];

impl Emulator {
    pub fn new(settings: Settings) -> Self {
        let mut emu = Emulator {
            rollout: Default::default(),
            rally: Default::default(),
            faults: Default::default(),
            log: Default::default(),
            tokens: Default::default(),
            rollout_limits: Default::default(),
            rally_limits: Default::default(),
            settings,
        };
        for (user, credentials) in SEEDED_USERS {
            for (app_key, label) in *credentials {
                let tenant = emu.settings.rollout_client_id.clone();
                emu.rollout.add_credential(&tenant, user, app_key, Some(label.to_string()), emu.settings.people, 0);
            }
        }
        emu.rally.seed(settings::DEMO_RALLY_TENANT, emu.settings.people);
        emu
    }
}

/// The full application: token routes, emulators (behind fault injection), admin, static files, CORS.
pub fn app(state: Shared, static_dir: Option<PathBuf>) -> Router {
    let crm = Router::new()
        .route("/people", get(rollout::list_people).post(rollout::create_person))
        .route("/people/{id}", get(rollout::get_person).put(rollout::update_person).delete(rollout::delete_person))
        .layer(from_fn_with_state(state.clone(), rollout::crm_gate));
    let platform = Router::new()
        .route("/connectors", get(platform::list_connectors))
        .route("/connectors/{app_key}/icon", get(platform::connector_icon))
        .route(
            "/credentials",
            get(platform::list_credentials).post(platform::create_credential).delete(platform::delete_credential),
        );
    let rally = Router::new()
        .route("/contacts", get(rally::list_contacts).post(rally::create_contact))
        .route("/contacts/{id}", get(rally::get_contact).put(rally::update_contact).delete(rally::delete_contact))
        .route("/sync/changes", get(rally::changes))
        .layer(from_fn_with_state(state.clone(), rally::gate));
    let emulators = Router::new()
        .nest("/crm/api", crm)
        .nest("/universal/api", platform)
        .nest("/rally/api/v1", rally.clone())
        .nest("/rally/api", rally)
        .layer(from_fn_with_state(state.clone(), faults::inject));
    let token_routes = Router::new()
        .route("/api/rollout-token", get(tokens::rollout_token))
        .route("/api/rally-token", get(tokens::rally_token));
    let mut router = Router::new()
        .merge(emulators)
        .merge(token_routes)
        .layer(from_fn_with_state(state.clone(), log::record))
        .nest("/__admin", admin::routes(state.clone()));
    if let Some(dir) = static_dir {
        // A `.br` or `.gz` beside a file is sent instead when the browser accepts it, as a CDN or a
        // production server compresses (the bench writes them; nothing else does).
        router = router.fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip());
    }
    router.layer(cors()).with_state(state)
}

/// What the real services must answer for direct browser calls. `X-Api-Key` is deliberately not
/// allowed: Rally's keys are server-to-server only, so a browser cannot send one.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        // Rollout Link sends X-Rollout-User-Agent with every platform request.
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("x-rollout-credential-id"),
            HeaderName::from_static("x-rollout-user-agent"),
        ])
        .expose_headers([
            HeaderName::from_static("x-ratelimit-limit"),
            HeaderName::from_static("x-ratelimit-remaining"),
            HeaderName::from_static("x-ratelimit-reset"),
            header::RETRY_AFTER,
            // The token routes stand for the host's backend, which the demo and tests call
            // cross-origin: the panel reads the server's clock from `Date` (hosts' own routes are
            // usually same-origin, where every header is readable).
            header::DATE,
        ])
        .max_age(std::time::Duration::from_secs(600))
}

/// Serves on an already bound listener until `shutdown` resolves. TCP_NODELAY, as real servers
/// set it: without it Nagle's algorithm and delayed ACKs hold small answers back ~40 ms each.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}
