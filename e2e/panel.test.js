// The built bundle embedded in a plain host page (strict CSP), driven in headless Chromium through
// a user's flow: load, page, search, view, create, and the events the host page sees.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, browser, newPage, openHostPage } from "./support.js";

test("a user pages, searches, views and creates people in a host page under a strict CSP", async () => {
  const user = `e2e${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 120, appKey: "follow-up-boss" });
  const { page, errors } = await openHostPage(user);
  const panel = page.locator("people-panel");

  await panel.locator(".pp-row").first().waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "50 of 120");
  assert.ok((await panel.locator(".pp-row").count()) <= 60, "only visible rows are rendered");

  while (await panel.getByRole("button", { name: "Load more" }).isVisible()) {
    await panel.getByRole("button", { name: "Load more" }).click();
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-count").textContent === "120 of 120");

  // Search, then open a person's details.
  const firstName = (await panel.locator(".pp-row .pp-name").first().textContent()).split(" ")[0];
  await panel.getByRole("searchbox", { name: "Search people" }).fill(firstName);
  await panel.locator(".pp-count", { hasText: "matching" }).waitFor(); // the DOM updates after the input
  // Search folds case (and diacritics): "Ana" also finds "Tanaka".
  const names = await panel.locator(".pp-row .pp-name").allTextContents();
  assert.ok(names.length > 0 && names.every((n) => n.toLowerCase().includes(firstName.toLowerCase())), names.join(", "));
  await panel.locator(".pp-row-button").first().click();
  assert.match(await panel.locator(".pp-detail h3").textContent(), new RegExp(firstName));
  await panel.getByRole("button", { name: "Close details" }).click();
  await panel.getByRole("searchbox", { name: "Search people" }).fill("");

  // Create: a double click sends one request; the person shows at once; the host sees the event.
  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("First name").fill("Søren");
  await panel.getByLabel("Last name").fill("Kowalski");
  await panel.getByLabel("Email").fill("soren@example.com");
  await panel.getByRole("button", { name: "Save person" }).dblclick();
  // The seed has names like it too: the new one is known by its email.
  await panel.locator(".pp-row", { hasText: "soren@example.com" }).locator(".pp-name", { hasText: "Søren Kowalski" }).waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "121 of 121");
  const event = await page.locator('#events [data-event="person-created"]').textContent();
  assert.equal(JSON.parse(event).name, "Søren Kowalski");
  const log = await (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
  assert.equal(log.entries.filter((e) => e.method === "POST" && e.path === "/crm/api/people").length, 1, "one create for a double click");
  assert.equal(log.token_requests, 1);

  // The page's theme reaches into the shadow root through the custom property.
  const accent = await panel.getByRole("button", { name: "New person" }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, "rgb(190, 18, 60)");

  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
  assert.deepEqual(errors, []);
  console.log(`e2e: ${log.requests} requests for the whole flow (${log.token_requests} token fetch)`);
  await page.close();
});

test("the element paints its frame and asks for its token before the wasm has arrived", async () => {
  const user = `e2e-early${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 12 });
  const { page, errors } = await newPage();
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  // A slow network for the wasm alone: everything the page can do without it, it does meanwhile.
  let releaseWasm;
  const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
  await page.route("**/people_panel_bg.wasm", async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await page.goto(`${BASE}/?user=${user}`);
  const panel = page.locator("people-panel");
  await panel.getByText("Loading people…").waitFor();
  assert.equal(await panel.locator(".pp-title").textContent(), "People");
  for (let waited = 0; !requested.includes("/api/rollout-token") && waited < 10000; waited += 20) await page.waitForTimeout(20);
  assert.ok(requested.includes("/api/rollout-token"), "the token request left before the wasm arrived");
  releaseWasm();
  await panel.locator(".pp-row").first().waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "12 of 12");
  const log = await (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
  assert.equal(log.token_requests, 1, "Rust took over the request the element started");
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a user edits a person's email, then deletes them after confirming; the host page hears both", async () => {
  const user = `e2e-delete${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 6 });
  const { page, errors } = await openHostPage(user);
  const panel = page.locator("people-panel");
  const row = panel.locator(".pp-row").first();
  await row.waitFor();
  const id = await row.getAttribute("data-id");
  const name = await row.locator(".pp-name").textContent();
  await row.locator(".pp-row-button").click();
  await panel.getByRole("button", { name: "Edit", exact: true }).click();
  await panel.getByLabel("Email").fill("edited@example.com");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await page.locator('#events [data-event="person-updated"]').waitFor();
  const updated = JSON.parse(await page.locator('#events [data-event="person-updated"]').textContent());
  assert.equal(updated.id, id);
  assert.equal(updated.emails[0].value, "edited@example.com");
  await row.locator(".pp-row-button").click();
  await panel.getByRole("button", { name: "Delete", exact: true }).click();
  await panel.getByRole("alertdialog", { name: `Delete ${name}?` }).waitFor();
  await panel.getByRole("button", { name: "Yes, delete" }).click();
  await page.locator('#events [data-event="person-deleted"]').waitFor();
  assert.deepEqual(JSON.parse(await page.locator('#events [data-event="person-deleted"]').textContent()), { id });
  assert.equal(await panel.locator(".pp-count").textContent(), "5 of 5");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("removing and re-adding the element works, and defining twice is harmless", async () => {
  const user = `e2e-readd${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 8 });
  const { page, errors } = await openHostPage(user);
  await page.locator("people-panel .pp-row").first().waitFor();
  await page.evaluate(async () => {
    const panel = document.getElementById("panel");
    panel.remove();
    document.body.prepend(panel);
    const { define } = await import("/people-panel/people_panel.js");
    define();
  });
  await page.waitForFunction(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-count")?.textContent === "8 of 8");
  assert.deepEqual(errors, []);
  await page.close();
});

test("under Trusted Types with no policy, the panel renders and works with no violation", async () => {
  const user = `e2e-tt${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 30 });
  const { page, errors } = await newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${BASE}/trusted-types.html?user=${user}`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-row").first().waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "30 of 30");
  await panel.locator(".pp-row-button").first().click();
  await panel.locator(".pp-detail h3").waitFor();
  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("First name").fill("Trusted");
  await panel.getByLabel("Email").fill("not-an-email");
  await panel.getByRole("button", { name: "Save person" }).click();
  await panel.locator(".pp-field-error", { hasText: "Enter an email address" }).waitFor();
  await panel.getByLabel("Email").fill("trusted@example.com");
  await panel.getByRole("button", { name: "Save person" }).click();
  await panel.locator(".pp-row .pp-name", { hasText: "Trusted" }).first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP or Trusted Types violation");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the wasm builds no element from an HTML string (what Trusted Types forbid)", async () => {
  // leptos's view! turns a fully static subtree into an HTML string set through innerHTML; none may
  // be left in the bundle (give such text in braces: {"People"}).
  const wasm = Buffer.from(await (await fetch(`${BASE}/people-panel/people_panel_bg.wasm`)).arrayBuffer()).toString("latin1");
  const templates = wasm.match(/<([a-z][a-z0-9]*)[ >][^<]{0,200}<\/\1>/g) ?? [];
  assert.deepEqual(templates, []);
});

test("neither the bundle nor the token route leaks the client secret", async () => {
  const secret = "demo-client-secret-never-sent-to-a-browser";
  for (const file of ["/people-panel/people_panel.js", "/people-panel/people_panel_bg.wasm", "/api/rollout-token?user=scan"]) {
    const body = Buffer.from(await (await fetch(`${BASE}${file}`)).arrayBuffer()).toString("latin1");
    assert.ok(body.length > 0, file);
    assert.ok(!body.includes(secret), `${file} contains the client secret`);
  }
});

test("the same element switches to Rally live, by attributes", async () => {
  const user = `e2e-rally${Date.now()}`;
  const tenant = `e2e-tenant${Date.now()}`;
  await admin("POST", "/rally/tenants", { tenant, people: 60 });
  const { page, errors } = await openHostPage("carol");
  await page.evaluate(({ user, tenant }) => {
    const panel = document.getElementById("panel");
    panel.setAttribute("provider", "rally");
    panel.setAttribute("token-url", `/api/rally-token?user=${user}&tenant=${tenant}`);
    panel.setAttribute("api-base", `${location.origin}/rally/api/v1`);
  }, { user, tenant });
  await page.waitForFunction(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-count")?.textContent === "50 of 60");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
