//! Child processes: each in its own process group, all stopped on exit, on failure and on Ctrl-C.
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Result;

static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());

pub fn stop_children_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        eprintln!("\nxtask: interrupted, stopping what it started");
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
    let child = command.process_group(0).spawn().map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    CHILDREN.lock().unwrap().push(child.id());
    Ok(child)
}

/// Runs `command` to completion (Ctrl-C still stops it); true when it exited 0.
pub fn run(command: &mut Command) -> Result<bool> {
    let mut child = spawn(command)?;
    let status = child.wait().map_err(|e| e.to_string())?;
    forget(child.id());
    Ok(status.success())
}

/// Runs `command`, failing with `what` when it doesn't exit 0.
pub fn run_ok(command: &mut Command, what: &str) -> Result {
    if run(command)? { Ok(()) } else { Err(format!("{what} failed")) }
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
    match rx.recv_timeout(deadline - Instant::now()) {
        Ok(url) => Ok(DevServer { url, child }),
        Err(_) => Err("the dev-server did not start within 30 s (is its port taken?)".into()),
    }
}
