// Properties a host sets before the package is imported are taken over when the element upgrades.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, BASE, newPage } from "./support.js";

test("credentialId, fields and strings set before the import are used once the element is defined", async () => {
  const user = `e2e-late${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 4, appKey: "follow-up-boss" });
  const second = await admin("POST", "/credentials", { user, people: 3, appKey: "hubspot" });
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/late.html?user=${user}&credential=${second.id}`);
  const panel = page.locator("people-panel");
  // Two CRMs would ask "Which CRM?": the credentialId set before the import picks the second.
  await panel.locator(".pp-row").first().waitFor();
  assert.equal(await page.evaluate(() => window.__before), true, "the properties were set before the class was defined");
  assert.equal(await panel.locator(".pp-count").textContent(), "3 of 3");
  assert.equal(await panel.evaluate((p) => p.credentialId), second.id);
  assert.equal(await panel.getAttribute("credential-id"), second.id, "the property went through the class's setter");
  assert.equal(await panel.getAttribute("fields"), "job-title,email");
  const hiding = await panel.evaluate((p) => ["credentialId", "fields", "strings"].filter((name) => Object.hasOwn(p, name)));
  assert.deepEqual(hiding, [], "no own property hides the class's accessor");
  await panel.getByRole("button", { name: "Add contact" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
