// Bench page for the element: ?user=&panels=1..3&size=&cache=
// The attributes are set before the package is imported, as a page that writes them in its HTML
// has them: the module's first acts (the wasm's and the token's requests) see them. The package and
// the bench's measure.js are fetched together, as a static import of both would.
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
const [{ watchFirstRow }, { default: init }] = await Promise.all([import("/measure.js"), import("/people-panel/people_panel.js")]);
watchFirstRow(() => document.querySelector("people-panel")?.shadowRoot?.querySelector(".pp-row"), "people-panel-connected");
window.__wasm = await init();
