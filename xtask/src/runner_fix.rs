//! wasm-bindgen-cli, installed with one fix to the test runner's web server.
//!
//! The runner serves its page with rouille on tiny_http 0.12, whose thread pool can lose a connection:
//! `TaskPool::spawn` queues a task whenever some thread is counted as waiting, even when that thread
//! was already woken for an earlier task. When Chromium opens five or more connections in one burst
//! (the page's module graph: our JS snippets and wasm-bindgen's), the fifth task waits in the queue
//! while four threads each block on an idle keep-alive connection, and the page never loads. Seen
//! here in 2 of 6 runs and twice in a row on CI; `ss` showed the fifth connection's request unread
//! (Recv-Q 587) while chromedriver waited for the page's load event.
//!
//! The fix: queue only when more threads are waiting than tasks are queued; otherwise start a thread.
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::procs::run_ok;
use crate::{root, Result};

const TINY_HTTP: &str = "0.12.0";
const FILE: &str = "src/util/task_pool.rs";
const RACY: &str = "if self.sharing.waiting_tasks.load(Ordering::Acquire) == 0 {";
const FIXED: &str = "if self.sharing.waiting_tasks.load(Ordering::Acquire) <= queue.len() {";

/// Marks an install made with the fix, beside the binaries (a plain install of the same version
/// lacks it and is replaced).
pub fn marker(cargo_bin: &Path, version: &str) -> PathBuf {
    cargo_bin.join(format!(".wasm-bindgen-cli-{version}-tiny_http-{TINY_HTTP}-fixed"))
}

/// `cargo install wasm-bindgen-cli` with tiny_http patched to the fixed copy.
pub fn install(version: &str, marker: &Path) -> Result {
    let patched = fixed_tiny_http()?;
    let patch = format!("patch.crates-io.tiny_http.path={:?}", patched.display().to_string());
    // Must equal the wasm-bindgen in Cargo.lock. No --locked: its own lock names a crate version the
    // registry may lack.
    run_ok(
        Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            version,
            "--force",
            "--config",
            &patch,
        ]),
        &format!("setup: cargo install wasm-bindgen-cli {version}, its test server's thread pool fixed (~3 min)"),
    )?;
    std::fs::write(marker, FIXED).map_err(|e| format!("{}: {e}", marker.display()))
}

/// tiny_http's source from crates.io (through `cargo vendor` of a one-line manifest), fixed.
fn fixed_tiny_http() -> Result<PathBuf> {
    let dir = root().join("target/tiny_http-fixed");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = \"fetch-tiny-http\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [dependencies]\ntiny_http = \"={TINY_HTTP}\"\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    run_ok(
        Command::new("cargo").args(["vendor", "--versioned-dirs", "vendor"]).current_dir(&dir),
        &format!("setup: cargo vendor tiny_http {TINY_HTTP} (to fix the test runner's server)"),
    )?;
    let crate_dir = dir.join(format!("vendor/tiny_http-{TINY_HTTP}"));
    let file = crate_dir.join(FILE);
    let source = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    if source.matches(RACY).count() != 1 {
        return Err(format!("{}: the line to fix is not there once: {RACY}", file.display()));
    }
    std::fs::write(&file, source.replace(RACY, FIXED)).map_err(|e| e.to_string())?;
    // A path dependency is not checked against the registry's checksums.
    let _ = std::fs::remove_file(crate_dir.join(".cargo-checksum.json"));
    Ok(crate_dir)
}
