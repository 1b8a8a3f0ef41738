//! The hosts the e2e suite drives, built as their developers build them: the React host of
//! e2e/hosts from the packed package (install the tarball, `tsc` against its declarations, esbuild),
//! and the demo's host app with the real Rollout Link (demo/build.mjs).
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::procs::run_ok;
use crate::{copy_dir, dist, root, tools, Result};

/// `npm pack` of dist/people-panel/ into target/; the tarball's path.
pub fn pack() -> Result<PathBuf> {
    let target = root().join("target");
    let out = Command::new("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&target)
        .current_dir(dist::out_dir())
        .output()
        .map_err(|e| format!("npm pack: {e}"))?;
    let name = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or("").trim().to_string();
    if !out.status.success() || name.is_empty() {
        return Err(format!("npm pack failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(target.join(name))
}

/// Installs the packed package into a copy of e2e/hosts, type-checks the React and Preact hosts and
/// bundles the React one into `site/react/` (its page, its script and the wasm beside it); bundles
/// the demo's host app into `site/link/`.
pub fn build(site: &Path) -> Result {
    let tarball = pack()?;
    let hosts = root().join("target/hosts");
    let _ = std::fs::remove_dir_all(&hosts);
    copy_dir(&root().join("e2e/hosts"), &hosts)?;
    run_ok(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"])
            .arg(&tarball)
            .current_dir(&hosts),
        "hosts: npm install the packed people-panel",
    )?;
    let tsc = root().join("node_modules/.bin/tsc");
    for config in ["tsconfig.json", "tsconfig.preact.json"] {
        run_ok(
            Command::new(&tsc).args(["-p", config]).current_dir(&hosts),
            &format!("hosts: tsc -p e2e/hosts/{config}"),
        )?;
    }
    let out = site.join("react");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    run_ok(
        Command::new(tools::esbuild())
            .arg("main.tsx")
            .args([
                "--bundle",
                "--format=esm",
                "--target=es2022",
                "--minify",
                "--log-level=warning",
                "--loader:.wasm=file",
                "--entry-names=app",
            ])
            .arg("--define:process.env.NODE_ENV=\"production\"")
            .arg(format!("--outdir={}", out.display()))
            .current_dir(&hosts),
        "hosts: esbuild the React host",
    )?;
    std::fs::copy(hosts.join("index.html"), out.join("index.html")).map_err(|e| e.to_string())?;
    // The second chunk is fetched from beside the bundle (`new URL(…, import.meta.url)`, which Vite
    // and webpack follow by themselves; with esbuild, the host copies it, as a user of it would).
    let chunk = hosts.join("node_modules/people-panel").join(crate::package::CHUNK);
    std::fs::copy(&chunk, out.join(crate::package::CHUNK)).map_err(|e| format!("{}: {e}", chunk.display()))?;
    // The demo's host app (React and the real Rollout Link), for e2e/site/link.html.
    run_ok(
        Command::new("node").arg(root().join("demo/build.mjs")).arg(site.join("link")),
        "hosts: bundle the demo's host app (demo/build.mjs)",
    )
}
