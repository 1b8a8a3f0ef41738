// The <people-panel> custom element. A real ES class must extend HTMLElement, which wasm-bindgen
// cannot express, so this small class owns the lifecycle and forwards everything to Rust.
//
// It is defined as soon as this module loads, before the wasm has been fetched and compiled: a
// connected element paints its frame ("Loading people…") at once and starts its token request,
// which the Rust side takes over when it attaches (`attach`), so the request overlaps loading the
// wasm instead of following it.
import { adoptStyles } from "./style.js";
import { catalogOf, direction, loadCatalog, message, onCatalogLoaded, resolveLocale } from "./i18n.js";
import { keptList, paintKept } from "./kept.js";
import { earlyTokenText, forgetEarly, hasEarlyToken, readFirstRow, requestTokenEarly } from "./early.js";
// The observed attributes and the properties, written by build.rs from src/interface.rs (the class
// must exist before the wasm does, so it can't ask Rust).
import { ATTRIBUTES, PROPERTIES, TAG } from "./interface.js";

let connectRust = null;
let signOutRust = null;
const waiting = new Set();
// signOut() calls made before the wasm was ready: carried out first when it attaches.
const pendingSignOuts = [];
const connected = new Set();

// A panel without its own lang speaks the page's: when the page's language changes, so does it.
new MutationObserver(() => connected.forEach((element) => element._panel?.relocalize())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ["lang"],
});

// A catalog fetched for a panel's language arrived: the panels that speak it say everything again
// (the Rust view is rebuilt in the new words; a loading frame is painted again).
const speaks = (element, lang) => catalogOf(resolveLocale(element.getAttribute("lang"), element)) === lang;
onCatalogLoaded((lang) => {
  connected.forEach((element) => speaks(element, lang) && element._panel?.stringsChanged(element._strings));
  waiting.forEach((element) => speaks(element, lang) && element._paintLoadingFrame());
});

/** The channel the panels of one user and CRM share, on this page and in the browser's other tabs:
 *  what one of them creates, edits or deletes, the others show without reading the list again.
 *  `scope` names the user, the CRM API and the credential; messages of another scope are ignored. */
export function openChannel(scope, onChange) {
  if (typeof BroadcastChannel !== "function") return { post() {}, close() {} };
  const channel = new BroadcastChannel("people-panel");
  channel.onmessage = (event) => {
    if (event.data?.scope === scope && typeof event.data.change === "string") onChange(event.data.change);
  };
  return { post: (change) => channel.postMessage({ scope, change }), close: () => channel.close() };
}

/** The early token answers (their text) still to be taken of `elements`. */
const earlyTokenTexts = (elements) => elements.map((e) => earlyTokenText(e.getAttribute("token-url"))).filter(Boolean);

/** Resolves once every panel that may show a kept list (`cache`) has had it painted by JS: its
 *  token has answered and a frame has been drawn. The bundle's `init()` waits for it before it
 *  starts the wasm, whose start would otherwise hold those rows back on a slow device (the Rust
 *  view needs that token anyway). */
export function keptPainted() {
  const answers = earlyTokenTexts([...waiting].filter((e) => e._mayPaintKept()));
  if (!answers.length) return Promise.resolve();
  return Promise.all(answers).then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

// How long the wasm's start waits at most for the panels' tokens (`tokensRead`).
const TOKEN_WAIT_MS = 50;

/** Resolves once the early token request of every waiting panel has answered and what the first
 *  row needs next has been asked for (js/early.js), or after TOKEN_WAIT_MS. The wasm's start is
 *  one long task (about 180 ms at 4× CPU) in which no answer is read: a token answer that came just
 *  as it began would send the credentials request only after it. A slower token does not hold the
 *  start longer (the wasm mounts meanwhile). */
export function tokensRead() {
  const answers = earlyTokenTexts([...waiting]);
  if (!answers.length) return Promise.resolve();
  return Promise.race([Promise.all(answers), new Promise((resolve) => setTimeout(resolve, TOKEN_WAIT_MS))]);
}

/** Called by Rust once the wasm has started: carries out the sign-outs asked for meanwhile, then
 *  connects every element waiting for it. */
export function attach(connect, signOut) {
  performance.mark("people-panel-wasm-started"); // for the bench's waterfall
  connectRust = connect;
  signOutRust = signOut;
  for (const { url, done } of pendingSignOuts.splice(0)) done(signOutNow(url));
  for (const element of waiting) element._connectRust();
  waiting.clear();
}

/** Signs out the user of `url`'s tokens in every panel sharing it; resolves once the panels have
 *  drawn the signed-out state. */
function signOutNow(url) {
  forgetEarly(url);
  signOutRust(url);
  return new Promise((resolve) => setTimeout(resolve, 0)); // after the panels' microtask updates
}

/** What the Rust view shows while loading, painted by JS until the wasm is ready. */
function paintLoadingFrame(container, theme, locale, strings) {
  const t = (id) => message(locale, strings, id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const panel = el("section", "pp");
  panel.setAttribute("part", "panel");
  panel.dataset.theme = theme;
  panel.setAttribute("aria-label", t("people"));
  panel.lang = locale;
  if (direction(locale) === "rtl") panel.dir = "rtl";
  const header = el("header", "pp-header");
  header.setAttribute("part", "header");
  header.append(el("h2", "pp-title", t("people")));
  const state = el("div", "pp-state");
  state.setAttribute("part", "state");
  state.setAttribute("role", "status");
  state.dataset.state = "loading";
  const spinner = el("span", "pp-spinner");
  spinner.setAttribute("aria-hidden", "true");
  state.append(spinner, el("p", "pp-message", t("state.loading")));
  panel.append(header, state);
  container.replaceChildren(panel);
}

const attribute = (element, name) => (element.getAttribute(name) ?? "").trim().toLowerCase();

/** Rollout Link's `{ id, appKey }`, or a TypeError that says what was expected. */
function checkedCredential(credential, method) {
  if (!credential || typeof credential.id !== "string" || !credential.id) {
    throw new TypeError(`people-panel: ${method} expects { id, appKey }`);
  }
  return { id: credential.id, appKey: String(credential.appKey ?? "") };
}

/** The element's class. Importing the module registers it as <people-panel>; a host that needs
 *  another tag (two versions on one page, a design system's prefix) registers a subclass of it:
 *  `customElements.define("acme-people", class extends PeoplePanelElement {})` (one class can't
 *  be registered twice). */
export class PeoplePanelElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super(); // no attributes or children here: the spec forbids it
    this._panel = null;
    this._pendingCredential = null;
    this._strings = null;
    this._frame = null; // the JS-painted frame, while it is what shows
    this._keptAnswer = null;
  }

  connectedCallback() {
    performance.mark("people-panel-connected"); // for time-to-first-row measurements
    this._takeOverProperties();
    if (!this.shadowRoot) adoptStyles(this.attachShadow({ mode: "open" }));
    // Its language's catalog, if the module lacks it, on its way while the wasm is.
    loadCatalog(resolveLocale(this.getAttribute("lang"), this));
    if (connectRust) {
      this._connectRust();
    } else {
      this._paintLoadingFrame();
      waiting.add(this);
      this._startEarly();
    }
  }

  /** A property the host set before this class was defined (a lazily imported package) sits on the
   *  element itself and hides the class's accessor: it is taken over, as if set now. */
  _takeOverProperties() {
    for (const name of PROPERTIES) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
  }

  /** Before the wasm: the token request, then, once it has answered, a returning user's kept list
   *  (`cache`) painted over the loading frame and the first row's requests (js/early.js). Again
   *  after an attribute changes: what was asked for the old values is not taken over. */
  _startEarly() {
    const url = this.getAttribute("token-url");
    requestTokenEarly(url);
    earlyTokenText(url)?.then((answer) => {
      const kept = keptList(this, answer); // read from storage once, for both
      this._paintKept(answer, kept);
      if (this.isConnected) readFirstRow(this, url, answer, kept !== null);
    });
  }

  /** Paints the kept list into the JS frame while that frame is what shows (the Rust view, if
   *  attached, is still drawing out of sight). */
  _paintKept(answer, kept = keptList(this, answer)) {
    this._keptAnswer = answer;
    const panel = this._frame?.isConnected ? this._frame.querySelector(".pp") : null;
    if (!panel || panel.querySelector(".pp-rows")) return;
    if (kept) paintKept(panel, kept, this, resolveLocale(this.getAttribute("lang"), this), this._strings);
  }

  /** Whether a kept list may yet be painted: `cache` is on and the early token request's answer is
   *  still to come or unread. */
  _mayPaintKept() {
    return ["session", "device"].includes(attribute(this, "cache")) && hasEarlyToken(this.getAttribute("token-url"));
  }

  _paintLoadingFrame() {
    const locale = resolveLocale(this.getAttribute("lang"), this);
    this._frame = this._freshContainer();
    paintLoadingFrame(this._frame, (this.getAttribute("theme") || "auto").toLowerCase(), locale, this._strings);
    if (this._keptAnswer) this._paintKept(this._keptAnswer);
  }

  /** An empty container as the shadow root's only child. */
  _freshContainer() {
    const container = document.createElement("div");
    container.className = "pp-root";
    this.shadowRoot.replaceChildren(container);
    return container;
  }

  _connectRust() {
    if (this._panel || !this.isConnected) return;
    const painted = this._frame?.isConnected ? this._frame : null;
    if (painted && (painted.querySelector(".pp-rows") || this._mayPaintKept())) {
      // A kept list is on screen, or may be once the token answers: the Rust view draws out of
      // sight and takes its place once it shows rows (or anything but "Loading"), so the list
      // never blinks and shows as soon as JS can paint it.
      const container = document.createElement("div");
      container.className = "pp-root";
      container.hidden = true;
      this.shadowRoot.append(container);
      this._panel = connectRust(this, container);
      const drawn = () => container.querySelector(".pp-row, .pp-state:not([data-state='loading'])");
      const swap = () => {
        observer.disconnect();
        painted.remove();
        container.hidden = false;
        this._frame = null;
      };
      const observer = new MutationObserver(() => drawn() && swap());
      observer.observe(container, { childList: true, subtree: true });
      setTimeout(() => container.hidden && swap(), 3000);
    } else {
      // Rust renders its first frame synchronously, so the loading frame is replaced without a gap.
      this._panel = connectRust(this, this._freshContainer());
    }
    connected.add(this);
    if (this._strings) this._panel.stringsChanged(this._strings);
    if (this._pendingCredential) {
      this._panel.credentialAdded(this._pendingCredential);
      this._pendingCredential = null;
    }
  }

  disconnectedCallback() {
    waiting.delete(this);
    connected.delete(this);
    if (this._panel) {
      this._panel.free(); // unmounts and disposes the Rust side
      this._panel = null;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (this._panel) {
      this._panel.attributeChanged(name, newValue);
    } else if (waiting.has(this)) {
      this._startEarly();
    }
  }

  /** Hand it to Rollout Link: `onCredentialAdded: (c) => panel.onCredentialAdded(c)`. */
  onCredentialAdded(credential) {
    const c = checkedCredential(credential, "onCredentialAdded");
    if (this._panel) this._panel.credentialAdded(c);
    else this._pendingCredential = c;
  }

  /** Hand it to Rollout Link: `onCredentialDeleted: (c) => panel.onCredentialDeleted(c)`. */
  onCredentialDeleted(credential) {
    const { id } = checkedCredential(credential, "onCredentialDeleted");
    if (this._pendingCredential && this._pendingCredential.id === id) this._pendingCredential = null;
    if (this._panel) this._panel.credentialDeleted(id);
  }

  get credentialId() {
    return (this._panel && this._panel.credentialId()) || this.getAttribute("credential-id");
  }

  set credentialId(id) {
    if (id == null || id === "") this.removeAttribute("credential-id");
    else this.setAttribute("credential-id", String(id));
  }

  /** The `fields` attribute as a list of names, or null when unset (the panel's own choice). */
  get fields() {
    const names = (this.getAttribute("fields") ?? "").split(",").map((n) => n.trim()).filter(Boolean);
    return names.length ? names : null;
  }

  set fields(names) {
    if (names == null) this.removeAttribute("fields");
    else if (Array.isArray(names)) this.setAttribute("fields", names.join(","));
    else throw new TypeError("people-panel: fields expects a list of field names, e.g. [\"email\", \"company\"], or null");
  }

  refresh() {
    if (this._panel) this._panel.refresh();
  }

  /** Call it from your app's sign-out: forgets everything the panel kept for its user in this browser
   *  (the token of its token-url, in every panel sharing it; the saved credential id; drafts) and
   *  shows a signed-out state until refresh() or another token-url. */
  signOut() {
    const url = this.getAttribute("token-url") ?? "";
    if (signOutRust) return signOutNow(url);
    forgetEarly(url);
    return new Promise((done) => pendingSignOuts.push({ url, done }));
  }

  /** Your text for any message id of the panel's catalogs (js/i18n.js), e.g. `{ "new-person": "Add contact" }`. */
  get strings() {
    return this._strings;
  }

  set strings(overrides) {
    if (overrides != null && typeof overrides !== "object") {
      throw new TypeError("people-panel: strings expects an object of message ids to text");
    }
    this._strings = overrides ?? null;
    if (this._panel) this._panel.stringsChanged(this._strings);
  }
}

// Tests and hot reloads load this module twice.
if (!customElements.get(TAG)) customElements.define(TAG, PeoplePanelElement);
