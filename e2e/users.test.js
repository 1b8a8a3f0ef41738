// One browser, several users: the host's sign-out, and a user switch the panel notices by itself.
// The host page signs in through a browser session (`?session=`, standing for a session cookie)
// whose user the admin API changes, as a single-page app does when one user signs out and another in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, admin, newPage } from "./support.js";

const log = async (user) => (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
const panelStorage = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("people-panel:")));

/** Two users with a CRM each, and a browser session signed in as the first. */
async function twoUsers(prefix, peopleA, peopleB) {
  const stamp = Date.now();
  const [a, b, session] = [`${prefix}a${stamp}`, `${prefix}b${stamp}`, `${prefix}s${stamp}`];
  await admin("POST", "/credentials", { user: a, people: peopleA });
  await admin("POST", "/credentials", { user: b, people: peopleB });
  await admin("PUT", "/sessions", { session, user: a });
  return { a, b, session };
}

async function typeDraft(panel, firstName) {
  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("First name").fill(firstName);
}

test("signOut() forgets the user in every panel sharing the token-url, and the next user sees only their own", async () => {
  const { a, b, session } = await twoUsers("out", 12, 5);
  const { page, errors } = await newPage();
  await page.goto(`${BASE}/?session=${session}`);
  // A second panel of the same user on the page, sharing the token-url.
  await page.evaluate(() => {
    const first = document.querySelector("people-panel");
    const second = document.createElement("people-panel");
    for (const { name, value } of first.attributes) if (name !== "id") second.setAttribute(name, value);
    document.body.append(second);
  });
  const [one, two] = [page.locator("people-panel").nth(0), page.locator("people-panel").nth(1)];
  for (const panel of [one, two]) await panel.locator(".pp-count", { hasText: "12 of 12" }).waitFor();
  await typeDraft(one, "Draft of the first user");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:draft:")));

  const sentAfter = [];
  page.on("request", (r) => sentAfter.push(new URL(r.url()).pathname));
  const before = (await log(a)).requests;
  await page.evaluate(() => document.querySelector("people-panel").signOut());
  // Resolved: both panels show the signed-out state, nothing of the user is left in the browser.
  for (const panel of [one, two]) {
    assert.equal(await panel.locator(".pp-state").getAttribute("data-state"), "session-ended");
    assert.equal(await panel.locator(".pp-row").count(), 0);
    assert.equal(await panel.locator(".pp-form").count(), 0);
  }
  assert.match(await one.locator(".pp-state").textContent(), /Signed out/);
  assert.deepEqual(await panelStorage(page), [], "no draft, no credential id left");
  await page.waitForTimeout(700);
  assert.deepEqual(sentAfter, [], "nothing sent after the sign-out");
  assert.equal((await log(a)).requests, before);

  // The app signs the next user in and refreshes its panels: theirs, and nothing of the first.
  await admin("PUT", "/sessions", { session, user: b });
  await page.evaluate(() => document.querySelectorAll("people-panel").forEach((p) => p.refresh()));
  for (const panel of [one, two]) await panel.locator(".pp-count", { hasText: "5 of 5" }).waitFor();
  await one.getByRole("button", { name: "New person" }).click();
  assert.equal(await one.getByLabel("First name").inputValue(), "", "not the first user's draft");
  const logB = await log(b);
  assert.equal(logB.by_status["403"], undefined, "never the first user's credential with the second's token");
  assert.equal((await log(a)).requests, before, "nothing more as the first user");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a silent user switch at a token renewal drops the previous user's people, draft and credential first", async () => {
  const { a, b, session } = await twoUsers("switch", 120, 7);
  const { page, errors } = await newPage();
  // 32-second tokens are stale 2 s after minting (the panel keeps 30 s of margin): the next request
  // fetches a new one, which is the second user's.
  await page.goto(`${BASE}/?session=${session}&ttl=32`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-count", { hasText: "50 of 120" }).waitFor();
  await typeDraft(panel, "Secret of the first user");
  await panel.getByRole("button", { name: "New person" }).click(); // closes the form; the draft stays
  // Every frame from now on: a frame showing the first user's count once the second's has shown fails.
  await page.evaluate(() => {
    window.__counts = [];
    const root = document.querySelector("people-panel").shadowRoot;
    new MutationObserver(() => window.__counts.push(root.querySelector(".pp-count")?.textContent ?? "")).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });

  await admin("PUT", "/sessions", { session, user: b });
  await page.waitForTimeout(2500);
  await panel.getByRole("button", { name: "Load more" }).click();
  await panel.locator(".pp-count", { hasText: "7 of 7" }).waitFor();
  const counts = await page.evaluate(() => window.__counts);
  const firstOfB = counts.indexOf("7 of 7");
  assert.ok(!counts.slice(firstOfB).some((c) => c.includes("of 120")), `the first user's list came back: ${counts}`);
  assert.ok(!counts.some((c) => c.includes("100 of 120")), "the first user's next page was never shown");
  await panel.getByRole("button", { name: "New person" }).click();
  assert.equal(await panel.getByLabel("First name").inputValue(), "", "not the first user's draft");
  const logB = await log(b);
  assert.equal(logB.by_status["403"], undefined, "never the first user's credential with the second's token");
  assert.ok(logB.entries.some((e) => e.path === "/crm/api/people"), "the second user's people were read");
  // The first user's draft is still theirs (they did not sign out): it waits for them.
  assert.equal((await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")))).length, 1);
  assert.ok((await log(a)).requests > 0);
  assert.deepEqual(errors, []);
  await page.close();
});
