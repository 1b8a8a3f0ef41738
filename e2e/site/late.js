// A host that renders the element and sets its properties before the package is imported (a lazily
// loaded route): the element upgrades later and takes the values over.
const params = new URLSearchParams(location.search);
const panel = document.getElementById("panel");
panel.setAttribute("token-url", `/api/rollout-token?user=${encodeURIComponent(params.get("user"))}`);
panel.setAttribute("api-base", `${location.origin}/crm/api`);
panel.setAttribute("credentials-url", `${location.origin}/universal/api/credentials`);
panel.credentialId = params.get("credential");
panel.fields = ["job-title", "email"];
panel.strings = { "new-person": "Add contact" };
window.__before = customElements.get("people-panel") === undefined;
const { default: init } = await import("/people-panel/people_panel.js");
await init();
