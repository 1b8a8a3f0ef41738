//! `cargo xtask bench` (not part of the test command).
use crate::Result;

pub fn run() -> Result {
    let sizes = crate::dist::build()?;
    crate::dist::print(&sizes);
    Ok(())
}
