//! The `trunk serve` demo: defines `<people-panel>`; the host app (demo/app.jsx) does the rest, as
//! any web app would.
fn main() {
    people_panel::define();
}
