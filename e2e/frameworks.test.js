// The Vue, Svelte and Angular hosts of e2e/hosts/ (each installed the packed tarball, was checked by
// its framework's own checker against the package's declarations and bundled as its users bundle it:
// xtask/src/hosts.rs) use the element as the React host does in package.test.js: an attribute
// (token-url), credentialId set as a property, a person-created listener updating the framework's own
// state, and a host button calling refresh().
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, browser, newPage, hostRefreshReloads } from "./support.js";

for (const [framework, name, a] of [["vue", "Vue", "a"], ["svelte", "Svelte", "a"], ["angular", "Angular", "an"]]) {
  test(`${a} ${name} host passes properties, hears the element's events and calls its methods`, async () => {
    const user = `e2e-${framework}${Date.now()}`;
    await admin("POST", "/credentials", { user, people: 30, appKey: "follow-up-boss" });
    const second = await admin("POST", "/credentials", { user, people: 7, appKey: "hubspot" });
    const context = await browser.chromium.newContext();
    await context.addCookies([{ name: "pp_user", value: user, url: BASE }]);
    const { page, errors } = await newPage(context);
    const violations = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    // Two CRMs would ask the user to pick one; the credentialId property the host sets picks the second.
    await page.goto(`${BASE}/${framework}/?credential=${second.id}`);
    const panel = page.locator("people-panel");
    await panel.locator(".pp-row").first().waitFor();
    assert.equal(await panel.locator(".pp-count").textContent(), "7 of 7");
    assert.equal(await panel.evaluate((p) => p.credentialId), second.id);
    assert.equal(await panel.getAttribute("token-url"), "/api/rollout-token", "token-url is an attribute");
    assert.equal(await panel.getAttribute("credentialid"), null, "credentialId was set as a property");

    await panel.getByRole("button", { name: "New person" }).click(); // the form is in split_later.wasm
    await panel.getByLabel("First name").fill(name);
    await panel.getByLabel("Email").fill(`${framework}@example.com`);
    await panel.getByRole("button", { name: "Save person" }).click();
    await page.locator("#created", { hasText: name }).waitFor(); // the framework's state, from person-created

    await hostRefreshReloads(page, panel, user, "8 of 8");
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });
}
