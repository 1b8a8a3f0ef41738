// The whole workflow, once, for every engine: each engine's test file calls `workflow(start)` with
// its start function from drivers.js. Steps act through the page adapter (real clicks and typing);
// checks read the page through small functions that run in it.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, requestLog } from "../server.js";

// ---- in the page (self-contained: their source is sent) ----

/** Text of the first visible match of `css` in the panel's shadow root, or null. */
function textOf(css) {
  const root = document.querySelector("people-panel")?.shadowRoot;
  const el = root && [...root.querySelectorAll(css)].find((e) => e.getClientRects().length > 0);
  return el ? el.textContent.trim() : null;
}
/** Every visible match's text. */
function textsOf(css) {
  const root = document.querySelector("people-panel")?.shadowRoot;
  return root ? [...root.querySelectorAll(css)].filter((e) => e.getClientRects().length > 0).map((e) => e.textContent.trim()) : [];
}
/** The host page's record of the events the panel dispatched (host.js lists them in #events). */
function events(name) {
  return [...document.querySelectorAll(`#events [data-event="${name}"]`)].map((li) => JSON.parse(li.textContent));
}
/** What the host page and the engine say about the page: CSP violations, Trusted Types. */
function pageFacts() {
  return { violations: window.__violations ?? null, trustedTypes: typeof window.trustedTypes };
}

// ---- in the test ----

const TIMEOUT = 15000;

/** Polls `check` (async, in the test) until it returns something truthy (returned), else fails. */
async function waitFor(what, check) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: not within ${TIMEOUT / 1000} s (last: ${JSON.stringify(last)})`);
}
/** Polls `fn` in the page until it returns something truthy. */
const until = (page, what, fn, ...args) => waitFor(what, () => page.run(fn, ...args));
/** Waits until the first visible `css` in the panel says `text`. */
async function says(page, css, text) {
  let seen;
  await waitFor(`${css} says "${text}"`, async () => (seen = await page.run(textOf, css)) === text).catch(() => {
    assert.fail(`${css} says ${JSON.stringify(seen)}, not "${text}", after ${TIMEOUT / 1000} s`);
  });
}
const countIs = (page, text) => says(page, ".pp-count", text);
const button = (name) => ({ css: "button", name });

/** A new user with one CRM of `people` (a unique name per engine and step). */
async function newUser(engine, step, people) {
  const user = `e2e-${engine.name.toLowerCase()}-${step}-${Date.now()}`;
  await admin("POST", "/credentials", { user, people });
  return user;
}

/** No uncaught error and no CSP (or Trusted Types) violation in the page. */
async function clean(page) {
  assert.deepEqual(await page.errors(), [], "no uncaught error");
  assert.deepEqual((await page.run(pageFacts)).violations, [], "no CSP violation");
}

export function workflow(start) {
  const engine = {};
  describe("the workflow", () => {
    before(async () => Object.assign(engine, await start()));
    after(async () => engine.close?.());

    test("first page, search, paging and Load all, a person's details", async () => {
      const { page } = engine;
      console.log(`engine: ${engine.name} ${engine.version}`);
      const user = await newUser(engine, "list", 260);
      await page.goto(`/?user=${user}`);
      await countIs(page, "50 of 260");
      await page.click({ css: "[data-action=load-more]" });
      await countIs(page, "100 of 260");
      await page.click({ css: "[data-action=load-all]" });
      await countIs(page, "260 of 260");
      await says(page, ".pp-footer .pp-muted", "Everyone is loaded.");
      const rows = await page.run(() => document.querySelector("people-panel").shadowRoot.querySelectorAll(".pp-row").length);
      assert.ok(rows > 0 && rows <= 80, `only visible rows are rendered (${rows})`);

      // Search folds case and diacritics: every shown name has the first name typed in lower case.
      const first = (await page.run(textOf, ".pp-row .pp-name")).split(" ")[0];
      await page.fill({ css: ".pp-search" }, first.toLowerCase());
      await waitFor("the count says matching", async () => (await page.run(textOf, ".pp-count")).includes("matching"));
      const names = await page.run(textsOf, ".pp-row .pp-name");
      const fold = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      assert.ok(names.length > 0 && names.every((n) => fold(n).includes(fold(first))), names.join(", "));
      await page.click({ css: ".pp-row-button" });
      await until(page, "the details name the person", (f) => document.querySelector("people-panel").shadowRoot.querySelector(".pp-detail h3")?.textContent.includes(f), first);
      await page.click(button("Close details"));
      // The toolbar (the second chunk's) is as tall as the place held for it before it came (its
      // min-height): its arrival moved no row.
      const bar = await page.run(() => {
        const bar = document.querySelector("people-panel").shadowRoot.querySelector(".pp-arrange");
        return { height: bar.getBoundingClientRect().height, held: parseFloat(getComputedStyle(bar).minHeight), controls: bar.querySelectorAll("select, button").length };
      });
      assert.ok(bar.controls >= 2 && Math.abs(bar.height - bar.held) < 0.5, JSON.stringify(bar));
      await page.fill({ css: ".pp-search" }, "");
      await countIs(page, "260 of 260");
      await clean(page);
    });

    test("create (one person for a double click), edit, delete after confirming", async () => {
      const { page } = engine;
      const user = await newUser(engine, "crud", 6);
      await page.goto(`/?user=${user}`);
      await countIs(page, "6 of 6");
      await page.click(button("New person"));
      await page.fill({ label: "First name" }, "Søren");
      await page.fill({ label: "Last name" }, "Kowalski");
      await page.fill({ label: "Email" }, "soren@example.com");
      await page.dblclick(button("Save person"));
      await countIs(page, "7 of 7");
      await until(page, "the new person is listed", () => {
        const root = document.querySelector("people-panel").shadowRoot;
        return [...root.querySelectorAll(".pp-row")].some((r) => r.textContent.includes("soren@example.com") && r.textContent.includes("Søren Kowalski"));
      });
      assert.equal((await page.run(events, "person-created"))[0]?.name, "Søren Kowalski");
      let log = await requestLog(user);
      assert.equal(log.entries.filter((e) => e.method === "POST" && e.path === "/crm/api/people").length, 1, "one create for a double click");

      // Edit the new person's email, in the same form.
      const id = (await page.run(events, "person-created"))[0].id;
      await page.click({ css: `.pp-row[data-id="${id}"] .pp-row-button` });
      await page.click(button("Edit"));
      await until(page, "the form is prefilled", () => document.querySelector("people-panel").shadowRoot.querySelector("input[name=email]")?.value === "soren@example.com");
      await page.fill({ label: "Email" }, "edited@example.com");
      await page.click(button("Save changes"));
      const updated = await until(page, "person-updated", () => {
        const li = document.querySelector('#events [data-event="person-updated"]');
        return li && JSON.parse(li.textContent);
      });
      assert.equal(updated.id, id);
      assert.equal(updated.emails[0].value, "edited@example.com");

      // Delete, after a confirmation that names them.
      await page.click({ css: `.pp-row[data-id="${id}"] .pp-row-button` });
      await page.click(button("Delete"));
      await until(page, "the confirmation names the person", () => document.querySelector("people-panel").shadowRoot.querySelector('[role="alertdialog"]')?.getAttribute("aria-label"));
      assert.equal(await page.run(() => document.querySelector("people-panel").shadowRoot.querySelector('[role="alertdialog"]').getAttribute("aria-label")), "Delete Søren Kowalski?");
      await page.click(button("Yes, delete"));
      await until(page, "person-deleted", (name) => document.querySelectorAll(`#events [data-event="${name}"]`).length > 0, "person-deleted");
      assert.deepEqual(await page.run(events, "person-deleted"), [{ id }]);
      await countIs(page, "6 of 6");
      log = await requestLog(user);
      assert.equal(log.entries.filter((e) => e.method === "POST" && e.path === "/crm/api/people").length, 1, "still one create");
      await clean(page);
    });

    test("the language and theme switches", async () => {
      const { page } = engine;
      const user = await newUser(engine, "lang", 1234);
      await page.goto(`/?user=${user}`);
      await countIs(page, "50 of 1,234");

      await page.run(() => document.querySelector("people-panel").setAttribute("lang", "de"));
      await countIs(page, "50 von 1.234");
      assert.equal(await page.run(textOf, ".pp-title"), "Personen");
      assert.equal(await page.run(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-search").getAttribute("placeholder")), "Geladene Personen durchsuchen");
      await page.click({ css: ".pp-row-button" });
      const created = await until(page, "a date in the details", () => {
        const dt = [...document.querySelector("people-panel").shadowRoot.querySelectorAll(".pp-detail dt")].find((d) => d.textContent.trim() === "Erstellt");
        return dt?.nextElementSibling?.textContent.trim();
      });
      assert.match(created, /^\d{1,2}\.\d{1,2}\.\d{4}/, `a German date: ${created}`);
      await page.press("Escape");
      await page.click(button("Neue Person"));
      await page.fill({ label: "E-Mail" }, "kein-mail");
      await page.click(button("Person speichern"));
      await waitFor("a German refusal", async () => (await page.run(textsOf, ".pp-field-error")).includes("Geben Sie eine E-Mail-Adresse wie name@example.com ein."));
      await page.press("Escape");

      // Theme: the panel's own colours (light-dark()) and the host's accent (custom property into
      // the shadow root) follow the attribute, live.
      const colours = () => {
        const panel = document.querySelector("people-panel");
        const root = panel.shadowRoot;
        const button = [...root.querySelectorAll("button.pp-primary")].find((b) => b.getClientRects().length > 0);
        return { background: getComputedStyle(root.querySelector(".pp")).backgroundColor, accent: getComputedStyle(button).backgroundColor, theme: root.querySelector(".pp").dataset.theme };
      };
      await page.run(() => document.querySelector("people-panel").setAttribute("theme", "dark"));
      await until(page, "the dark theme", () => document.querySelector("people-panel").shadowRoot.querySelector(".pp").dataset.theme === "dark");
      assert.deepEqual(await page.run(colours), { background: "rgb(17, 24, 39)", accent: "rgb(253, 164, 175)", theme: "dark" });
      await page.run(() => document.querySelector("people-panel").setAttribute("theme", "light"));
      await until(page, "the light theme", () => document.querySelector("people-panel").shadowRoot.querySelector(".pp").dataset.theme === "light");
      assert.deepEqual(await page.run(colours), { background: "rgb(255, 255, 255)", accent: "rgb(190, 18, 60)", theme: "light" });
      await clean(page);
    });

    test("a second visit shows the remembered list first (cache), then the CRM's newer values", async () => {
      const { page } = engine;
      const user = await newUser(engine, "cache", 30);
      await page.goto(`/?user=${user}&cache=device`);
      await countIs(page, "30 of 30");
      const first = await page.run(textOf, ".pp-row .pp-name");
      const id = await page.run(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-row").dataset.id);
      await until(page, "the list is kept", () => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));

      // Meanwhile the person is renamed in the CRM, which is slow to answer the next visit.
      await crm(user, "PUT", `/people/${id}`, (p) => ({ ...p, firstName: "Renamed", lastName: "Since", name: "Renamed Since" }));
      await admin("PUT", "/faults", { user, latencyMs: 2500 });
      try {
        await page.goto(`/?user=${user}&cache=device`);
        const kept = await until(page, "the kept rows", () => {
          const root = document.querySelector("people-panel").shadowRoot;
          const notice = root.querySelector("[data-notice='remembered']");
          const name = [...root.querySelectorAll(".pp-row .pp-name")].find((e) => e.getClientRects().length > 0);
          return notice && name && { notice: notice.textContent.trim(), name: name.textContent.trim() };
        });
        assert.equal(kept.name, first, "the kept list first");
        assert.match(kept.notice, /^Updated (now|\d+ seconds? ago)$/);
        await says(page, ".pp-row .pp-name", "Renamed Since");
        await until(page, "the notice goes", () => !document.querySelector("people-panel").shadowRoot.querySelector("[data-notice='remembered']"));
        assert.equal(await page.run(textOf, ".pp-count"), "30 of 30");
      } finally {
        await admin("PUT", "/faults", { user });
      }
      await clean(page);
    });

    test("under a strict CSP and Trusted Types with no policy, it renders and creates", async () => {
      const { page } = engine;
      const user = await newUser(engine, "tt", 30);
      await page.goto(`/trusted-types.html?user=${user}`);
      await countIs(page, "30 of 30");
      const { trustedTypes } = await page.run(pageFacts);
      console.log(`${engine.name}: window.trustedTypes is ${trustedTypes === "undefined" ? "absent (Trusted Types not enforced)" : "present"}`);
      await page.click({ css: ".pp-row-button" });
      await until(page, "the details", () => document.querySelector("people-panel").shadowRoot.querySelector(".pp-detail h3"));
      await page.click(button("New person"));
      await page.fill({ label: "First name" }, "Trusted");
      await page.fill({ label: "Email" }, "not-an-email");
      await page.click(button("Save person"));
      await waitFor("the inline refusal", async () => (await page.run(textsOf, ".pp-field-error")).some((t) => t.includes("Enter an email address")));
      await page.fill({ label: "Email" }, "trusted@example.com");
      await page.click(button("Save person"));
      await countIs(page, "31 of 31");
      await waitFor("the new person is listed", async () => (await page.run(textsOf, ".pp-row .pp-name")).some((n) => n.includes("Trusted")));
      await clean(page);
    });
  });
}

/** The CRM API as a host's own code would call it, for `user`: `change` maps the person read to the
 *  body sent (a read-modify-write). */
async function crm(user, method, path, change) {
  const { token } = await (await fetch(`${BASE}/api/rollout-token?user=${user}`)).json();
  const auth = { authorization: `Bearer ${token}` };
  const [credential] = await (await fetch(`${BASE}/universal/api/credentials`, { headers: auth })).json();
  const headers = { ...auth, "x-rollout-credential-id": credential.id, "content-type": "application/json" };
  const current = await (await fetch(`${BASE}/crm/api${path}`, { headers })).json();
  const r = await fetch(`${BASE}/crm/api${path}`, { method, headers, body: JSON.stringify(change(current)) });
  assert.ok(r.ok, `${method} ${path}: ${r.status}`);
  return r.json();
}
