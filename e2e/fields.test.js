// The host chooses what rows and details show (`fields`, attribute or property), in its order; a
// wrong name is said like any wrong attribute, and taking the attribute away shows the default.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadedHostPage } from "./support.js";

test("rows and details follow the fields the host chose, and a wrong name is said", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-fields", 3);
  await panel.getByRole("button", { name: "New person" }).click();
  for (const [label, value] of [
    ["First name", "Fielda"],
    ["Last name", "Chosen"],
    ["Email", "fielda@example.com"],
    ["Phone", "+1 555 0100"],
    ["Company", "Acme Fields"],
    ["Job title", "Buyer"],
    ["Stage", "Lead"],
    ["Tags (comma-separated)", "vip, north"],
  ]) {
    await panel.getByLabel(label, { exact: true }).fill(value);
  }
  await panel.getByRole("button", { name: "Save person" }).click();
  const row = panel.locator(".pp-row", { hasText: "Fielda Chosen" });
  await row.waitFor();
  const shown = async () => ({
    contact: await row.locator(".pp-contact").textContent(),
    company: await row.locator(".pp-company").allTextContents(),
    chips: await row.locator(".pp-meta > span").allTextContents(),
  });
  // Today's choice by default.
  assert.deepEqual(await shown(), { contact: "fielda@example.com · +1 555 0100", company: ["Acme Fields"], chips: ["Lead", "vip", "north"] });

  // Chosen as a property: the attribute follows; rows and details show those fields, in that order.
  await panel.evaluate((p) => (p.fields = ["job-title", "email", "tags"]));
  assert.equal(await panel.getAttribute("fields"), "job-title,email,tags");
  await row.locator(".pp-contact", { hasText: "Buyer · fielda@example.com" }).waitFor();
  assert.deepEqual(await shown(), { contact: "Buyer · fielda@example.com", company: [], chips: ["vip", "north"] });
  await row.locator(".pp-row-button").click();
  await panel.locator(".pp-detail").waitFor();
  assert.deepEqual(await panel.locator(".pp-detail dt").allTextContents(), ["Job title", "Email", "Tags"]);
  assert.deepEqual(await panel.locator(".pp-detail dd").allTextContents(), ["Buyer", "fielda@example.com", "vip, north"]);
  // Live while the details are open, as an attribute too.
  await panel.evaluate((p) => p.setAttribute("fields", "updated, company"));
  await panel.locator(".pp-detail dt", { hasText: "Updated" }).waitFor();
  assert.deepEqual(await panel.locator(".pp-detail dt").allTextContents(), ["Updated", "Company"]);
  assert.deepEqual(await panel.evaluate((p) => p.fields), ["updated", "company"]);

  // A wrong name: the attribute's error, naming it; the fix shows the list again.
  await panel.evaluate((p) => p.setAttribute("fields", "email,birthday"));
  const error = panel.locator(".pp-state.pp-error");
  await error.waitFor();
  assert.match(await error.textContent(), /fields names "birthday"/);
  await panel.evaluate((p) => (p.fields = null));
  assert.equal(await panel.getAttribute("fields"), null);
  await row.locator(".pp-company", { hasText: "Acme Fields" }).waitFor();
  assert.deepEqual(await shown(), { contact: "fielda@example.com · +1 555 0100", company: ["Acme Fields"], chips: ["Lead", "vip", "north"] });
  await assert.rejects(panel.evaluate((p) => (p.fields = "email")), /fields expects a list/);
  assert.deepEqual(errors, []);
  await page.close();
});
