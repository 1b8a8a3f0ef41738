// Two copies of the package on one page (/people-panel/ and /people-panel-v2/, as two versions
// would be), and the element registered under the host's own tags beside <people-panel>.
import init, { PeoplePanelElement } from "/people-panel/people_panel.js";
import initSecond, { PeoplePanelElement as SecondPanelElement } from "/people-panel-v2/people_panel.js";

const user = new URLSearchParams(location.search).get("user") || "alice";
for (const panel of document.querySelectorAll("#own, #prefixed, #second")) {
  panel.setAttribute("token-url", `/api/rollout-token?user=${encodeURIComponent(user)}`);
  panel.setAttribute("api-base", `${location.origin}/crm/api`);
  panel.setAttribute("credentials-url", `${location.origin}/universal/api/credentials`);
}
document.addEventListener("person-created", (e) => {
  const item = document.createElement("li");
  item.dataset.from = e.target.localName;
  item.textContent = e.detail.firstName ?? "";
  document.getElementById("events").append(item);
});

customElements.define("ds-people", class extends PeoplePanelElement {});
customElements.define("acme-people", class extends SecondPanelElement {});
await Promise.all([init(), initSecond()]);
