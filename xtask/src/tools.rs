//! Fresh-machine setup, idempotent: each tool is checked first (seconds when all are present) and
//! installed only when missing or at the wrong version, one line per install (its output goes to
//! target/logs/).
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::procs::run_ok;
use crate::{root, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_PACK_VERSION: &str = "0.15.1";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Firefox ESR, driven by geckodriver (from crates.io) in the browser and e2e suites.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const GECKODRIVER_VERSION: &str = "0.37.0";
/// Debian's WebKitGTK WebDriver; it drives WebKitGTK's MiniBrowser, under Xvfb (it has no headless mode).
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB: &str = "/usr/bin/Xvfb";
/// Builds the shipped bundle only (see dist.rs); pinned so that its size is reproducible.
pub const NIGHTLY: &str = "nightly-2026-10-29";
/// The splitter that cuts the bundle's second chunk off (wasm_split_cli_support's binary).
pub const WASM_SPLIT: &str = "wasm-split-cli";
const WASM_SPLIT_VERSION: &str = "0.2.4";

#[derive(Clone, Copy, PartialEq)]
pub enum Need {
    Demo,
    Test,
    /// What the bench needs: the test tools but the other engines (it measures in Chromium).
    Bench,
    Dist,
    All,
}

pub fn ensure(need: Need) -> Result {
    put_cargo_bin_on_path();
    let all = need == Need::All;
    wasm_target()?;
    wasm_bindgen()?;
    if all || need == Need::Demo {
        cargo_tool("trunk", TRUNK_VERSION, &["--locked"], "to build and serve the demo")?;
    }
    if all || need == Need::Bench {
        chromium()?;
    }
    if all || need == Need::Test {
        cargo_tool("wasm-pack", WASM_PACK_VERSION, &["--locked"], "to run the browser suites")?;
        lint_components()?;
        chromium()?;
        other_engines()?;
        // --debug: 1.3 min to build instead of 4 on 2 cores; a driver's speed is not what tests wait on.
        cargo_tool("geckodriver", GECKODRIVER_VERSION, &["--locked", "--debug"], "to drive Firefox")?;
    }
    node_packages()?;
    if all || need != Need::Demo {
        nightly()?;
        wasm_split()?;
    }
    Ok(())
}

/// The pinned nightly with the wasm target and the standard library's source (for `build-std`).
fn nightly() -> Result {
    let ready = Command::new("rustup")
        .args(["+".to_string() + NIGHTLY, "component".into(), "list".into(), "--installed".into()])
        .output()
        .is_ok_and(|o| {
            o.status.success() && String::from_utf8_lossy(&o.stdout).lines().any(|l| l.starts_with("rust-src"))
        });
    let has_target = Command::new("rustup")
        .args(["+".to_string() + NIGHTLY, "target".into(), "list".into(), "--installed".into()])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown"));
    if ready && has_target {
        return Ok(());
    }
    run_ok(
        Command::new("rustup").args([
            "toolchain",
            "install",
            NIGHTLY,
            "--profile",
            "minimal",
            "--target",
            "wasm32-unknown-unknown",
            "-c",
            "rust-src",
        ]),
        &format!("setup: install the {NIGHTLY} toolchain (the bundle's std, built for size)"),
    )
}

/// Where `cargo install` puts binaries; first on PATH for every child process.
fn cargo_bin() -> PathBuf {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        return PathBuf::from(root).join("bin");
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin")
}

fn put_cargo_bin_on_path() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![cargo_bin()];
    dirs.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", joined);
    }
}

/// First line of `program --version`, if it runs.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_string())
}

fn wasm_target() -> Result {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run_ok(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        "setup: add the wasm32-unknown-unknown target",
    )
}

/// The bundle's splitter. It has no `--version`: `cargo install --list` tells.
fn wasm_split() -> Result {
    let listed = Command::new("cargo").args(["install", "--list"]).output().map_err(|e| e.to_string())?;
    if String::from_utf8_lossy(&listed.stdout).contains(&format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:")) {
        return Ok(());
    }
    run_ok(
        Command::new("cargo")
            .args(["install", "wasm_split_cli_support", "--version", WASM_SPLIT_VERSION, "--force"])
            .args(["--features", "build-binary"]),
        &format!("setup: cargo install wasm_split_cli_support {WASM_SPLIT_VERSION}, the bundle's splitter (minutes)"),
    )
}

/// rustfmt and clippy, which the lint suite runs (a minimal rustup profile lacks them).
fn lint_components() -> Result {
    let runs = |args: &[&str]| Command::new("cargo").args(args).output().is_ok_and(|o| o.status.success());
    if runs(&["fmt", "--version"]) && runs(&["clippy", "--version"]) {
        return Ok(());
    }
    run_ok(
        Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]),
        "setup: rustup component add rustfmt clippy",
    )
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly that version.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen".into())
}

fn wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    let marker = crate::runner_fix::marker(&cargo_bin(), &version);
    let installed = version_of("wasm-bindgen").is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str()));
    if installed && marker.exists() {
        return Ok(());
    }
    crate::runner_fix::install(&version, &marker)
}

fn cargo_tool(name: &str, version: &str, flags: &[&str], why: &str) -> Result {
    if version_of(name).is_some_and(|v| v.split_whitespace().nth(1) == Some(version)) {
        return Ok(());
    }
    run_ok(
        Command::new("cargo").args(["install", name, "--version", version, "--force"]).args(flags),
        &format!("setup: cargo install {name} {version}, {why} (minutes)"),
    )
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn apt_install(packages: &[&str], why: &str) -> Result {
    if !is_root() {
        return Err(format!(
            "{} missing ({why}); installing needs root: run `sudo apt-get install -y {}` and try again",
            packages.join(" and "),
            packages.join(" ")
        ));
    }
    run_ok(Command::new("apt-get").args(["update", "-qq"]), "setup: apt-get update")?;
    // Only these packages and what they depend on: no recommended extras, no upgrades of others.
    run_ok(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends", "--no-upgrade"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &format!("setup: apt-get install {} ({why})", packages.join(" ")),
    )
}

fn chromium() -> Result {
    if PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists() {
        return Ok(());
    }
    // fonts-liberation: Chromium only recommends fonts; pages render text with it.
    apt_install(&["chromium", "chromium-driver", "fonts-liberation"], "the browser suites run in headless Chromium")
}

/// Firefox and WebKit, which the tests run in besides Chromium: one apt step for what is missing.
fn other_engines() -> Result {
    let missing: Vec<&str> = [(FIREFOX, "firefox-esr"), (WEBKIT_WEBDRIVER, "webkit2gtk-driver"), (XVFB, "xvfb")]
        .into_iter()
        .filter(|(path, _)| !PathBuf::from(path).exists())
        .map(|(_, package)| package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing, "the tests run in Firefox and WebKit too")
}

/// geckodriver, where `cargo install` put it.
pub fn geckodriver() -> PathBuf {
    cargo_bin().join("geckodriver")
}

/// The npm packages of package-lock.json (development and test tooling only): binaryen's wasm-opt
/// and esbuild build the bundle, playwright-core drives Chromium, selenium-webdriver drives Firefox
/// and WebKit, react and Rollout Link make the
/// hosts, typescript checks the package's declarations.
fn node_packages() -> Result {
    if version_of("npm").is_none() {
        apt_install(&["nodejs", "npm"], "the e2e suite and wasm-opt come from npm")?;
    }
    let modules = root().join("node_modules");
    let lock = std::fs::metadata(root().join("package-lock.json")).and_then(|m| m.modified()).ok();
    let installed = std::fs::metadata(modules.join(".package-lock.json")).and_then(|m| m.modified()).ok();
    if installed.is_some() && installed >= lock {
        return Ok(());
    }
    run_ok(
        Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root()),
        "setup: npm ci (esbuild, binaryen, playwright-core, selenium-webdriver, react, Rollout Link, typescript, axe-core)",
    )
}

/// esbuild from npm: bundles the entry, the glue and the element into one module.
pub fn esbuild() -> PathBuf {
    root().join("node_modules/.bin/esbuild")
}

/// binaryen's wasm-opt from npm (Debian's is too old for today's Rust output).
pub fn wasm_opt() -> PathBuf {
    root().join("node_modules/.bin/wasm-opt")
}
