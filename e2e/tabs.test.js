// Panels and tabs in step: what one panel creates, edits or deletes, the user's other tabs show
// within a second without reading the list again; a tab of another user hears nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, browser, newPage } from "./support.js";

const peopleReads = async (user) =>
  (await (await fetch(`${BASE}/__admin/log?user=${user}`)).json()).entries.filter((e) => e.method === "GET" && e.path === "/crm/api/people").length;

/** A tab per user in `context` (one browser: its tabs share a BroadcastChannel), rows shown. */
async function openTabs(context, users) {
  const tabs = [];
  for (const user of users) {
    const { page, errors } = await newPage(context);
    await page.goto(`${BASE}/?user=${user}`);
    await page.locator("people-panel .pp-row").first().waitFor();
    tabs.push({ page, errors, panel: page.locator("people-panel") });
  }
  return tabs;
}

test("a create and a delete in one tab show in the user's other tab within a second, and not in another user's", async () => {
  const stamp = Date.now();
  const [ana, bo] = [`tabs-a${stamp}`, `tabs-b${stamp}`];
  await admin("POST", "/credentials", { user: ana, people: 4 });
  await admin("POST", "/credentials", { user: bo, people: 4 });
  const context = await browser.chromium.newContext(); // one browser: its tabs share a BroadcastChannel
  const tabs = await openTabs(context, [ana, ana, bo]);
  const [one, two, other] = tabs;
  const readsBefore = await peopleReads(ana);

  await one.panel.getByRole("button", { name: "New person" }).click();
  await one.panel.getByLabel("First name").fill("Tabitha");
  await one.panel.getByLabel("Last name").fill("Instep");
  await one.panel.getByRole("button", { name: "Save person" }).click();
  await one.panel.locator(".pp-count", { hasText: "5 of 5" }).waitFor();
  await two.panel.locator(".pp-row .pp-name", { hasText: "Tabitha Instep" }).waitFor({ timeout: 1000 });
  assert.equal(await two.panel.locator(".pp-count").textContent(), "5 of 5");

  // Deleted in the second tab: gone from the first.
  await two.panel.locator(".pp-row-button", { hasText: "Tabitha Instep" }).click();
  await two.panel.getByRole("button", { name: "Delete", exact: true }).click();
  await two.panel.getByRole("button", { name: "Yes, delete" }).click();
  await two.panel.locator(".pp-count", { hasText: "4 of 4" }).waitFor();
  await one.panel.locator(".pp-count", { hasText: "4 of 4" }).waitFor({ timeout: 1000 });
  assert.equal(await one.panel.locator(".pp-row .pp-name", { hasText: "Tabitha Instep" }).count(), 0);

  assert.equal(await peopleReads(ana), readsBefore, "nobody read the list again");
  assert.equal(await other.panel.locator(".pp-count").textContent(), "4 of 4", "another user's tab heard nothing");
  assert.equal(await other.panel.locator(".pp-row .pp-name", { hasText: "Tabitha" }).count(), 0);
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
  await context.close();
});

test("signOut() in one tab drops the user's people, form and details in their other tab within a second", async () => {
  const stamp = Date.now();
  const [ana, bo] = [`tabs-out-a${stamp}`, `tabs-out-b${stamp}`];
  await admin("POST", "/credentials", { user: ana, people: 4 });
  await admin("POST", "/credentials", { user: bo, people: 4 });
  const context = await browser.chromium.newContext();
  const tabs = await openTabs(context, [ana, ana, bo]);
  const [one, two, other] = tabs;
  // The other tab shows a person's details and a half-typed new person.
  await two.panel.locator(".pp-row-button").first().click();
  await two.panel.locator(".pp-detail").waitFor();
  await two.panel.getByRole("button", { name: "New person" }).click();
  await two.panel.getByLabel("First name").fill("Unsaved");

  await one.page.evaluate(() => document.querySelector("people-panel").signOut());
  await two.panel.locator(".pp-state[data-state='session-ended']").waitFor({ timeout: 1000 });
  assert.equal(await two.panel.locator(".pp-row, .pp-detail, .pp-form").count(), 0, "nothing of the user stays on screen");
  await admin("DELETE", "/log");
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sent = (await (await fetch(`${BASE}/__admin/log?user=${ana}`)).json()).entries;
  assert.deepEqual(sent, [], "the signed-out tab sends nothing");
  assert.equal(await other.panel.locator(".pp-count").textContent(), "4 of 4", "another user's tab is untouched");
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
  await context.close();
});
