// The npm package as hosts consume it: its manifest matches the live element, and a React 19 app
// that installed the packed tarball (and type-checked against its declarations) uses the element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, browser, newPage, hostRefreshReloads } from "./support.js";

test("the package's custom-elements.json describes the live element", async () => {
  const manifest = await (await fetch(`${BASE}/people-panel/custom-elements.json`)).json();
  const declaration = manifest.modules[0].declarations[0];
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/?user=manifest`);
  const live = await page.evaluate((members) => {
    const Element = customElements.get("people-panel");
    return { attributes: Element.observedAttributes, missing: members.filter((m) => !(m in Element.prototype)) };
  }, declaration.members.map((m) => m.name));
  assert.equal(declaration.tagName, "people-panel");
  assert.deepEqual(live.attributes, declaration.attributes.map((a) => a.name));
  assert.deepEqual(live.missing, [], "every member the manifest lists exists on the element");
  assert.ok(declaration.events.length >= 6 && declaration.cssProperties.length > 0 && declaration.cssParts.length > 0);
  const pkg = await (await fetch(`${BASE}/people-panel/package.json`)).json();
  assert.equal(pkg.customElements, "custom-elements.json");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a React 19 host passes properties, hears the element's events and calls its methods", async () => {
  const user = `e2e-react${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 30, appKey: "follow-up-boss" });
  const second = await admin("POST", "/credentials", { user, people: 7, appKey: "hubspot" });
  const context = await browser.chromium.newContext();
  await context.addCookies([{ name: "pp_user", value: user, url: BASE }]);
  const { page, errors } = await newPage(context);
  const violations = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  // Two CRMs would ask the user to pick one; the credentialId property React sets picks the second.
  await page.goto(`${BASE}/react/?credential=${second.id}`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-row").first().waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "7 of 7");
  assert.equal(await panel.evaluate((p) => p.credentialId), second.id);

  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("First name").fill("Reacta");
  await panel.getByLabel("Email").fill("reacta@example.com");
  await panel.getByRole("button", { name: "Save person" }).click();
  await page.locator("#created", { hasText: "Reacta" }).waitFor(); // React state, from onperson-created

  await hostRefreshReloads(page, panel, user, "8 of 8");
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});
