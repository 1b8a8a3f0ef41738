//! The npm side of dist/people-panel/: package.json, the TypeScript declarations (module, element,
//! events, JSX for React 19 and Preact, Vue's and Svelte's template types) and the Custom Elements
//! Manifest, all written from the one list of the element's interface in src/interface.rs, so they
//! cannot drift from it.
use std::path::Path;

use serde_json::{json, Value};

use crate::fields::SHOWN;
use crate::interface::{Attribute, Event, ATTRIBUTES, CLASS, CSS_PROPERTIES, EVENTS, MEMBERS, PARTS, TAG};
use crate::{root, Result};

pub const MODULE: &str = "people_panel.js";
pub const WASM: &str = "people_panel_bg.wasm";
/// The second chunk (src/later.rs: the form, details, edit and delete), fetched after the first row.
pub const CHUNK: &str = "split_later.wasm";
/// The stylesheet's source, shipped for hosts who read it (the module carries it too, and adopts it).
pub const STYLESHEET: &str = "style/people-panel.css";

/// Writes every generated file into `out` (next to the module and the wasm).
/// `catalogs`: the language files beside the module (`people_panel.<lang>.json`).
pub fn write(out: &Path, catalogs: &[String]) -> Result {
    let (name, version, description, license) = crate_facts()?;
    let files: [(&str, String); 8] = [
        ("package.json", pretty(&package_json(&name, &version, &description, &license, catalogs))),
        ("custom-elements.json", pretty(&manifest(&description))),
        ("people_panel.d.ts", module_declarations()),
        ("react.d.ts", jsx_declarations("react")),
        ("preact.d.ts", jsx_declarations("preact")),
        ("vue.d.ts", vue_declarations()),
        ("svelte.d.ts", svelte_declarations()),
        ("README.md", readme(&name, &description)),
    ];
    for (file, text) in files {
        std::fs::write(out.join(file), text).map_err(|e| format!("{file}: {e}"))?;
    }
    std::fs::create_dir_all(out.join("style")).map_err(|e| e.to_string())?;
    std::fs::copy(root().join(STYLESHEET), out.join(STYLESHEET)).map_err(|e| format!("{STYLESHEET}: {e}"))?;
    Ok(())
}

/// name, version, description and licence from the crate's Cargo.toml `[package]`.
fn crate_facts() -> Result<(String, String, String, String)> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let package = manifest.split("[package]").nth(1).ok_or("Cargo.toml has no [package]")?;
    let field = |key: &str| {
        package
            .lines()
            .find_map(|l| {
                l.strip_prefix(key)
                    .map(str::trim_start)
                    .and_then(|l| l.strip_prefix('='))
                    .map(|v| v.trim().trim_matches('"').to_string())
            })
            .ok_or_else(|| format!("Cargo.toml's [package] has no {key}"))
    };
    Ok((field("name")?, field("version")?, field("description")?, field("license")?))
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialize") + "\n"
}

fn package_json(name: &str, version: &str, description: &str, license: &str, catalogs: &[String]) -> Value {
    let mut files = vec![MODULE.to_string(), WASM.to_string(), CHUNK.to_string(), STYLESHEET.to_string()];
    files.extend(catalogs.iter().cloned());
    files.extend(
        [
            "people_panel.d.ts",
            "react.d.ts",
            "preact.d.ts",
            "vue.d.ts",
            "svelte.d.ts",
            "custom-elements.json",
            "README.md",
        ]
        .map(String::from),
    );
    let mut exports = json!({
        ".": { "types": "./people_panel.d.ts", "default": format!("./{MODULE}") },
        "./people_panel_bg.wasm": format!("./{WASM}"),
        "./split_later.wasm": format!("./{CHUNK}"),
        "./style/people-panel.css": format!("./{STYLESHEET}"),
        "./react": { "types": "./react.d.ts" },
        "./preact": { "types": "./preact.d.ts" },
        "./vue": { "types": "./vue.d.ts" },
        "./svelte": { "types": "./svelte.d.ts" },
        "./custom-elements.json": "./custom-elements.json",
        "./package.json": "./package.json"
    });
    for catalog in catalogs {
        exports[format!("./{catalog}")] = json!(format!("./{catalog}"));
    }
    json!({
        "name": name,
        "version": version,
        "description": description,
        "license": license,
        "type": "module",
        "main": format!("./{MODULE}"),
        "module": format!("./{MODULE}"),
        "types": "./people_panel.d.ts",
        "exports": exports,
        "customElements": "custom-elements.json",
        "files": files,
        // Importing the module defines <people-panel>.
        "sideEffects": [format!("./{MODULE}")],
        "keywords": ["web-component", "custom-element", "crm", "rollout", "wasm", "leptos"]
    })
}

fn manifest(description: &str) -> Value {
    let attributes: Vec<Value> = ATTRIBUTES.iter().map(manifest_attribute).collect();
    let mut members: Vec<Value> = MEMBERS
        .iter()
        .map(|m| {
            if m.method {
                let parameters: Vec<Value> = m
                    .ty
                    .split(", ")
                    .filter(|p| !p.is_empty())
                    .map(|p| {
                        let (name, ty) = p.split_once(": ").expect("parameters are `name: Type`");
                        json!({ "name": name, "type": { "text": ty } })
                    })
                    .collect();
                json!({ "kind": "method", "name": m.name, "description": m.about, "parameters": parameters, "return": { "type": { "text": m.returns } } })
            } else {
                json!({ "kind": "field", "name": m.name, "type": { "text": m.ty }, "description": m.about })
            }
        })
        .collect();
    members.sort_by_key(|m| m["kind"] == "method");
    let events: Vec<Value> = EVENTS.iter().map(|e| json!({ "name": e.name, "type": { "text": format!("CustomEvent<{}>", e.detail) }, "description": e.about })).collect();
    let named = |list: &[crate::interface::CssName]| {
        list.iter().map(|c| json!({ "name": c.name, "description": c.about })).collect::<Vec<_>>()
    };
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": MODULE,
            "declarations": [{
                "kind": "class",
                "name": CLASS,
                "description": description,
                "tagName": TAG,
                "customElement": true,
                "superclass": { "name": "HTMLElement" },
                "attributes": attributes,
                "members": members,
                "events": events,
                "cssProperties": named(&CSS_PROPERTIES),
                "cssParts": named(&PARTS)
            }],
            "exports": [
                { "kind": "custom-element-definition", "name": TAG, "declaration": { "name": CLASS, "module": MODULE } },
                { "kind": "js", "name": "default", "declaration": { "name": "init", "module": MODULE } },
                { "kind": "js", "name": "define", "declaration": { "name": "define", "module": MODULE } },
                { "kind": "js", "name": "initSync", "declaration": { "name": "initSync", "module": MODULE } }
            ]
        }]
    })
}

fn manifest_attribute(a: &Attribute) -> Value {
    let mut v = json!({ "name": a.name, "type": { "text": a.ty }, "description": a.about });
    if !a.default.is_empty() {
        v["default"] = json!(a.default);
    }
    v
}

fn doc(text: &str, indent: &str) -> String {
    format!("{indent}/** {} */\n", text.replace("*/", "*\\/"))
}

fn event_map() -> String {
    EVENTS
        .iter()
        .map(|e: &Event| format!("{}  \"{}\": CustomEvent<{}>;\n", doc(e.about, "  "), e.name, e.detail))
        .collect()
}

fn module_declarations() -> String {
    let attributes: String =
        ATTRIBUTES.iter().map(|a| format!("{}  \"{}\"?: {};\n", doc(a.about, "  "), a.name, a.ty)).collect();
    let members: String = MEMBERS
        .iter()
        .map(|m| {
            let signature = if m.method {
                format!("{}({}): {};", m.name, m.ty, m.returns)
            } else {
                format!("{}: {};", m.name, m.ty)
            };
            format!("{}  {signature}\n", doc(m.about, "  "))
        })
        .collect();
    format!(
        r#"// Generated by `cargo xtask dist` from src/interface.rs: do not edit.

/** A person as the CRM's API returned it (Rollout's or Rally's own shape). */
export type PeoplePanelPerson = Record<string, unknown>;

/** What Rollout Link's `onCredentialAdded` and `onCredentialDeleted` hand over. */
export interface PeoplePanelCredential {{
  id: string;
  appKey?: string;
}}

/** A field rows and details can show (the `fields` attribute, comma-separated, or property). */
export type PeoplePanelField = {field_names};

/** The element's events (`bubbles: true, composed: true`), by name. */
export interface PeoplePanelEventMap {{
{event_map}}}

/** The element's attributes, as markup and JSX write them. */
export interface PeoplePanelAttributes {{
{attributes}}}

/** `<{TAG}>`: list, search, view, create, edit and delete people on a customer's CRM. Importing the
 *  module registers it as `<{TAG}>`; to use another tag as well, register a subclass:
 *  `customElements.define("acme-people", class extends {CLASS} {{}})`. */
export declare class {CLASS} extends HTMLElement {{
{members}  addEventListener<K extends keyof PeoplePanelEventMap>(type: K, listener: (this: {CLASS}, event: PeoplePanelEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: {CLASS}, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PeoplePanelEventMap>(type: K, listener: (this: {CLASS}, event: PeoplePanelEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: {CLASS}, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}}

/** Where the wasm is, when it is not beside this module (a bundler moved one of them). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Starts the panel's Rust half. Importing the module already defines `<{TAG}>`, which paints a
 *  loading frame until this resolves. */
export default function init(options?: {{ module_or_path: InitInput | Promise<InitInput> }}): Promise<unknown>;
/** Makes `<{TAG}>` live (also run by `init`); later calls do nothing. */
export function define(): void;
/** Starts the panel from an already fetched or compiled wasm. */
export function initSync(options: {{ module: BufferSource | WebAssembly.Module }}): unknown;

declare global {{
  interface HTMLElementTagNameMap {{
    "{TAG}": {CLASS};
  }}
}}
"#,
        event_map = event_map(),
        field_names = SHOWN.iter().map(|f| format!("\"{}\"", f.name)).collect::<Vec<_>>().join(" | "),
    )
}

/// JSX intrinsic-element types: the attributes, the writable properties, and one `on<event>`
/// prop per event (React 19 and Preact add a listener for the event of exactly that name).
fn jsx_declarations(framework: &str) -> String {
    let handlers: String =
        EVENTS.iter().map(|e| format!("  \"on{}\"?: (event: CustomEvent<{}>) => void;\n", e.name, e.detail)).collect();
    let properties: String =
        MEMBERS.iter().filter(|m| !m.method).map(|m| format!("  {}?: {};\n", m.name, m.ty)).collect();
    let base = match framework {
        "react" => format!("React.DetailedHTMLProps<React.HTMLAttributes<{CLASS}>, {CLASS}>"),
        _ => format!("PreactJSX.HTMLAttributes<{CLASS}>"),
    };
    let import = match framework {
        "react" => "import type * as React from \"react\";".to_string(),
        _ => "import type { JSX as PreactJSX } from \"preact\";".to_string(),
    };
    format!(
        r#"// Generated by `cargo xtask dist` from src/interface.rs: do not edit.
// `<{TAG}>` in {framework} JSX: `import type {{}} from "people-panel/{framework}";` once in the app.
{import}
import type {{ {CLASS}, PeoplePanelAttributes, PeoplePanelCredential, PeoplePanelField, PeoplePanelPerson }} from "./people_panel.js";

export type PeoplePanelJsxProps = {base} & PeoplePanelAttributes & {{
{properties}{handlers}}};

declare module "{framework}" {{
  namespace JSX {{
    interface IntrinsicElements {{
      "{TAG}": PeoplePanelJsxProps;
    }}
  }}
}}
"#
    )
}

/// `token-url` → `tokenUrl`: the name vue-tsc checks an attribute under.
fn camel(name: &str) -> String {
    let mut parts = name.split('-');
    let first = parts.next().unwrap_or_default().to_string();
    parts.fold(first, |mut out, part| {
        let mut chars = part.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
        out
    })
}

/// The package's own types (`PeoplePanel…`) that `types` name, for a declaration file's import.
fn named_types<'a>(types: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = types
        .into_iter()
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| w.starts_with("PeoplePanel"))
        .collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// One optional member per line of a declared type, with its doc comment.
fn member(about: &str, name: &str, ty: &str) -> String {
    format!("{}  {name}?: {ty};\n", doc(about, "  "))
}

/// Vue 3 templates (vue-tsc): Vue's documented pattern for a custom element in `GlobalComponents`,
/// a constructor of the element whose `$props` and `$emit` are read by the checker only.
fn vue_declarations() -> String {
    let properties: Vec<_> = MEMBERS.iter().filter(|m| !m.method).collect();
    // vue-tsc checks `token-url="…"` as `tokenUrl`; where that is a property's name, the property's type.
    let attributes = ATTRIBUTES.iter().filter(|a| !properties.iter().any(|p| p.name == camel(a.name)));
    let props: String = attributes
        .map(|a| member(&format!("The `{}` attribute: {}", a.name, a.about), &camel(a.name), a.ty))
        .chain(properties.iter().map(|m| member(m.about, m.name, m.ty)))
        .collect();
    let imports = named_types(properties.iter().map(|m| m.ty).chain(["PeoplePanelEventMap"]));
    format!(
        r#"// Generated by `cargo xtask dist` from src/interface.rs: do not edit.
// `<{TAG}>` in Vue 3 templates, for vue-tsc and Vue's editor tools: `import type {{}} from "people-panel/vue";`
// once in the app. Vue compiles the tag as a custom element when told so:
// `compilerOptions.isCustomElement = (tag) => tag === "{TAG}"` (in Vite: the Vue plugin's `template.compilerOptions`).
import type {{ EmitFn, HTMLAttributes, PublicProps }} from "vue";
import type {{ {CLASS}, {imports} }} from "./people_panel.js";

/** What a template may set on `<{TAG}>`, as vue-tsc checks it: an attribute written `token-url="…"` is
 *  checked under its camelCase name, as a component's props are (Vue sets it as the attribute written);
 *  a name the element has as a property (`:credentialId="…"`) Vue sets as that property. */
export interface PeoplePanelVueProps {{
{props}}}

/** The element as Vue's template checker sees it; `@event-name` listeners get the event's type. */
export type PeoplePanelVueElement = new () => {CLASS} & {{
  /** @deprecated For template type checking only: not on the element. */
  $props: HTMLAttributes & PeoplePanelVueProps & PublicProps;
  /** @deprecated For template type checking only: not on the element. */
  $emit: EmitFn<{{ [K in keyof PeoplePanelEventMap]: (event: PeoplePanelEventMap[K]) => void }}>;
}};

declare module "vue" {{
  interface GlobalComponents {{
    "{TAG}": PeoplePanelVueElement;
  }}
}}
"#
    )
}

/// Svelte 5 markup (svelte-check): `<{TAG}>` added to `svelte/elements`' `SvelteHTMLElements`, with
/// the attributes, the properties and one `on<event-name>` attribute per event.
fn svelte_declarations() -> String {
    let properties: Vec<_> = MEMBERS.iter().filter(|m| !m.method).collect();
    // Svelte sets a name the element has as a property as that property: there, the property's type.
    let attributes = ATTRIBUTES.iter().filter(|a| !properties.iter().any(|p| p.name == a.name));
    let handlers =
        EVENTS.iter().map(|e| (e, format!("\"on{}\"", e.name), format!("(event: CustomEvent<{}>) => void", e.detail)));
    let handler_types: Vec<String> = handlers.clone().map(|(_, _, ty)| ty).collect();
    let props: String = attributes
        .map(|a| member(&format!("The `{}` attribute: {}", a.name, a.about), &format!("\"{}\"", a.name), a.ty))
        .chain(properties.iter().map(|m| member(m.about, m.name, m.ty)))
        .chain(handlers.map(|(e, name, ty)| member(e.about, &name, &ty)))
        .collect();
    let imports = named_types(properties.iter().map(|m| m.ty).chain(handler_types.iter().map(String::as_str)));
    format!(
        r#"// Generated by `cargo xtask dist` from src/interface.rs: do not edit.
// `<{TAG}>` in Svelte 5 markup, for svelte-check and Svelte's editor tools:
// `import type {{}} from "people-panel/svelte";` once in the app. Svelte sets a name the element has as a
// property (`credentialId`) as that property and any other as an attribute; `on<event-name>` listens for
// exactly that event.
import type {{ HTMLAttributes }} from "svelte/elements";
import type {{ {CLASS}, {imports} }} from "./people_panel.js";

/** What markup may set on `<{TAG}>`: attributes, properties and event listeners. */
export interface PeoplePanelSvelteProps {{
{props}}}

declare module "svelte/elements" {{
  export interface SvelteHTMLElements {{
    "{TAG}": HTMLAttributes<{CLASS}> & PeoplePanelSvelteProps;
  }}
}}
"#
    )
}

fn readme(name: &str, description: &str) -> String {
    let attributes: String = ATTRIBUTES
        .iter()
        .map(|a| format!("| `{}` | {} | {} |\n", a.name, a.about, if a.default.is_empty() { "—" } else { a.default }))
        .collect();
    let events: String = EVENTS.iter().map(|e| format!("| `{}` | `{}` | {} |\n", e.name, e.detail, e.about)).collect();
    format!(
        r#"# {name}

{description}

```html
<script type="module">
  import init from "{name}"; // or "/people-panel/{MODULE}" from a static folder
  await init();
</script>
<{TAG} token-url="/api/rollout-token"></{TAG}>
```

`{WASM}` must be served beside `{MODULE}`, or its URL passed: `init({{ module_or_path: wasmUrl }})`.

**Load it fast.** Importing the module first asks for the wasm, then for the token of every
`<{TAG}>` already in the page, then, once the token has answered, for the credentials list and the
first page; the wasm takes those answers over. Write the attributes in your HTML (or set them
before the import) so the module finds them, serve both files compressed (gzip or brotli), and add
these two hints to the page's `<head>`, so that both files are on their way while your own scripts
load:

```html
<link rel="modulepreload" href="/people-panel/{MODULE}">
<link rel="preload" href="/people-panel/{WASM}" as="fetch" type="application/wasm" crossorigin>
```
Types: `{name}` (the element, `HTMLElementTagNameMap`, typed events: what Angular's template checker
reads); JSX: `import type {{}} from "{name}/react"` (or `"{name}/preact"`); Vue templates (vue-tsc):
`import type {{}} from "{name}/vue"`; Svelte 5 markup (svelte-check): `import type {{}} from "{name}/svelte"`.
The Custom Elements Manifest is `custom-elements.json`.

| attribute | meaning | default |
| --- | --- | --- |
{attributes}
| event | detail | when |
| --- | --- | --- |
{events}"#
    )
}
