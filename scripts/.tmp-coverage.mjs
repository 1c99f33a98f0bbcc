// Temporary: per-module bytes never executed on a one-tour script-tag page. Deleted after use.
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SourceMapConsumer } from 'source-map-js';
import { startServer, launch, root } from './bench/_browser.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cov-'));
const config = { version: '1', experiences: [{ id: 't', type: 'tour', when: { event: 'never-sent' }, spotlight: true,
  steps: [1, 2, 3].map((n) => ({ target: `#s${n}`, title: `Step ${n}`, body: `Body **${n}**`, placement: 'right' })) }] };
writeFileSync(join(dir, 'tour.json'), JSON.stringify(config));
const out = join(dir, 'tour.checked.json');
const r = spawnSync(process.execPath, ['bin/waymark.mjs', 'validate', join(dir, 'tour.json'), '--out', out], { cwd: root, encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stdout + r.stderr);
const STUB = `<script>window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)}</script>`;
const pages = {
  '/tour.checked.json': readFileSync(out, 'utf8'),
  '/tour.html': `<!doctype html><html><body><main><button id="s1">One</button><p style="margin:200px" id="s2">Two</p><div id="s3">Three</div></main>${STUB}<script>waymark('on','error',e=>console.error('wm',e.where,e.message))</script><script type="module" src="/dist/cdn/waymark.js" data-config="/tour.checked.json" data-help-launcher="false"></script></body></html>`,
};
const { server, origin } = await startServer(pages);
const browser = await launch();
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e));
const requested = []; page.on('request', (r) => requested.push(r.url().split('/').pop()));
await page.coverage.startJSCoverage({ resetOnNavigation: false, includeRawScriptCoverage: false });
await page.goto(`${origin}/tour.html`, { waitUntil: 'load' });
await new Promise((r) => setTimeout(r, 1500));

await page.evaluate(async () => { await window.waymark('start', 't'); });

await new Promise((r) => setTimeout(r, 800));
for (let i = 0; i < 3; i++) {
  await page.evaluate(() => window.waymark('next'));
  await new Promise((r) => setTimeout(r, 400));
}
await new Promise((r) => setTimeout(r, 500));
const cov = await page.coverage.stopJSCoverage();
const modes = {};
for (const entry of cov) {
  if (!entry.url.includes('/dist/cdn/')) continue;
  const rel = entry.url.split('/dist/cdn/')[1];
  const text = entry.text;
  const used = new Uint8Array(text.length);
  for (const range of entry.ranges) used.fill(1, range.start, range.end);
  const map = JSON.parse(readFileSync(join(root, 'dist/cdn', rel + '.map'), 'utf8'));
  const consumer = new SourceMapConsumer(map);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const ms = [];
  consumer.eachMapping((m) => ms.push(m));
  ms.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const per = new Map();
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i], n = ms[i + 1];
    const start = lineStarts[m.generatedLine - 1] + m.generatedColumn;
    const lineEnd = m.generatedLine < lineStarts.length ? lineStarts[m.generatedLine] - 1 : text.length;
    const end = n && n.generatedLine === m.generatedLine ? lineStarts[n.generatedLine - 1] + n.generatedColumn : lineEnd;
    const src = (m.source ?? '?').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'nm/');
    const rec = per.get(src) ?? { total: 0, unused: 0 };
    for (let k = start; k < end; k++) { rec.total++; if (!used[k]) rec.unused++; }
    per.set(src, rec);
  }
  const totals = [...per.values()].reduce((a, b) => ({ total: a.total + b.total, unused: a.unused + b.unused }), { total: 0, unused: 0 });
  console.log(`\n${rel}: ${totals.total} mapped bytes, ${totals.unused} never run (${(100 * totals.unused / totals.total).toFixed(0)}%)`);
  for (const [src, rec] of [...per].sort((a, b) => b[1].unused - a[1].unused)) if (rec.unused > 150) console.log(`${String(rec.unused).padStart(7)} / ${String(rec.total).padStart(6)}  ${src}`);
}
console.log('state:', await page.evaluate(async () => JSON.stringify((await window.waymark('why','t')).reason)));
console.log('requests:', requested.join(' '));
await browser.close();
server.close();
