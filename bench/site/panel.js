// Bench page for the element: ?user=&panels=1..3&size=&cache=
// The attributes are set before the package is imported, as a page that writes them in its HTML
// has them: the module's first acts (the wasm's and the token's requests) see them.
import { watchFirstRow } from "/measure.js";
const params = new URLSearchParams(location.search);
const panels = [...document.querySelectorAll("people-panel")];
panels.slice(Number(params.get("panels") || 1)).forEach((p) => p.remove());
for (const panel of panels) {
  panel.setAttribute("token-url", `/api/rollout-token?user=${params.get("user")}`);
  panel.setAttribute("api-base", `${location.origin}/crm/api`);
  panel.setAttribute("credentials-url", `${location.origin}/universal/api/credentials`);
  panel.setAttribute("page-size", params.get("size") || "50");
  if (params.has("cache")) panel.setAttribute("cache", params.get("cache"));
}
watchFirstRow(() => document.querySelector("people-panel")?.shadowRoot?.querySelector(".pp-row"), "people-panel-connected");
const { default: init } = await import("/people-panel/people_panel.js");
window.__wasm = await init();
