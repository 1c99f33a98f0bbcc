// Tours: Waymark against shepherd.js, driver.js and intro.js in headless Chromium, on one ~8,500-element
// page, in one run, 7 interleaved rounds (medians):
//  - start() → first step shown (cold: first tour on a fresh page; warm: the second one);
//  - time per step change;
//  - main-thread ms per frame while a nested scroll container scrolls with a step open, and on how
//    many of 120 frames the card drifted from its target;
//  - main-thread ms per frame while nothing moves (step open);
//  - DOM nodes and listeners left after 200 start/destroy cycles (CDP, after GC);
//  - gzipped JS (and CSS) of each library's tours path.
import { existsSync, readFileSync } from 'node:fs';
import { scriptTagPath } from '../size-measure.mjs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startServer, launch, median, fmt, root } from './_browser.mjs';
import { STEPS, INNER_START_SCROLL, benchPage } from './tours/page.mjs';

// TOURS_BENCH_ROUNDS / TOURS_BENCH_DIAGNOSE (adds Waymark without its spotlight) are for investigating;
// TOURS_BENCH_LEAKS=1 measures only heap growth, over three windows of cycles, and lists the heap objects the
// last window added by type (a leak shows as our objects; V8's compiled code and the browser's timing entries are not one).
const ROUNDS = Number(process.env.TOURS_BENCH_ROUNDS) || 7;
const CYCLES = 200;
const IDLE_MS = 2000;
const FRAME_MS = 1000 / 60;
const toursDir = new URL('./tours/', import.meta.url).pathname;

const LIBRARIES = [
  { name: 'waymark', adapter: './adapters/waymark-runtime.ts', css: [] },
  { name: 'shepherd', adapter: './adapters/shepherd.js', css: ['node_modules/shepherd.js/dist/css/shepherd.css'] },
  { name: 'driver', adapter: './adapters/driver.js', css: ['node_modules/driver.js/dist/driver.css'] },
  { name: 'intro', adapter: './adapters/intro.js', css: ['node_modules/intro.js/introjs.css'] },
];
// The renderer alone (no engine, no runtime), for comparison: the UI's own share of each figure.
const DIAGNOSTIC = [
  { name: 'waymark-ui', adapter: './adapters/waymark.ts', css: [] },
  ...(process.env.TOURS_BENCH_DIAGNOSE ? [{ name: 'waymark-nospot', adapter: './adapters/waymark-nospot.ts', css: [] }] : []),
];

async function bundle(contents, minify = true) {
  const result = await build({
    stdin: { contents, resolveDir: toursDir, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    minify,
    write: false,
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const readCss = (files) => files.map((f) => readFileSync(`${root}${f}`, 'utf8')).join('\n');
const pages = {};
const libraryPage = async (lib, minify = true) => {
  const script = await bundle(`import { install } from './harness.ts';
import { createAdapter } from '${lib.adapter}';
install(createAdapter, ${JSON.stringify(STEPS)}, ${INNER_START_SCROLL});`, minify);
  return benchPage({ head: lib.css.length ? `<style>${readCss(lib.css)}</style>` : '', script });
};
// Readable builds, for `TOURS_BENCH_PROFILE=1`: CPU profiles name real functions.
for (const lib of [...LIBRARIES, ...DIAGNOSTIC]) {
  pages[`/${lib.name}.html`] = await libraryPage(lib);
  if (process.env.TOURS_BENCH_PROFILE) pages[`/${lib.name}-readable.html`] = await libraryPage(lib, false);
}
pages['/baseline.html'] = benchPage({ script: await bundle(`import { installBaseline } from './harness.ts'; installBaseline(${INNER_START_SCROLL});`) });

// ---- gzipped size of each tours path ------------------------------------------------------------
async function gzippedSizes() {
  const gz = (text) => gzipSync(text, { level: 9 }).length;
  const sizes = {};
  // Waymark: the renderer entry plus the lazily loaded tour chunk and what both import statically.
  const split = await build({
    // Only what a page that shows tours imports; the entry's other exports are tree-shaken away.
    stdin: { contents: `export { createRenderer } from './src/ui/index.ts';`, resolveDir: root, loader: 'ts', sourcefile: 'renderer.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    outdir: '/tmp/waymark-tours-size',
    target: 'es2022',
    logLevel: 'error',
  });
  const outputs = split.metafile.outputs;
  const textOf = (p) => split.outputFiles.find((f) => f.path.endsWith(`/${p.split('/').pop()}`)).text;
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint === 'renderer.ts');
  const tourChunk = Object.keys(outputs).find((p) => Object.keys(outputs[p].inputs).some((i) => i.endsWith('src/ui/tour/define.ts')));
  const wanted = new Set();
  const visit = (p) => {
    if (wanted.has(p)) return;
    wanted.add(p);
    for (const imp of outputs[p].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  visit(tourChunk);
  let waymarkJs = 0;
  // Where the minified bytes come from (before gzip), to see what to cut.
  const parts = {};
  for (const p of wanted) {
    waymarkJs += gz(textOf(p));
    for (const [input, { bytesInOutput }] of Object.entries(outputs[p].inputs)) {
      const part = input.includes('node_modules/') ? input.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : input;
      parts[part] = (parts[part] ?? 0) + bytesInOutput;
    }
  }
  sizes.waymark = { js: waymarkJs, css: 0, chunks: wanted.size, parts };
  // With the runtime in the loop, the figure to compare is the whole script-tag page (npm run size).
  if (existsSync(`${root}dist/cdn/waymark.js`)) {
    const page = scriptTagPath();
    sizes.waymark = { ...sizes.waymark, js: page.total, chunks: page.requests, renderer: waymarkJs };
  }
  for (const lib of LIBRARIES.slice(1)) {
    const spec = { shepherd: `export { default } from 'shepherd.js';`, driver: `export { driver } from 'driver.js';`, intro: `export { default } from 'intro.js';` }[lib.name];
    sizes[lib.name] = { js: gz(await bundle(spec)), css: gz(readCss(lib.css)), chunks: 1 };
  }
  return sizes;
}

// ---- browser measurements -------------------------------------------------------------------
const { server, origin } = await startServer(pages);
const browser = await launch();
const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;

async function openPage(name) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1280, height: 1000 });
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(`${origin}/${name}.html`, { waitUntil: 'load' });
  await tab.waitForFunction(() => window.tourBench);
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable');
  return { context, tab, cdp, errors };
}

/** Main-thread ms spent (all tasks) while `work` runs. */
async function taskMs(cdp, work) {
  const before = await metric(cdp, 'TaskDuration');
  const value = await work();
  return { ms: ((await metric(cdp, 'TaskDuration')) - before) * 1000, value };
}

async function round(name) {
  const { context, tab, cdp, errors } = await openPage(name);
  try {
    const out = {};
    out.readyMs = await tab.evaluate(() => window.tourBench.ready());
    if (name !== 'baseline') {
      out.cold = await tab.evaluate(() => window.tourBench.start());
      out.steps = await tab.evaluate(() => window.tourBench.stepChanges());
      await tab.evaluate(() => window.tourBench.destroy());
      await tab.evaluate(() => window.tourBench.settle(5));
      out.warm = await tab.evaluate(() => window.tourBench.start());
    }
    await tab.evaluate(() => window.tourBench.settle(30));
    const scrolled = await taskMs(cdp, () => tab.evaluate(() => window.tourBench.scroll(120)));
    out.scrollMsPerFrame = scrolled.ms / scrolled.value.frames;
    out.detached = scrolled.value.detached;
    out.maxDrift = scrolled.value.maxDrift;
    await tab.evaluate(() => window.tourBench.settle(10));
    const windowScrolled = await taskMs(cdp, () => tab.evaluate(() => window.tourBench.scrollWindow(120)));
    out.windowScrollMsPerFrame = windowScrolled.ms / windowScrolled.value.frames;
    out.windowDetached = windowScrolled.value.detached;
    await tab.evaluate(() => window.tourBench.resetWindowScroll());
    await tab.evaluate(() => window.tourBench.settle(30));
    const idle = await taskMs(cdp, () => new Promise((r) => setTimeout(r, IDLE_MS)));
    out.idleMsPerFrame = idle.ms / (IDLE_MS / FRAME_MS);
    if (errors.length) out.errors = errors;
    return out;
  } finally {
    await context.close();
  }
}

/** Heap objects by type and name (a heap snapshot, after GC): count and self size. */
async function countObjects(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  let json = '';
  const onChunk = ({ chunk }) => (json += chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, strings } = JSON.parse(json);
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const counts = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const key = `${types[nodes[i + typeAt]]}:${strings[nodes[i + nameAt]].slice(0, 40)}`;
    const entry = counts.get(key) ?? [0, 0];
    entry[0]++;
    entry[1] += nodes[i + sizeAt];
    counts.set(key, entry);
  }
  return counts;
}

async function leakWindows(name, windows) {
  const { context, tab, cdp } = await openPage(name);
  try {
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await tab.evaluate(() => window.tourBench.cycles(20));
    const growth = [];
    let before = await heap();
    let counted = null;
    for (let w = 0; w < windows; w++) {
      await tab.evaluate((n) => window.tourBench.cycles(n), CYCLES);
      const after = await heap();
      growth.push((after - before) / CYCLES);
      before = after;
      if (w === windows - 2) counted = await countObjects(cdp);
    }
    // What grew during the last window, by constructor: the objects a leak keeps.
    const last = await countObjects(cdp);
    const grown = [...last].map(([key, [count, size]]) => [key, count - (counted.get(key)?.[0] ?? 0), size - (counted.get(key)?.[1] ?? 0)]).filter(([, count]) => count > 0);
    console.log(`${name}, objects added during the last window (count, bytes): ${grown.sort((a, b) => b[2] - a[2]).slice(0, 15).map(([k, c, b]) => `${k} ${c} ${b}`).join(' | ')}`);
    return growth;
  } finally {
    await context.close();
  }
}

async function leaks(name) {
  const { context, tab, cdp, errors } = await openPage(name);
  try {
    const counters = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      return { ...(await cdp.send('Memory.getDOMCounters')), heap: heap.usedSize };
    };
    // Warm-up: definitions, stylesheets, caches, JIT.
    await tab.evaluate(() => window.tourBench.cycles(20));
    const before = await counters();
    await tab.evaluate((n) => window.tourBench.cycles(n), CYCLES);
    const after = await counters();
    return {
      nodes: after.nodes - before.nodes,
      listeners: after.jsEventListeners - before.jsEventListeners,
      documents: after.documents - before.documents,
      heapPerCycle: (after.heap - before.heap) / CYCLES,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** CPU profiles of a cold start and of the scroll phase (readable build): where the time goes. */
async function profileScroll(name) {
  const { context, tab, cdp } = await openPage(`${name}-readable`);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.evaluate(() => window.tourBench.start());
    summarize(`cold start, ${name}`, (await cdp.send('Profiler.stop')).profile);
    await tab.evaluate(() => window.tourBench.settle(30));
    await cdp.send('Profiler.start');
    await tab.evaluate(() => window.tourBench.scroll(120));
    summarize(`scrolling 120 frames, ${name}`, (await cdp.send('Profiler.stop')).profile);
  } finally {
    await context.close();
  }
}

function summarize(what, profile) {
  {
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const { functionName, lineNumber } = byId.get(id).callFrame;
      const label = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
      self.set(label, (self.get(label) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    // Inclusive time of the page's own functions (each counted once per sample).
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const total = new Map();
    profile.samples.forEach((id, i) => {
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const { functionName, lineNumber, url } = byId.get(at).callFrame;
        if (!url.includes('-readable.html') || !functionName) continue;
        const label = `${functionName}:${lineNumber + 1}`;
        if (seen.has(label)) continue;
        seen.add(label);
        total.set(label, (total.get(label) ?? 0) + (dt[i] ?? 0) / 1000);
      }
    });
    const top = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 12);
    const topTotal = [...total].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`\nprofile of ${what}, self ms: ${top.map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ')}`);
    console.log(`  inclusive: ${topTotal.map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ')}`);
  }
}

const sizes = await gzippedSizes();
try {
  const names = [...LIBRARIES.map((l) => l.name), ...DIAGNOSTIC.map((l) => l.name), 'baseline'];
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  {
    const probe = await openPage('waymark');
    console.log(`page: ${await probe.tab.evaluate(() => window.tourBench.elements())} elements, viewport 1280×1000, ${ROUNDS} interleaved rounds`);
    await probe.context.close();
  }
  if (process.env.TOURS_BENCH_LEAKS) {
    // Investigating heap growth: Waymark with and without its runtime, three windows of cycles in a row
    // (growth that stops after a window is a bounded log filling up; growth that stays is a leak).
    for (const name of ['waymark', 'waymark-ui']) console.log(`${name}: heap growth per cycle, windows of ${CYCLES}: ${(await leakWindows(name, 3)).map((b) => fmt(b)).join(', ')} B`);
    process.exit(0);
  }
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order each round so no library always goes first.
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) runs[name].push(await round(name));
  }
  const leaked = {};
  for (const lib of LIBRARIES) leaked[lib.name] = await leaks(lib.name);

  const rows = [
    ['script evaluated → ready (ms)', (n) => median(runs[n].map((x) => x.readyMs)), 'low'],
    ['start → first step shown, cold (ms)', (n) => median(runs[n].map((x) => x.cold.shown)), 'low'],
    ['start → first step shown, warm (ms)', (n) => median(runs[n].map((x) => x.warm.shown)), 'low'],
    ['  … placed, fade-in not counted, cold (ms)', (n) => median(runs[n].map((x) => x.cold.placed)), 'low'],
    ['  … placed, fade-in not counted, warm (ms)', (n) => median(runs[n].map((x) => x.warm.placed)), 'low'],
    ['step change, shown (ms)', (n) => median(runs[n].flatMap((x) => x.steps.map((t) => t.shown))), 'low'],
    ['  … placed, fade-in not counted (ms)', (n) => median(runs[n].flatMap((x) => x.steps.map((t) => t.placed))), 'low'],
    ['scrolling: main thread per frame (ms)', (n) => median(runs[n].map((x) => x.scrollMsPerFrame)), 'low'],
    ['scrolling: detached frames of 120', (n) => median(runs[n].map((x) => x.detached)), 'low'],
    ['scrolling: max drift (px)', (n) => median(runs[n].map((x) => x.maxDrift)), 'low'],
    ['scrolling the window: main thread per frame (ms)', (n) => median(runs[n].map((x) => x.windowScrollMsPerFrame)), 'low'],
    ['scrolling the window: detached frames of 120', (n) => median(runs[n].map((x) => x.windowDetached)), 'low'],
    ['idle, step open: main thread per frame (ms)', (n) => median(runs[n].map((x) => x.idleMsPerFrame)), 'low'],
    [`DOM nodes left after ${CYCLES} cycles`, (n) => leaked[n].nodes, 'low'],
    [`listeners left after ${CYCLES} cycles`, (n) => leaked[n].listeners, 'low'],
    ['heap growth per cycle after warm-up (B)', (n) => leaked[n].heapPerCycle, 'low'],
    ['gzipped JS (kB)', (n) => sizes[n].js / 1000, 'low'],
    ['gzipped CSS (kB)', (n) => sizes[n].css / 1000, 'low'],
  ];
  const libs = LIBRARIES.map((l) => l.name);
  for (const { name } of DIAGNOSTIC) {
    const m = (k) => fmt(median(runs[name].map(k)));
    console.log(`diagnostic ${name}: ready ${m((x) => x.readyMs)} ms, first step cold ${m((x) => x.cold.shown)} ms, warm ${m((x) => x.warm.shown)} ms, step change ${fmt(median(runs[name].flatMap((x) => x.steps.map((t) => t.shown))))} ms, scrolling ${m((x) => x.scrollMsPerFrame)} ms/frame, detached ${m((x) => x.detached)}`);
  }
  const pad = (s, w) => String(s).padStart(w);
  console.log(`\n${'figure'.padEnd(44)}${libs.map((n) => pad(n, 10)).join('')}${pad('Waymark/best', 14)}`);
  for (const [label, value] of rows) {
    const values = libs.map(value);
    const best = Math.min(...values.slice(1));
    const ratio = best === 0 ? (values[0] === 0 ? '1.00 (=)' : '∞') : fmt(values[0] / best);
    console.log(`${label.padEnd(44)}${values.map((v) => pad(fmt(v, Number.isInteger(v) ? 0 : Math.abs(v) < 0.1 ? 3 : 2), 10)).join('')}${pad(ratio, 14)}`);
  }
  // Scrolling cost only compares libraries that kept the card on its target.
  const attached = libs.slice(1).filter((n) => median(runs[n].map((x) => x.detached)) === 0);
  if (attached.length) {
    const cost = (n) => median(runs[n].map((x) => x.scrollMsPerFrame));
    const bestAttached = Math.min(...attached.map(cost));
    console.log(`scrolling cost, Waymark / best that stayed attached (${attached.join(', ')}): ${fmt(cost('waymark') / bestAttached)}`);
  }
  const base = runs.baseline;
  console.log(`\nbaseline (page alone): scrolling ${fmt(median(base.map((x) => x.scrollMsPerFrame)))} ms/frame, idle ${fmt(median(base.map((x) => x.idleMsPerFrame)))} ms/frame`);
  console.log(`step changes per run: ${STEPS.length - 1}; Waymark's one-tour script-tag page = ${sizes.waymark.chunks} JS requests, CSS inside the JS (renderer + tour alone: ${fmt((sizes.waymark.renderer ?? sizes.waymark.js) / 1000)} kB)`);
  const top = Object.entries(sizes.waymark.parts).sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`Waymark tours path, minified bytes by source: ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (process.env.TOURS_BENCH_PROFILE) for (const lib of LIBRARIES.slice(0, 2)) await profileScroll(lib.name);
  for (const name of names) {
    const errs = [...runs[name].flatMap((x) => x.errors ?? []), ...(leaked[name]?.errors ?? [])];
    if (errs.length) console.log(`errors in ${name}: ${[...new Set(errs)].slice(0, 3).join(' | ')}`);
  }
  if (process.env.TOURS_BENCH_JSON) console.log(JSON.stringify({ runs, leaked, sizes }));
} finally {
  await browser.close();
  server.close();
}
