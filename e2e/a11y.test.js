// Accessibility: axe-core (WCAG 2.0–2.2, A and AA rules) on every state of the panel, in the light
// and the dark theme, in the plain host page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { BASE, admin, browser, newPage } from "./support.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** A page of the host site as `user`, with axe loaded (the context bypasses the page's CSP for it). */
async function open(user, query = "") {
  const context = await browser.chromium.newContext({ bypassCSP: true });
  const { page, errors } = await newPage(context);
  await page.goto(`${BASE}/?user=${encodeURIComponent(user)}${query}`);
  await page.addScriptTag({ path: AXE });
  return { page, errors, context, panel: page.locator("people-panel") };
}

/** axe's violations in the panel, in both themes (switched live), as readable lines. */
async function audit(page, state) {
  const found = [];
  for (const theme of ["light", "dark"]) {
    const violations = await page.evaluate(async ([theme, tags]) => {
      const panel = document.querySelector("people-panel");
      panel.setAttribute("theme", theme);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const result = await window.axe.run(panel, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.flat().join(" ")).join(", ")} — ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? ""}`);
    }, [theme, WCAG]);
    found.push(...violations.map((v) => `${state} [${theme}] ${v}`));
  }
  return found;
}

async function waitState(panel, state) {
  await panel.locator(`.pp-state[data-state="${state}"]`).waitFor({ timeout: 30000 });
}

test("axe finds no violation in the loading, syncing, connect and picker states", async () => {
  const violations = [];
  // Loading: the token route is held until axe has run.
  const loading = await open(`a11y-loading${Date.now()}`);
  let release;
  await loading.page.route("**/api/rollout-token*", async (route) => {
    await new Promise((resolve) => (release = resolve));
    await route.continue();
  });
  await loading.page.reload();
  await loading.page.addScriptTag({ path: AXE });
  await waitState(loading.panel, "loading");
  violations.push(...(await audit(loading.page, "loading")));
  release?.();
  await loading.context.close();

  const syncingUser = `a11y-sync${Date.now()}`;
  await admin("POST", "/credentials", { user: syncingUser, people: 5, syncingMs: 120000 });
  const syncing = await open(syncingUser);
  await waitState(syncing.panel, "syncing");
  violations.push(...(await audit(syncing.page, "syncing")));
  await syncing.context.close();

  const connect = await open(`a11y-none${Date.now()}`);
  await waitState(connect.panel, "connect");
  violations.push(...(await audit(connect.page, "connect")));
  await connect.context.close();

  const pickerUser = `a11y-two${Date.now()}`;
  await admin("POST", "/credentials", { user: pickerUser, people: 5, appKey: "follow-up-boss", label: "Follow Up Boss" });
  await admin("POST", "/credentials", { user: pickerUser, people: 5, appKey: "lofty", label: "Lofty" });
  const picker = await open(pickerUser);
  await picker.panel.locator(".pp-choices").waitFor();
  violations.push(...(await audit(picker.page, "credential picker")));
  await picker.context.close();
  assert.deepEqual(violations, []);
});

test("axe finds no violation in the list, a search with no match, details, the forms with errors and the delete confirmation", async () => {
  const user = `a11y-list${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 80 });
  const { page, panel, errors, context } = await open(user);
  const violations = [];
  await panel.locator(".pp-row").first().waitFor();
  violations.push(...(await audit(page, "list")));

  await panel.getByRole("searchbox").fill("zzqxj");
  await panel.locator(".pp-empty").waitFor();
  violations.push(...(await audit(page, "search with no match")));
  await panel.getByRole("searchbox").fill("");

  await panel.getByRole("button", { name: "Filter" }).click();
  await panel.locator(".pp-filters input[type=checkbox]").first().check();
  await panel.getByRole("button", { name: "Clear filters" }).waitFor();
  violations.push(...(await audit(page, "filter open, a value chosen")));
  await panel.getByRole("button", { name: "Clear filters" }).click();
  await panel.getByRole("combobox", { name: "Sort" }).selectOption("-updated");

  await panel.locator(".pp-row-button").first().click();
  await panel.locator(".pp-detail").waitFor();
  violations.push(...(await audit(page, "details")));

  await panel.locator(".pp-detail").getByRole("button", { name: "Delete" }).click();
  await panel.locator(".pp-confirm").waitFor();
  violations.push(...(await audit(page, "delete confirmation")));
  await panel.getByRole("button", { name: "Cancel" }).click();

  await panel.locator(".pp-detail").getByRole("button", { name: "Edit" }).click();
  await panel.getByLabel("Email").fill("not-an-email");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await panel.locator(".pp-field-error", { hasText: /\S/ }).first().waitFor();
  violations.push(...(await audit(page, "edit form with errors")));
  await panel.locator(".pp-form").getByRole("button", { name: "Close" }).click();

  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("Email").fill("nope");
  await panel.getByRole("button", { name: "Save person" }).click();
  await panel.locator(".pp-field-error", { hasText: /\S/ }).first().waitFor();
  violations.push(...(await audit(page, "create form with errors")));
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("axe finds no violation in the failure states", async () => {
  const violations = [];
  const signedOut = await open(`a11y-out${Date.now()}`);
  await signedOut.page.evaluate(() => document.querySelector("people-panel").setAttribute("token-url", "/api/rollout-token?as=html"));
  await waitState(signedOut.panel, "signed-out");
  violations.push(...(await audit(signedOut.page, "sign-in needed")));
  await signedOut.context.close();

  const user = `a11y-fail${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 5 });
  const page = await open(user);
  await page.panel.locator(".pp-row").first().waitFor();
  await page.page.evaluate(() => document.querySelector("people-panel").setAttribute("credential-id", "cred_9999"));
  await waitState(page.panel, "reconnect");
  violations.push(...(await audit(page.page, "reconnect")));

  await page.page.evaluate(() => document.querySelector("people-panel").setAttribute("page-size", "0"));
  await waitState(page.panel, "config");
  violations.push(...(await audit(page.page, "misconfigured")));

  await page.page.evaluate(() => {
    const p = document.querySelector("people-panel");
    p.removeAttribute("credential-id");
    p.setAttribute("page-size", "50");
  });
  await page.panel.locator(".pp-row").first().waitFor();
  await admin("PUT", "/faults", { user, rate500: 1 });
  await page.page.evaluate(() => document.querySelector("people-panel").setAttribute("page-size", "49"));
  await waitState(page.panel, "error");
  violations.push(...(await audit(page.page, "server error")));

  await admin("PUT", "/faults", { user, rate429: 1 });
  await page.panel.getByRole("button", { name: "Try again" }).click();
  await waitState(page.panel, "rate-limited");
  violations.push(...(await audit(page.page, "rate limited")));

  await admin("PUT", "/faults", {});
  await page.context.setOffline(true);
  await page.panel.getByRole("button", { name: "Try again" }).click();
  await waitState(page.panel, "offline");
  violations.push(...(await audit(page.page, "offline")));
  await page.context.setOffline(false);
  await page.context.close();
  assert.deepEqual(violations, []);
});
