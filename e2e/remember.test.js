// The remembered list (`cache`): a returning user sees their list as soon as the token has answered,
// marked with its age, then the CRM's newer values in place; nothing of a person is stored without
// it; another user of the browser never sees it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, browser, newPage } from "./support.js";

/** The CRM API as a host's own code would call it, for the user `user` (to change a person). */
async function crm(user, method, path, body) {
  const { token } = await (await fetch(`${BASE}/api/rollout-token?user=${user}`)).json();
  const auth = { authorization: `Bearer ${token}` };
  const [credential] = await (await fetch(`${BASE}/universal/api/credentials`, { headers: auth })).json();
  const headers = { ...auth, "x-rollout-credential-id": credential.id, "content-type": "application/json" };
  const r = await fetch(`${BASE}/crm/api${path}`, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(r.ok, `${method} ${path}: ${r.status}`);
  return r.json();
}

/** Every string the panel could have stored in this page's localStorage, sessionStorage and IndexedDB. */
function storedText(page) {
  return page.evaluate(async () => {
    const texts = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) texts.push(store.key(i), store.getItem(store.key(i)));
    }
    for (const { name } of await indexedDB.databases()) texts.push(`indexedDB:${name}`);
    return texts.join("\n");
  });
}

test("a returning visit shows the kept list before the CRM answers, then the CRM's newer values in place", async () => {
  const user = `e2e-back${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 30 });
  const context = await browser.chromium.newContext();
  const { page, errors } = await newPage(context);
  await page.goto(`${BASE}/?user=${user}&cache=device`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-count", { hasText: "30 of 30" }).waitFor();
  const first = (await crm(user, "GET", "/people?limit=1")).people[0];
  assert.equal(await panel.locator(".pp-row .pp-name").first().textContent(), first.name);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));

  // Meanwhile the person is renamed in the CRM, and the CRM is slow to answer the next visit.
  await crm(user, "PUT", `/people/${first.id}`, { ...first, firstName: "Renamed", lastName: "Since", name: "Renamed Since" });
  await admin("PUT", "/faults", { user, latencyMs: 1500 });
  await admin("DELETE", "/log");
  await page.goto(`${BASE}/?user=${user}&cache=device`);
  await panel.locator(".pp-row").first().waitFor({ timeout: 1200 });
  const shownAt = await page.evaluate(() => performance.now());
  assert.equal(await panel.locator(".pp-row .pp-name").first().textContent(), first.name, "the kept list first");
  assert.equal(await panel.locator(".pp-count").textContent(), "30 of 30");
  assert.match(await panel.locator("[data-notice='remembered']").textContent(), /^Updated (now|\d+ seconds? ago)$/);
  const log = await (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
  assert.ok(!log.entries.some((e) => e.path === "/crm/api/people" && e.status), "shown before the CRM answered");

  // The CRM's answer replaces the row in place: no flicker back to "Loading", same position.
  const states = [];
  await page.exposeFunction("__state", (s) => states.push(s));
  await page.evaluate(() => {
    const root = document.querySelector("people-panel").shadowRoot;
    // What shows: the Rust view may draw out of sight (hidden) before it takes the painted one's place.
    const shown = () => root.querySelector(".pp-root:not([hidden]) .pp-state")?.dataset.state ?? "list";
    new MutationObserver(() => window.__state(shown())).observe(root, { subtree: true, childList: true, attributes: true });
  });
  await panel.locator(".pp-row .pp-name", { hasText: "Renamed Since" }).waitFor({ timeout: 8000 });
  assert.ok((await page.evaluate(() => performance.now())) - shownAt > 1000, "the new value came with the CRM's answer");
  assert.equal(await panel.locator(".pp-row").first().locator(".pp-name").textContent(), "Renamed Since");
  await panel.locator("[data-notice='remembered']").waitFor({ state: "detached" });
  assert.ok(!states.includes("loading"), `no loading state in between: ${states.join(",")}`);
  await admin("PUT", "/faults", { user });
  assert.deepEqual(errors, []);
  await context.close();
});

test("without cache no person is stored in the browser; with it, another user never sees the list", async () => {
  const stamp = Date.now();
  const [ana, bo] = [`e2e-keepa${stamp}`, `e2e-keepb${stamp}`];
  await admin("POST", "/credentials", { user: ana, people: 8 });
  await admin("POST", "/credentials", { user: bo, people: 3 });
  const context = await browser.chromium.newContext();
  const { page, errors } = await newPage(context);
  const panel = page.locator("people-panel");

  // No cache attribute: the list, a person's details, an edit opened: nothing of them is stored.
  await page.goto(`${BASE}/?user=${ana}`);
  await panel.locator(".pp-count", { hasText: "8 of 8" }).waitFor();
  const people = (await crm(ana, "GET", "/people?limit=8")).people;
  await panel.locator(".pp-row-button").first().click();
  await panel.getByRole("button", { name: "Edit" }).click();
  await panel.getByRole("button", { name: "Close", exact: true }).click();
  await page.waitForTimeout(300);
  let stored = await storedText(page);
  for (const p of people) {
    for (const value of [p.name, p.emails?.[0]?.value].filter(Boolean)) {
      assert.ok(!stored.includes(value), `"${value}" is stored without cache`);
    }
  }

  // With cache="device", ana's list is kept; bo, on the same browser, never sees any of it.
  await page.goto(`${BASE}/?user=${ana}&cache=device`);
  await panel.locator(".pp-count", { hasText: "8 of 8" }).waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));
  assert.ok((await storedText(page)).includes(people[0].name), "kept with cache");
  await admin("PUT", "/faults", { user: bo, latencyMs: 800 });
  const seen = [];
  await page.exposeFunction("__names", (names) => seen.push(...names));
  await page.addInitScript(() => {
    const report = () => {
      const root = document.querySelector("people-panel")?.shadowRoot;
      // Ids, not names: two users' seeded people may share a name, never an id.
      if (root) window.__names([...root.querySelectorAll(".pp-row")].map((n) => n.dataset.id));
      requestAnimationFrame(report);
    };
    requestAnimationFrame(report);
  });
  await page.goto(`${BASE}/?user=${bo}&cache=device`);
  await panel.locator(".pp-count", { hasText: "3 of 3" }).waitFor();
  const anas = new Set(people.map((p) => p.id));
  assert.deepEqual([...new Set(seen)].filter((n) => anas.has(n)), [], "no frame showed one of ana's people");
  await admin("PUT", "/faults", { user: bo });

  // A sign-out forgets ana's kept list too.
  await page.goto(`${BASE}/?user=${ana}&cache=device`);
  await panel.locator(".pp-count", { hasText: "8 of 8" }).waitFor();
  await page.evaluate(() => document.querySelector("people-panel").signOut());
  stored = await storedText(page);
  // By id: bo's kept list stays, and a seeded name of his may be one of ana's too.
  assert.ok(!people.some((p) => stored.includes(`"${p.id}"`)), "signOut() leaves nothing of ana's people");
  assert.deepEqual(errors, []);
  await context.close();
});

test("with the wasm still on its way, a returning user's kept rows show from storage, and the wasm's view takes over without a blink", async () => {
  const user = `e2e-early${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 9 });
  const context = await browser.chromium.newContext();
  const { page, errors } = await newPage(context);
  await page.goto(`${BASE}/?user=${user}&cache=session`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-count", { hasText: "9 of 9" }).waitFor();
  await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith("people-panel:list:")));
  const names = await panel.locator(".pp-row .pp-name").allTextContents();
  const contacts = await panel.locator(".pp-row .pp-contact").allTextContents();

  // The next visit in this tab, with the wasm held back.
  let releaseWasm;
  const held = new Promise((resolve) => (releaseWasm = resolve));
  await page.route("**/people_panel_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${BASE}/?user=${user}&cache=session`);
  await panel.locator(".pp-row").first().waitFor({ timeout: 3000 });
  assert.equal(await page.evaluate(() => document.querySelector("people-panel")._panel), null, "the Rust half is not there yet");
  assert.deepEqual(await panel.locator(".pp-row .pp-name").allTextContents(), names, "the kept rows, in order");
  assert.deepEqual(await panel.locator(".pp-row .pp-contact").allTextContents(), contacts);
  assert.equal(await panel.locator(".pp-count").textContent(), "9 of 9");
  assert.match(await panel.locator("[data-notice='remembered']").textContent(), /^Updated /);

  // Every frame from here shows rows: the wasm's view replaces the painted one once it has its own.
  const blank = [];
  await page.exposeFunction("__blank", (state) => blank.push(state));
  await page.evaluate(() => {
    window.__tops = { with: new Set(), without: new Set(), toolbar: new Set() };
    const root = document.querySelector("people-panel").shadowRoot;
    const check = () => {
      const visible = [...root.querySelectorAll(".pp-root")].filter((r) => !r.hidden);
      if (!visible.some((r) => r.querySelector(".pp-row"))) window.__blank(visible.map((r) => r.textContent).join("|"));
      // Where the first row is, with and without the "Updated …" line above it (it goes once the
      // list is fresh): the takeover and the toolbar's arrival move no row.
      const shown = visible.find((r) => r.querySelector(".pp-row"));
      if (shown) {
        const line = shown.querySelector("[data-notice='remembered']") ? "with" : "without";
        window.__tops[line].add(shown.querySelector(".pp-row").getBoundingClientRect().top);
        // The toolbar's place: held from the painted frame on, the same before and after it comes.
        window.__tops.toolbar.add(shown.querySelector(".pp-arrange")?.getBoundingClientRect().bottom ?? "none");
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  releaseWasm();
  await panel.locator(".pp-search:not([disabled])").waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(blank, [], "no frame without rows");
  const tops = await page.evaluate(() => Object.fromEntries(Object.entries(window.__tops).map(([k, v]) => [k, [...v]])));
  const moved = Object.values(tops).some((places) => places.length > 1);
  assert.ok(!moved, `the rows do not move when the wasm's view or its toolbar comes: ${JSON.stringify(tops)}`);
  assert.equal(await panel.locator(".pp-root").count(), 1);
  await panel.locator(".pp-row-button").first().click(); // the wasm's rows work
  await panel.locator(".pp-detail").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
