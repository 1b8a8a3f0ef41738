// A returning user's remembered list (`cache="session"` or `"device"`), painted from the browser's
// storage as soon as the token route has answered, while the wasm is still on its way: the rows a
// user sees first then need no wasm at all. The wasm's view takes over with the same list (and
// brings it up to date). What is read here is what src/remember.rs writes: the key
// (`KEPT.listPrefix` + the JSON array of iss, sub, provider, api-base, credential id), the kept
// list's shape, and a day's limit on the device. The keys, the age and how a row shows each field
// come from Rust (`KEPT`, `FIELDS`: build.rs writes them from src/fields.rs and src/provider/plan.rs).
import { formatAgo, formatDate, message } from "./i18n.js";
import { claimsOf, configOf, jwtOf, knownCredential } from "./early.js";
import { FIELDS, KEPT } from "./interface.js";

// The rows painted: more than a list's height shows.
const ROWS = 12;

const attribute = (element, name) => (element.getAttribute(name) ?? "").trim();

/** The list kept for `element`'s user (the token route's `answer`), CRM and credential, if any
 *  and fresh enough; null otherwise. */
export function keptList(element, answer) {
  const mode = attribute(element, "cache").toLowerCase();
  if (mode !== "session" && mode !== "device") return null;
  // Ordered or narrowed by the host: the wasm draws it (its order and filter are Rust's alone).
  if (attribute(element, "sort") || attribute(element, "filter")) return null;
  const claims = claimsOf(jwtOf(answer));
  if (!claims) return null;
  const config = configOf(element);
  if (!config || !rowFields(attribute(element, "fields"))) return null;
  const credential = config.provider.needsCredential ? knownCredential(config, claims) : "";
  if (credential === null) return null;
  try {
    const store = mode === "session" ? sessionStorage : localStorage;
    const kept = JSON.parse(store.getItem(KEPT.listPrefix + JSON.stringify([claims.iss, claims.sub, config.provider.name, config.apiBase, credential])));
    const age = Date.now() - kept?.savedAt;
    if (!Array.isArray(kept?.people) || !(age >= 0) || (mode === "device" && age > KEPT.maxAgeMs)) return null;
    return kept;
  } catch {
    return null;
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** The fields a row shows, as table entries: the `fields` attribute's as config::Fields reads it
 *  (names case aside, each once, in order; none: the panel's own choice). Null for an unknown
 *  name: the wasm says what is wrong with the attribute, and shows no list. */
function rowFields(attributeText) {
  const asciiLower = (name) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const names = attributeText.split(",").map((n) => asciiLower(n.trim())).filter(Boolean);
  const chosen = names.map((name) => FIELDS.find((f) => f.name === name));
  if (chosen.includes(undefined)) return null;
  return chosen.length ? [...new Set(chosen)] : FIELDS.filter((f) => f.rowByDefault);
}

/** One row as the wasm's list draws it (src/model/row.rs, src/ui/list.rs), inert until the wasm
 *  takes over: each field where the table puts it. */
function row(person, position, total, fields, locale) {
  const values = (field) => {
    const kept = person[field.kept];
    return (Array.isArray(kept) ? kept : [kept]).filter((v) => typeof v === "string");
  };
  const text = (field) => {
    const all = values(field);
    if (field.shape === "date") return all.length ? formatDate(locale, all[0]) : "";
    return field.shape === "primary" ? (all[0] ?? "") : all.join(", ");
  };
  const item = el("li", "pp-row");
  item.setAttribute("part", "row");
  item.dataset.id = person.id;
  item.setAttribute("aria-posinset", String(position + 1));
  item.setAttribute("aria-setsize", String(total));
  const button = el("button", "pp-row-button");
  button.type = "button";
  button.tabIndex = -1;
  button.setAttribute("aria-disabled", "true");
  // Each text isolated in a <bdi>, as the wasm's rows have it.
  const isolated = (className, text) => {
    const span = el("span", className);
    span.append(el("bdi", "", text));
    return span;
  };
  const line = fields.filter((f) => f.row === "line").map(text).filter(Boolean).join(" · ");
  button.append(isolated("pp-name", person.name), isolated("pp-contact", line));
  const aside = fields.filter((f) => f.row === "aside").at(-1);
  if (aside) button.append(isolated("pp-company", text(aside)));
  const meta = el("span", "pp-meta");
  for (const field of fields) {
    const badge = field.row === "badge";
    const chips = badge ? values(field) : field.row === "chips" ? values(field).slice(0, field.most) : [];
    for (const chip of chips) {
      const span = el("span", badge ? "pp-stage" : "pp-tag", chip);
      span.setAttribute("part", badge ? "stage" : "tag");
      meta.append(span);
    }
  }
  item.append(button, meta);
  return item;
}

/** The panel as the wasm's view shows a kept list (header, "Updated …", the first rows), in
 *  `panel` (the loading frame's section, whose state it replaces). */
export function paintKept(panel, kept, element, locale, strings) {
  const t = (id, args) => message(locale, strings, id, args);
  const fields = rowFields(attribute(element, "fields"));
  const loaded = kept.people.length;
  const total = Number.isInteger(kept.total) && kept.total >= loaded ? kept.total : null;
  const header = panel.querySelector(".pp-header");
  const count = el("span", "pp-count", total === null ? t("count.loaded", { loaded }) : t("count.of", { loaded, total }));
  const search = el("input", "pp-search");
  search.type = "search";
  search.disabled = true;
  search.placeholder = t("search.placeholder");
  search.setAttribute("aria-label", t("search.label"));
  search.setAttribute("part", "search");
  const buttons = [
    ["pp-button pp-primary", t("new-person")],
    ["pp-button", t("refresh")],
  ].map(([className, label]) => {
    const button = el("button", className, label);
    button.type = "button";
    button.disabled = true;
    button.setAttribute("part", "button");
    return button;
  });
  header.append(count, search, ...buttons);
  // The toolbar's place, held as the wasm's view holds it until the second chunk brings it.
  const toolbar = el("div", "pp-arrange");
  toolbar.setAttribute("aria-hidden", "true");
  const age = el("p", "pp-notice pp-muted", t("list.remembered", { ago: formatAgo(locale, Date.now() - kept.savedAt) }));
  age.setAttribute("part", "notice");
  age.dataset.notice = "remembered";
  const scroll = el("div", "pp-scroll");
  scroll.setAttribute("part", "list");
  const rows = el("ul", "pp-rows");
  rows.setAttribute("role", "list");
  rows.setAttribute("aria-label", t("list.label"));
  const setSize = total ?? loaded;
  rows.append(...kept.people.slice(0, ROWS).map((person, i) => row(person, i, setSize, fields, locale)));
  scroll.append(rows);
  panel.querySelector(".pp-state")?.replaceWith(toolbar, age, scroll);
}
