// The bundle's first act (js/entry.js imports it before anything else, so the bundler puts it
// first): the wasm's request, and its compiling as it arrives, before the element class, the
// catalogs and the rest evaluate. The token requests follow at once (js/early.js, imported next).
export const compiling = WebAssembly.compileStreaming(fetch(new URL("people_panel_bg.wasm", import.meta.url))).catch(() => null);
