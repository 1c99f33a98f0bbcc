// Validating the demo config in a fresh page (cold: nothing compiled, ICU not loaded yet) and again
// (warm). Every page that loads Waymark pays the cold figure before anything can show.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { launch, median, fmt, root } from './_browser.mjs';

const bundle = await build({ entryPoints: [`${root}src/config/index.ts`], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning' });
const js = bundle.outputFiles[0].contents;
const config = readFileSync(`${root}examples/waymark.config.json`);
const page = `<!doctype html><script type="module">
import { validateConfig } from '/config.js';
const input = await (await fetch('/waymark.config.json')).json();
const a = performance.now(); const { issues } = validateConfig(input); const b = performance.now(); validateConfig(input);
window.__result = { cold: b - a, warm: performance.now() - b, issues: issues.length };
</script>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
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
} finally {
  await browser.close();
  server.close();
}
