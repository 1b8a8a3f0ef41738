// cargo xtask bench: measures what users feel and prints PASS/FAIL per budget. Timings are medians
// and ratios of one run; nothing here is a test.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const BASE = process.env.PP_BENCH_URL;
// The same site behind 40 ms per answer (the dev-server's --latency-ms): a real network's waterfall.
const SLOW = process.env.PP_BENCH_SLOW_URL;
const LATENCY_MS = Number(process.env.PP_BENCH_LATENCY_MS || 40);
const LOADS = Number(process.env.PP_BENCH_LOADS || 20);
const bundle = JSON.parse(readFileSync(process.env.PP_BENCH_BUNDLE, "utf8"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});

const admin = async (method, path, body, base = BASE) => {
  const r = await fetch(`${base}/__admin${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  return r.status === 204 ? null : r.json();
};
const log = async (user) => (await fetch(`${BASE}/__admin/log?user=${user}`)).json();
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const median = (xs) => quantile(xs, 0.5);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function firstRow(page, user, extra = "", base = BASE) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${base}/${page}?user=${user}${extra}`);
  await tab.waitForFunction(() => window.__bench && window.__bench.firstRowMs, null, { timeout: 30000 });
  const result = await tab.evaluate(() => window.__bench);
  await context.close();
  return result;
}

// ---- time to first row, fresh page loads, alternating panel and vanilla ----
async function compareFirstRow(base) {
  const panelRuns = [], vanillaRuns = [];
  for (let i = 0; i < LOADS; i++) {
    panelRuns.push(await firstRow("panel.html", "bench", "", base));
    vanillaRuns.push(await firstRow("vanilla.html", "bench", "", base));
  }
  const stats = (runs, key) => ({ median: median(runs.map((r) => r[key])), p95: quantile(runs.map((r) => r[key]), 0.95) });
  const t = {
    panel: { fromConnection: stats(panelRuns, "fromStartMs"), fromNavigation: stats(panelRuns, "firstRowMs") },
    vanilla: { fromStart: stats(vanillaRuns, "fromStartMs"), fromNavigation: stats(vanillaRuns, "firstRowMs") },
  };
  t.ratio = t.panel.fromConnection.median / t.vanilla.fromStart.median;
  t.ratioFromNavigation = t.panel.fromNavigation.median / t.vanilla.fromNavigation.median;
  return t;
}
await admin("POST", "/credentials", { user: "bench", people: 250 });
await admin("POST", "/credentials", { user: "bench", people: 250 }, SLOW);
const ttfr = await compareFirstRow(BASE);
const ttfrSlow = await compareFirstRow(SLOW);

// ---- requests to first row: one panel, three panels sharing a token-url ----
async function requestsToFirstRow(panels) {
  const user = `bench-req${panels}-${Date.now()}`;
  await admin("POST", "/credentials", { user, people: 250 });
  await firstRow("panel.html", user, `&panels=${panels}`);
  const entries = (await log(user)).entries;
  const keys = entries.map((e) => `${e.method} ${e.path}?${e.query}`);
  return { requests: entries.length, tokenFetches: entries.filter((e) => e.path.endsWith("-token")).length, repeated: keys.length - new Set(keys).size };
}
const requests = { one: await requestsToFirstRow(1), three: await requestsToFirstRow(3) };

// ---- 10,000 people ----
await admin("POST", "/credentials", { user: "bench-large", people: 10000 });
const context = await browser.newContext();
const tab = await context.newPage();
await tab.goto(`${BASE}/panel.html?user=bench-large&size=100`);
await tab.waitForFunction(() => window.__bench?.firstRowMs);
const large = await tab.evaluate(async () => {
  const root = document.querySelector("people-panel").shadowRoot;
  const count = () => root.querySelector(".pp-count")?.textContent;
  const started = performance.now();
  while (count() !== "10,000 of 10,000") {
    const more = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "Load more");
    if (more && !more.disabled) more.click();
    await new Promise((r) => setTimeout(r, 5));
  }
  const loadAllMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 200));
  const rowsInDom = root.querySelectorAll(".pp-row").length;
  // Frame time while scrolling: from the scroll event to the end of the frame that renders it.
  const scroller = root.querySelector(".pp-scroll");
  const frames = [];
  let scrolledAt = 0;
  scroller.addEventListener("scroll", () => { scrolledAt = performance.now(); });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { if (scrolledAt) frames.push(performance.now() - scrolledAt); scrolledAt = 0; };
  await new Promise((resolve) => {
    const step = () => {
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve();
      scroller.scrollTop += 1500;
      channel.port2.postMessage(0);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return {
    loadAllMs,
    rowsInDom,
    rowsInDomAfterScroll: root.querySelectorAll(".pp-row").length,
    jsHeapBytes: performance.memory?.usedJSHeapSize ?? null,
    wasmMemoryBytes: window.__wasm?.memory?.buffer?.byteLength ?? null,
    frames,
  };
});
await context.close();
await browser.close();
large.status429 = (await log("bench-large")).by_status["429"] ?? 0;
large.framesMeasured = large.frames.length;
large.frameP95Ms = quantile(large.frames, 0.95);
large.frameMedianMs = median(large.frames);
delete large.frames;

// ---- report ----
const totalGzip = bundle.files.reduce((n, f) => n + f.gzip, 0);
const budgets = [
  ["bundle total gzip ≤ 110 KB (stretch 96 KB)", kb(totalGzip), totalGzip <= 110 * 1024],
  ["first row, panel/vanilla median ≤ 1.3, from connection", ttfr.ratio.toFixed(2), ttfr.ratio <= 1.3],
  ["first row, panel/vanilla median ≤ 1.3, from navigation", ttfr.ratioFromNavigation.toFixed(2), ttfr.ratioFromNavigation <= 1.3],
  [`first row at ${LATENCY_MS} ms per answer ≤ 1.2, from navigation`, ttfrSlow.ratioFromNavigation.toFixed(2), ttfrSlow.ratioFromNavigation <= 1.2],
  [`first row at ${LATENCY_MS} ms per answer ≤ 1.2, from connection`, ttfrSlow.ratio.toFixed(2), ttfrSlow.ratio <= 1.2],
  ["rows in the DOM with 10,000 loaded ≤ 200", `${large.rowsInDom} (${large.rowsInDomAfterScroll} after scrolling)`, Math.max(large.rowsInDom, large.rowsInDomAfterScroll) <= 200],
  ["p95 frame time while scrolling ≤ 16 ms", `${large.frameP95Ms.toFixed(1)} ms`, large.frameP95Ms <= 16],
  ["token route hit once with 3 panels", String(requests.three.tokenFetches), requests.three.tokenFetches === 1],
  ["no 429 while paging 10,000 (pacing)", String(large.status429), large.status429 === 0],
  ["no request repeated (1 and 3 panels)", `${requests.one.repeated} / ${requests.three.repeated}`, requests.one.repeated === 0 && requests.three.repeated === 0],
];

const totalBrotli = bundle.files.reduce((n, f) => n + f.brotli, 0);
console.log("\nbundle (dist/people-panel)                       raw       gzip     brotli");
for (const f of bundle.files) console.log(`  ${f.name.slice(-44).padEnd(44)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
console.log(`  ${"total".padEnd(44)} ${kb(bundle.files.reduce((n, f) => n + f.raw, 0)).padStart(10)} ${kb(totalGzip).padStart(10)} ${kb(totalBrotli).padStart(10)}`);
const ms = (x) => x.toFixed(1).padStart(7);
for (const [label, t] of [["loopback", ttfr], [`${LATENCY_MS} ms per answer`, ttfrSlow]]) {
  console.log(`\ntime to first row, ${label}, ${LOADS} fresh loads each (ms)   median     p95`);
  console.log(`  panel, from the element's connection              ${ms(t.panel.fromConnection.median)} ${ms(t.panel.fromConnection.p95)}`);
  console.log(`  vanilla JS, from its script's start               ${ms(t.vanilla.fromStart.median)} ${ms(t.vanilla.fromStart.p95)}`);
  console.log(`  panel, from navigation                            ${ms(t.panel.fromNavigation.median)} ${ms(t.panel.fromNavigation.p95)}`);
  console.log(`  vanilla JS, from navigation                       ${ms(t.vanilla.fromNavigation.median)} ${ms(t.vanilla.fromNavigation.p95)}`);
  console.log(`  ratio from connection ${t.ratio.toFixed(2)}, from navigation ${t.ratioFromNavigation.toFixed(2)}`);
}
console.log(`\n10,000 people (page-size 100)`);
console.log(`  load all: ${large.loadAllMs.toFixed(0)} ms (paced under 50 requests/s; 429s drawn: ${large.status429}); JS heap ${(large.jsHeapBytes / 1048576).toFixed(1)} MB; wasm memory ${(large.wasmMemoryBytes / 1048576).toFixed(1)} MB`);
console.log(`  rows in DOM ${large.rowsInDom}; frame time while scrolling median ${large.frameMedianMs.toFixed(1)} ms, p95 ${large.frameP95Ms.toFixed(1)} ms over ${large.framesMeasured} frames`);
console.log(`\nrequests from page load to first row`);
console.log(`  one panel: ${requests.one.requests} (token ${requests.one.tokenFetches}); three panels: ${requests.three.requests} (token ${requests.three.tokenFetches}); repeated: ${requests.one.repeated} / ${requests.three.repeated}`);
console.log(`\nbudgets`);
for (const [what, value, pass] of budgets) console.log(`  ${pass ? "PASS" : "FAIL"}  ${what.padEnd(48)} ${value}`);
writeFileSync(process.env.PP_BENCH_OUT, JSON.stringify({ bundle, timeToFirstRow: ttfr, timeToFirstRowWithLatency: { latencyMs: LATENCY_MS, ...ttfrSlow }, large, requests, budgets: budgets.map(([what, value, pass]) => ({ what, value, pass })) }, null, 2));
console.log(`\nwritten: ${process.env.PP_BENCH_OUT}`);
