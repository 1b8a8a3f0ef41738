// The panel's words in the host's language: the lang attribute, else the page's lang (live), counts
// and dates through Intl, plurals through Intl.PluralRules, the host's own strings, right to left.
import { test } from "node:test";
import assert from "node:assert/strict";
import { admin, BASE, loadedHostPage, newPage } from "./support.js";

/** Every word the panel shows or says to assistive technology, outside the people's own data. */
async function words(panel) {
  return panel.evaluate((host) => {
    const root = host.shadowRoot;
    const out = [];
    const data = ".pp-name, .pp-contact, .pp-company, .pp-stage, .pp-tag, dd, h3";
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && !node.parentElement.closest(data)) out.push(text);
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const name of ["aria-label", "placeholder", "title"]) if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    return out;
  });
}

test("lang picks the catalog, live: every word, counts, dates and plurals follow; the page's lang is the fallback", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-lang", 1234);
  assert.equal(await panel.locator(".pp-count").textContent(), "50 of 1,234");
  const english = await words(panel);

  await panel.evaluate((p) => p.setAttribute("lang", "de"));
  await panel.locator(".pp-title", { hasText: "Personen" }).waitFor();
  assert.equal(await panel.locator(".pp-count").textContent(), "50 von 1.234");
  const german = await words(panel);
  const untranslated = german.filter((w) => english.includes(w) && !/^[\d.,\s×*]+$/.test(w));
  assert.deepEqual(untranslated, [], "words left in English");
  assert.equal(await panel.getByRole("button", { name: "Neue Person" }).count(), 1);
  assert.equal(await panel.locator(".pp-search").getAttribute("placeholder"), "Geladene Personen durchsuchen");

  // A date the way German writes it, and a form refusal in German.
  await panel.locator(".pp-row-button").first().click();
  const created = await panel.locator(".pp-detail dt", { hasText: "Erstellt" }).locator("xpath=following-sibling::dd[1]").textContent();
  assert.match(created, /^\d{1,2}\.\d{1,2}\.\d{4}/, `a German date: ${created}`);
  await page.keyboard.press("Escape");
  await panel.getByRole("button", { name: "Neue Person" }).click();
  await panel.getByLabel("E-Mail").fill("kein-mail");
  await panel.getByRole("button", { name: "Person speichern" }).click();
  await panel.locator(".pp-field-error", { hasText: "Geben Sie eine E-Mail-Adresse wie name@example.com ein." }).waitFor();
  await page.keyboard.press("Escape");

  // Even a wrong attribute is said in German (and naming the attribute).
  await panel.evaluate((p) => p.setAttribute("page-size", "0"));
  await panel.locator(".pp-state[data-state=config]", { hasText: 'page-size="0" ist ungültig' }).waitFor();
  await panel.evaluate((p) => p.setAttribute("page-size", "50"));
  await panel.locator(".pp-row").first().waitFor();

  // Plurals through Intl.PluralRules, in the live region.
  const oneName = (await panel.locator(".pp-row .pp-name").first().textContent()).trim();
  await panel.getByRole("searchbox").fill("zzqxj");
  await panel.locator(".pp-sr", { hasText: "0 Personen gefunden" }).waitFor();
  await panel.getByRole("searchbox").fill(oneName + " ");
  const said = await panel.locator(".pp-sr").textContent();
  assert.match(said, /^(1 Person|[2-9]\d* Personen) gefunden$/, "one and other, as German says them");
  await panel.getByRole("searchbox").fill("");

  // Without its own lang, the panel speaks the page's, and follows it.
  await panel.evaluate((p) => p.removeAttribute("lang"));
  await page.evaluate(() => (document.documentElement.lang = "es"));
  await panel.locator(".pp-title", { hasText: "Personas" }).waitFor();
  assert.equal(await panel.getByRole("button", { name: "Nueva persona" }).count(), 1);
  // A language without a catalog: English.
  await page.evaluate(() => (document.documentElement.lang = "fr"));
  await panel.locator(".pp-title", { hasText: "People" }).waitFor();

  // The host's own words for any id; the rest stays the panel's.
  await panel.evaluate((p) => (p.strings = { "new-person": "Add contact", "list.load-more": "Show more" }));
  await panel.getByRole("button", { name: "Add contact" }).waitFor();
  assert.equal(await panel.getByRole("button", { name: "Show more" }).count(), 1);
  assert.equal(await panel.getByRole("button", { name: "Refresh" }).count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("right to left: in a dir=rtl host the panel is laid out right to left; names keep their own direction", async () => {
  const { page, errors, panel } = await loadedHostPage("e2e-rtl", 30);
  await page.evaluate(() => (document.body.dir = "rtl"));
  const layout = await panel.evaluate((host) => {
    const root = host.shadowRoot;
    const row = root.querySelector(".pp-row").getBoundingClientRect();
    const name = root.querySelector(".pp-name").getBoundingClientRect();
    const title = root.querySelector(".pp-title").getBoundingClientRect();
    const header = root.querySelector(".pp-header").getBoundingClientRect();
    return {
      direction: getComputedStyle(root.querySelector(".pp-row-button")).direction,
      nameFromRight: row.right - name.right,
      nameFromLeft: name.left - row.left,
      titleOnTheRight: header.right - title.right < title.left - header.left,
    };
  });
  assert.equal(layout.direction, "rtl");
  assert.ok(layout.titleOnTheRight, "the title starts on the right");
  assert.ok(layout.nameFromRight < layout.nameFromLeft, `a row's name starts on the right: ${JSON.stringify(layout)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("what is on screen when the language changes is said again in the new one: a notice, a form's refusal, a failed delete", async () => {
  const { user, page, errors, panel } = await loadedHostPage("e2e-relang", 5);
  // A notice: the create's confirmation.
  await panel.getByRole("button", { name: "New person" }).click();
  await panel.getByLabel("First name").fill("Ana");
  await panel.getByLabel("Last name").fill("Lima");
  await panel.getByRole("button", { name: "Save person" }).click();
  await panel.locator(".pp-notice", { hasText: "Added Ana Lima." }).waitFor();
  await panel.evaluate((p) => p.setAttribute("lang", "de"));
  await panel.locator(".pp-notice", { hasText: "Ana Lima hinzugefügt." }).waitFor();

  // A form's message: the CRM refuses a create.
  await admin("PUT", "/faults", { user, failNext: { count: 1, method: "POST", status: 400, error: "requires a phone number" } });
  await panel.getByRole("button", { name: "Neue Person" }).click();
  await panel.getByLabel("Vorname").fill("Kenji");
  await panel.getByRole("button", { name: "Person speichern" }).click();
  await panel.locator(".pp-form-message", { hasText: "Das CRM hat diese Person nicht gespeichert" }).waitFor();
  await panel.evaluate((p) => p.setAttribute("lang", "es"));
  await panel.locator(".pp-form-message", { hasText: "El CRM no guardó a esta persona" }).waitFor();
  assert.equal(await panel.getByLabel("Nombre", { exact: true }).inputValue(), "Kenji", "what was typed stays");
  await page.keyboard.press("Escape");

  // A failed delete's reason.
  await admin("PUT", "/faults", { user, failNext: { count: 1, method: "DELETE", status: 400, error: "this person has open deals" } });
  await panel.locator(".pp-row-button").first().click();
  await panel.getByRole("button", { name: "Eliminar", exact: true }).click();
  await panel.getByRole("button", { name: "Sí, eliminar" }).click();
  await panel.locator(".pp-confirm .pp-error", { hasText: "No se eliminó." }).waitFor();
  await panel.evaluate((p) => p.setAttribute("lang", "en"));
  await panel.locator(".pp-confirm .pp-error", { hasText: "It was not deleted." }).waitFor();
  assert.match(await panel.locator(".pp-confirm .pp-error").textContent(), /open deals/);
  await admin("PUT", "/faults", {});
  assert.deepEqual(errors, []);
  await page.close();
});

test("a catalog that cannot be fetched is asked for three times at most and said once; the panel speaks English", async () => {
  const user = `e2e-nocat${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 3 });
  const { page, errors } = await newPage();
  const asked = [];
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route(/people_panel\.es\.json/, (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 503, body: "down" });
  });
  await page.goto(`${BASE}/?user=${user}`);
  const panel = page.locator("people-panel");
  await panel.locator(".pp-row").first().waitFor();
  for (let i = 0; i < 6; i++) {
    await panel.evaluate((p, lang) => p.setAttribute("lang", lang), i % 2 ? "en" : "es");
    await page.waitForTimeout(150);
  }
  assert.ok(asked.length >= 1 && asked.length <= 3, `asked ${asked.length} times`);
  assert.equal(warnings.filter((w) => w.includes("es catalog")).length, 1, "said once");
  await panel.getByRole("button", { name: "New person" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
