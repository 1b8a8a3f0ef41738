//! Browser suites: the `<people-panel>` element in headless Chromium against a real dev-server
//! (started by `cargo xtask test`, its address compiled in through PP_DEV_SERVER).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod component;
mod rally;
mod resilience;
mod rollout;
mod support;
