// The package imported as a host imports it, with its wasm's start (`init()`) held until the test
// calls `window.__go()`: what the module sends on its own meanwhile is what it sends before a
// slow network's wasm arrives. ?user= (Rollout) or ?tenant= (Rally), &credential=, &size=, &cache=, &fields=, &panels=2.
const params = new URLSearchParams(location.search);
const panels = [document.getElementById("panel"), document.getElementById("second")];
if (params.get("panels") !== "2") panels.pop().remove();
for (const panel of panels) {
  panel.hidden = false;
  if (params.has("tenant")) {
    panel.setAttribute("provider", "rally");
    panel.setAttribute("token-url", `/api/rally-token?user=${encodeURIComponent(params.get("user"))}&tenant=${params.get("tenant")}`);
    panel.setAttribute("api-base", `${location.origin}/rally/api/v1`);
  } else {
    panel.setAttribute("token-url", `/api/rollout-token?user=${encodeURIComponent(params.get("user"))}`);
    panel.setAttribute("api-base", `${location.origin}/crm/api`);
    panel.setAttribute("credentials-url", `${location.origin}/universal/api/credentials`);
  }
  if (params.has("credential")) panel.setAttribute("credential-id", params.get("credential"));
  if (params.has("size")) panel.setAttribute("page-size", params.get("size"));
  for (const name of ["cache", "fields"]) if (params.has(name)) panel.setAttribute(name, params.get(name));
}
const go = new Promise((resolve) => (window.__go = resolve));
const { default: init } = await import("/people-panel/people_panel.js");
await go;
await init();
