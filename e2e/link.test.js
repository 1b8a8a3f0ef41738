// The real Rollout Link (@rollout/link-react 0.14.0) beside the panel, as the demo's host app wires
// them: a user connects a CRM through Link's own UI, the panel loads that credential's people, and
// deleting the credential in Link makes the panel ask to connect again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, browser, newPage } from "./support.js";

const DEMO_API_KEY = "demo-api-key-1234";

test("a user connects a CRM through Rollout Link (a wrong key first), works with it, then deletes it in Link", async () => {
  const user = `e2e-link${Date.now()}`;
  const context = await browser.chromium.newContext();
  await context.addCookies([{ name: "pp_user", value: user, url: BASE }]);
  const { page, errors } = await newPage(context);
  const connected = [];
  page.on("response", async (r) => {
    if (r.request().method() === "POST" && r.url().endsWith("/universal/api/credentials") && r.ok()) connected.push((await r.json()).id);
  });
  await page.goto(`${BASE}/link.html`);
  const panel = page.locator("people-panel");
  await panel.locator(`.pp-state[data-state="connect"]`).waitFor();

  // Link's connector tiles come from the emulator's catalog.
  await page.getByText("Follow Up Boss", { exact: true }).click();
  await page.getByText("Connect your Follow Up Boss Account").waitFor();
  await page.getByLabel("API Key").fill("not-the-key");
  await page.getByRole("button", { name: "Save" }).click();
  await page.locator(".universal-ApiTokenAuthForm-error", { hasText: "did not accept this API key" }).waitFor();
  assert.equal(connected.length, 0);
  assert.ok(await panel.locator(`.pp-state[data-state="connect"]`).isVisible(), "the panel still asks for a CRM");

  await page.getByLabel("API Key").fill(DEMO_API_KEY);
  await page.getByRole("button", { name: "Save" }).click();
  // onCredentialAdded → panel.onCredentialAdded: the panel waits out the first sync, then loads.
  await panel.locator(".pp-row").first().waitFor({ timeout: 30000 });
  assert.equal(connected.length, 1);
  assert.equal(await panel.evaluate((p) => p.credentialId), connected[0]);
  assert.match(await panel.locator(".pp-count").textContent(), /^50 of \d+/);

  // Link lists the credential with Delete, then asks to confirm.
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByText("Confirm deletion of this credential").waitFor();
  await page.getByRole("button", { name: "Delete" }).click();
  // onCredentialDeleted → panel.onCredentialDeleted: forgotten, and it asks to connect again.
  await panel.locator(`.pp-state[data-state="connect"]`).waitFor();
  assert.equal(await panel.locator(".pp-row").count(), 0);
  const log = await page.locator(".app-log li").allTextContents();
  assert.ok(log.some((line) => line.includes("credential-changed") && line.includes(connected[0])), log.join("\n"));
  assert.equal(log.filter((line) => line.includes("credential-required")).length, 2, log.join("\n"));

  // A reload remembers nothing of the deleted credential.
  await page.reload();
  await panel.locator(`.pp-state[data-state="connect"]`).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
