// cargo xtask bench: measures what users feel and prints PASS/FAIL per budget. Timings are medians
// and ratios of one run; nothing here is a test.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import zlib, { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { FIRST_ROW } from "./site/measure.js";

const BASE = process.env.PP_BENCH_URL;
// The same site behind 40 ms per answer (the dev-server's --latency-ms): a real network's waterfall.
const SLOW = process.env.PP_BENCH_SLOW_URL;
const LATENCY_MS = Number(process.env.PP_BENCH_LATENCY_MS || 40);
const LOADS = Number(process.env.PP_BENCH_LOADS || 20);
const bundle = JSON.parse(readFileSync(process.env.PP_BENCH_BUNDLE, "utf8"));
// The site's files served compressed, as a production server or a CDN sends them (brotli where the
// browser accepts it, else gzip): the dev-server sends a file's `.br` or `.gz` neighbour instead.
function compressSite(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) compressSite(path);
    else if (/\.(js|wasm|css|html|json)$/.test(entry.name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}
// The bench page with the README's preload hints: panel.html with the two <link>s in its head.
const HINTS = `  <link rel="modulepreload" href="/people-panel/people_panel.js" />
  <link rel="preload" href="/people-panel/people_panel_bg.wasm" as="fetch" type="application/wasm" crossorigin />
`;
const plainPage = readFileSync(`${process.env.PP_BENCH_SITE}/panel.html`, "utf8");
writeFileSync(`${process.env.PP_BENCH_SITE}/panel-hints.html`, plainPage.replace("  <script type=\"module\"", `${HINTS}  <script type="module"`));
compressSite(process.env.PP_BENCH_SITE);

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
const HUGE = Number(process.env.PP_BENCH_HUGE || 100000);

// The phone profile of the size issue: a mid-range phone on 4G, through Chromium's DevTools protocol.
const PHONE = { cpu: 4, latencyMs: 60, downMbps: 9, upMbps: 2 };
const PHONE_LOADS = Number(process.env.PP_BENCH_PHONE_LOADS || 10);

/** A fresh page of `path`, on the phone profile when `phone` (in `context`, a new one by default);
 *  `beforeGoto(tab)` runs before it navigates (the trace starts there). */
async function openPage(path, base, phone, context, beforeGoto) {
  context ??= await browser.newContext();
  const tab = await context.newPage();
  if (phone) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PHONE.latencyMs,
      downloadThroughput: (PHONE.downMbps * 1e6) / 8,
      uploadThroughput: (PHONE.upMbps * 1e6) / 8,
    });
  }
  await beforeGoto?.(tab);
  // The first row is heard from the page's console (site/measure.js), not waited for with
  // `waitForFunction`: that evaluates Playwright's own script in the page, about 85 ms of main
  // thread at 4× that could fall on the first row's path, and polls every frame.
  const drawn = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no first row in ${path} within 60 s`)), 60000);
    tab.on("console", (message) => message.text() === FIRST_ROW && resolve(clearTimeout(timer)));
  });
  await tab.goto(`${base}/${path}`);
  await drawn;
  return { context, tab };
}

/** The page's requests (start and end from navigation) and the panel's marks, up to now. */
const WATERFALL = () => [
  ...performance.getEntriesByType("resource").map((e) => {
    const url = new URL(e.name);
    return { what: url.pathname.replace(/^\/people-panel\//, "") + url.search, start: e.startTime, end: e.responseEnd };
  }),
  ...performance.getEntriesByType("mark").filter((m) => m.name.startsWith("people-panel")).map((m) => ({ what: `(${m.name})`, start: m.startTime, end: m.startTime })),
].sort((a, b) => a.start - b.start);

async function firstRow(page, user, extra = "", base = BASE, phone = false) {
  const { context, tab } = await openPage(`${page}?user=${user}${extra}`, base, phone);
  const result = await tab.evaluate(() => window.__bench);
  result.waterfall = await tab.evaluate(WATERFALL);
  await context.close();
  return result;
}

// ---- time to first row, fresh page loads, alternating panel and vanilla ----
async function compareFirstRow(base, phone = false, loads = LOADS, panelPage = "panel.html") {
  const panelRuns = [], vanillaRuns = [];
  for (let i = 0; i < loads; i++) {
    panelRuns.push(await firstRow(panelPage, "bench", "", base, phone));
    vanillaRuns.push(await firstRow("vanilla.html", "bench", "", base, phone));
  }
  const stats = (runs, key) => ({ median: median(runs.map((r) => r[key])), p95: quantile(runs.map((r) => r[key]), 0.95) });
  const t = {
    loads,
    panel: { fromConnection: stats(panelRuns, "fromStartMs"), fromNavigation: stats(panelRuns, "firstRowMs") },
    vanilla: { fromStart: stats(vanillaRuns, "fromStartMs"), fromNavigation: stats(vanillaRuns, "firstRowMs") },
  };
  t.ratio = t.panel.fromConnection.median / t.vanilla.fromStart.median;
  t.ratioFromNavigation = t.panel.fromNavigation.median / t.vanilla.fromNavigation.median;
  // The waterfall of the load whose first row came at the median.
  const middle = [...panelRuns].sort((a, b) => a.firstRowMs - b.firstRowMs)[Math.floor(panelRuns.length / 2)];
  t.waterfall = { firstRowMs: middle.firstRowMs, requests: middle.waterfall };
  t.mainThread = await traceFirstVisit(panelPage, base, phone);
  return t;
}

// What the main thread does before the first row, from a Chromium trace of one more fresh load:
// its busy time, the self time of what ran (each event's time minus that of the events nested in
// it), and the wasm functions V8 compiled lazily on it (`wasm.CompileLazy`).
const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "blink.user_timing", "toplevel", "v8.execute"];
const ACTIVITY = [
  [/^wasm\.CompileLazy$/, "wasm functions compiled lazily"],
  [/^(wasm\.|v8\.wasm)/i, "wasm: instantiate and the rest"],
  [/^(v8\.compile|v8\.parseOnBackground|V8\.CompileCode|v8\.produceModuleCache|v8\.compileModule)/i, "JS parse and compile"],
  [/^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|V8\.Execute|RunMicrotasks|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|HandlePostMessage|v8\.callModuleMethod)/i, "JS and wasm running"],
  [/(GC|Scavenge|MarkCompact)/, "garbage collection"],
  [/^(ParseHTML|ParseAuthorStyleSheet)$/, "HTML and CSS parsing"],
  [/^(UpdateLayoutTree|RecalculateStyles|Layout|InvalidateLayout|ScheduleStyleRecalculation|LayoutShift|UpdateLayout)$/, "style and layout"],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|Commit|CompositeLayers|PaintImage|RasterTask|BeginMainThreadFrame|UpdateLayerTree)$/, "paint and composite"],
];
async function traceFirstVisit(panelPage, base, phone) {
  const opened = await openPage(`${panelPage}?user=bench`, base, phone, undefined, (tab) => browser.startTracing(tab, { categories: TRACE_CATEGORIES }));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await opened.context.close();
  // PP_TRACE_OUT=dir/prefix keeps each trace, for a trace viewer (Perfetto, chrome://tracing).
  if (process.env.PP_TRACE_OUT) writeFileSync(`${process.env.PP_TRACE_OUT}-${phone ? "phone" : "fast"}-${Date.now()}.json`, JSON.stringify(trace));
  const events = trace.traceEvents;
  const mark = events.find((e) => e.name === "first-row" && e.ph !== "M");
  if (!mark) return null;
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === mark.pid);
  const navigation = events.filter((e) => e.name === "navigationStart" && e.pid === mark.pid && e.ts <= mark.ts).sort((a, b) => b.ts - a.ts)[0];
  if (!main || !navigation) return null;
  const [from, to] = [navigation.ts, mark.ts];
  const mine = events
    .filter((e) => e.pid === mark.pid && e.tid === main.tid && e.ph === "X" && e.ts < to && e.ts + (e.dur ?? 0) > from)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, self.get(parent) - clip(e));
    else busy += clip(e);
    self.set(e, clip(e));
    stack.push(e);
  }
  const byActivity = {};
  for (const [e, t] of self) {
    const activity = ACTIVITY.find(([pattern]) => pattern.test(e.name))?.[1] ?? "other";
    byActivity[activity] = (byActivity[activity] ?? 0) + t / 1000;
  }
  const lazy = mine.filter((e) => e.name === "wasm.CompileLazy");
  return {
    firstRowMs: (to - from) / 1000,
    busyMs: busy / 1000,
    byActivity: Object.fromEntries(Object.entries(byActivity).sort((a, b) => b[1] - a[1])),
    wasmCompiledLazily: { functions: lazy.length, ms: lazy.reduce((n, e) => n + clip(e), 0) / 1000 },
  };
}

/** Prints a first visit's waterfall and main thread (from compareFirstRow). */
function printPath(label, t) {
  console.log(`\nthe first visit's critical path, ${label}: the load at the median, ms from navigation`);
  for (const r of t.waterfall.requests) {
    const span = r.end > r.start ? `${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}` : `${r.start.toFixed(0).padStart(6)}         `;
    console.log(`  ${span}  ${r.what.slice(0, 90)}`);
  }
  console.log(`  ${t.waterfall.firstRowMs.toFixed(0).padStart(6)}           first row`);
  const m = t.mainThread;
  if (!m) return console.log("  (no trace)");
  console.log(`  main thread before the first row (one traced load, first row at ${m.firstRowMs.toFixed(0)} ms): busy ${m.busyMs.toFixed(0)} ms; wasm functions compiled lazily: ${m.wasmCompiledLazily.functions}`);
  for (const [what, ms] of Object.entries(m.byActivity)) if (ms >= 1) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${what}`);
}

await admin("POST", "/credentials", { user: "bench", people: 250 });
await admin("POST", "/credentials", { user: "bench", people: 250 }, SLOW);
if (process.env.PP_BENCH_ONLY === "huge") {
  // A quick look at 100,000 people alone: load all, search, sort, filter, memory (no budgets).
  const huge = await hugeList();
  console.log(JSON.stringify(huge, null, 1));
  await browser.close();
  process.exit(0);
}
const ttfr = await compareFirstRow(BASE);
const ttfrSlow = await compareFirstRow(SLOW);
const ttfrPhone = await compareFirstRow(BASE, true, PHONE_LOADS);
const ttfrPhoneHints = await compareFirstRow(BASE, true, PHONE_LOADS, "panel-hints.html");
const phoneLabel = `phone (CPU ${PHONE.cpu}×, ${PHONE.downMbps}/${PHONE.upMbps} Mbps, ${PHONE.latencyMs} ms)`;
const profiles = [["loopback", ttfr], [`${LATENCY_MS} ms per answer`, ttfrSlow], [phoneLabel, ttfrPhone], [`${phoneLabel}, with the README's preload hints`, ttfrPhoneHints]];
// ---- a returning visit with cache="device", phone profile: the kept list before the CRM answers ----
async function returningVisit() {
  const runs = [];
  for (let i = 0; i < PHONE_LOADS; i++) {
    const context = await browser.newContext();
    const first = await openPage("panel.html?user=bench&cache=device", BASE, true, context);
    await first.tab.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("people-panel:list:")));
    await first.tab.close();
    const back = await openPage("panel.html?user=bench&cache=device", BASE, true, context);
    runs.push(await back.tab.evaluate(() => window.__bench.firstRowMs));
    await context.close();
  }
  return { medianMs: median(runs), p95Ms: quantile(runs, 0.95), ratio: median(runs) / ttfrPhone.vanilla.fromNavigation.median };
}
// ---- 100,000 people: "Load all" with its progress and "Stop", search per keystroke, sort, filter,
// scrolling, memory ----
async function hugeList() {
  await admin("POST", "/credentials", { user: "bench-huge", people: HUGE });
  const hugeContext = await browser.newContext();
  const hugeTab = await hugeContext.newPage();
  await hugeTab.goto(`${BASE}/panel.html?user=bench-huge&size=100`);
  await hugeTab.waitForFunction(() => window.__bench?.firstRowMs);
  const huge = await hugeTab.evaluate(async (total) => {
    const root = document.querySelector("people-panel").shadowRoot;
    const loaded = () => Number((root.querySelector(".pp-count")?.textContent ?? "0").split(" ")[0].replace(/\D/g, ""));
    const loadAll = () => root.querySelector('[data-action="load-all"]');
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const afterPaint = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); }));
    const started = performance.now();
    loadAll().click();
    // Stop after a few seconds: no page is asked for after the one on its way.
    await wait(3000);
    const progress = root.querySelector(".pp-footer .pp-muted")?.textContent ?? "";
    loadAll().click();
    await wait(300);
    const atStop = loaded();
    await wait(1500);
    const afterStop = loaded();
    const stoppedAt = performance.now();
    loadAll().click();
    while (loaded() < total) await wait(50);
    const loadMs = performance.now() - started - (stoppedAt - started - 3000);
    await wait(300);
    // The wasm's memory never shrinks: what it holds after each step shows which step grew it.
    const memory = () => window.__wasm?.memory?.buffer?.byteLength ?? null;
    const memoryAfter = { loadAll: memory() };
    // Search: one keystroke at a time, from the input to the frame that shows its result.
    const search = root.querySelector(".pp-search");
    const keystrokes = [];
    for (const query of ["m", "ma", "mar", "mari", "maria", "mari", "mar", "ma", "m", "", "s", "so", "sor", "so", "s", ""]) {
      const t0 = performance.now();
      search.value = query;
      search.dispatchEvent(new Event("input", { bubbles: true }));
      await afterPaint();
      keystrokes.push(performance.now() - t0);
      await wait(30);
    }
    memoryAfter.search = memory();
    // Sort: each order chosen, from the change to the frame that shows it (each made once per list).
    const timed = async (act) => { const t0 = performance.now(); act(); await afterPaint(); const ms = performance.now() - t0; await wait(30); return ms; };
    const select = root.querySelector(".pp-arrange select");
    const sorts = [];
    for (const value of ["name", "-name", "-created", "created", "-updated", "updated", "", "name", "-updated", ""]) {
      sorts.push(await timed(() => { select.value = value; select.dispatchEvent(new Event("change", { bubbles: true })); }));
    }
    memoryAfter.sort = memory();
    // Filter: values of the stage and the tags chosen and un-chosen, one change a frame.
    root.querySelector('[data-action="filter"]').click();
    await afterPaint();
    const boxes = () => [...root.querySelectorAll(".pp-filters input[type=checkbox]")];
    const filters = [];
    for (const at of [0, 1, 5, 1, 6, 0, 5, 6]) filters.push(await timed(() => boxes()[at].click()));
    // Search with a filter on.
    boxes()[0].click();
    await afterPaint();
    const filteredKeystrokes = [];
    for (const query of ["m", "ma", "mar", "ma", "m", ""]) {
      filteredKeystrokes.push(await timed(() => { search.value = query; search.dispatchEvent(new Event("input", { bubbles: true })); }));
    }
    root.querySelector('[data-action="clear-filter"]').click();
    await afterPaint();
    const frames = await window.__scrollFrames(root.querySelector(".pp-scroll"), 20000, 300);
    return {
      loadMs, progress, stoppedFor: afterStop - atStop, keystrokes, frames, sorts, filters, filteredKeystrokes, memoryAfter,
      rowsInDom: root.querySelectorAll(".pp-row").length,
      jsHeapBytes: performance.memory?.usedJSHeapSize ?? null,
      wasmMemoryBytes: window.__wasm?.memory?.buffer?.byteLength ?? null,
    };
  }, HUGE);
  await hugeContext.close();
  huge.searchP95Ms = quantile(huge.keystrokes, 0.95);
  huge.searchMedianMs = median(huge.keystrokes);
  huge.frameP95Ms = quantile(huge.frames, 0.95);
  huge.sortP95Ms = quantile(huge.sorts, 0.95);
  huge.filterP95Ms = quantile(huge.filters, 0.95);
  huge.filteredSearchP95Ms = quantile(huge.filteredKeystrokes, 0.95);
  huge.framesMeasured = huge.frames.length;
  delete huge.frames;
  return huge;
}
const returning = await returningVisit();
if (process.env.PP_BENCH_ONLY === "first-row") {
  // A quick look at the first visit and the returning one alone (no sizes, no large lists, no budgets).
  for (const [label, t] of profiles) {
    printPath(label, t);
    console.log(`  first row, median of ${t.loads}: panel ${t.panel.fromNavigation.median.toFixed(0)} / vanilla ${t.vanilla.fromNavigation.median.toFixed(0)} ms = ${t.ratioFromNavigation.toFixed(2)}`);
  }
  console.log(`\nreturning visit with cache="device", phone: first row ${returning.medianMs.toFixed(0)} ms / vanilla's first visit ${ttfrPhone.vanilla.fromNavigation.median.toFixed(0)} = ${returning.ratio.toFixed(2)}`);
  await browser.close();
  process.exit(0);
}

// ---- the first load: every file of the panel's the page fetched before its first row, and after ----
const siteDir = process.env.PP_BENCH_SITE;
async function firstLoad() {
  const { context, tab } = await openPage("panel.html?user=bench", BASE, false);
  await tab.waitForTimeout(2000); // what is fetched after the first row has time to arrive
  const { firstRowMs, entries } = await tab.evaluate(() => ({
    firstRowMs: window.__bench.firstRowMs,
    entries: performance.getEntriesByType("resource").map((e) => ({ url: e.name, startTime: e.startTime, responseEnd: e.responseEnd })),
  }));
  await context.close();
  const files = [];
  for (const e of entries) {
    const path = new URL(e.url).pathname;
    if (!path.startsWith("/people-panel/")) continue; // the bench page's own scripts and the API's answers aside
    const bytes = readFileSync(`${siteDir}${path}`);
    files.push({
      name: path.slice("/people-panel/".length),
      beforeFirstRow: e.responseEnd <= firstRowMs,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const sum = (fs, key) => fs.reduce((n, f) => n + f[key], 0);
  const before = files.filter((f) => f.beforeFirstRow), after = files.filter((f) => !f.beforeFirstRow);
  return {
    files,
    first: { raw: sum(before, "raw"), gzip: sum(before, "gzip"), brotli: sum(before, "brotli") },
    after: { raw: sum(after, "raw"), gzip: sum(after, "gzip"), brotli: sum(after, "brotli") },
  };
}
const load = await firstLoad();

// ---- a click on "New person" to its form, on the phone profile, after the first row has settled ----
async function clickToForm() {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const { context, tab } = await openPage("panel.html?user=bench", BASE, true);
    await tab.waitForTimeout(3000);
    runs.push(
      await tab.evaluate(async () => {
        const root = document.querySelector("people-panel").shadowRoot;
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const started = performance.now();
        root.querySelector('[data-action="new"]').click();
        while (!root.querySelector(".pp-form")) await frame();
        return performance.now() - started;
      }),
    );
    await context.close();
  }
  return { medianMs: median(runs), maxMs: Math.max(...runs) };
}
const newForm = await clickToForm();

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
  const frames = await window.__scrollFrames(root.querySelector(".pp-scroll"), 1500, Infinity);
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

const huge = await hugeList();
await browser.close();
large.status429 = (await log("bench-large")).by_status["429"] ?? 0;
large.framesMeasured = large.frames.length;
large.frameP95Ms = quantile(large.frames, 0.95);
large.frameMedianMs = median(large.frames);
delete large.frames;

// ---- report ----
// All of it, for a page in one language: the module, both wasm files and the largest catalog.
const code = bundle.files.filter((f) => !f.name.endsWith(".json"));
const catalog = bundle.files.filter((f) => f.name.endsWith(".json")).sort((a, b) => b.gzip - a.gzip).slice(0, 1);
const totalGzip = [...code, ...catalog].reduce((n, f) => n + f.gzip, 0);
const budgets = [
  ["first load gzip ≤ 181 KB (no growth)", kb(load.first.gzip), load.first.gzip <= 181 * 1024],
  ["all of it gzip (one language) ≤ 180 KB (goal 150 KB)", kb(totalGzip), totalGzip <= 180 * 1024],
  ["first row / vanilla, loopback ≤ 1.4", ttfr.ratioFromNavigation.toFixed(2), ttfr.ratioFromNavigation <= 1.4],
  [`first row / vanilla, ${LATENCY_MS} ms per answer ≤ 1.15`, ttfrSlow.ratioFromNavigation.toFixed(2), ttfrSlow.ratioFromNavigation <= 1.15],
  ["first row / vanilla, phone ≤ 1.35", ttfrPhone.ratioFromNavigation.toFixed(2), ttfrPhone.ratioFromNavigation <= 1.35],
  ["the same with the README's preload hints (no budget)", ttfrPhoneHints.ratioFromNavigation.toFixed(2), true],
  ['"New person" → form, phone ≤ 100 ms (goal 50)', `${newForm.medianMs.toFixed(0)} ms`, newForm.medianMs <= 100],
  ["rows in the DOM with 10,000 loaded ≤ 200", `${large.rowsInDom} (${large.rowsInDomAfterScroll} after scrolling)`, Math.max(large.rowsInDom, large.rowsInDomAfterScroll) <= 200],
  ["p95 frame time while scrolling ≤ 16 ms", `${large.frameP95Ms.toFixed(1)} ms`, large.frameP95Ms <= 16],
  ["token route hit once with 3 panels", String(requests.three.tokenFetches), requests.three.tokenFetches === 1],
  ["no 429 while paging 10,000 (pacing)", String(large.status429), large.status429 === 0],
  [`returning visit, cache="device", first row / vanilla's first visit, phone ≤ 0.8`, returning.ratio.toFixed(2), returning.ratio <= 0.8],
  [`${HUGE.toLocaleString("en")} people: search p95 per keystroke ≤ 50 ms`, `${huge.searchP95Ms.toFixed(1)} ms`, huge.searchP95Ms <= 50],
  [`${HUGE.toLocaleString("en")} people: a sort change to its frame, p95 ≤ 100 ms`, `${huge.sortP95Ms.toFixed(1)} ms`, huge.sortP95Ms <= 100],
  [`${HUGE.toLocaleString("en")} people: a filter change to its frame, p95 ≤ 50 ms`, `${huge.filterP95Ms.toFixed(1)} ms`, huge.filterP95Ms <= 50],
  [`${HUGE.toLocaleString("en")} people: search p95 per keystroke, a filter on ≤ 50 ms`, `${huge.filteredSearchP95Ms.toFixed(1)} ms`, huge.filteredSearchP95Ms <= 50],
  [`${HUGE.toLocaleString("en")} people: wasm memory ≤ 60 MB`, `${(huge.wasmMemoryBytes / 1048576).toFixed(1)} MB`, huge.wasmMemoryBytes <= 60 * 1048576],
  [`${HUGE.toLocaleString("en")} people: scroll p95 frame ≤ 16 ms`, `${huge.frameP95Ms.toFixed(1)} ms`, huge.frameP95Ms <= 16],
  [`${HUGE.toLocaleString("en")} people: rows in the DOM ≤ 200`, String(huge.rowsInDom), huge.rowsInDom <= 200],
  ["no request repeated (1 and 3 panels)", `${requests.one.repeated} / ${requests.three.repeated}`, requests.one.repeated === 0 && requests.three.repeated === 0],
];

const totalBrotli = [...code, ...catalog].reduce((n, f) => n + f.brotli, 0);
console.log("\nbundle (dist/people-panel)                       raw       gzip     brotli");
for (const f of bundle.files) console.log(`  ${f.name.slice(-44).padEnd(44)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
console.log(`  ${"all of it, one language".padEnd(44)} ${kb([...code, ...catalog].reduce((n, f) => n + f.raw, 0)).padStart(10)} ${kb(totalGzip).padStart(10)} ${kb(totalBrotli).padStart(10)}`);
const ms = (x) => x.toFixed(1).padStart(7);
console.log(`\nfirst load: the panel's files fetched before its first row (then after it)   raw       gzip     brotli`);
for (const f of load.files) console.log(`  ${(f.beforeFirstRow ? "before " : "after  ") + f.name.slice(-40).padEnd(40)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
console.log(`  ${"first load".padEnd(47)} ${kb(load.first.raw).padStart(10)} ${kb(load.first.gzip).padStart(10)} ${kb(load.first.brotli).padStart(10)}`);
console.log(`  ${"after the first row".padEnd(47)} ${kb(load.after.raw).padStart(10)} ${kb(load.after.gzip).padStart(10)} ${kb(load.after.brotli).padStart(10)}`);
for (const [label, t] of profiles) {
  console.log(`\ntime to first row, ${label}, ${t.loads} fresh loads each (ms)   median     p95`);
  console.log(`  panel, from the element's connection              ${ms(t.panel.fromConnection.median)} ${ms(t.panel.fromConnection.p95)}`);
  console.log(`  vanilla JS, from its script's start               ${ms(t.vanilla.fromStart.median)} ${ms(t.vanilla.fromStart.p95)}`);
  console.log(`  panel, from navigation                            ${ms(t.panel.fromNavigation.median)} ${ms(t.panel.fromNavigation.p95)}`);
  console.log(`  vanilla JS, from navigation                       ${ms(t.vanilla.fromNavigation.median)} ${ms(t.vanilla.fromNavigation.p95)}`);
  console.log(`  ratio from connection ${t.ratio.toFixed(2)}, from navigation ${t.ratioFromNavigation.toFixed(2)}`);
}
for (const [label, t] of profiles) printPath(label, t);
console.log(`\n"New person" clicked after the first row settled, phone profile: form drawn in ${newForm.medianMs.toFixed(0)} ms (median of 5, max ${newForm.maxMs.toFixed(0)})`);
console.log(`\n10,000 people (page-size 100)`);
console.log(`  load all: ${large.loadAllMs.toFixed(0)} ms (paced under 50 requests/s; 429s drawn: ${large.status429}); JS heap ${(large.jsHeapBytes / 1048576).toFixed(1)} MB; wasm memory ${(large.wasmMemoryBytes / 1048576).toFixed(1)} MB`);
console.log(`  rows in DOM ${large.rowsInDom}; frame time while scrolling median ${large.frameMedianMs.toFixed(1)} ms, p95 ${large.frameP95Ms.toFixed(1)} ms over ${large.framesMeasured} frames`);
console.log(`\nreturning visit with cache="device", phone profile: first row ${returning.medianMs.toFixed(0)} ms (median of ${PHONE_LOADS}, p95 ${returning.p95Ms.toFixed(0)}); vanilla's first visit ${ttfrPhone.vanilla.fromNavigation.median.toFixed(0)} ms`);
console.log(`\n${HUGE.toLocaleString("en")} people (page-size 100, "Load all")`);
console.log(`  loaded in ${(huge.loadMs / 1000).toFixed(1)} s (the time stopped aside); progress shown: "${huge.progress}"; after "Stop", ${huge.stoppedFor} more people came (the page on its way)`);
console.log(`  search per keystroke median ${huge.searchMedianMs.toFixed(1)} ms, p95 ${huge.searchP95Ms.toFixed(1)} ms; scroll p95 frame ${huge.frameP95Ms.toFixed(1)} ms over ${huge.framesMeasured} frames; rows in DOM ${huge.rowsInDom}`);
console.log(`  sort change to its frame median ${median(huge.sorts).toFixed(1)} ms, p95 ${huge.sortP95Ms.toFixed(1)} ms (${huge.sorts.map((m) => m.toFixed(0)).join(", ")})`);
console.log(`  filter change to its frame median ${median(huge.filters).toFixed(1)} ms, p95 ${huge.filterP95Ms.toFixed(1)} ms; search with a filter on p95 ${huge.filteredSearchP95Ms.toFixed(1)} ms`);
console.log(`  JS heap ${(huge.jsHeapBytes / 1048576).toFixed(1)} MB; wasm memory ${(huge.wasmMemoryBytes / 1048576).toFixed(1)} MB (after "Load all" ${(huge.memoryAfter.loadAll / 1048576).toFixed(1)}, the searches ${(huge.memoryAfter.search / 1048576).toFixed(1)}, the sorts ${(huge.memoryAfter.sort / 1048576).toFixed(1)})`);
console.log(`\nrequests from page load to first row`);
console.log(`  one panel: ${requests.one.requests} (token ${requests.one.tokenFetches}); three panels: ${requests.three.requests} (token ${requests.three.tokenFetches}); repeated: ${requests.one.repeated} / ${requests.three.repeated}`);
console.log(`\nbudgets`);
for (const [what, value, pass] of budgets) console.log(`  ${pass ? "PASS" : "FAIL"}  ${what.padEnd(48)} ${value}`);
writeFileSync(process.env.PP_BENCH_OUT, JSON.stringify({ bundle, firstLoad: load, newPersonFormMs: newForm, timeToFirstRow: ttfr, timeToFirstRowWithLatency: { latencyMs: LATENCY_MS, ...ttfrSlow }, timeToFirstRowPhone: { ...PHONE, ...ttfrPhone }, timeToFirstRowPhoneWithHints: { ...PHONE, ...ttfrPhoneHints }, returningVisit: returning, large, huge, requests, budgets: budgets.map(([what, value, pass]) => ({ what, value, pass })) }, null, 2));
console.log(`\nwritten: ${process.env.PP_BENCH_OUT}`);
