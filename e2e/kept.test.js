// A returning user's kept list is painted by js/kept.js before the wasm has started, then drawn
// again by the Leptos view: the two must show the same rows (text, order, elements and parts), or
// the list visibly changes under the user's eyes when the wasm takes over. The page (site/early.html)
// holds the wasm's start until the test lets it go.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, BASE, browser, newPage } from "./support.js";

/** Each row shown: its id, position, and every element inside it with its class, part and own text. */
const rows = (host) => [...host.shadowRoot.querySelectorAll(".pp-row")].slice(0, 12).map((row) => ({
  id: row.dataset.id,
  at: row.getAttribute("aria-posinset"),
  part: row.getAttribute("part"),
  inside: [...row.querySelectorAll("*")].map((el) => {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("");
    return `${el.localName}.${el.className}${el.hasAttribute("part") ? `[${el.getAttribute("part")}]` : ""} ${own}`;
  }),
}));

// The panel's own fields; every field in a host's order; names in another case, one twice.
const choices = ["", "tags,updated,job-title,phone,city,email,source,created,company,stage", "Email, JOB-TITLE,email"];
for (const fields of choices) {
  test(`the kept rows js/kept.js paints are the rows Leptos draws${fields ? ` (fields=${fields})` : ""}`, async () => {
    const user = `e2e-kept${Date.now()}`;
    await admin("POST", "/credentials", { user, people: 40 });
    const context = await browser.chromium.newContext();
    const query = `user=${user}&cache=device${fields ? `&fields=${encodeURIComponent(fields)}` : ""}`;
    // A first visit keeps the list.
    const first = await newPage(context);
    await first.page.goto(`${BASE}/early.html?${query}`);
    await first.page.evaluate(() => window.__go());
    await first.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));
    await first.page.close();

    const { page, errors } = await newPage(context);
    await page.goto(`${BASE}/early.html?${query}`);
    const panel = page.locator("#panel");
    await panel.locator(".pp-row").first().waitFor();
    const painted = await panel.evaluate(rows);
    assert.equal(painted.length, 12, "kept.js painted its rows before the wasm");
    await page.evaluate(() => window.__go());
    await panel.locator(".pp-row-button:not([aria-disabled])").first().waitFor();
    const drawn = await panel.evaluate(rows);
    assert.deepEqual(painted, drawn);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("with a wrong name in `fields`, js/kept.js paints no kept row: the wasm says what is wrong", async () => {
  const user = `e2e-kept-wrong${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 5 });
  const context = await browser.chromium.newContext();
  const first = await newPage(context);
  await first.page.goto(`${BASE}/early.html?user=${user}&cache=device`);
  await first.page.evaluate(() => window.__go());
  await first.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));
  await first.page.close();

  const { page } = await newPage(context);
  await page.goto(`${BASE}/early.html?user=${user}&cache=device&fields=email,birthday`);
  const panel = page.locator("#panel");
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.includes("-token")));
  await page.waitForTimeout(300);
  assert.equal(await panel.locator(".pp-row").count(), 0, "no kept row under a wrong attribute");
  await page.evaluate(() => window.__go());
  await panel.locator(".pp-error", { hasText: "birthday" }).first().waitFor();
  assert.equal(await panel.locator(".pp-row").count(), 0);
  await context.close();
});
