//! The `trunk serve` demo: defines `<people-panel>`; the host page (demo/host.js) does the rest, as
//! any web app would.
fn main() {
    people_panel::define();
}
