import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const self = {}, incl = {};
const N = Number(process.argv[3] || 3);
const phone = process.argv[4] !== "fast";
const dem = (n) => n.replace(/^_R[A-Za-z]+/, "").replace(/Cs[0-9a-zA-Z]+_/g, "").slice(0, 150);
let window_ = 0;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (phone) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 2e6 / 8 });
  }
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await tab.goto(`http://127.0.0.1:${process.argv[2]}/panel.html?user=bench`);
  await tab.waitForFunction(() => window.__bench?.firstRowMs, null, { timeout: 60000 });
  const marks = await tab.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
  const origin = await tab.evaluate(() => performance.timeOrigin);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  // profile times are µs on a monotonic clock; align with performance.now via the first-row mark ≈ last samples. Use timeDeltas.
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  // Map: monotonic µs → performance.now ms: assume profile.startTime corresponds to when Profiler.start was called (~before navigation). Use sample window from the end: the last sample ≈ first row.
  const end = times[times.length - 1];
  const span = (marks["first-row"] - marks["people-panel-wasm-started"]) * 1000;
  window_ += span / 1000 / N;
  for (let k = 0; k < profile.samples.length; k++) {
    if (times[k] < end - span) continue;
    const dt = (profile.timeDeltas[k + 1] ?? 100) / 1000 / N;
    let id = profile.samples[k];
    const name = (n) => (n.callFrame.functionName || "(anon)") + (n.callFrame.url.endsWith(".js") ? ` ${n.callFrame.url.split("/").pop()}:${n.callFrame.columnNumber}` : "");
    self[name(byId.get(id))] = (self[name(byId.get(id))] || 0) + dt;
    const seen = new Set();
    while (id !== undefined) { const nm = name(byId.get(id)); if (!seen.has(nm)) { incl[nm] = (incl[nm] || 0) + dt; seen.add(nm); } id = parent.get(id); }
  }
  await context.close();
}
console.log("window wasm-started → first row (ms):", window_.toFixed(0));
console.log("SELF"); console.log(Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n, t]) => `${t.toFixed(1).padStart(7)} ${dem(n)}`).join("\n"));
console.log("INCLUSIVE"); console.log(Object.entries(incl).sort((a, b) => b[1] - a[1]).slice(0, 60).map(([n, t]) => `${t.toFixed(1).padStart(7)} ${dem(n)}`).join("\n"));
await browser.close();
