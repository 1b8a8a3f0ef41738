// The first row's requests do not wait for the wasm: once the token has answered, the module sends
// the credentials list and the first page as src/provider/plan.rs describes them, and the wasm takes
// their answers over. The page (site/early.html) holds the wasm's start until the test lets it go,
// so what the emulator logs before that was sent by the module alone. Every request the wasm would
// send differently from the module (URL, headers, credential) would show here twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, BASE, newPage } from "./support.js";
import { requestLog } from "./server.js";

const reads = (log) => log.entries.filter((e) => e.method === "GET" && !e.path.endsWith("-token"));
const key = (e) => `${e.method} ${e.path}?${e.query}`;

/** Waits until `done()` holds (10 s at most). */
async function until(done) {
  const deadline = Date.now() + 10000;
  while (!(await done())) {
    assert.ok(Date.now() < deadline, "waited 10 s");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens early.html with `query`, waits until the module alone has sent `expected` reads (the wasm
 *  held back), then lets the wasm start. */
async function openHeld(user, query, expected) {
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/early.html?user=${user}&${query}`);
  // The module alone sends them: the wasm has not started.
  await until(async () => reads(await requestLog(user)).length >= expected);
  assert.equal(await page.evaluate(() => document.querySelector("people-panel").shadowRoot.querySelector(".pp-row")), null, "no row before the wasm");
  const before = (await requestLog(user)).entries.map(key);
  await page.evaluate(() => window.__go());
  return { page, errors, panel: page.locator("#panel"), before };
}

/** Each request of the log once: nothing was asked twice. */
function eachOnce(log) {
  const keys = log.entries.map(key);
  assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], `asked twice: ${keys.join(", ")}`);
}

test("Rollout: the credentials and the first page go out before the wasm, which takes them over", async () => {
  const user = `e2e-early${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 7 });
  const { page, errors, panel, before } = await openHeld(user, "size=5", 2);
  assert.deepEqual(before.filter((k) => !k.includes("-token")), ["GET /universal/api/credentials?", "GET /crm/api/people?limit=5"]);
  await panel.locator(".pp-count", { hasText: "5 of 7" }).waitFor();
  const log = await requestLog(user);
  eachOnce(log);
  assert.equal(reads(log).length, 2, "the wasm asked for nothing the module had asked for");
  // The module's reads were taken over, not lost: "Load more" goes on from them.
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: "7 of 7" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a host's credential id: the first page goes out at once, with that credential", async () => {
  const user = `e2e-early-id${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 2, appKey: "follow-up-boss" });
  const second = await admin("POST", "/credentials", { user, people: 3, appKey: "hubspot" });
  const { page, errors, panel, before } = await openHeld(user, `credential=${second.id}`, 1);
  assert.deepEqual(before.filter((k) => !k.includes("-token")), ["GET /crm/api/people?limit=50"]);
  await panel.locator(".pp-count", { hasText: "3 of 3" }).waitFor();
  const log = await requestLog(user);
  eachOnce(log);
  assert.equal(reads(log).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Rally: the first page goes out before the wasm with the fields the view shows, and is taken over", async () => {
  const user = `e2e-early-rally${Date.now()}`;
  const tenant = `e2e-early-tenant${Date.now()}`;
  await admin("POST", "/rally/tenants", { tenant, people: 12 });
  const { page, errors, panel, before } = await openHeld(user, `tenant=${tenant}&size=10`, 1);
  const [first] = before.filter((k) => !k.includes("-token"));
  assert.match(first, /^GET \/rally\/api\/v1\/contacts\?limit=10&offset=0&fields=id%2CfirstName/);
  await panel.locator(".pp-count", { hasText: "10 of 12" }).waitFor();
  eachOnce(await requestLog(user));
  assert.equal(reads(await requestLog(user)).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("two panels sharing a token route and a CRM: one token, one credentials list, one first page", async () => {
  const user = `e2e-early-two${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 4 });
  const { page, errors } = await openHeld(user, "panels=2", 2);
  for (const id of ["#panel", "#second"]) await page.locator(id).locator(".pp-count", { hasText: "4 of 4" }).waitFor();
  const log = await requestLog(user);
  eachOnce(log);
  assert.equal(log.entries.filter((e) => e.path.endsWith("-token")).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an early answer that failed is read by the same Rust code: 403 asks to reconnect, 429 and 500 are retried, 401 renews the token", async () => {
  for (const [status, check] of [
    [403, async (panel, user) => {
      await panel.locator(".pp-state[data-state='reconnect']").waitFor();
      assert.equal(reads(await requestLog(user)).filter((e) => e.path === "/crm/api/people").length, 1, "a 403 is not retried");
    }],
    [429, async (panel, user) => {
      await panel.locator(".pp-count", { hasText: "3 of 3" }).waitFor();
      assert.equal(reads(await requestLog(user)).filter((e) => e.path === "/crm/api/people").length, 2, "retried once, by the wasm");
    }],
    [500, async (panel, user) => {
      await panel.locator(".pp-count", { hasText: "3 of 3" }).waitFor();
      assert.equal(reads(await requestLog(user)).filter((e) => e.path === "/crm/api/people").length, 2, "retried once, by the wasm");
    }],
    [401, async (panel, user) => {
      await panel.locator(".pp-count", { hasText: "3 of 3" }).waitFor();
      const log = await requestLog(user);
      assert.equal(log.entries.filter((e) => e.path.endsWith("-token")).length, 2, "a new token after the 401");
    }],
  ]) {
    const user = `e2e-early-${status}-${Date.now()}`;
    await admin("POST", "/credentials", { user, people: 3 });
    await admin("PUT", "/faults", { user, failNext: { count: 1, method: "GET", pathPrefix: "/crm/api/people", status, error: `injected ${status}` } });
    const { page, errors, panel } = await openHeld(user, "", 2);
    await check(panel, user);
    assert.deepEqual(errors, [], String(status));
    await page.close();
    await admin("PUT", "/faults", {});
  }
});

test("asked for before the attributes changed or the user signed out: never shown", async () => {
  // The page size changes while the module's first page is on its way: the wasm asks for its own.
  const user = `e2e-early-changed${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 9 });
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/early.html?user=${user}&size=5`);
  await until(async () => (await requestLog(user)).entries.some((e) => e.path === "/crm/api/people" && e.query === "limit=5"));
  await page.evaluate(() => document.getElementById("panel").setAttribute("page-size", "8"));
  await page.evaluate(() => window.__go());
  await page.locator("#panel").locator(".pp-count", { hasText: "8 of 9" }).waitFor();
  assert.equal(await page.locator("#panel").locator(".pp-row").count(), 8, "the rows of the page size asked for last");
  // A sign-out before the wasm runs: what the module asked for is not shown.
  const out = await newPage();
  const other = `e2e-early-out${Date.now()}`;
  await admin("POST", "/credentials", { user: other, people: 4 });
  await out.page.goto(`${BASE}/early.html?user=${other}`);
  await until(async () => reads(await requestLog(other)).length === 2);
  await out.page.evaluate(() => {
    document.getElementById("panel").signOut();
    window.__go();
  });
  await out.page.locator("#panel").locator(".pp-state[data-state='session-ended']").waitFor();
  assert.equal(await out.page.locator("#panel").locator(".pp-row").count(), 0, "no row of the signed-out user");
  assert.deepEqual([...errors, ...out.errors], []);
  await page.close();
  await out.page.close();
});
