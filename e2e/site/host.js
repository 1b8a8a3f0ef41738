// A plain host page: no framework, the bundle's stable file names, attributes set before init.
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));

const params = new URLSearchParams(location.search);
const user = params.get("user") || "alice";
const panel = document.getElementById("panel");
// `session`: whoever the test signs in to that browser session (a host's session cookie); `ttl`:
// the tokens' lifetime in seconds.
const signedIn = params.has("session") ? `session=${encodeURIComponent(params.get("session"))}` : `user=${encodeURIComponent(user)}`;
const ttl = params.has("ttl") ? `&ttl=${encodeURIComponent(params.get("ttl"))}` : "";
panel.setAttribute("token-url", `/api/rollout-token?${signedIn}${ttl}`);
panel.setAttribute("api-base", `${location.origin}/crm/api`);
panel.setAttribute("credentials-url", `${location.origin}/universal/api/credentials`);
panel.setAttribute("page-size", "50");
for (const name of ["cache", "sort", "filter"]) if (params.has(name)) panel.setAttribute(name, params.get(name));

const list = document.getElementById("events");
for (const name of ["person-created", "person-updated", "person-deleted", "credential-changed", "credential-required", "panel-error", "view-changed"]) {
  document.addEventListener(name, (e) => {
    const item = document.createElement("li");
    item.dataset.event = name;
    item.textContent = JSON.stringify(e.detail);
    list.append(item);
  });
}

import init from "/people-panel/people_panel.js";
await init(); // defines <people-panel>; the element above upgrades
