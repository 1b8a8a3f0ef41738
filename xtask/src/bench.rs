//! `cargo xtask bench` (not part of the test command): bundle sizes, time to first row beside a
//! hand-written vanilla-JS page, 10,000 people, requests. bench/run.mjs measures and prints the
//! table with PASS/FAIL per budget; the figures go to target/bench.json.
use std::process::Command;

use crate::procs::{dev_server, run_ok, run_shown};
use crate::{dist, root, tools, Result};

/// The round trip added to every answer for the second first-row comparison.
const LATENCY_MS: &str = "40";

pub fn run() -> Result {
    let root = root();
    let sizes = dist::build()?;
    let profile = dist::profile()?;
    crate::profile::print(&profile, 20);
    let bundle = serde_json::json!({
        "files": sizes.iter().map(|f| serde_json::json!({ "name": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli })).collect::<Vec<_>>(),
        "wasmByCrate": profile.by_crate.iter().map(|(k, n)| serde_json::json!({ "crate": k, "bytes": n })).collect::<Vec<_>>(),
        "largestFunctions": profile.functions.iter().take(20).map(|f| serde_json::json!({ "function": f.name, "bytes": f.bytes })).collect::<Vec<_>>(),
    });
    let bundle_path = root.join("target/bench-bundle.json");
    std::fs::write(&bundle_path, bundle.to_string()).map_err(|e| e.to_string())?;

    run_ok(Command::new("cargo").args(["build", "-p", "dev-server"]).current_dir(&root), "build the dev-server")?;
    let site = root.join("target/bench-site");
    let _ = std::fs::remove_dir_all(&site);
    crate::copy_dir(&root.join("bench/site"), &site)?;
    crate::copy_dir(&dist::out_dir(), &site.join("people-panel"))?;
    // The vanilla page gets the panel's own stylesheet as a plain CSS file.
    std::fs::copy(root.join("style/people-panel.css"), site.join("people-panel.css")).map_err(|e| e.to_string())?;
    let site_arg = site.display().to_string();
    let server = dev_server(&["--port", "0", "--static-dir", &site_arg])?;
    let slow = dev_server(&["--port", "0", "--static-dir", &site_arg, "--latency-ms", LATENCY_MS])?;
    run_shown(
        Command::new("node")
            .arg("bench/run.mjs")
            .env("PP_BENCH_URL", &server.url)
            .env("PP_BENCH_SLOW_URL", &slow.url)
            .env("PP_BENCH_LATENCY_MS", LATENCY_MS)
            .env("PP_BENCH_BUNDLE", &bundle_path)
            .env("PP_BENCH_SITE", &site)
            .env("PP_BENCH_OUT", root.join("target/bench.json"))
            .env("CHROMIUM", tools::CHROMIUM)
            .current_dir(&root),
        "the benchmark",
    )
}
