//! `cargo xtask <command>`: installs what is missing, builds, starts and stops processes.
//! No logic of the product lives here.
mod bench;
mod dist;
/// The field table, the same file the panel compiles (plain data): the `fields` names.
#[path = "../../src/fields.rs"]
#[allow(dead_code)]
mod fields;
mod hosts;
/// The element's interface, the same file the panel compiles (plain data).
#[path = "../../src/interface.rs"]
#[allow(dead_code)]
mod interface;
mod package;
mod procs;
mod profile;
mod runner_fix;
mod suites;
mod tools;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>
  demo    install what is missing, start the dev-server and `trunk serve`, print the URL (Ctrl-C stops both)
  test    install what is missing, run every suite (lint, native, browser, e2e), print a summary;
          `test e2e e2e/hosts.test.js` runs only the suites and e2e files named
  dist    build dist/people-panel/, an npm package (people_panel.js + people_panel_bg.wasm, types, manifest), print sizes;
          `dist --profile` also prints the wasm's bytes by crate and its 20 largest functions
  bench   measure bundle size, time to first row, large lists and requests; writes target/bench.json
  setup   only install what is missing
  profile [file.wasm]  the size profile of a wasm (default: the last dist's optimized copy);
          `profile --lazy trace.json` what a trace (the bench's PP_TRACE_OUT) shows compiled lazily before the first row";

fn main() -> ExitCode {
    procs::stop_children_on_ctrl_c();
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "demo" => tools::ensure(tools::Need::Demo).and_then(|_| suites::demo()),
        "test" => {
            // `test [lint|native|browser|e2e]… [e2e/x.test.js]…`: some suites, some e2e files.
            let args: Vec<String> = std::env::args().skip(2).collect();
            let (files, only): (Vec<String>, Vec<String>) = args.into_iter().partition(|a| a.ends_with(".js"));
            tools::ensure(tools::Need::Test).and_then(|_| suites::test(&only, &files))
        }
        "dist" => tools::ensure(tools::Need::Dist).and_then(|_| {
            dist::print(&dist::build()?);
            if std::env::args().any(|a| a == "--profile") {
                profile::print(&dist::profile()?, 20);
            }
            Ok(())
        }),
        "bench" => tools::ensure(tools::Need::Bench).and_then(|_| bench::run()),
        "setup" => tools::ensure(tools::Need::All),
        "profile" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let lazy = args.iter().position(|a| a == "--lazy").map(|at| args.get(at + 1).cloned());
            let wasm = args.iter().find(|a| a.ends_with(".wasm")).map(PathBuf::from).unwrap_or_else(dist::named_copy);
            let top = std::env::var("PP_TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
            let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
            read(&wasm).and_then(|b| profile::profile(&b)).and_then(|p| match lazy {
                None => {
                    profile::print(&p, top);
                    Ok(())
                }
                Some(None) => Err("--lazy needs a trace (bench with PP_TRACE_OUT)".into()),
                Some(Some(trace)) => read(Path::new(&trace))
                    .and_then(|t| serde_json::from_slice(&t).map_err(|e| format!("{trace}: {e}")))
                    .and_then(|t| profile::print_lazy(&p, &t, top)),
            })
        }
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

/// Copies a folder's tree (files and subfolders) into `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

pub type Result<T = ()> = std::result::Result<T, String>;
