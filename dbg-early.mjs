import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const context = await browser.newContext();
const page = await context.newPage();
if (process.argv[3] === "phone") {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 2e6 / 8 });
}
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", String(e)));
await page.addInitScript(() => {
  const f = window.fetch;
  window.fetch = function (url, init) { console.log("fetch", String(url).slice(0, 60), Math.round(performance.now())); return f.apply(this, arguments); };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => console.log("mark", e.name, Math.round(e.startTime)))).observe({ entryTypes: ["mark"] });
});
await page.goto(`http://127.0.0.1:8899/${process.argv[2] || "panel.html"}?user=bench`);
await page.waitForFunction(() => window.__bench?.firstRowMs, null, { timeout: 20000 });
console.log("first row", await page.evaluate(() => Math.round(window.__bench.firstRowMs)));
await browser.close();
