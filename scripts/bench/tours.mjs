// Tours: Waymark against shepherd.js, driver.js and intro.js in headless Chromium, on one ~8,500-element
// page, in one run, 7 interleaved rounds (medians):
//  - start() → first step shown (cold: first tour on a fresh page; warm: the second one);
//  - time per step change;
//  - main-thread ms per frame while a nested scroll container scrolls with a step open, and on how
//    many of 120 frames the card drifted from its target;
//  - main-thread ms per frame while nothing moves (step open);
//  - DOM nodes and listeners left after 200 start/destroy cycles (CDP, after GC);
//  - gzipped JS (and CSS) of each library's tours path.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startServer, launch, median, fmt, root } from './_browser.mjs';
import { STEPS, INNER_START_SCROLL, benchPage } from './tours/page.mjs';

const ROUNDS = 7;
const CYCLES = 200;
const IDLE_MS = 2000;
const FRAME_MS = 1000 / 60;
const toursDir = new URL('./tours/', import.meta.url).pathname;

const LIBRARIES = [
  { name: 'waymark', adapter: './adapters/waymark.ts', css: [] },
  { name: 'shepherd', adapter: './adapters/shepherd.js', css: ['node_modules/shepherd.js/dist/css/shepherd.css'] },
  { name: 'driver', adapter: './adapters/driver.js', css: ['node_modules/driver.js/dist/driver.css'] },
  { name: 'intro', adapter: './adapters/intro.js', css: ['node_modules/intro.js/introjs.css'] },
];

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: toursDir, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const readCss = (files) => files.map((f) => readFileSync(`${root}${f}`, 'utf8')).join('\n');
const pages = {};
for (const lib of LIBRARIES) {
  const script = await bundle(`import { install } from './harness.ts';
import { createAdapter } from '${lib.adapter}';
install(createAdapter, ${JSON.stringify(STEPS)}, ${INNER_START_SCROLL});`);
  pages[`/${lib.name}.html`] = benchPage({ head: lib.css.length ? `<style>${readCss(lib.css)}</style>` : '', script });
}
pages['/baseline.html'] = benchPage({ script: await bundle(`import { installBaseline } from './harness.ts'; installBaseline(${INNER_START_SCROLL});`) });

// ---- gzipped size of each tours path ------------------------------------------------------------
async function gzippedSizes() {
  const gz = (text) => gzipSync(text, { level: 9 }).length;
  const sizes = {};
  // Waymark: the renderer entry plus the lazily loaded tour chunk and what both import statically.
  const split = await build({
    entryPoints: { renderer: `${root}src/ui/index.ts` },
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
  const byPath = new Map(split.outputFiles.map((f) => [f.path.slice(f.path.indexOf('/tmp/') + 1), f.text]));
  const key = (p) => p.replace(/^\/?/, '');
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint?.endsWith('src/ui/index.ts'));
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
  for (const p of wanted) {
    const text = byPath.get(key(p)) ?? split.outputFiles.find((f) => f.path.endsWith(p.split('/').pop())).text;
    waymarkJs += gz(text);
  }
  sizes.waymark = { js: waymarkJs, css: 0, chunks: wanted.size };
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
    await tab.evaluate(() => window.tourBench.settle(30));
    const idle = await taskMs(cdp, () => new Promise((r) => setTimeout(r, IDLE_MS)));
    out.idleMsPerFrame = idle.ms / (IDLE_MS / FRAME_MS);
    if (errors.length) out.errors = errors;
    return out;
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
      return cdp.send('Memory.getDOMCounters');
    };
    await tab.evaluate(() => window.tourBench.cycles(1)); // definitions, stylesheets, caches
    const before = await counters();
    await tab.evaluate((n) => window.tourBench.cycles(n), CYCLES);
    const after = await counters();
    return { nodes: after.nodes - before.nodes, listeners: after.jsEventListeners - before.jsEventListeners, documents: after.documents - before.documents, errors };
  } finally {
    await context.close();
  }
}

try {
  const names = [...LIBRARIES.map((l) => l.name), 'baseline'];
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  {
    const probe = await openPage('waymark');
    console.log(`page: ${await probe.tab.evaluate(() => window.tourBench.elements())} elements, viewport 1280×1000, ${ROUNDS} interleaved rounds`);
    await probe.context.close();
  }
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order each round so no library always goes first.
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) runs[name].push(await round(name));
  }
  const leaked = {};
  for (const lib of LIBRARIES) leaked[lib.name] = await leaks(lib.name);
  const sizes = await gzippedSizes();

  const rows = [
    ['start → first step, cold (ms)', (n) => median(runs[n].map((x) => x.cold)), 'low'],
    ['start → first step, warm (ms)', (n) => median(runs[n].map((x) => x.warm)), 'low'],
    ['step change (ms)', (n) => median(runs[n].flatMap((x) => x.steps)), 'low'],
    ['scrolling: main thread per frame (ms)', (n) => median(runs[n].map((x) => x.scrollMsPerFrame)), 'low'],
    ['scrolling: detached frames of 120', (n) => median(runs[n].map((x) => x.detached)), 'low'],
    ['scrolling: max drift (px)', (n) => median(runs[n].map((x) => x.maxDrift)), 'low'],
    ['idle, step open: main thread per frame (ms)', (n) => median(runs[n].map((x) => x.idleMsPerFrame)), 'low'],
    [`DOM nodes left after ${CYCLES} cycles`, (n) => leaked[n].nodes, 'low'],
    [`listeners left after ${CYCLES} cycles`, (n) => leaked[n].listeners, 'low'],
    ['gzipped JS (kB)', (n) => sizes[n].js / 1000, 'low'],
    ['gzipped CSS (kB)', (n) => sizes[n].css / 1000, 'low'],
  ];
  const libs = LIBRARIES.map((l) => l.name);
  const pad = (s, w) => String(s).padStart(w);
  console.log(`\n${'figure'.padEnd(44)}${libs.map((n) => pad(n, 10)).join('')}${pad('Waymark/best', 14)}`);
  for (const [label, value] of rows) {
    const values = libs.map(value);
    const best = Math.min(...values.slice(1));
    const ratio = best === 0 ? (values[0] === 0 ? '1.00 (=)' : '∞') : fmt(values[0] / best);
    console.log(`${label.padEnd(44)}${values.map((v) => pad(fmt(v, Number.isInteger(v) ? 0 : 2), 10)).join('')}${pad(ratio, 14)}`);
  }
  const base = runs.baseline;
  console.log(`\nbaseline (page alone): scrolling ${fmt(median(base.map((x) => x.scrollMsPerFrame)))} ms/frame, idle ${fmt(median(base.map((x) => x.idleMsPerFrame)))} ms/frame`);
  console.log(`step changes per run: ${STEPS.length - 1}; Waymark tours path = ${sizes.waymark.chunks} chunks (renderer + tour), CSS inside the JS`);
  for (const name of names) {
    const errs = [...runs[name].flatMap((x) => x.errors ?? []), ...(leaked[name]?.errors ?? [])];
    if (errs.length) console.log(`errors in ${name}: ${[...new Set(errs)].slice(0, 3).join(' | ')}`);
  }
  if (process.env.TOURS_BENCH_JSON) console.log(JSON.stringify({ runs, leaked, sizes }));
} finally {
  await browser.close();
  server.close();
}
