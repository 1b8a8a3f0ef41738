// The <people-panel> custom element. A real ES class must extend HTMLElement, which wasm-bindgen
// cannot express, so this small class owns the lifecycle and forwards everything to Rust.
let sheet = null;

// `attributes`: the observed attribute names, space-separated (their one list is in src/config.rs).
export function defineElement(tag, css, attributes, connect) {
  if (customElements.get(tag)) return; // tests and hot reloads define twice
  const observed = attributes.split(" ");
  class PeoplePanelElement extends HTMLElement {
    static get observedAttributes() {
      return observed;
    }

    constructor() {
      super(); // no attributes or children here: the spec forbids it
      this._panel = null;
      this._pendingCredential = null;
    }

    connectedCallback() {
      performance.mark("people-panel-connected"); // for time-to-first-row measurements
      if (!this.shadowRoot) {
        const root = this.attachShadow({ mode: "open" });
        // A constructable stylesheet, which `style-src 'self'` allows (an inline <style> it would not).
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
        }
        root.adoptedStyleSheets = [sheet];
      }
      const container = document.createElement("div");
      container.className = "pp-root";
      this.shadowRoot.replaceChildren(container);
      this._panel = connect(this, container);
      if (this._pendingCredential) {
        this._panel.credentialAdded(this._pendingCredential);
        this._pendingCredential = null;
      }
    }

    disconnectedCallback() {
      if (this._panel) {
        this._panel.free(); // unmounts and disposes the Rust side
        this._panel = null;
      }
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this._panel && oldValue !== newValue) this._panel.attributeChanged(name, newValue);
    }

    /** Hand it to Rollout Link: `onCredentialAdded: (c) => panel.onCredentialAdded(c)`. */
    onCredentialAdded(credential) {
      if (!credential || typeof credential.id !== "string" || !credential.id) {
        throw new TypeError("people-panel: onCredentialAdded expects { id, appKey }");
      }
      const c = { id: credential.id, appKey: String(credential.appKey ?? "") };
      if (this._panel) this._panel.credentialAdded(c);
      else this._pendingCredential = c;
    }

    get credentialId() {
      return (this._panel && this._panel.credentialId()) || this.getAttribute("credential-id");
    }

    set credentialId(id) {
      if (id == null || id === "") this.removeAttribute("credential-id");
      else this.setAttribute("credential-id", String(id));
    }

    refresh() {
      if (this._panel) this._panel.refresh();
    }
  }
  customElements.define(tag, PeoplePanelElement);
}
