// The host names the tag: <people-panel> from importing the package, the same class registered
// under a design system's prefix, and a second copy of the package under a tag of its own, on one
// page; each loads, creates and tells its host on its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, newPage } from "./support.js";

test("one page holds <people-panel>, a prefixed tag and a second copy of the package under its own tag", async () => {
  const user = `e2e-tags${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 12 });
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/two-tags.html?user=${user}`);
  for (const tag of ["people-panel", "ds-people", "acme-people"]) {
    await page.locator(`${tag} .pp-row`).first().waitFor();
    assert.equal(await page.locator(`${tag} .pp-count`).textContent(), "12 of 12", `<${tag}> lists the user's people`);
  }
  const classes = await page.evaluate(() => {
    const own = customElements.get("people-panel");
    return {
      prefixedExtendsOwn: customElements.get("ds-people").prototype instanceof own,
      secondIsAnotherCopy: !(customElements.get("acme-people").prototype instanceof own),
    };
  });
  assert.deepEqual(classes, { prefixedExtendsOwn: true, secondIsAnotherCopy: true });

  // The second copy works on its own: its form (from its own second chunk), its event, its tag.
  const second = page.locator("acme-people");
  await second.getByRole("button", { name: "New person" }).click();
  await second.getByLabel("First name").fill("Tagged");
  await second.getByLabel("Email").fill("tagged@example.com");
  await second.getByRole("button", { name: "Save person" }).click();
  await page.locator('#events li[data-from="acme-people"]', { hasText: "Tagged" }).waitFor();
  // The other panels of the same user show it too (tabs in step), without reading the list again.
  for (const tag of ["people-panel", "ds-people"]) {
    await page.locator(`${tag} .pp-count`, { hasText: "13 of 13" }).waitFor();
  }
  assert.deepEqual(errors, []);
  await page.close();
});
