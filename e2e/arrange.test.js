// Sort and filter over the loaded list: what the user chooses is shown, reflected in the `sort` and
// `filter` attributes and told by `view-changed`; what the host sets applies from the first row and is
// not told back. Every expectation is computed here from the CRM's own answers (its documented API),
// names ordered by Intl.Collator in the panel's language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, newPage } from "./support.js";

/** Everyone in `user`'s CRM, in the CRM's order, read from Rollout's documented API. */
async function crmPeople(user) {
  const { token } = await (await fetch(`${BASE}/api/rollout-token?user=${user}`)).json();
  const auth = { authorization: `Bearer ${token}` };
  const [credential] = await (await fetch(`${BASE}/universal/api/credentials`, { headers: auth })).json();
  const people = [];
  let url = `${BASE}/crm/api/people?limit=100`;
  while (url) {
    const page = await (await fetch(url, { headers: { ...auth, "x-rollout-credential-id": credential.id } })).json();
    people.push(...page.people);
    url = page._metadata.next ? `${BASE}/crm/api/people?limit=100&next=${encodeURIComponent(page._metadata.next)}` : null;
  }
  return { people, add: (person) => fetch(`${BASE}/crm/api/people`, {
    method: "POST",
    headers: { ...auth, "x-rollout-credential-id": credential.id, "content-type": "application/json" },
    body: JSON.stringify(person),
  }) };
}

/** The names of `people` in `sort`'s order: a stable sort, people without the value last. */
function expected(people, sort, locale = "en") {
  const descending = sort.startsWith("-");
  const key = sort.replace(/^-/, "");
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const compare = key === "name" ? collator.compare : (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const valued = people.filter((p) => (p[key] ?? "").trim() !== "");
  const rest = people.filter((p) => (p[key] ?? "").trim() === "");
  valued.sort((a, b) => (descending ? -1 : 1) * compare(a[key], b[key]));
  return [...valued, ...rest].map((p) => p.name);
}

/** A new user with one CRM of `count` people (as its API lists them), and the host page on it. */
async function crmInPage(prefix, count, query = "") {
  const user = `${prefix}${Date.now()}`;
  await admin("POST", "/credentials", { user, people: count });
  const { people } = await crmPeople(user);
  return { people, ...(await openWith(user, query)) };
}

async function openWith(user, query = "") {
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/?user=${user}${query}`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-row").first().waitFor();
  return { page, errors, panel };
}

const rowNames = async (panel, n) => (await panel.locator(".pp-row .pp-name").allTextContents()).slice(0, n).map((t) => t.trim());
const told = (page) => page.locator('#events [data-event="view-changed"]').allTextContents().then((all) => all.map((t) => JSON.parse(t)));

test("sort: by name for the panel's language, by dates either way; reflected, told, and the host's set is not told back", async () => {
  const user = `e2e-sort${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 90 });
  const crm = await crmPeople(user);
  // Three names whose order differs in English and Spanish (ñ is a letter of its own in Spanish).
  for (const firstName of ["Ñora", "Nube", "Oscar"]) assert.equal((await crm.add({ firstName, lastName: "Aardvark" })).status, 201);
  const { people } = await crmPeople(user);
  const { page, errors, panel } = await openWith(user);
  await panel.getByRole("button", { name: "Load all" }).click();
  await panel.locator(".pp-count", { hasText: `${people.length} of ${people.length}` }).waitFor();

  const sort = panel.getByRole("combobox", { name: "Sort" });
  assert.equal(await sort.inputValue(), "", "the CRM's order by default");
  for (const choice of ["name", "-name", "-created", "created", "-updated"]) {
    await sort.selectOption(choice);
    await page.waitForFunction((c) => document.querySelector("people-panel").getAttribute("sort") === c, choice);
    await panel.locator(".pp-row .pp-name").first().filter({ hasText: expected(people, choice)[0] }).waitFor();
    assert.deepEqual(await rowNames(panel, 8), expected(people, choice).slice(0, 8), choice);
  }
  assert.deepEqual(await told(page), ["name", "-name", "-created", "created", "-updated"].map((sort) => ({ sort, filter: "" })));

  // Set by the host: followed, not told back. The three "Aardvark"s by name, in English, then Spanish.
  await panel.evaluate((p) => p.setAttribute("sort", "name"));
  await panel.getByRole("searchbox").fill("aardvark");
  await panel.locator(".pp-count", { hasText: "3 matching" }).waitFor();
  assert.deepEqual(await rowNames(panel, 3), ["Ñora Aardvark", "Nube Aardvark", "Oscar Aardvark"]);
  await panel.evaluate((p) => p.setAttribute("lang", "es"));
  await panel.getByRole("combobox", { name: "Ordenar" }).waitFor();
  await panel.locator(".pp-row .pp-name").first().filter({ hasText: "Nube" }).waitFor();
  assert.deepEqual(await rowNames(panel, 3), ["Nube Aardvark", "Ñora Aardvark", "Oscar Aardvark"]);
  assert.equal(await panel.getByRole("combobox", { name: "Ordenar" }).inputValue(), "name");
  assert.equal((await told(page)).length, 5, "what the host set is not told back");

  // Back to the CRM's order: the attribute goes.
  await panel.getByRole("combobox", { name: "Ordenar" }).selectOption("");
  await page.waitForFunction(() => !document.querySelector("people-panel").hasAttribute("sort"));
  assert.deepEqual(await rowNames(panel, 3), ["Ñora Aardvark", "Nube Aardvark", "Oscar Aardvark"], "the CRM's order: as created");
  assert.deepEqual(errors, []);
  await page.close();
});

test("filter: stages and tags with their counts, widening within a field and narrowing across, with the search; cleared at once", async () => {
  const { people, page, errors, panel } = await crmInPage("e2e-filter", 120);
  await panel.getByRole("button", { name: "Load all" }).click();
  await panel.locator(".pp-count", { hasText: "120 of 120" }).waitFor();
  const count = (test) => people.filter(test).length;
  const has = (p, tag) => (p.tags ?? []).includes(tag);

  await panel.getByRole("button", { name: "Filter" }).click();
  const leads = count((p) => p.stage === "Lead");
  const prospects = count((p) => p.stage === "Prospect");
  await panel.getByRole("checkbox", { name: `Lead (${leads})` }).check();
  await panel.getByRole("checkbox", { name: `Prospect (${prospects})` }).check();
  await panel.locator(".pp-count", { hasText: `${leads + prospects} of 120 · Lead, Prospect` }).waitFor();
  assert.equal(await panel.getAttribute("filter"), "stage:Lead,stage:Prospect");

  const vips = count((p) => has(p, "vip"));
  const narrowed = count((p) => ["Lead", "Prospect"].includes(p.stage) && has(p, "vip"));
  await panel.getByRole("checkbox", { name: `vip (${vips})` }).check();
  await panel.locator(".pp-count", { hasText: `${narrowed} of 120 · Lead, Prospect, vip` }).waitFor();
  const shown = await panel.locator(".pp-row").evaluateAll((rows) => rows.map((r) => r.dataset.id));
  const wanted = people.filter((p) => ["Lead", "Prospect"].includes(p.stage) && has(p, "vip")).map((p) => p.id);
  assert.deepEqual(shown, wanted.slice(0, shown.length), "the rows are those people, in the CRM's order");
  assert.equal(await panel.locator(".pp-sr[role=status]").textContent(), `${narrowed} ${narrowed === 1 ? "person matches" : "people match"}`);

  // With the search: both narrow.
  const name = people.find((p) => wanted.includes(p.id)).lastName;
  await panel.getByRole("searchbox").fill(name);
  const both = people.filter((p) => wanted.includes(p.id) && p.name.toLowerCase().includes(name.toLowerCase())).length;
  await panel.locator(".pp-count", { hasText: `${both} of 120 · Lead, Prospect, vip` }).waitFor();
  await panel.getByRole("searchbox").fill("");

  assert.deepEqual((await told(page)).map((d) => d.filter), ["stage:Lead", "stage:Lead,stage:Prospect", "stage:Lead,stage:Prospect,tag:vip"]);
  await panel.getByRole("button", { name: "Clear filters" }).click();
  await panel.locator(".pp-count", { hasText: /^120 of 120$/ }).waitFor();
  assert.equal(await panel.getAttribute("filter"), null);
  assert.deepEqual((await told(page)).at(-1), { sort: "", filter: "" });

  // Keyboard: the filter's checkboxes are reached with Tab and chosen with Space.
  await panel.getByRole("checkbox", { name: `Lead (${leads})` }).focus();
  await page.keyboard.press("Space");
  await panel.locator(".pp-count", { hasText: `${leads} of 120 · Lead` }).waitFor();
  const focused = await panel.evaluate((host) => host.shadowRoot.activeElement?.closest("label")?.textContent.trim());
  assert.equal(focused, `Lead (${leads})`, "focus stays on the checkbox just chosen");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await panel.locator(".pp-count", { hasText: ` of 120 · Lead, ` }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the host's sort and filter apply from the first row, keep applying as pages load, and a wrong one is said", async () => {
  const { people, page, errors, panel } = await crmInPage("e2e-hostsort", 130, "&sort=-created&filter=stage:Sphere");
  const sphere = people.filter((p) => p.stage === "Sphere");
  const firstPage = people.slice(0, 50).filter((p) => p.stage === "Sphere");
  await panel.locator(".pp-count", { hasText: `${firstPage.length} of 50 · Sphere` }).waitFor();
  assert.deepEqual(await rowNames(panel, 5), expected(firstPage, "-created").slice(0, 5));
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: " of 100 · Sphere" }).waitFor();
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: `${sphere.length} of 130 · Sphere` }).waitFor();
  assert.deepEqual(await rowNames(panel, 5), expected(sphere, "-created").slice(0, 5), "the pages that came are in their places");
  assert.deepEqual(await told(page), [], "what the host set is not told back");

  await panel.evaluate((p) => p.setAttribute("sort", "age"));
  await panel.locator('.pp-state[data-state="config"]', { hasText: 'sort="age"' }).waitFor();
  await panel.evaluate((p) => p.setAttribute("sort", "updated"));
  await panel.evaluate((p) => p.setAttribute("filter", "owner:me"));
  await panel.locator('.pp-state[data-state="config"]', { hasText: '"owner:me"' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
