import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const context = await browser.newContext();
const tab = await context.newPage();
const phone = process.argv[3] !== "fast";
if (phone) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 2e6 / 8 });
}
const cats = (process.env.CATS || "devtools.timeline,v8.wasm,blink.user_timing,toplevel,v8.execute").split(",");
await browser.startTracing(tab, { categories: cats });
await tab.goto(`http://127.0.0.1:8899/${process.argv[2] || "panel.html"}?user=bench`);
await tab.waitForFunction(() => window.__bench?.firstRowMs, null, { timeout: 60000 });
const first = await tab.evaluate(() => window.__bench.firstRowMs);
const trace = JSON.parse((await browser.stopTracing()).toString());
const ev = trace.traceEvents;
const mark = ev.find((e) => e.name === "first-row");
const main = ev.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === mark.pid);
const nav = ev.filter((e) => e.name === "navigationStart" && e.pid === mark.pid && e.ts <= mark.ts).sort((a, b) => b.ts - a.ts)[0];
const mine = ev.filter((e) => e.pid === mark.pid && e.tid === main.tid && e.ph === "X" && e.ts >= nav.ts && e.ts < mark.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
console.log("first row", first, "trace window", (mark.ts - nav.ts) / 1000);
const self = new Map(); const stack = []; const top = [];
for (const e of mine) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  const p = stack.at(-1);
  if (p) { self.set(p, self.get(p) - e.dur); p.kids = (p.kids || []); p.kids.push(e); } else top.push(e);
  self.set(e, e.dur); stack.push(e);
}
const byName = {};
for (const [e, t] of self) byName[e.name] = (byName[e.name] || 0) + t / 1000;
console.log(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, t]) => `${t.toFixed(0).padStart(6)} ${n}`).join("\n"));
console.log("top-level tasks ≥ 15 ms:");
const desc = (e, d = 0) => d > 3 ? "" : (e.kids || []).filter((k) => k.dur > 5000).map((k) => `${" ".repeat(d * 2)}${k.name}${k.args?.data?.url ? " " + k.args.data.url.slice(-30) : ""}${k.args?.data?.functionName ? " " + k.args.data.functionName : ""} ${(k.dur / 1000).toFixed(0)}\n` + desc(k, d + 1)).join("");
for (const e of top.filter((e) => e.dur > 15000)) console.log(`@${((e.ts - nav.ts) / 1000).toFixed(0)} ${e.name} ${(e.dur / 1000).toFixed(0)} ms\n${desc(e, 1)}`);
await browser.close();
