// The whole workflow from the keyboard alone (no mouse event is sent): the list is one tab stop
// with arrow keys, Enter opens, Escape closes and returns focus where it came from, a failed save
// focuses the first invalid field, a save focuses the person's row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadedHostPage } from "./support.js";

/** What has focus, looking into the panel's shadow root: a short description. */
async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return "body";
    const text = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const pos = el.dataset.pos !== undefined ? ` pos=${el.dataset.pos}` : "";
    const action = el.dataset.action ? ` action=${el.dataset.action}` : "";
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${pos}${action} ${text}`.trim();
  });
}

/** Presses `key` until focus matches `pattern` (at most `max` times). */
async function pressUntil(page, key, pattern, max = 12) {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press(key);
  }
  assert.match(await focused(page), pattern);
}

async function expectFocus(page, pattern) {
  for (let waited = 0; waited < 3000 && !pattern.test(await focused(page)); waited += 50) await page.waitForTimeout(50);
  assert.match(await focused(page), pattern);
}

test("keyboard only: page, open a person, create one after an invalid try, close everything", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-keys", 120);

  // The list is one tab stop: Tab reaches its first row, then leaves it for "Load more".
  await pressUntil(page, "Tab", /^button pos=0 /);
  await page.keyboard.press("Tab");
  await expectFocus(page, /action=load-more Load more$/);
  await page.keyboard.press("Enter");
  await panel.locator(".pp-count", { hasText: "100 of 120" }).waitFor();
  await expectFocus(page, /action=load-more Load more$/);
  // The last page: "Load more" goes away, and focus goes back to the list, not to nowhere.
  await page.keyboard.press("Enter");
  await panel.locator(".pp-count", { hasText: "120 of 120" }).waitFor();
  await expectFocus(page, /^button pos=0 /);

  // Arrows, End, Home; the row scrolled into view; screen readers hear its position.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectFocus(page, /^button pos=2 /);
  await page.keyboard.press("End");
  await expectFocus(page, /^button pos=119 /);
  const row = panel.locator('.pp-row:has(.pp-row-button[data-pos="119"])');
  assert.equal(await row.getAttribute("aria-posinset"), "120");
  assert.equal(await row.getAttribute("aria-setsize"), "120");
  const name = (await row.locator(".pp-name").textContent()).trim();
  await page.keyboard.press("Home");
  await expectFocus(page, /^button pos=0 /);
  await page.keyboard.press("End");
  await expectFocus(page, /^button pos=119 /);

  // Enter opens the details (focus in them); Escape closes them, back on the same row.
  await page.keyboard.press("Enter");
  await expectFocus(page, new RegExp(`^article Details of ${name.slice(0, 20)}`));
  await pressUntil(page, "Tab", /action=delete/);
  await page.keyboard.press("Enter");
  await expectFocus(page, /action=cancel-delete/);
  await page.keyboard.press("Escape");
  await expectFocus(page, /action=delete/);
  await page.keyboard.press("Escape");
  await expectFocus(page, /^button pos=119 /);
  assert.equal(await panel.locator(".pp-detail").count(), 0);

  // New person: focus in the form; an invalid e-mail refused, focus on it; then saved, focus on the new row.
  await pressUntil(page, "Shift+Tab", /action=new/);
  await page.keyboard.press("Enter");
  await expectFocus(page, /^input#pp-first_name/);
  await page.keyboard.type("Kay");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Okonkwo");
  await page.keyboard.press("Tab");
  await page.keyboard.type("kay-at-example");
  await page.keyboard.press("Enter");
  await expectFocus(page, /^input#pp-email/);
  assert.equal(await panel.locator("#pp-email").getAttribute("aria-invalid"), "true");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("kay@example.com");
  await page.keyboard.press("Enter");
  await panel.locator(".pp-row .pp-name", { hasText: "Kay Okonkwo" }).waitFor();
  await expectFocus(page, /^button pos=\d+ Kay Okonkwo/);

  // Edit from the keyboard: Enter on the row, Tab to Edit, a change, Enter: back on the row.
  await page.keyboard.press("Enter");
  await expectFocus(page, /^article Details of Kay Okonkwo/);
  await pressUntil(page, "Tab", /action=edit/);
  await page.keyboard.press("Enter");
  await expectFocus(page, /^input#pp-first_name/);
  await pressUntil(page, "Tab", /^input#pp-phone/);
  await page.keyboard.type("+1 555 010 2030");
  await page.keyboard.press("Enter");
  await panel.locator(".pp-row", { hasText: "+1 555 010 2030" }).waitFor();
  await expectFocus(page, /^button pos=\d+ Kay Okonkwo/);

  // The form again, closed with Escape: back on "New person".
  await pressUntil(page, "Shift+Tab", /action=new/);
  await page.keyboard.press("Enter");
  await expectFocus(page, /^input#pp-first_name/);
  await page.keyboard.press("Escape");
  await expectFocus(page, /action=new/);
  assert.equal(await panel.locator(".pp-form").count(), 0);

  // The live region said what happened, once.
  assert.equal(await panel.locator(".pp-sr").textContent(), "Saved Kay Okonkwo.");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a mouse user's focus is never moved into the list when the last page comes", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-mouse", 120);
  // "Load more" clicked with the mouse: the last page takes the button away; focus is not moved.
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: "100 of 120" }).waitFor();
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: "120 of 120" }).waitFor();
  await page.waitForTimeout(200);
  assert.doesNotMatch(await focused(page), /^button pos=/, "the list did not take a mouse user's focus");
  assert.deepEqual(errors, []);
  await page.close();
});
