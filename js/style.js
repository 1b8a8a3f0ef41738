// Adopts people-panel's stylesheet (style/people-panel.css, which build.rs writes as the module
// ./stylesheet.js) into the element's shadow root, as a constructable stylesheet (allowed under
// `style-src 'self'`, unlike an inline <style>), or into the document for the Leptos component. In
// JS so that the element can paint its frame before the wasm has loaded.
import { CSS } from "./stylesheet.js";

let sheet = null;

/** Adopts the stylesheet into a shadow root or a document, once. */
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
