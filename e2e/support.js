// What every e2e file shares: the dev-server's address, one headless Chromium, the admin API.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { BASE, admin } from "./server.js";

export { BASE, admin };

/** The file's browser, launched before its first test and closed after its last. */
export const browser = {};
before(async () => {
  browser.chromium = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
after(async () => browser.chromium?.close());

/** A new page that records uncaught errors and CSP violations. */
export async function newPage(context) {
  const page = await (context ?? browser.chromium).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, errors };
}

/** The plain host page (e2e/site/index.html) signed in as `user`; the panel, not waited for. */
export async function openHostPage(user) {
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/?user=${encodeURIComponent(user)}`);
  return { page, errors, panel: page.locator("people-panel") };
}

/** A new user (`prefix` + a time) with one CRM of `people`, in the host page, its first rows shown. */
export async function loadedHostPage(prefix, people) {
  const user = `${prefix}${Date.now()}`;
  await admin("POST", "/credentials", { user, people });
  const opened = await openHostPage(user);
  await opened.panel.locator(".pp-row").first().waitFor();
  return { user, ...opened };
}

/** A host button that calls `panel.refresh()`: the list is read again (`count` shows) and the
 *  emulator's log has the read. */
export async function hostRefreshReloads(page, panel, user, count) {
  await admin("DELETE", "/log");
  await page.getByRole("button", { name: "Reload people" }).click();
  await panel.locator(".pp-count", { hasText: count }).waitFor();
  const log = await (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
  assert.ok(log.entries.some((e) => e.method === "GET" && e.path === "/crm/api/people"), "refresh() reloaded the list");
}
