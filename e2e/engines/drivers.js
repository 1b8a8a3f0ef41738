// Each engine behind one small page adapter, which the shared workflow (workflow.js) drives:
// Firefox through geckodriver and WebKitGTK's MiniBrowser through WebKitWebDriver (under an Xvfb of
// its own: MiniBrowser has no headless mode), both with selenium-webdriver; Chromium with
// playwright-core, as the rest of e2e/ does.
//
// A page: goto(path), run(fn, ...args) (fn's source runs in the page and its JSON-able result, or
// what its promise resolves to, comes back), click / dblclick / fill (query) (real input, on the
// element `locate` finds), press(key), errors() (uncaught errors and unhandled rejections).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { Builder, Key } from "selenium-webdriver";
import firefoxDriver from "selenium-webdriver/firefox.js";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { BASE } from "../server.js";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
// Selenium Manager (which downloads drivers) is never wanted: every driver path is given.
process.env.SE_OFFLINE = "true";

/** In the page: what a query names — the form control labelled `label`, else the first visible
 *  element matching `css` (whose aria-label, else text, is `name`, when given) — in the panel's
 *  shadow root, or in the document with `page: true`. Self-contained: its source is sent. */
export function locate({ css = "*", name, label, page }) {
  const root = page ? document : document.querySelector("people-panel")?.shadowRoot;
  if (!root) return null;
  const visible = (e) => e.getClientRects().length > 0;
  if (label) {
    const l = [...root.querySelectorAll("label")].find((l) => visible(l) && l.textContent.replace(/\s*\*$/, "").trim() === label);
    return l?.control ?? null;
  }
  const named = (e) => name === undefined || (e.getAttribute("aria-label") ?? e.textContent).trim() === name;
  return [...root.querySelectorAll(css)].find((e) => visible(e) && named(e)) ?? null;
}

/** The element `find` finds, waited for (10 s at most) as a user waits for what they look for. */
async function found(query, find) {
  for (const deadline = Date.now() + 10000; ; ) {
    const el = await find();
    if (el) return el;
    if (Date.now() > deadline) throw new Error(`no element for ${JSON.stringify(query)} within 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In the page, after each navigation: uncaught errors and rejections from then on. */
function listen() {
  window.__errors ??= [];
  if (window.__listening) return;
  window.__listening = true;
  addEventListener("error", (e) => window.__errors.push(`${e.message} at ${e.filename}:${e.lineno}`));
  addEventListener("unhandledrejection", (e) => window.__errors.push(`unhandled rejection: ${e.reason}`));
}

/** A selenium session as a page. `exceptions`: what a BiDi log subscription caught, if any. */
function seleniumPage(driver, exceptions = []) {
  const page = {
    driver,
    async goto(path) {
      await driver.get(`${BASE}${path}`);
      await driver.executeScript(listen);
    },
    run: (fn, ...args) => driver.executeScript(fn, ...args),
    element: (query) => found(query, () => driver.executeScript(locate, query)),
    click: async (query) => (await page.element(query)).click(),
    dblclick: async (query) => driver.actions().doubleClick(await page.element(query)).perform(),
    async fill(query, text) {
      const el = await page.element(query);
      // Send Keys focuses the field itself. (No click first: WebKitWebDriver 2.50 refuses to click an
      // <input> in a shadow root, "element click intercepted", though a <button> there is fine.)
      // Select what is there and type over it: real key events, as a user's typing.
      if (await driver.executeScript((e) => e.value !== "", el)) await el.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
      if (text) await el.sendKeys(text);
    },
    press: (key) => driver.actions().sendKeys(Key[key.toUpperCase()]).perform(),
    async errors() {
      const inPage = (await driver.executeScript(() => window.__errors ?? [])) ?? [];
      return [...new Set([...exceptions, ...inPage])];
    },
  };
  return page;
}

/** Firefox ESR, headless, through geckodriver; the prefs of webdriver.json (no traffic off this
 *  machine), which the browser suite's Firefox run uses too. Uncaught errors through WebDriver BiDi. */
export async function firefox() {
  const { prefs } = JSON.parse(readFileSync(new URL("../../webdriver.json", import.meta.url)))["moz:firefoxOptions"];
  const options = new firefoxDriver.Options().setBinary(FIREFOX).addArguments("-headless").enableBidi();
  for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefoxDriver.ServiceBuilder(GECKODRIVER))
    .build();
  const exceptions = [];
  const log = await LogInspector(driver);
  await log.onJavascriptException((e) => exceptions.push(e.text));
  const caps = await driver.getCapabilities();
  return { name: "Firefox", version: caps.get("browserVersion"), page: seleniumPage(driver, exceptions), close: () => driver.quit() };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts Xvfb on a display it picks itself (-displayfd): { display, stop }. */
function xvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let said = "";
    child.stderr.on("data", (d) => (said += d));
    child.stdio[3].on("data", (d) => resolve({ display: `:${String(d).trim()}`, stop: () => child.kill() }));
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${said}`)));
  });
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, on an Xvfb display started for it. Debian's
 *  WebKitWebDriver has no WebDriver BiDi: uncaught errors are caught in the page after each load. */
export async function webkit() {
  // WebKitWebDriver sometimes never answers a new session (MiniBrowser not started): seen once in
  // a dozen runs here. Such a try is ended after 30 s and made once more, with a fresh display.
  try {
    return await webkitOnce();
  } catch (e) {
    if (!String(e?.message).includes("no WebKit session")) throw e;
    console.log(`# WebKit: ${e.message}; once more`);
    return webkitOnce();
  }
}

/** A promise that rejects with `message` after `ms`, unless `promise` settles first. */
function within(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function webkitOnce() {
  const x = await xvfb();
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_WEBDRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: x.display }, stdio: "ignore" });
  const stop = () => {
    driverProcess.kill();
    x.stop();
  };
  // Even when the test process ends abruptly, no driver or display outlives it.
  process.once("exit", stop);
  try {
    for (let waited = 0; ; waited += 100) {
      const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
      if (up) break;
      if (waited > 10000) throw new Error("WebKitWebDriver did not answer within 10 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    const session = new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        // Nothing leaves this machine: anything but loopback goes to a closed local port.
        proxy: { proxyType: "manual", httpProxy: "127.0.0.1:9", sslProxy: "127.0.0.1:9", noProxy: ["127.0.0.1", "localhost", "[::1]"] },
      })
      .build();
    const started = Promise.resolve(session);
    started.catch(() => {}); // a session given up on fails once its driver is stopped
    const driver = await within(started, 30000, "no WebKit session within 30 s");
    const caps = await driver.getCapabilities();
    const close = async () => {
      await driver.quit().catch(() => {});
      stop();
    };
    return { name: "WebKit", version: `WebKitGTK ${caps.get("browserVersion")}`, page: seleniumPage(driver), close };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Headless Chromium through playwright-core, as a page like the others. */
export async function chromium() {
  const { chromium: launcher } = await import("playwright-core");
  const browser = await launcher.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  const source = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;
  const page = {
    playwright: p,
    goto: (path) => p.goto(`${BASE}${path}`),
    run: (fn, ...args) => p.evaluate(source(fn, args)),
    element: (query) => found(query, async () => (await p.evaluateHandle(source(locate, [query]))).asElement()),
    click: async (query) => (await page.element(query)).click(),
    dblclick: async (query) => (await page.element(query)).dblclick(),
    fill: async (query, text) => (await page.element(query)).fill(text),
    press: (key) => p.keyboard.press(key),
    errors: async () => errors,
  };
  return { name: "Chromium", version: browser.version(), page, close: () => browser.close() };
}
