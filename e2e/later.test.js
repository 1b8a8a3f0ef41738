// The bundle's second chunk (split_later.wasm: the form, details, edit and delete): fetched after
// the first row, waited for by a click that comes before it, and never fatal when it can't be had.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, newPage } from "./support.js";

/** A route for the chunk that holds it back until `release()`. */
function heldBack() {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  return {
    release,
    route: async (route) => {
      await held;
      await route.continue();
    },
  };
}

async function hostPage(prefix, people, routeChunk) {
  const user = `${prefix}${Date.now()}`;
  await admin("POST", "/credentials", { user, people });
  const { page, errors } = await newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.route("**/split_later.wasm", routeChunk);
  await page.goto(`${BASE}/?user=${user}`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-row").first().waitFor();
  return { page, errors, panel, fetched };
}

test("the second chunk comes after the first row, and a click before it shows the form once it arrives", async () => {
  const chunk = heldBack();
  const { page, errors, panel, fetched } = await hostPage("later", 5, chunk.route);
  await page.waitForTimeout(200);
  const chunkAt = fetched.indexOf("/people-panel/split_later.wasm");
  assert.ok(chunkAt >= 0, "the chunk was asked for once the first row was drawn");
  assert.ok(fetched.slice(0, chunkAt).includes("/crm/api/people"), `not before the first page: ${fetched}`);

  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByText("Loading…").waitFor();
  chunk.release();
  await panel.getByLabel("First name").waitFor();
  // The click's focus request is carried out once the form is there.
  await page.waitForFunction(() => document.querySelector("people-panel").shadowRoot.activeElement?.id === "pp-first_name");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a chunk that cannot be fetched leaves the list working, says so where it is needed, and a retry loads it", async () => {
  let blocked = true;
  const { page, errors, panel } = await hostPage("later-missing", 5, (route) => (blocked ? route.abort("internetdisconnected") : route.continue()));
  await panel.getByRole("button", { name: "New person" }).click();
  const missing = panel.locator('[data-notice="code-missing"]');
  await missing.waitFor();
  assert.match(await missing.textContent(), /could not be loaded/);
  // The list still works.
  await panel.getByRole("searchbox", { name: "Search people" }).fill("zzqxj");
  await panel.locator(".pp-empty").waitFor();
  await panel.getByRole("searchbox", { name: "Search people" }).fill("");
  // Back online: the retry brings the form, and a person's details.
  blocked = false;
  await missing.getByRole("button", { name: "Try again" }).click();
  await panel.getByLabel("First name").waitFor();
  await page.keyboard.press("Escape");
  await panel.locator(".pp-row-button").first().click();
  await panel.locator(".pp-detail h3").waitFor();
  assert.deepEqual(errors, [], "no RuntimeError: the wasm lives on");
  await page.close();
});

test("the toolbar that comes with the second chunk takes its place without moving a row (a click aimed at a row lands on it)", async () => {
  const chunk = heldBack();
  const { page, errors, panel } = await hostPage("later-shift", 5, chunk.route);
  const row = panel.locator(".pp-row").first();
  const before = await row.boundingBox();
  chunk.release();
  await panel.locator(".pp-arrange select").waitFor();
  const after = await row.boundingBox();
  assert.equal(after.y, before.y, "the first row stays where it was drawn");
  await row.locator(".pp-row-button").click();
  await panel.locator(".pp-detail h3").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
