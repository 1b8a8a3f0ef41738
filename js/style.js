// people-panel's stylesheet, the one source of it: the element adopts it into its shadow root as
// a constructable stylesheet (allowed under `style-src 'self'`, unlike an inline <style>), and the
// Leptos component into its document. It lives in JS so that the element can paint its frame
// before the wasm has loaded.
export const CSS = String.raw`
/* Theme it from the page with the --people-panel-* properties below and ::part(panel | header |
   search | button | list | row | stage | tag | form | state | error | notice | detail | footer |
   empty). Each colour has a light and a dark default (light-dark(), chosen by color-scheme): the
   theme attribute (data-theme on .pp) picks light or dark, or follows prefers-color-scheme (auto).
   Every default pair meets WCAG 2.2 AA: 4.5:1 for text, 3:1 for controls' edges and focus rings.
   .pp repeats :host so that the Leptos component, which renders without a shadow root, gets the
   same defaults. */
:host { display: block; }
.pp {
  color-scheme: light dark;
  --pp-accent: var(--people-panel-accent, light-dark(#1d4ed8, #60a5fa));
  --pp-on-accent: var(--people-panel-on-accent, light-dark(#ffffff, #0b1220));
  --pp-bg: var(--people-panel-background, light-dark(#ffffff, #111827));
  --pp-surface: var(--people-panel-surface, light-dark(#f3f4f6, #1f2937));
  --pp-fg: var(--people-panel-color, light-dark(#111827, #f9fafb));
  --pp-muted: var(--people-panel-muted, light-dark(#4b5563, #aeb5c0));
  --pp-border: var(--people-panel-border, light-dark(#d1d5db, #374151));
  --pp-control: var(--people-panel-control-border, light-dark(#6b7280, #8b93a1));
  --pp-danger: var(--people-panel-danger, light-dark(#b91c1c, #fca5a5));
  --pp-ok: var(--people-panel-success, light-dark(#047857, #6ee7b7));
  --pp-radius: var(--people-panel-radius, 10px);
  --pp-height: var(--people-panel-list-height, 28rem);
  font-family: var(--people-panel-font, system-ui, -apple-system, "Segoe UI", sans-serif);
  color: var(--pp-fg);
}
.pp[data-theme="light"] { color-scheme: light; }
.pp[data-theme="dark"] { color-scheme: dark; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }

.pp { background: var(--pp-bg); border: 1px solid var(--pp-border); border-radius: var(--pp-radius); overflow: hidden; }
.pp-header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--pp-border); }
.pp-title { font-size: 1.05rem; margin: 0; }
.pp-count { color: var(--pp-muted); font-size: .85rem; margin-inline-end: auto; font-variant-numeric: tabular-nums; }
.pp-search { flex: 1 1 12rem; max-width: 20rem; padding: .45rem .6rem; border: 1px solid var(--pp-control); border-radius: 6px; font: inherit; background: var(--pp-bg); color: var(--pp-fg); }
.pp ::placeholder { color: var(--pp-muted); opacity: 1; }

.pp-button { font: inherit; min-height: 24px; padding: .45rem .8rem; border-radius: 6px; border: 1px solid var(--pp-control); background: var(--pp-bg); color: var(--pp-fg); cursor: pointer; }
.pp-button:hover:not(:disabled) { border-color: var(--pp-accent); }
.pp-button:disabled { opacity: .55; cursor: not-allowed; }
.pp-primary { background: var(--pp-accent); border-color: var(--pp-accent); color: var(--pp-on-accent); }
.pp-link { font: inherit; min-width: 24px; min-height: 24px; background: none; border: 0; color: var(--pp-accent); cursor: pointer; padding: 0 .25rem; text-decoration: underline; }
:is(.pp-button, .pp-link, .pp-row-button, .pp-search, input, .pp-scroll):focus-visible { outline: 2px solid var(--pp-accent); outline-offset: 2px; }

.pp-notice { margin: 0; padding: .5rem 1rem; font-size: .9rem; border-bottom: 1px solid var(--pp-border); background: var(--pp-surface); }
.pp-error { color: var(--pp-danger); }
.pp-ok { color: var(--pp-ok); }
.pp-muted { color: var(--pp-muted); font-size: .85rem; }

.pp-state { padding: 2rem 1rem; text-align: center; color: var(--pp-muted); }
.pp-state-title { color: var(--pp-fg); font-weight: 600; font-size: 1.05rem; }
.pp-state.pp-error .pp-state-title { color: var(--pp-danger); }
.pp-message { max-width: 40rem; margin-inline: auto; }
.pp-spinner { display: inline-block; width: 1.4rem; height: 1.4rem; border: 3px solid var(--pp-border); border-top-color: var(--pp-accent); border-radius: 50%; animation: pp-spin .8s linear infinite; }
@keyframes pp-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .pp-spinner { animation: none; } }
.pp-choices { list-style: none; padding: 0; display: grid; gap: .5rem; max-width: 24rem; margin: 1rem auto 0; }
.pp-choice { width: 100%; display: flex; justify-content: space-between; gap: 1rem; }

.pp-scroll { height: var(--pp-height); overflow-y: auto; position: relative; }
.pp-rows { list-style: none; margin: 0; padding: 0; box-sizing: border-box; }
.pp-row { height: 64px; display: flex; align-items: center; gap: .75rem; padding: 0 1rem; border-bottom: 1px solid var(--pp-border); overflow: hidden; }
.pp-row-button { flex: 1; min-width: 0; display: grid; grid-template-columns: 1fr auto; grid-template-rows: auto auto; column-gap: .75rem; text-align: start; background: none; border: 0; padding: .35rem 0; font: inherit; color: inherit; cursor: pointer; }
.pp-name { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pp-contact { grid-row: 2; color: var(--pp-muted); font-size: .85rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pp-company { grid-row: 1 / span 2; grid-column: 2; align-self: center; color: var(--pp-muted); font-size: .85rem; max-width: 12rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pp-meta { display: flex; gap: .3rem; flex-shrink: 0; max-width: 40%; overflow: hidden; }
.pp-stage, .pp-tag { font-size: .75rem; padding: .1rem .45rem; border-radius: 999px; white-space: nowrap; max-width: 10rem; overflow: hidden; text-overflow: ellipsis; }
.pp-stage { background: color-mix(in srgb, var(--pp-accent) 12%, transparent); color: var(--pp-accent); }
.pp-tag { background: var(--pp-surface); color: var(--pp-muted); }
.pp-empty { padding: 1.5rem 1rem; color: var(--pp-muted); text-align: center; }
.pp-footer { display: flex; justify-content: center; padding: .6rem; border-top: 1px solid var(--pp-border); min-height: 2.9rem; align-items: center; }

.pp-detail { margin: .75rem 1rem; padding: .75rem 1rem; border: 1px solid var(--pp-border); border-radius: 8px; }
.pp-detail-header { display: flex; justify-content: space-between; align-items: center; }
.pp-detail h3 { margin: 0; font-size: 1rem; }
.pp-detail dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 0; font-size: .9rem; }
.pp-detail dt { color: var(--pp-muted); }
.pp-detail dd { margin: 0; overflow-wrap: anywhere; }
.pp-detail-actions { display: flex; gap: .5rem; margin-top: .75rem; }
.pp-danger { color: var(--pp-danger); }
.pp-confirm { margin-top: .75rem; padding: .75rem; border: 1px solid var(--pp-danger); border-radius: 6px; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.pp-confirm p { flex-basis: 100%; margin: 0; }
.pp-busy { color: var(--pp-muted); font-size: .8rem; }
/* Read by screen readers, not shown: the live region. */
.pp-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.pp { position: relative; }
.pp-detail:focus-visible { outline: 2px solid var(--pp-accent); outline-offset: 2px; }

.pp-form { padding: 1rem; border-bottom: 1px solid var(--pp-border); background: var(--pp-surface); }
.pp-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem 1rem; }
.pp-field label { display: block; font-size: .85rem; margin-bottom: .2rem; }
.pp-field input { width: 100%; padding: .45rem .6rem; border: 1px solid var(--pp-control); border-radius: 6px; font: inherit; background: var(--pp-bg); color: var(--pp-fg); }
.pp-invalid input { border-color: var(--pp-danger); }
.pp-field-error { color: var(--pp-danger); font-size: .8rem; margin: .2rem 0 0; min-height: 1em; }
.pp-form-message { margin: .75rem 0 0; }
.pp-form-actions { display: flex; gap: .5rem; margin-top: .75rem; }
`;

let sheet = null;

/** Adopts the stylesheet into a shadow root or a document, once. */
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
