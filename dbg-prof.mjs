import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const agg = {}; const aggTotal = {};
const N = Number(process.argv[3] || 5);
for (let i = 0; i < N; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await tab.goto(`http://127.0.0.1:${process.argv[2] || 8898}/panel.html?user=bench`);
  await tab.waitForFunction(() => window.__bench?.firstRowMs, null, { timeout: 60000 });
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = {};
  for (const s of profile.samples) counts[s] = (counts[s] || 0) + 1;
  const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  for (const [id, c] of Object.entries(counts)) {
    const n = byId.get(Number(id));
    const name = (n.callFrame.functionName || "(anon)") + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber + ":" + n.callFrame.columnNumber;
    agg[name] = (agg[name] || 0) + (c * dt) / N;
  }
  await context.close();
}
console.log(Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 45).map(([n, t]) => `${t.toFixed(1).padStart(6)} ${n.slice(0, 140)}`).join("\n"));
await browser.close();
