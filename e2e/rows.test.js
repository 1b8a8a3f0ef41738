// Rows as a user sees them: every name starts where the panel's text starts, whatever its script,
// in left-to-right and right-to-left pages; the footer's buttons don't touch; the details' close
// control looks and measures like the other buttons.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadedHostPage } from "./support.js";

/** Where each row's name text starts, from the row's start edge (left in LTR, right in RTL). */
const nameStarts = (panel) => panel.evaluate((host) => {
  const rtl = getComputedStyle(host.shadowRoot.querySelector(".pp")).direction === "rtl";
  return [...host.shadowRoot.querySelectorAll(".pp-row")].map((row) => {
    const name = row.querySelector(".pp-name");
    const range = document.createRange();
    range.selectNodeContents(name);
    const text = range.getBoundingClientRect();
    const box = row.querySelector(".pp-row-button").getBoundingClientRect();
    return { name: name.textContent, from: Math.round(rtl ? box.right - text.right : text.left - box.left) };
  });
});

test("a name in Arabic starts where every other name starts, in an LTR page and an RTL one", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-bidi", 60);
  for (const dir of ["ltr", "rtl"]) {
    await page.evaluate((d) => (document.body.dir = d), dir);
    await page.waitForFunction(() => true);
    const starts = await nameStarts(panel);
    const arabic = starts.filter((s) => /^[\u0600-\u06ff]/.test(s.name));
    const latin = starts.filter((s) => /^[A-Za-z]/.test(s.name));
    assert.ok(arabic.length > 0 && latin.length > 0, `the page shows both: ${JSON.stringify(starts.slice(0, 10))}`);
    for (const s of [...arabic, ...latin]) assert.ok(s.from <= 1, `${dir}: "${s.name}" starts ${s.from}px from the row's start`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("Load more and Load all stand apart; the details' close control is a button of the same size as the others", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-controls", 80);
  const [more, all] = await Promise.all(["Load more", "Load all"].map((name) => panel.getByRole("button", { name }).boundingBox()));
  const gap = Math.max(all.x - (more.x + more.width), more.x - (all.x + all.width));
  assert.ok(gap >= 6, `the gap between them is ${gap}px`);

  await panel.locator(".pp-row-button").first().click();
  const close = panel.getByRole("button", { name: "Close details" });
  const edit = panel.locator(".pp-detail").getByRole("button", { name: "Edit" });
  const [closeBox, editBox] = [await close.boundingBox(), await edit.boundingBox()];
  assert.ok(closeBox.width >= 24 && closeBox.height >= 24, `close is ${closeBox.width}×${closeBox.height}`);
  assert.equal(Math.round(closeBox.height), Math.round(editBox.height), "as tall as Edit");
  const look = (locator) => locator.evaluate((b) => { const s = getComputedStyle(b); return [s.borderTopWidth, s.borderTopStyle, s.borderRadius, s.fontSize]; });
  assert.deepEqual(await look(close), await look(edit), "the buttons' look");
  assert.deepEqual(errors, []);
  await page.close();
});
