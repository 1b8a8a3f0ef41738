use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clap::Parser;
use dev_server::{app, serve, Emulator, Settings};

/// Local stand-in for Rollout's and Rally's servers, plus the host backend's token routes.
#[derive(Parser)]
struct Args {
    /// Port on 127.0.0.1; 0 picks a free one (the bound address is printed).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// People seeded per Rollout credential and per Rally tenant.
    #[arg(long, default_value_t = 250)]
    people: usize,
    /// How long a newly connected Rollout credential answers 409 (the real first sync takes 30–60 s).
    #[arg(long, default_value_t = 5000)]
    sync_window_ms: u64,
    /// A folder to serve at `/` (the e2e host page and the built element bundle).
    #[arg(long)]
    static_dir: Option<PathBuf>,
    /// Delays every answer (static files, preflights and API calls alike) by this many ms: a real
    /// network's round trip, for the benchmark's loading waterfall.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let settings = Settings::from_env(args.people, Duration::from_millis(args.sync_window_ms));
    let state = Arc::new(Mutex::new(Emulator::new(settings)));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await?;
    // Tests and xtask read this line to learn the port.
    println!("dev-server listening on http://{}", listener.local_addr()?);
    let mut app = app(state, args.static_dir);
    if args.latency_ms > 0 {
        let delay = Duration::from_millis(args.latency_ms);
        app = app.layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| async move {
                tokio::time::sleep(delay).await;
                next.run(request).await
            },
        ));
    }
    serve(listener, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
