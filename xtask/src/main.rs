//! `cargo xtask <command>`: installs what is missing, builds, starts and stops processes.
//! No logic of the product lives here.
mod bench;
mod dist;
mod procs;
mod suites;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>
  demo    install what is missing, start the dev-server and `trunk serve`, print the URL (Ctrl-C stops both)
  test    install what is missing, run every suite (native, browser, e2e), print a summary
  dist    build dist/people-panel/ (people_panel.js + people_panel_bg.wasm), print raw and gzip sizes
  bench   measure bundle size, time to first row, large lists and requests; writes target/bench.json
  setup   only install what is missing";

fn main() -> ExitCode {
    procs::stop_children_on_ctrl_c();
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "demo" => tools::ensure(tools::Need::Demo).and_then(|_| suites::demo()),
        "test" => tools::ensure(tools::Need::Test).and_then(|_| suites::test()),
        "dist" => tools::ensure(tools::Need::Dist).and_then(|_| dist::build().map(|sizes| dist::print(&sizes))),
        "bench" => tools::ensure(tools::Need::Test).and_then(|_| bench::run()),
        "setup" => tools::ensure(tools::Need::All),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    procs::stop_all();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask's parent folder).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

pub type Result<T = ()> = std::result::Result<T, String>;
