//! Child processes: each in its own process group, all stopped on exit, on failure and on Ctrl-C.
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Result;

static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());

pub fn stop_children_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        eprintln!("\nxtask: stopping what it started");
        stop_all();
        std::process::exit(130);
    });
}

/// Stops every process group xtask started and hasn't reaped.
pub fn stop_all() {
    let pids: Vec<u32> = std::mem::take(&mut *CHILDREN.lock().unwrap());
    for pid in pids {
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{pid}")]).stderr(Stdio::null()).status();
    }
}

fn forget(pid: u32) {
    CHILDREN.lock().unwrap().retain(|p| *p != pid);
}

/// Starts `command` in its own process group, remembered for `stop_all`.
pub fn spawn(command: &mut Command) -> Result<Child> {
    let child =
        command.process_group(0).spawn().map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    CHILDREN.lock().unwrap().push(child.id());
    Ok(child)
}

/// Runs `command` to completion (Ctrl-C still stops it); true when it exited 0.
fn run(command: &mut Command) -> Result<bool> {
    run_within(command, None)
}

/// `run`, with its whole process group stopped after `limit` (counted as a failure).
fn run_within(command: &mut Command, limit: Option<Duration>) -> Result<bool> {
    let mut child = spawn(command)?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if limit.is_some_and(|limit| started.elapsed() > limit) {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-TERM", "--", &group]).stderr(Stdio::null()).status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    forget(child.id());
    Ok(status.is_some_and(|s| s.success()))
}

/// What a step's log ends with when `step_within` stopped it.
pub const STOPPED_AFTER: &str = "xtask: stopped, still running after";

/// Lines of a failed step's log shown on the console.
const TAIL_LINES: usize = 60;

/// Runs `command` as one step of set-up, build or test: prints one line, `what` and then its
/// duration, while the command's own output goes to target/logs/<what>.log; on failure the log's
/// tail follows. `PP_VERBOSE=1` shows the output as it comes instead. True when it exited 0.
pub fn step(what: &str, command: &mut Command) -> Result<bool> {
    step_within(what, command, None)
}

/// `step`, stopped after `limit` if it has not ended (it then failed, and its log says so).
pub fn step_within(what: &str, command: &mut Command, limit: Option<Duration>) -> Result<bool> {
    let verbose = std::env::var_os("PP_VERBOSE").is_some_and(|v| v != "0");
    let log = log_path(what);
    print!("  {what} … ");
    let _ = std::io::stdout().flush();
    if !verbose {
        let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        command.stdout(file.try_clone().map_err(|e| e.to_string())?).stderr(file).stdin(Stdio::null());
    }
    let started = Instant::now();
    let ok = run_within(command, limit)?;
    let seconds = started.elapsed().as_secs_f64();
    if let Some(limit) = limit.filter(|limit| !ok && started.elapsed() > *limit) {
        if let Ok(mut file) = std::fs::OpenOptions::new().append(true).open(&log) {
            let _ = writeln!(file, "\n{STOPPED_AFTER} {} s", limit.as_secs());
        }
    }
    if ok {
        println!("{seconds:.0} s");
    } else {
        println!("FAILED after {seconds:.0} s");
        if !verbose {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            // A browser's stack frames (`name@http://…`) push the panic itself out of the tail.
            let lines: Vec<&str> = text.lines().filter(|l| !l.contains("@http://")).collect();
            for (at, _) in lines.iter().enumerate().filter(|(_, l)| l.contains("panicked at")).take(3) {
                println!("  ---- a panic in {} ----", log.display());
                for line in lines.iter().skip(at).take(6) {
                    println!("  | {line}");
                }
            }
            println!("  ---- last {} lines of {} ----", TAIL_LINES.min(lines.len()), log.display());
            for line in &lines[lines.len().saturating_sub(TAIL_LINES)..] {
                println!("  | {line}");
            }
        }
    }
    Ok(ok)
}

/// Runs `command` as a step (see `step`) that must succeed.
pub fn run_ok(command: &mut Command, what: &str) -> Result {
    if step(what, command)? {
        Ok(())
    } else {
        Err(format!("{what} failed (log: {})", log_path(what).display()))
    }
}

/// Runs `command` with its output on the console (what it prints is the point), failing with `what`.
pub fn run_shown(command: &mut Command, what: &str) -> Result {
    if run(command)? {
        Ok(())
    } else {
        Err(format!("{what} failed"))
    }
}

/// target/logs/<what, as a file name>.log
pub fn log_path(what: &str) -> PathBuf {
    let dir = crate::root().join("target/logs");
    let _ = std::fs::create_dir_all(&dir);
    let mut name: String =
        what.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    name.truncate(60);
    dir.join(format!("{}.log", name.trim_matches('-')))
}

/// A running dev-server and the base URL it printed.
pub struct DevServer {
    pub url: String,
    child: Child,
}

impl Drop for DevServer {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
        forget(self.child.id());
    }
}

/// Starts the (already built) dev-server with `args` and waits for its "listening on" line.
pub fn dev_server(args: &[&str]) -> Result<DevServer> {
    let binary = crate::root().join("target/debug/dev-server");
    let mut child = spawn(Command::new(binary).args(args).stdout(Stdio::piped()))?;
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(std::result::Result::ok) {
            if let Some(url) = line.strip_prefix("dev-server listening on ") {
                let _ = tx.send(url.trim().to_string());
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(url) = rx.recv_timeout(Duration::from_millis(100)) {
            return Ok(DevServer { url, child });
        }
        if let Ok(Some(status)) = child.try_wait() {
            forget(child.id());
            return Err(format!("the dev-server stopped ({status}) before listening: is its port taken? {args:?}"));
        }
    }
    Err("the dev-server did not start within 30 s".into())
}
