// The simplest possible alternative: the same token fetch, credential lookup and people fetch, and
// the same rows, written by hand with no framework and no error handling.
import { watchFirstRow } from "/measure.js";
performance.mark("vanilla-start");
watchFirstRow(() => document.querySelector(".pp-row"), "vanilla-start");
const user = new URLSearchParams(location.search).get("user");
const { token } = await (await fetch(`/api/rollout-token?user=${user}`)).json();
const auth = { Authorization: `Bearer ${token}` };
const [credential] = await (await fetch("/universal/api/credentials", { headers: auth })).json();
const page = await (await fetch("/crm/api/people?limit=50", { headers: { ...auth, "X-Rollout-Credential-Id": credential.id } })).json();
const rows = document.getElementById("rows");
const span = (cls, text) => Object.assign(document.createElement("span"), { className: cls, textContent: text ?? "" });
for (const p of page.people) {
  const li = document.createElement("li");
  li.className = "pp-row";
  const primary = (list) => (list || []).find((x) => x.isPrimary)?.value ?? (list || [])[0]?.value;
  li.append(span("pp-name", p.name), span("pp-contact", [primary(p.emails), primary(p.phones)].filter(Boolean).join(" · ")), span("pp-company", p.companyName));
  if (p.stage) li.append(span("pp-stage", p.stage));
  for (const t of (p.tags || []).slice(0, 3)) li.append(span("pp-tag", t));
  rows.append(li);
}
