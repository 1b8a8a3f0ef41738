// The bundle's entry (dist/people-panel/people_panel.js, bundled by `cargo xtask dist` with the
// wasm-bindgen glue and js/element.js + js/style.js into this one module, so a page waits for one
// script, not a chain of three).
//
// Its first acts, in this order: the wasm's request (./start.js), the token requests of the panels
// already in the page (js/early.js); then it defines <people-panel> (js/element.js), which paints
// its frame, and sends what the first row needs once the token has answered, so that `await init()`
// only has to instantiate the wasm, whose requests take those answers over.
import { compiling } from "./start.js";
import "./snippets/people-panel/js/early.js";
import initGlue from "./main.js";

// What a host may call besides `init`: `define()` (also run by `init`) and wasm-bindgen's `initSync`.
export { define, initSync } from "./main.js";
// The element's class, for a host that registers it under its own tag as well (js/element.js, as
// wasm-bindgen placed it: `cargo xtask dist` writes the crate's snippet folder into this path).
export { PeoplePanelElement } from "./snippets/people-panel/js/element.js";
import { keptPainted, tokensRead } from "./snippets/people-panel/js/element.js";

/** Starts the panel's Rust half; `options` as wasm-bindgen's init takes them (rarely needed). */
export default async function init(options) {
  if (options !== undefined) return initGlue(options);
  const module = await compiling;
  await keptPainted(); // a returning user's kept rows first (js/kept.js)
  await tokensRead(); // the first row's next requests sent before the start's long task
  // A server without the application/wasm type defeats streaming: the glue then fetches it itself.
  return initGlue(module ? { module_or_path: module } : undefined);
}
