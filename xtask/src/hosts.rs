//! The hosts the e2e suite drives, built as their developers build them, from the packed package:
//! the React host of e2e/hosts (`tsc` against the package's declarations, esbuild), the Vue, Svelte
//! and Angular hosts of e2e/hosts/vue, svelte, angular (vue-tsc and Vite, svelte-check and Vite, ngc
//! with strictTemplates and esbuild with Angular's linker), and the demo's host app with the real
//! Rollout Link (demo/build.mjs).
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
/// bundles the React one into `site/react/` (its page, its script and the wasm beside it); checks and
/// bundles the Vue, Svelte and Angular hosts into `site/vue/`, `site/svelte/`, `site/angular/`;
/// bundles the demo's host app into `site/link/`.
pub fn build(site: &Path) -> Result {
    let tarball = pack()?;
    let hosts = root().join("target/hosts");
    install(&hosts)?;
    run_ok(
        Command::new("npm")
            .args(["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"])
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
    frameworks(&hosts, site)?;
    // The demo's host app (React and the real Rollout Link), for e2e/site/link.html.
    run_ok(
        Command::new("node").arg(root().join("demo/build.mjs")).arg(site.join("link")),
        "hosts: bundle the demo's host app (demo/build.mjs)",
    )
}

/// A fresh copy of e2e/hosts in target/hosts, with the frameworks of e2e/hosts/package-lock.json
/// installed there (`npm ci`, only when the lock differs from the one last installed: the install is
/// kept between runs).
fn install(hosts: &Path) -> Result {
    let modules = hosts.join("node_modules");
    if let Ok(entries) = std::fs::read_dir(hosts) {
        for entry in entries.flatten().filter(|e| e.path() != modules) {
            let path = entry.path();
            let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            removed.map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    // A node_modules in e2e/hosts (an editor's install) stays there.
    for entry in std::fs::read_dir(root().join("e2e/hosts")).map_err(|e| format!("e2e/hosts: {e}"))?.flatten() {
        let (from, to) = (entry.path(), hosts.join(entry.file_name()));
        if entry.file_name() == "node_modules" {
            continue;
        } else if from.is_dir() {
            copy_dir(&from, &to)?;
        } else {
            std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
        }
    }
    let lock =
        std::fs::read(hosts.join("package-lock.json")).map_err(|e| format!("e2e/hosts/package-lock.json: {e}"))?;
    let installed = modules.join(".people-panel-hosts.lock");
    if std::fs::read(&installed).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    run_ok(
        Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(hosts),
        "hosts: npm ci (Vue, Svelte, Angular, Vite, their checkers; e2e/hosts/package-lock.json)",
    )?;
    std::fs::write(&installed, &lock).map_err(|e| format!("{}: {e}", installed.display()))
}

/// The Vue, Svelte and Angular hosts, each checked by its framework's own checker against the
/// package's declarations (a type error fails the suite) and bundled as its users bundle it.
fn frameworks(hosts: &Path, site: &Path) -> Result {
    let bin = |name: &str| hosts.join("node_modules/.bin").join(name);
    for (framework, checker, args) in [
        ("vue", "vue-tsc", &["-p", "tsconfig.json"][..]),
        ("svelte", "svelte-check", &["--tsconfig", "./tsconfig.json", "--fail-on-warnings"][..]),
        // Angular's compiler with strictTemplates: type-checks the templates and emits the AOT code.
        ("angular", "ngc", &["-p", "tsconfig.json"][..]),
    ] {
        run_ok(
            Command::new(bin(checker)).args(args).current_dir(hosts.join(framework)),
            &format!("hosts: {checker} e2e/hosts/{framework}"),
        )?;
    }
    // Vite follows the package's `new URL("./….wasm", import.meta.url)` and emits the wasm, the
    // second chunk and the language files beside the bundle by itself.
    for framework in ["vue", "svelte"] {
        let out = site.join(framework);
        run_ok(
            Command::new(bin("vite"))
                .args(["build", "--emptyOutDir", "--logLevel", "warn", "--outDir"])
                .arg(&out)
                .current_dir(hosts.join(framework)),
            &format!("hosts: vite build e2e/hosts/{framework}"),
        )?;
    }
    let out = site.join("angular");
    run_ok(
        Command::new("node").arg("build.mjs").arg(&out).current_dir(hosts.join("angular")),
        "hosts: esbuild the Angular host (ngc's output, Angular's linker)",
    )?;
    std::fs::copy(hosts.join("angular/index.html"), out.join("index.html")).map_err(|e| e.to_string())?;
    let chunk = hosts.join("node_modules/people-panel").join(crate::package::CHUNK);
    std::fs::copy(&chunk, out.join(crate::package::CHUNK)).map_err(|e| format!("{}: {e}", chunk.display()))?;
    Ok(())
}
