// Tours: Waymark against shepherd.js, driver.js and intro.js in headless Chromium, on one ~8,500-element page, in
// one run, interleaved rounds (medians). Every library loads as a page loads it: module scripts from files on the
// same loopback server (Waymark: the script-tag bundle dist/cdn/waymark.js and its chunks, with a config checked by
// `waymark validate --out`, IndexedDB storage; the peers: their npm ESM files, through an import map). Figures:
//  - script evaluated → ready (from the last script file ready waits for, and counting that wait); start() → first step shown (cold: the first start after ready, which also defines
//    the elements and builds their styles; warm: the second); next() → step shown;
//  - style+layout and main-thread ms per frame while a nested scroll container, then the window, scrolls with a
//    step open (floating-ui alone is the floor), and on how many of 120 frames the card left its target;
//  - main-thread ms per frame while nothing moves (step open);
//  - DOM nodes, listeners and heap left by start/destroy cycles after a long warm-up: the median of several windows
//    of cycles, each after GC run until the heap stops shrinking, split by heap snapshots (tours/heap.mjs);
//  - gzipped JS (and CSS) each page loads, and the requests a Waymark page makes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SourceMapConsumer } from 'source-map-js';
import { scriptTagPath } from '../size-measure.mjs';
import { startServer, launch, median, fmt, root } from './_browser.mjs';
import { STEPS, INNER_START_SCROLL, benchPage } from './tours/page.mjs';
import { heapWindows as heapWindowsOf, profileCycles } from './tours/heap.mjs';

// TOURS_BENCH_ROUNDS, TOURS_BENCH_CYCLES (per heap window), TOURS_BENCH_WINDOWS (heap windows), TOURS_BENCH_WARMUP (cycles before them); TOURS_BENCH_DIAGNOSE adds rows for investigating (Waymark with memory storage, the old
// method: one inline bundle of the runtime from source, Waymark without its spotlight); TOURS_BENCH_LEAKS=1 measures
// only heap growth (of `waymark,waymark-ui` or the pages it names), what it is by type, the functions whose code was
// compiled during the windows, the Long Animation Frames the cycles produced and a CPU profile of 100 cycles
// (TOURS_BENCH_SNAPSHOTS=dir keeps the snapshots; TOURS_BENCH_JS_FLAGS passes V8 flags, e.g. `--no-opt --no-maglev --no-sparkplug`);
// TOURS_BENCH_BREAKDOWN=1 prints only the eval → ready breakdown; TOURS_BENCH_PROFILE=1 prints only CPU profiles of Waymark's load, cold start and scrolling (twice), its own samples also by source module (source maps);
// TOURS_BENCH_ONLY=scroll prints only the scroll and idle figures (with their ratio to the floor); with TOURS_BENCH_TRACE=1
// instead a trace of one container scroll per page, its style and layout passes (forced ones by the function that read),
// TOURS_BENCH_TRACE=all adds the main thread's events; TOURS_BENCH_COMPARE=<dir under the repo>[,<dir>…] adds other
// builds' rows (and, with TOURS_BENCH_BREAKDOWN, their breakdowns beside Waymark's; TOURS_BENCH_BREAKDOWN=trace: the
// main thread's tasks of one first visit each); TOURS_BENCH_LATENCY=<ms> gives every page's requests that round-trip
// time (CDP network emulation), so what early requests and preloads save on a real network shows.
const ROUNDS = Number(process.env.TOURS_BENCH_ROUNDS) || 7;
const CYCLES = Number(process.env.TOURS_BENCH_CYCLES) || 200;
/** Cycles before the long heap windows: compiled code tiers up and the page's caches fill first. */
const WARMUP_CYCLES = Number(process.env.TOURS_BENCH_WARMUP) || 600;
/** Heap windows after the warm-up: the figure is their median, so one window's compile burst does not decide it. */
const HEAP_WINDOWS = Number(process.env.TOURS_BENCH_WINDOWS) || 5;
const heapWindows = (name, options) => heapWindowsOf(openPage, name, { warmup: WARMUP_CYCLES, windows: HEAP_WINDOWS, cycles: CYCLES, ...options });
const IDLE_MS = 2000;
const FRAME_MS = 1000 / 60;
const toursDir = new URL('./tours/', import.meta.url).pathname;
const diagnose = Boolean(process.env.TOURS_BENCH_DIAGNOSE);
/** Round-trip time (ms) added to every request of every page, the peers' as Waymark's; 0: loopback as it is. */
const LATENCY_MS = Number(process.env.TOURS_BENCH_LATENCY) || 0;

// ---- the build Waymark's row loads --------------------------------------------------------------
/** The newest modification time under `path` (tests excluded: they are not in the bundle). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((f) => !/\.test\.ts$/.test(f)).map((f) => newest(join(path, f))));
}
function ensureBuild() {
  const built = join(root, 'dist/cdn/waymark.js');
  const cli = join(root, 'dist/lib/cli/main.js');
  const sources = Math.max(...['src', 'rollup.config.mjs', 'package.json'].map((p) => newest(join(root, p))));
  if (existsSync(built) && existsSync(cli) && statSync(built).mtimeMs >= sources) return;
  console.log(existsSync(built) ? 'dist/ is older than src/: npm run build' : 'no dist/: npm run build');
  const { status } = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) throw new Error('npm run build failed');
}

/** The bench tour as a marketer ships it: written as JSON, checked by `waymark validate --out`. */
function checkedTourConfig() {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-tours-bench-'));
  const config = {
    version: '1',
    experiences: [
      {
        id: 'bench',
        type: 'tour',
        // Started from code only.
        when: { event: 'bench-never-sent' },
        spotlight: true,
        steps: STEPS.map((s) => ({ target: s.selector, title: s.title, body: s.text, placement: 'right' })),
      },
    ],
  };
  writeFileSync(join(dir, 'tour.json'), JSON.stringify(config, null, 2));
  const out = join(dir, 'tour.checked.json');
  const result = spawnSync(process.execPath, ['bin/waymark.mjs', 'validate', join(dir, 'tour.json'), '--out', out], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`waymark validate --out failed:\n${result.stdout}${result.stderr}`);
  return readFileSync(out, 'utf8');
}

// ---- the pages -----------------------------------------------------------------------------------
const SCRIPT_TAG = '/dist/cdn/waymark.js';
const STUB = `<script>window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)}</script>`;
const waymarkTag = (init = '', entry = SCRIPT_TAG) =>
  `${STUB}${init}<script type="module" src="/bench/waymark.js"></script><script type="module" src="${entry}" data-config="/bench/tour.checked.json" data-help-launcher="false"></script>`;
/** TOURS_BENCH_COMPARE=dist/before-cdn: a row `waymark-compare` loading another build's script-tag bundle (copied under the repo), for a before/after in one run. */
const COMPARE = process.env.TOURS_BENCH_COMPARE;
/** Several builds, comma-separated: rows `waymark-compare`, `waymark-compare-2`, … in that order. */
const COMPARED = (COMPARE ?? '').split(',').filter(Boolean).map((dir, i) => ({ dir, name: i === 0 ? 'waymark-compare' : `waymark-compare-${i + 1}` }));
for (const { dir } of COMPARED) if (!existsSync(join(root, dir, 'waymark.js'))) throw new Error(`TOURS_BENCH_COMPARE: no ${dir}/waymark.js under the repo (npm run build and npm run size clean dist/: copy it after them)`);

const LIBRARIES = [
  { name: 'waymark', adapter: './adapters/waymark-script-tag.js', scripts: waymarkTag() },
  { name: 'shepherd', adapter: './adapters/shepherd.js', module: 'shepherd.js', file: '/node_modules/shepherd.js/dist/js/shepherd.mjs', css: ['/node_modules/shepherd.js/dist/css/shepherd.css'] },
  { name: 'driver', adapter: './adapters/driver.js', module: 'driver.js', file: '/node_modules/driver.js/dist/driver.js.mjs', css: ['/node_modules/driver.js/dist/driver.css'] },
  { name: 'intro', adapter: './adapters/intro.js', module: 'intro.js', file: '/node_modules/intro.js/intro.module.js', css: ['/node_modules/intro.js/introjs.css'] },
];
/** The floor: a card kept beside its target by floating-ui alone (one bundled file, as a library would ship it). */
const FLOOR = { name: 'floating-ui', adapter: './adapters/floating-ui.js', module: '@floating-ui/dom', file: '/bench/lib/floating-ui.js' };
const DIAGNOSTIC = [
  // The renderer alone (no engine, no runtime), bundled from source: the UI's own share of each figure.
  { name: 'waymark-ui', adapter: './adapters/waymark.ts' },
  ...(diagnose
    ? [
        { name: 'waymark-memory', adapter: './adapters/waymark-script-tag.js', scripts: waymarkTag(`<script>waymark('init', { storage: { kind: 'memory' } })</script>`), harness: 'waymark' },
        // The method before: the runtime from source, every module of it in one inline script, memory storage.
        { name: 'waymark-src', adapter: './adapters/waymark-runtime.ts', inline: true },
        { name: 'waymark-nospot', adapter: './adapters/waymark-nospot.ts' },
      ]
    : []),
  ...COMPARED.map(({ dir, name }) => ({ name, adapter: './adapters/waymark-script-tag.js', scripts: waymarkTag('', `/${dir}/waymark.js`), harness: 'waymark' })),
];

async function bundle(contents, { minify = true, external = [] } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: toursDir, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    minify,
    write: false,
    external,
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
const harnessOf = (lib) =>
  bundle(`import { install } from './harness.ts';
import { createAdapter } from '${lib.adapter}';
install(createAdapter, ${JSON.stringify(STEPS)}, ${INNER_START_SCROLL});`, { external: lib.module ? [lib.module] : [] });

const pages = {};
async function addPage(lib) {
  const head = [
    lib.module ? `<script type="importmap">${JSON.stringify({ imports: { [lib.module]: lib.file } })}</script>` : '',
    ...(lib.css ?? []).map((href) => `<link rel="stylesheet" href="${href}">`),
  ].join('');
  const harness = await harnessOf(lib);
  let scripts;
  if (lib.inline) scripts = `<script type="module">${harness.replaceAll('</script', '<\\/script')}</script>`;
  else {
    pages[`/bench/${lib.harness ?? lib.name}.js`] ??= harness;
    // The library's own file first (the preload scanner finds it), then the page's code that drives it.
    scripts = lib.scripts ?? `${lib.module ? `<script type="module" src="${lib.file}"></script>` : ''}<script type="module" src="/bench/${lib.name}.js"></script>`;
  }
  pages[`/${lib.name}.html`] = benchPage({ head, scripts });
}

ensureBuild();
pages['/bench/tour.checked.json'] = checkedTourConfig();
pages[FLOOR.file] = await bundle(`export { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';`);
for (const lib of [...LIBRARIES, FLOOR, ...DIAGNOSTIC]) await addPage(lib);
pages['/bench/baseline.js'] = await bundle(`import { installBaseline } from './harness.ts'; installBaseline(${INNER_START_SCROLL});`);
pages['/baseline.html'] = benchPage({ scripts: `<script type="module" src="/bench/baseline.js"></script>` });

// ---- gzipped size of what each page loads ---------------------------------------------------------
const gz = (text) => gzipSync(text, { level: 9 }).length;
function gzippedSizes() {
  const sizes = {};
  const page = scriptTagPath();
  sizes.waymark = { js: page.total, css: 0, requests: page.requests, files: page.files.map((f) => f.file), unwanted: page.unwanted };
  for (const lib of LIBRARIES.slice(1)) {
    sizes[lib.name] = { js: gz(readFileSync(join(root, lib.file))), css: lib.css.reduce((sum, f) => sum + gz(readFileSync(join(root, f))), 0), requests: 1 };
  }
  sizes[FLOOR.name] = { js: gz(pages[FLOOR.file]), css: 0, requests: 1 };
  return sizes;
}

// ---- browser measurements -------------------------------------------------------------------------
const { server, origin } = await startServer(pages);
// TOURS_BENCH_JS_FLAGS: V8 flags for a diagnostic run (e.g. `--no-opt --no-maglev --no-sparkplug`: no tier-up).
const browser = await launch(process.env.TOURS_BENCH_JS_FLAGS ? [`--js-flags=--expose-gc ${process.env.TOURS_BENCH_JS_FLAGS}`] : []);
const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

async function openPage(name, query = '') {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1280, height: 1000 });
  const errors = [];
  const requests = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('request', (r) => requests.push(r.url().replace(origin, '')));
  tab.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url().replace(origin, '')}`));
  // Before the page loads: DevTools work while a library is getting ready would run on its main thread and count
  // as its time (the peers are ready before the load event, Waymark after it). `tourBench` exists by the load event
  // (module scripts run before it), so nothing polls for it.
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable');
  if (LATENCY_MS) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await tab.goto(`${origin}/${name}.html${query}`, { waitUntil: 'load' });
  return { context, tab, cdp, errors, requests };
}

/** Main-thread ms (all tasks) and style+layout ms spent while `work` runs. */
async function timed(cdp, work) {
  const before = await metrics(cdp);
  const value = await work();
  const after = await metrics(cdp);
  const delta = (key) => (after[key] - before[key]) * 1000;
  return { ms: delta('TaskDuration'), styleLayoutMs: delta('RecalcStyleDuration') + delta('LayoutDuration'), value };
}

/** With a step open: style+layout and main thread per frame while the container, then the window, scrolls; then idle. */
async function scrollFigures(tab, cdp) {
  const out = {};
  await tab.evaluate(() => window.tourBench.settle(30));
  const scrolled = await timed(cdp, () => tab.evaluate(() => window.tourBench.scroll(120)));
  out.scrollMsPerFrame = scrolled.ms / scrolled.value.frames;
  out.scrollStyleLayout = scrolled.styleLayoutMs / scrolled.value.frames;
  out.detached = scrolled.value.detached;
  out.maxDrift = scrolled.value.maxDrift;
  await tab.evaluate(() => window.tourBench.settle(10));
  const windowScrolled = await timed(cdp, () => tab.evaluate(() => window.tourBench.scrollWindow(120)));
  out.windowScrollMsPerFrame = windowScrolled.ms / windowScrolled.value.frames;
  out.windowStyleLayout = windowScrolled.styleLayoutMs / windowScrolled.value.frames;
  out.windowDetached = windowScrolled.value.detached;
  await tab.evaluate(() => window.tourBench.resetWindowScroll());
  await tab.evaluate(() => window.tourBench.settle(30));
  const idle = await timed(cdp, () => new Promise((r) => setTimeout(r, IDLE_MS)));
  out.idleMsPerFrame = idle.ms / (IDLE_MS / FRAME_MS);
  return out;
}

/** TOURS_BENCH_ONLY=scroll TOURS_BENCH_TRACE=1: a trace of one container scroll (TOURS_BENCH_TRACE_WINDOW=1: the window's), its style and layout passes summed. */
async function traceScroll(name) {
  const { context, tab } = await openPage(name);
  try {
    await tab.evaluate(() => window.tourBench.ready());
    await tab.evaluate(() => window.tourBench.start());
    await tab.evaluate(() => window.tourBench.settle(30));
    await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink_style', 'blink.debug'] });
    await tab.evaluate((inWindow) => (inWindow ? window.tourBench.scrollWindow(120) : window.tourBench.scroll(120)), Boolean(process.env.TOURS_BENCH_TRACE_WINDOW));
    const { traceEvents } = JSON.parse(Buffer.from(await tab.tracing.stop()).toString());
    const passes = new Map();
    for (const event of traceEvents) {
      if (event.ph !== 'X' || !['UpdateLayoutTree', 'Layout', 'RecalculateStyles'].includes(event.name)) continue;
      const stack = event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace;
      const by = stack?.[0] ? `forced by ${stack[0].functionName || '(anonymous)'}@${stack[0].url.replace(/.*\//, '')}:${stack[0].lineNumber}:${stack[0].columnNumber}` : 'in the frame';
      const key = `${event.name} ${by}`;
      const [count, ms, elements] = passes.get(key) ?? [0, 0, 0];
      passes.set(key, [count + 1, ms + event.dur / 1000, elements + (event.args?.elementCount ?? event.args?.beginData?.dirtyObjects ?? 0)]);
    }
    if (process.env.TOURS_BENCH_TRACE === 'all') {
      const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((x) => x.tid === e.tid && x.name === 'UpdateLayoutTree'))?.tid;
      const total = new Map();
      for (const e of traceEvents) if (e.tid === main && e.ph === 'X' && e.dur) total.set(e.name, (total.get(e.name) ?? [0, 0]).map((v, i) => v + (i ? e.dur / 1000 : 1)));
      console.log(`\n${name}: main thread events (count, ms): ${[...total].sort((a, b) => b[1][1] - a[1][1]).slice(0, 25).map(([k, [c, ms]]) => `${k} ${c} ${fmt(ms)}`).join(' | ')}`);
    }
    console.log(`\n${name}: style and layout passes over 120 scrolled frames (count, ms, elements or dirty objects):`);
    for (const [key, [count, ms, elements]] of [...passes].sort((a, b) => b[1][1] - a[1][1]).slice(0, 10)) console.log(`  ${key}: ${count}, ${fmt(ms)} ms, ${elements}`);
  } finally {
    await context.close();
  }
}

/** TOURS_BENCH_ONLY=scroll: only the scroll and idle figures, the first step opened cold after ready. */
async function scrollRound(name) {
  const { context, tab, cdp, errors } = await openPage(name);
  try {
    await tab.evaluate(() => window.tourBench.ready());
    if (name !== 'baseline') {
      // As in a full round: the steps walked through, then the first step again, warm.
      await tab.evaluate(() => window.tourBench.start());
      await tab.evaluate(() => window.tourBench.stepChanges());
      await tab.evaluate(() => window.tourBench.destroy());
      await tab.evaluate(() => window.tourBench.settle(5));
      await tab.evaluate(() => window.tourBench.start());
    }
    const out = await scrollFigures(tab, cdp);
    if (errors.length) out.errors = errors;
    return out;
  } finally {
    await context.close();
  }
}

async function round(name) {
  const { context, tab, cdp, errors, requests } = await openPage(name);
  try {
    const out = {};
    out.ready = await tab.evaluate(() => window.tourBench.ready());
    if (name !== 'baseline') {
      out.cold = await tab.evaluate(() => window.tourBench.start());
      out.steps = await tab.evaluate(() => window.tourBench.stepChanges());
      await tab.evaluate(() => window.tourBench.destroy());
      await tab.evaluate(() => window.tourBench.settle(5));
      out.warm = await tab.evaluate(() => window.tourBench.start());
    }
    Object.assign(out, await scrollFigures(tab, cdp));
    out.requests = [...requests];
    // The same page again in this browser context: a returning visit (Waymark's IndexedDB database exists by now).
    await tab.reload({ waitUntil: 'load' });
    out.returning = await tab.evaluate(() => window.tourBench.ready());
    if (errors.length) out.errors = errors;
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Where eval → ready goes on Waymark's page (`?breakdown`): ms from the start of module evaluation to each moment.
 * Negative: before evaluation began (a file fetched while the page was still being parsed). Then the same page
 * again in the same browser context: a returning visit, whose IndexedDB database already exists. Then once more
 * after deleting the database: files from the HTTP cache, the database created anew (`newDatabase`), where the
 * database, not the download, is the slow part.
 */
async function readyBreakdown(name = 'waymark') {
  const { context, tab } = await openPage(name, '?breakdown');
  const moments = () =>
    tab.evaluate(async () => {
      const { fromEval: ready, fromFiles } = await window.tourBench.ready();
      const t0 = window.benchEvalStart;
      const at = {};
      for (const entry of performance.getEntriesByType('resource')) {
        const path = new URL(entry.name).pathname;
        const key = path.endsWith('.json') ? 'config' : path.includes('/chunks/runtime-') ? 'runtime chunk' : path.includes('/chunks/ui-') ? 'ui chunk' : path.endsWith('/waymark.js') ? (path.startsWith('/bench/') ? 'bench harness' : 'entry') : path;
        at[`${key} requested`] = entry.startTime - t0;
        at[`${key} received`] = entry.responseEnd - t0;
      }
      const nav = performance.getEntriesByType('navigation')[0];
      at['page parsed'] = nav.domInteractive - t0;
      at['load event'] = nav.loadEventStart - t0;
      for (const paint of performance.getEntriesByType('paint')) at[paint.name] = paint.startTime - t0;
      for (const [key, value] of Object.entries(window.benchLoad ?? {})) at[key] = value - t0;
      // Marks a build under study may set (performance.mark), beside the page's own.
      for (const mark of performance.getEntriesByType('mark')) at[`mark ${mark.name}`] = mark.startTime - t0;
      at.ready = ready;
      return { at, fromFiles, ready: { fromEval: ready, fromFiles } };
    });
  try {
    const first = await moments();
    await tab.reload({ waitUntil: 'load' });
    const returning = await moments();
    await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const request = indexedDB.deleteDatabase('waymark');
          request.onsuccess = request.onerror = () => resolve();
        }),
    );
    await tab.reload({ waitUntil: 'load' });
    return { first, returning, newDatabase: await moments() };
  } finally {
    await context.close();
  }
}

/** eval → ready alone (a peer's page), first visit and then returning visit in the same browser context. */
async function readyOnly(name) {
  const { context, tab } = await openPage(name);
  try {
    const first = await tab.evaluate(() => window.tourBench.ready());
    await tab.reload({ waitUntil: 'load' });
    return { first, returning: await tab.evaluate(() => window.tourBench.ready()) };
  } finally {
    await context.close();
  }
}

/**
 * TOURS_BENCH_BREAKDOWN=trace: one traced first visit of a Waymark page: the main thread's tasks from the start of
 * evaluation to ready (ms from evaluation, duration, what ran: script by file, compile, style, layout, parsing…), so a
 * gap in the breakdown can be put down to what filled it.
 */
async function traceLoad(name) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1280, height: 1000 });
  try {
    if (LATENCY_MS) {
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
    await tab.goto(`${origin}/${name}.html?breakdown`, { waitUntil: 'load' });
    const { evalStart, ready, marks } = await tab.evaluate(async () => {
      const times = await window.tourBench.ready();
      return { evalStart: window.benchEvalStart, ready: window.benchEvalStart + times.fromEval, marks: window.benchLoad ?? {} };
    });
    const { traceEvents } = JSON.parse(Buffer.from(await tab.tracing.stop()).toString());
    const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((x) => x.tid === e.tid && x.pid === e.pid && x.name === 'EvaluateScript' || x.tid === e.tid && x.name === 'v8.evaluateModule'));
    const navigation = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === main.pid) ?? traceEvents.find((e) => e.name === 'navigationStart');
    const at = (ts) => (ts - navigation.ts) / 1000 - evalStart;
    const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
    const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').filter((e) => at(e.ts + e.dur) >= -1 && at(e.ts) <= ready - evalStart + 1);
    const label = (task) => {
      const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task);
      const by = new Map();
      for (const e of inside) {
        // What ran, not the scheduler's own wrappers.
        if (/RunTask|ThreadController|Scheduler|TaskQueue|ThreadPool/.test(e.name)) continue;
        const url = (e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.stackTrace?.[0]?.url ?? '').replace(origin, '').replace(/-[\w-]{8}\.js$/, '.js');
        const key = `${e.name}${url ? ` ${url}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}`;
        by.set(key, (by.get(key) ?? 0) + e.dur / 1000);
      }
      return [...by].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, ms]) => `${k} ${fmt(ms, 1)}`).join('; ');
    };
    console.log(`\n${name}: main-thread tasks ≥ 0.5 ms from evaluation (${fmt(0, 1)}) to ready (${fmt(ready - evalStart, 1)}); marks: ${Object.entries(marks).map(([k, v]) => `${k} ${fmt(v - evalStart, 1)}`).join(', ')}`);
    let busy = 0;
    for (const task of tasks) {
      busy += task.dur / 1000;
      if (task.dur >= 500) console.log(`  ${fmt(at(task.ts), 1).padStart(7)} +${fmt(task.dur / 1000, 1).padStart(5)}  ${label(task)}`);
    }
    console.log(`  main thread busy ${fmt(busy, 1)} ms of ${fmt(ready - evalStart, 1)}`);
  } finally {
    await context.close();
  }
}

/** eval → ready on Waymark's page, step by step (medians of the rounds), first visit and returning visit. */
function printBreakdown(breakdowns) {
  for (const visit of ['first', 'returning', 'newDatabase']) {
    const marks = breakdowns.map((b) => b[visit].at);
    const keys = [...new Set(marks.flatMap((b) => Object.keys(b)))].filter((k) => marks.every((b) => k in b));
    const at = Object.fromEntries(keys.map((k) => [k, median(marks.map((b) => b[k]))]));
    const fromFiles = median(breakdowns.map((b) => b[visit].fromFiles));
    console.log(`\nWaymark eval → ready, ${visit === 'newDatabase' ? 'cached files, new database' : `${visit} visit`}: ${fmt(fromFiles, 1)} ms from the last script file ready waits for; ms from the start of module evaluation (medians; negative = before it): ${Object.entries(at).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ')}`);
  }
}

/** CPU profile of Waymark's load up to ready, its cold start and its scrolling: where the time goes, by function and file. */
async function profileWaymark() {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1280, height: 1000 });
  const cdp = await tab.createCDPSession();
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${origin}/waymark.html`, { waitUntil: 'load' });
    await tab.evaluate(() => window.tourBench.ready());
    summarize('load → ready, waymark', (await cdp.send('Profiler.stop')).profile);
    await cdp.send('Profiler.start');
    await tab.evaluate(() => window.tourBench.start());
    summarize('cold start, waymark', (await cdp.send('Profiler.stop')).profile);
    await tab.evaluate(() => window.tourBench.settle(30));
    await cdp.send('Profiler.start');
    await tab.evaluate(() => window.tourBench.scroll(120));
    summarize('scrolling 120 frames, waymark', (await cdp.send('Profiler.stop')).profile);
  } finally {
    await context.close();
  }
}

function summarize(what, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const self = new Map();
  const byFile = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, lineNumber, columnNumber, url } = byId.get(id).callFrame;
    const file = url ? url.replace(origin, '').replace(/-[\w-]{8}\.js$/, '.js') : '(native)';
    const label = `${functionName || '(anonymous)'}@${file}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(label, (self.get(label) ?? 0) + (dt[i] ?? 0) / 1000);
    if (!/^\((idle|program)\)/.test(functionName)) byFile.set(file, (byFile.get(file) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // Native calls (layout, style, DOM queries) by the script function that made them.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nativeBy = new Map();
  profile.samples.forEach((id, i) => {
    const leaf = byId.get(id).callFrame;
    if (leaf.url || /^\(/.test(leaf.functionName)) return;
    let at = parent.get(id);
    while (at !== undefined && !byId.get(at).callFrame.url) at = parent.get(at);
    const caller = at === undefined ? '(none)' : byId.get(at).callFrame;
    const label = `${leaf.functionName} ← ${caller.functionName || '(anonymous)'}@${caller.url?.replace(origin, '').replace(/-[\w-]{8}\.js$/, '.js')}:${caller.lineNumber + 1}:${caller.columnNumber + 1}`;
    nativeBy.set(label, (nativeBy.get(label) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // Waymark's own samples by source module and function, through the build's source maps.
  const bySource = new Map();
  const byModule = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, lineNumber, columnNumber, url } = byId.get(id).callFrame;
    const at = url?.startsWith(`${origin}/dist/`) ? sourceOf(url.slice(origin.length), lineNumber, columnNumber) : null;
    if (!at) return;
    const label = `${at.source}${at.name ? ` ${at.name}` : functionName ? ` (${functionName})` : ''}:${at.line}`;
    bySource.set(label, (bySource.get(label) ?? 0) + (dt[i] ?? 0) / 1000);
    byModule.set(at.source, (byModule.get(at.source) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = (map, n) => [...map].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ');
  console.log(`\nprofile of ${what}, self ms by file: ${top(byFile, 8)}\n  by function: ${top(self, 12)}\n  native calls by caller: ${top(nativeBy, 6)}`);
  if (bySource.size) console.log(`  Waymark's by module: ${top(byModule, 16)}\n  Waymark's by function: ${top(bySource, 16)}`);
}

/** Where a position in a built file comes from (`/dist/…` path, 0-based line and column), by its source map. */
const sourceMaps = new Map();
function sourceOf(path, line, column) {
  if (!sourceMaps.has(path)) {
    const file = join(root, `${path}.map`);
    sourceMaps.set(path, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  const found = sourceMaps.get(path)?.originalPositionFor({ line: line + 1, column });
  return found?.source ? { source: found.source.replace(/^(\.\.\/)+/, ''), line: found.line, name: found.name } : null;
}

// ---- the report -------------------------------------------------------------------------------------
const sizes = gzippedSizes();
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
try {
  const names = [...LIBRARIES.map((l) => l.name), FLOOR.name, ...DIAGNOSTIC.map((l) => l.name), 'baseline'];
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  {
    const probe = await openPage('waymark');
    console.log(`page: ${await probe.tab.evaluate(() => window.tourBench.elements())} elements, viewport 1280×1000, ${ROUNDS} interleaved rounds; load average at start ${load()}`);
    await probe.context.close();
  }
  if (process.env.TOURS_BENCH_BREAKDOWN === 'trace') {
    for (const name of ['waymark', ...COMPARED.map((each) => each.name)]) await traceLoad(name);
    process.exit(0);
  }
  if (process.env.TOURS_BENCH_BREAKDOWN) {
    // Interleaved rounds: Waymark (and the build it is compared with) step by step, the peers' eval → ready beside them.
    const detailed = ['waymark', ...(diagnose ? ['waymark-memory'] : []), ...COMPARED.map((each) => each.name)];
    const peers = LIBRARIES.slice(1).map((l) => l.name);
    const breakdowns = Object.fromEntries(detailed.map((n) => [n, []]));
    const readies = Object.fromEntries(peers.map((n) => [n, []]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = [...detailed, ...peers];
      for (const name of order.map((_, i) => order[(i + r) % order.length])) {
        if (breakdowns[name]) breakdowns[name].push(await readyBreakdown(name));
        else readies[name].push(await readyOnly(name));
      }
    }
    if (COMPARED.length) console.log(`\ncompared: ${COMPARED.map(({ dir, name }) => `${name} = ${dir}`).join(', ')}`);
    console.log(`\neval → ready${LATENCY_MS ? `, every request ${LATENCY_MS} ms round trip` : ', loopback'}, medians of ${ROUNDS} rounds (first visit: ms from the last script file ready waits for | from the start of evaluation; returning visit: the same):`);
    const pair = (visits) => `${fmt(median(visits.map((x) => x.fromFiles)), 1)} | ${fmt(median(visits.map((x) => x.fromEval)), 1)}`;
    const row = (name, first, returning, newDatabase) =>
      console.log(`  ${name.padEnd(16)} first ${pair(first)}; returning ${pair(returning)}${newDatabase ? `; cached files, new database ${pair(newDatabase)}` : ''}`);
    for (const name of detailed) row(name, ...['first', 'returning', 'newDatabase'].map((visit) => breakdowns[name].map((b) => b[visit].ready)));
    for (const name of peers) row(name, readies[name].map((x) => x.first), readies[name].map((x) => x.returning));
    for (const name of detailed) {
      console.log(`\n${name}:`);
      printBreakdown(breakdowns[name]);
    }
    console.log(`load average at the end: ${load()}`);
    process.exit(0);
  }
  if (process.env.TOURS_BENCH_PROFILE) {
    for (let r = 0; r < 2; r++) await profileWaymark();
    process.exit(0);
  }
  if (process.env.TOURS_BENCH_LEAKS) {
    // Investigating heap growth: the windows one by one, what they added by type net of what they freed, whose code
    // was compiled, and the Long Animation Frames the browser kept (each with its longest scripts).
    const which = process.env.TOURS_BENCH_LEAKS === '1' ? ['waymark', 'waymark-ui'] : process.env.TOURS_BENCH_LEAKS.split(',');
    for (const name of which) {
      const r = await heapWindows(name, { attribute: true, saveTo: process.env.TOURS_BENCH_SNAPSHOTS });
      console.log(`\n${name}: ${HEAP_WINDOWS} windows of ${CYCLES} cycles after ${WARMUP_CYCLES}, ${fmt(r.msPerCycle, 1)} ms per cycle, ${r.gcs.min}–${r.gcs.max} GCs to settle`);
      console.log(`  JS heap per cycle: median ${fmt(r.js.median)} B (windows ${r.jsWindows.map((b) => fmt(b, 0)).join(', ')}; all windows together ${fmt(r.jsOverall)}); Blink heap: median ${fmt(r.blink.median)} (${r.blinkWindows.map((b) => fmt(b, 0)).join(', ')})`);
      console.log(`  by snapshot, net B/cycle: V8 compiled code and internals ${fmt(r.split.code)}, timing records ${fmt(r.split.timing)}, the page's own objects ${fmt(r.split.own)}; DOM nodes ${r.nodes}, listeners ${r.listeners} left`);
      console.log(`  net by type (count, bytes): ${r.byKey.map(([k, c, b]) => `${k} ${c} ${b}`).join(' | ')}`);
      const { totals, top } = r.code;
      console.log(`  code objects added, by their function: of functions that existed before the windows ${totals.existing[0]} (${totals.existing[1]} B), of functions created during them ${totals.created[0]} (${totals.created[1]} B), owner not found ${totals.unknown[0]} (${totals.unknown[1]} B); largest: ${top.map(([k, c, b]) => `${k} ${c} ${b}`).join(' | ')}`);
      const loafs = r.loafs ?? [];
      console.log(`  Long Animation Frames held: ${loafs.length}${loafs.length ? `; longest: ${loafs.sort((a, b) => b.duration - a.duration).slice(0, 5).map((l) => `${l.duration} ms (render ${l.render}, style+layout ${l.styleLayout}, ${l.scripts} scripts: ${l.longest.join('; ')})`).join(' || ')}` : ''}`);
      const { ms, profile } = await profileCycles(openPage, name, { warmup: 50, count: 100 });
      summarize(`100 start/destroy cycles (${fmt(ms, 1)} ms each), ${name}`, profile);
    }
    process.exit(0);
  }
  if (process.env.TOURS_BENCH_ONLY === 'scroll' && process.env.TOURS_BENCH_TRACE) {
    // Where the style and layout passes of a container scroll come from: each page's passes by kind, forced (read
    // by script, with the function that read) or in the frame.
    for (const name of names.filter((n) => n === 'waymark' || n === FLOOR.name || n === 'waymark-ui' || n === 'waymark-nospot' || n === 'waymark-compare')) await traceScroll(name);
    process.exit(0);
  }
  if (process.env.TOURS_BENCH_ONLY === 'scroll') {
    // Iterating on scroll cost: interleaved rounds of the scroll and idle figures alone (Waymark, the floor, the
    // diagnostic rows, the page alone), with ratios to the floor.
    const only = names.filter((n) => n === 'waymark' || !LIBRARIES.some((l) => l.name === n));
    for (let r = 0; r < ROUNDS; r++) {
      const order = only.map((_, i) => only[(i + r) % only.length]);
      for (const name of order) runs[name].push(await scrollRound(name));
    }
    const m = (name, key) => median(runs[name].map((x) => x[key]));
    for (const name of only) {
      const ratio = (key) => (name === 'baseline' ? '' : ` (${fmt(m(name, key) / m(FLOOR.name, key))}× floor)`);
      const range = (key) => `${fmt(Math.min(...runs[name].map((x) => x[key])))}–${fmt(Math.max(...runs[name].map((x) => x[key])))}`;
      console.log(`${name.padEnd(16)} container style+layout ${fmt(m(name, 'scrollStyleLayout'))} ms/frame${ratio('scrollStyleLayout')} [${range('scrollStyleLayout')}], main ${fmt(m(name, 'scrollMsPerFrame'))}; window ${fmt(m(name, 'windowStyleLayout'))}${ratio('windowStyleLayout')} [${range('windowStyleLayout')}], main ${fmt(m(name, 'windowScrollMsPerFrame'))}; detached ${m(name, 'detached')}/${m(name, 'windowDetached')}; idle ${fmt(m(name, 'idleMsPerFrame'), 3)} ms/frame`);
      const errs = runs[name].flatMap((x) => x.errors ?? []);
      if (errs.length) console.log(`  errors in ${name}: ${[...new Set(errs)].slice(0, 3).join(' | ')}`);
    }
    console.log(`load average at the end: ${load()}`);
    process.exit(0);
  }
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order each round so no library always goes first.
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) runs[name].push(await round(name));
  }
  const breakdowns = [];
  for (let r = 0; r < ROUNDS; r++) breakdowns.push(await readyBreakdown());

  // Heap: after a long warm-up, the median of several windows, split by heap snapshots into compiled code, the
  // browser's timing records (kept for any later observer, whoever runs) and the rest. Same method for every library.
  const measured = [...LIBRARIES, FLOOR].map((l) => l.name);
  const heap = { long: {} };
  for (const name of measured) heap.long[name] = await heapWindows(name, { attribute: true });

  const all = (n, key) => runs[n].map(key);
  const med = (key) => (n) => median(all(n, key));
  const stepsOf = (key) => (n) => median(runs[n].flatMap((x) => x.steps.map(key)));
  // [label, value per library, aim: [reference library, factor] or an absolute bound]
  const rows = [
    ['script evaluated → ready (ms)', med((x) => x.ready.fromFiles), ['driver', 2]],
    ['  … counting the wait for script files (ms)', med((x) => x.ready.fromEval)],
    ['  … returning visit (ms)', med((x) => x.returning.fromFiles), ['driver', 2]],
    ['start → first step shown, cold (ms)', med((x) => x.cold.shown), ['shepherd', 1]],
    ['start → first step shown, warm (ms)', med((x) => x.warm.shown), ['shepherd', 1]],
    ['  … placed, fade-in not counted, cold (ms)', med((x) => x.cold.placed)],
    ['  … placed, fade-in not counted, warm (ms)', med((x) => x.warm.placed)],
    ['next → step shown (ms)', stepsOf((t) => t.shown), ['driver', 1]],
    ['  … placed, fade-in not counted (ms)', stepsOf((t) => t.placed)],
    ['container scroll: style+layout per frame (ms)', med((x) => x.scrollStyleLayout), ['floating-ui', 1.1]],
    ['container scroll: main thread per frame (ms)', med((x) => x.scrollMsPerFrame)],
    ['container scroll: detached frames of 120', med((x) => x.detached)],
    ['window scroll: style+layout per frame (ms)', med((x) => x.windowStyleLayout), ['floating-ui', 1.1]],
    ['window scroll: main thread per frame (ms)', med((x) => x.windowScrollMsPerFrame)],
    ['window scroll: detached frames of 120', med((x) => x.windowDetached)],
    ['idle, step open: main thread per frame (ms)', med((x) => x.idleMsPerFrame)],
    [`JS heap per cycle after ${WARMUP_CYCLES}, ${HEAP_WINDOWS}×${CYCLES} (B)`, (n) => heap.long[n].js.median, 250],
    ['  … Blink heap per cycle, median (B)', (n) => heap.long[n].blink.median],
    ['  … snapshot: V8 compiled code, internals (B)', (n) => heap.long[n].split.code],
    ['  … snapshot: browser timing records (B)', (n) => heap.long[n].split.timing],
    ['  … snapshot: the page\'s own objects (B)', (n) => heap.long[n].split.own, 250],
    [`DOM nodes left after ${HEAP_WINDOWS * CYCLES} cycles`, (n) => heap.long[n].nodes],
    [`listeners left after ${HEAP_WINDOWS * CYCLES} cycles`, (n) => heap.long[n].listeners],
    ['JS loaded, gzip -9 (kB)', (n) => sizes[n].js / 1000],
    ['JS requests', (n) => sizes[n].requests],
    ['CSS loaded, gzip -9 (kB)', (n) => sizes[n].css / 1000],
  ];
  const pad = (s, w) => String(s).padStart(w);
  const cell = (v) => fmt(v, Number.isInteger(v) ? 0 : Math.abs(v) < 0.1 ? 3 : 2);
  console.log(`\nEvery library from files on one loopback server (module scripts; peers' npm ESM files through an import map; Waymark's script-tag bundle, a checked config, IndexedDB). Medians of ${ROUNDS} rounds.`);
  console.log(`${'figure'.padEnd(46)}${measured.map((n) => pad(n, 12)).join('')}${pad('aim', 18)}${pad('Waymark', 10)}`);
  for (const [label, value, aim] of rows) {
    const values = measured.map(value);
    let aimText = '';
    let verdict = '';
    if (Array.isArray(aim)) {
      const [reference, factor] = aim;
      const ratio = values[0] / value(reference);
      aimText = `≤ ${factor === 1 ? '' : `${factor}× `}${reference}`;
      verdict = `${fmt(ratio)}× ${ratio <= factor ? 'ok' : 'no'}`;
    } else if (typeof aim === 'number') {
      aimText = `≤ ${aim}`;
      verdict = values[0] <= aim ? 'ok' : 'no';
    }
    console.log(`${label.padEnd(46)}${values.map((v) => pad(cell(v), 12)).join('')}${pad(aimText, 18)}${pad(verdict, 10)}`);
  }
  // Noise: each library's spread over the rounds for the timed figures.
  console.log('\nspread over the rounds, min–max:');
  const spreads = [
    ['ready', (x) => [x.ready.fromFiles]],
    ['ready, returning visit', (x) => [x.returning.fromFiles]],
    ['cold', (x) => [x.cold.shown]],
    ['warm', (x) => [x.warm.shown]],
    ['next', (x) => x.steps.map((t) => t.shown)],
    ['container style+layout', (x) => [x.scrollStyleLayout]],
    ['window style+layout', (x) => [x.windowStyleLayout]],
  ];
  for (const [label, key] of spreads) {
    console.log(`  ${label.padEnd(24)}${measured.map((n) => { const xs = runs[n].flatMap(key); return `${n} ${cell(Math.min(...xs))}–${cell(Math.max(...xs))}`; }).join(', ')}`);
  }
  for (const { name } of DIAGNOSTIC) {
    const m = (k) => fmt(median(runs[name].map(k)));
    console.log(`diagnostic ${name}: ready ${m((x) => x.ready.fromFiles)} ms (${m((x) => x.ready.fromEval)} with the wait for files), first step cold ${m((x) => x.cold.shown)} ms, warm ${m((x) => x.warm.shown)} ms, next ${fmt(stepsOf((t) => t.shown)(name))} ms, container style+layout ${m((x) => x.scrollStyleLayout)} ms/frame, window ${m((x) => x.windowStyleLayout)} ms/frame, detached ${m((x) => x.detached)}/${m((x) => x.windowDetached)}`);
  }
  const base = runs.baseline;
  console.log(`baseline (page alone): container style+layout ${fmt(median(base.map((x) => x.scrollStyleLayout)))} ms/frame (main thread ${fmt(median(base.map((x) => x.scrollMsPerFrame)))}), window ${fmt(median(base.map((x) => x.windowStyleLayout)))}, idle ${fmt(median(base.map((x) => x.idleMsPerFrame)))} ms/frame`);
  console.log(`JS heap per cycle after ${WARMUP_CYCLES} warm-up cycles, median (min–max) of ${HEAP_WINDOWS} windows: ${measured.map((n) => `${n} ${fmt(heap.long[n].js.median, 0)} (${fmt(heap.long[n].js.min, 0)}–${fmt(heap.long[n].js.max, 0)})`).join('; ')}`);
  console.log(`Long Animation Frame entries the browser held after the heap pass: ${measured.map((n) => `${n} ${heap.long[n].loafs?.length ?? 'n/a'}`).join(', ')}`);

  printBreakdown(breakdowns);

  // The requests a Waymark page makes: exactly the entry and the chunks the size report counts, nothing else.
  const js = (list) => list.filter((url) => url.endsWith('.js') && !url.startsWith('/bench/'));
  const expected = sizes.waymark.files.map((f) => `/dist/cdn/${f}`).sort();
  const seen = [...new Set(runs.waymark.flatMap((x) => js(x.requests)))].sort();
  console.log(`\nrequests of a Waymark page (first round): ${runs.waymark[0].requests.join(' ')}`);
  const same = seen.length === expected.length && seen.every((u, i) => u === expected[i]);
  console.log(same ? `Waymark's JS requests, every round: ${seen.length} (${seen.join(', ')}), as npm run size counts` : `WARNING: Waymark's JS requests ${seen.join(', ')} differ from the size report's ${expected.join(', ')}`);
  if (sizes.waymark.unwanted.length) console.log(`WARNING: the one-tour page loads ${sizes.waymark.unwanted.join(', ')}`);
  for (const name of names) {
    const errs = [...runs[name].flatMap((x) => x.errors ?? []), ...Object.values(heap).flatMap((pass) => pass[name]?.errors ?? [])];
    if (errs.length) console.log(`errors in ${name}: ${[...new Set(errs)].slice(0, 3).join(' | ')}`);
  }
  console.log(`load average at the end: ${load()}`);
  if (process.env.TOURS_BENCH_JSON) console.log(JSON.stringify({ runs, heap, sizes, breakdowns }));
} finally {
  await browser.close();
  server.close();
}
