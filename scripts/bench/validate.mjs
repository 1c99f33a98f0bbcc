// Validating the demo config in a fresh page (cold: nothing compiled, ICU not loaded yet) and again
// (warm). Every page that loads Waymark pays the cold figure before anything can show.
// Then size scaling: rich-text bodies of 10 kB, 100 kB and 1 MB (ordinary and hostile text) parsed and
// validated, and a config of 4,900 articles (~20 MB): the figures must grow linearly with the size.
// Then condition trees: validation time per leaf must stay flat as the tree grows (valid trees, and trees whose every
// leaf is wrong), each in a fresh page (cold).
// Last, the demo config plus 4,900 articles (~20 MB) loaded the way the runtime loads it (`loadConfig`: by URL,
// then given inline), with the longest main-thread task seen meanwhile (aim: none over 50 ms).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { launch, median, fmt, root } from './_browser.mjs';

const bundle = await build({ entryPoints: [`${root}src/config/index.ts`], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning' });
const js = bundle.outputFiles[0].contents;
const loading = await build({ entryPoints: [`${root}src/runtime/config-loading.ts`], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning' });
const loadingJs = loading.outputFiles[0].contents;
const stepsBundle = await build({
  stdin: {
    contents: `export { parseJsonWithComments } from './src/config/jsonc.ts'; export { parseJsonWithCommentsInSteps } from './src/config/jsonc-steps.ts'; export { validateConfig, validateConfigInSteps } from './src/config/validate.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning',
});
const stepsJs = stepsBundle.outputFiles[0].contents;
const config = readFileSync(`${root}examples/waymark.config.json`);
const page = `<!doctype html><script type="module">
import { validateConfig } from '/config.js';
const input = await (await fetch('/waymark.config.json')).json();
const a = performance.now(); const { issues } = validateConfig(input); const b = performance.now(); validateConfig(input);
window.__result = { cold: b - a, warm: performance.now() - b, issues: issues.length };
</script>`;
// Sizes: generated in the page, so only the parse and validation are timed.
const sizesPage = `<!doctype html><script type="module">
import { validateConfig, parseRichText } from '/config.js';
const time = (run) => { const a = performance.now(); run(); return performance.now() - a; };
const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const texts = {
  prose: 'Open **Projects**, pick *one* and see [the guide](/help/projects) or \`code\`.\\n- a list item\\n\\n',
  'unclosed [': '[',
  '[a](': '[a](',
  'unclosed *': '*a **b ',
};
const rows = [];
for (const [name, unit] of Object.entries(texts)) {
  for (const size of [10_000, 100_000, 1_000_000]) {
    const body = fill(unit, size);
    const parse = time(() => parseRichText(body));
    const doc = { version: '1', experiences: [{ id: 'a', type: 'announcement', display: 'modal', title: 'x', body }] };
    const validate = time(() => validateConfig(doc));
    rows.push({ name, size, parse, validate });
  }
}
const article = (i) => ({ id: 'a' + i, title: 'Article ' + i, url: '/help/' + i, summary: 'About ' + i, tags: ['t' + (i % 20)],
  body: fill(texts.prose, 4_000) });
const articles = Array.from({ length: 4_900 }, (_, i) => article(i));
const bigDoc = { version: '1', experiences: [], articles };
const bytes = JSON.stringify(bigDoc).length;
let issues = 0;
const big = time(() => { issues = validateConfig(bigDoc).issues.length; });
window.__sizes = { rows, big, bytes, issues };
</script>`;

// The 20 MB document: the demo config plus 4,900 articles of 4,000 characters of rich text each.
const demo = JSON.parse(config);
const proseUnit = 'Open **Projects**, pick *one* and see [the guide](/help/projects) or `code`.\n- a list item\n\n';
const bigBody = proseUnit.repeat(Math.ceil(4_000 / proseUnit.length)).slice(0, 4_000);
const bigArticles = Array.from({ length: 4_900 }, (_, i) => ({ id: 'bulk' + i, title: 'Article ' + i, url: '/help/' + i, summary: 'About ' + i, tags: ['t' + (i % 20)], body: bigBody }));
const bigConfig = JSON.stringify({ ...demo, articles: [...(demo.articles ?? []), ...bigArticles] });
const loadPage = `<!doctype html><script type="module">
import { loadConfig } from '/loading.js';
const tasks = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask' });
const settle = () => new Promise((r) => setTimeout(r, 300));
const run = async (source) => {
  await settle();
  const from = performance.now();
  const errors = [];
  const { config, issues } = await loadConfig({ window, report: (e) => errors.push(e), ...source });
  const total = performance.now() - from;
  await settle();
  const mine = tasks.filter((t) => t.startTime + t.duration >= from).map((t) => t.duration);
  return { mine, total, longest: Math.max(0, ...mine), over50: mine.filter((d) => d > 50).length, issues: issues.length, errors: errors.length, articles: config.articles?.length ?? 0 };
};
const byUrl = await run({ configUrl: '/big.json' });
const inline = await (await fetch('/big.json')).json();
const given = await run({ config: inline });
window.__load = { byUrl, given };
</script>`;

// A binary tree of `all`/`any` levels, 2^depth leaves: valid pages, or numbers where a page belongs.
const treePage = (depth, valid) => `<!doctype html><script type="module">
import { validateConfig } from '/config.js';
const tree = (d, any) => (d === 0 ? { page: ${valid ? "'/a'" : '5'} } : { [any ? 'any' : 'all']: [tree(d - 1, !any), tree(d - 1, !any)] });
const doc = { version: '1', experiences: [{ id: 'h', type: 'hint', target: '#a', body: 'Tip', when: tree(${depth}, false) }] };
const a = performance.now(); const { issues } = validateConfig(doc); const ms = performance.now() - a;
window.__tree = { ms, issues: issues.length };
</script>`;

// The 20 MB text parsed and validated in one piece, then in steps (total and longest step), in the same page.
const stepsPage = `<!doctype html><script type="module">
import { parseJsonWithComments, parseJsonWithCommentsInSteps, validateConfig, validateConfigInSteps } from '/steps.js';
const text = await (await fetch('/big.json')).text();
const time = (run) => { const a = performance.now(); const value = run(); return { ms: performance.now() - a, value }; };
const drain = (steps) => { let longest = 0, count = 0, at = 0; const a = performance.now(); for (;;) { const b = performance.now(); const step = steps.next(); const d = performance.now() - b; if (d > longest) { longest = d; at = count; } count++; if (step.done) return { ms: performance.now() - a, longest, at, count, value: step.value }; } };
const parse = time(() => parseJsonWithComments(text));
const parseSteps = drain(parseJsonWithCommentsInSteps(text, parseJsonWithComments));
const validate = time(() => validateConfig(parse.value));
const validateSteps = drain(validateConfigInSteps(parseSteps.value));
const strip = ({ value, ...rest }) => rest;
window.__steps = { parse: strip(parse), parseSteps: strip(parseSteps), validate: strip(validate), validateSteps: strip(validateSteps), issues: validateSteps.value.issues.length };
</script>`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/sizes') return void res.writeHead(200, { 'content-type': 'text/html' }).end(sizesPage);
  if (path.startsWith('/tree-')) {
    const [, kind, depth] = path.split('-');
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(treePage(Number(depth), kind === 'valid'));
  }
  if (path === '/steps') return void res.writeHead(200, { 'content-type': 'text/html' }).end(stepsPage);
  if (path === '/steps.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(stepsJs);
  if (path === '/load') return void res.writeHead(200, { 'content-type': 'text/html' }).end(loadPage);
  if (path === '/loading.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(loadingJs);
  if (path === '/big.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(bigConfig);
  if (path === '/config.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  if (path === '/waymark.config.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(config);
  res.writeHead(200, { 'content-type': 'text/html' }).end(page);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launch();
try {
  const cold = [];
  const warm = [];
  for (let round = 0; round < 9; round++) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__result);
    const result = await tab.evaluate(() => window.__result);
    if (result.issues !== 0) throw new Error(`the demo config has ${result.issues} issues`);
    cold.push(result.cold);
    warm.push(result.warm);
    await context.close();
  }
  console.log(`validateConfig(demo config, ${(config.length / 1024).toFixed(0)} kB) in a fresh page, 9 rounds: cold median ${fmt(median(cold))} ms, warm median ${fmt(median(warm))} ms`);

  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/sizes`, { waitUntil: 'load', timeout: 600_000 });
  await tab.waitForFunction(() => window.__sizes, { timeout: 600_000 });
  const sizes = await tab.evaluate(() => window.__sizes);
  await context.close();
  console.log('rich text by size (one body; validation refuses strings over 100,000 characters, after parsing nothing):');
  for (const row of sizes.rows) {
    console.log(`  ${row.name.padEnd(11)} ${String(row.size / 1000).padStart(5)} kB: parseRichText ${fmt(row.parse).padStart(7)} ms, validateConfig ${fmt(row.validate).padStart(7)} ms`);
  }
  if (sizes.issues !== 0) throw new Error(`the 4,900-article config has ${sizes.issues} issues`);
  console.log(`validateConfig(4,900 articles, ${(sizes.bytes / 1e6).toFixed(1)} MB): ${fmt(sizes.big)} ms`);

  console.log('condition trees (validateConfig, cold page each):');
  for (const [kind, depths] of [['valid', [12, 14, 16]], ['invalid', [10, 12, 14]]]) {
    const cells = [];
    for (const depth of depths) {
      const treeContext = await browser.createBrowserContext();
      const treeTab = await treeContext.newPage();
      await treeTab.goto(`http://127.0.0.1:${server.address().port}/tree-${kind}-${depth}`, { waitUntil: 'load', timeout: 600_000 });
      await treeTab.waitForFunction(() => window.__tree, { timeout: 600_000 });
      const tree = await treeTab.evaluate(() => window.__tree);
      await treeContext.close();
      if ((kind === 'valid') !== (tree.issues === 0)) throw new Error(`tree ${kind} 2^${depth}: ${tree.issues} issues`);
      cells.push(`2^${depth} leaves ${fmt(tree.ms, 0).padStart(6)} ms (${fmt((tree.ms * 1000) / 2 ** depth, 1)} µs/leaf)`);
    }
    console.log(`  ${kind.padEnd(8)} ${cells.join(', ')}`);
  }

  const stepsContext = await browser.createBrowserContext();
  const stepsTab = await stepsContext.newPage();
  await stepsTab.goto(`http://127.0.0.1:${server.address().port}/steps`, { waitUntil: 'load', timeout: 600_000 });
  await stepsTab.waitForFunction(() => window.__steps, { timeout: 600_000 });
  const steps = await stepsTab.evaluate(() => window.__steps);
  await stepsContext.close();
  if (steps.issues !== 0) throw new Error(`the 20 MB config has ${steps.issues} issues`);
  console.log(`demo config + 4,900 articles (${(bigConfig.length / 1e6).toFixed(1)} MB), one piece vs in steps:`);
  console.log(`  parse     ${fmt(steps.parse.ms).padStart(8)} ms | steps ${fmt(steps.parseSteps.ms).padStart(8)} ms in ${steps.parseSteps.count} steps, longest ${fmt(steps.parseSteps.longest)} ms (step ${steps.parseSteps.at})`);
  console.log(`  validate  ${fmt(steps.validate.ms).padStart(8)} ms | steps ${fmt(steps.validateSteps.ms).padStart(8)} ms in ${steps.validateSteps.count} steps, longest ${fmt(steps.validateSteps.longest)} ms (step ${steps.validateSteps.at})`);

  const loadContext = await browser.createBrowserContext();
  const loadTab = await loadContext.newPage();
  await loadTab.goto(`http://127.0.0.1:${server.address().port}/load`, { waitUntil: 'load', timeout: 600_000 });
  await loadTab.waitForFunction(() => window.__load, { timeout: 600_000 });
  const load = await loadTab.evaluate(() => window.__load);
  await loadContext.close();
  console.log(`loadConfig(demo config + 4,900 articles, ${(bigConfig.length / 1e6).toFixed(1)} MB) in Chromium:`);
  for (const [name, row] of Object.entries({ 'by URL': load.byUrl, 'inline': load.given })) {
    if (row.issues !== 0 || row.errors !== 0 || row.articles !== 4_913) throw new Error(`loading ${name}: ${JSON.stringify(row)}`);
    if (process.env.WM_BENCH_TASKS) console.log(row.mine.map(Math.round).join(" "));
    console.log(`  ${name.padEnd(7)} ready after ${fmt(row.total).padStart(8)} ms, longest main-thread task ${fmt(row.longest).padStart(7)} ms, tasks over 50 ms: ${row.over50}`);
  }
} finally {
  await browser.close();
  server.close();
}
