// `npm run size`: for the script-tag path and the npm path, the entry, the total JS a page with one tour
// loads (every file, gzip -9) and the number of JS requests; checked against size-budget.json.
// `--no-build` measures the existing dist; `--json` prints the figures as JSON.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { ensureDependencies } from './setup.mjs';
import { measure, root } from './size-measure.mjs';

ensureDependencies();
if (!process.argv.includes('--no-build') || !existsSync(join(root, 'dist/cdn/waymark.js')) || !existsSync(join(root, 'dist/lib/index.js'))) {
  execSync('npx rollup -c', { cwd: root, stdio: 'ignore' });
}
const figures = await measure();
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${'path'.padEnd(12)}${'entry'.padStart(10)}${'one-tour page'.padStart(16)}${'requests'.padStart(10)}   budget (entry / page / requests)`);
  for (const [name, label] of [['scriptTag', 'script tag'], ['npm', 'npm']]) {
    const f = figures[name];
    const b = budget[name];
    console.log(`${label.padEnd(12)}${kb(f.entry).padStart(10)}${kb(f.total).padStart(16)}${String(f.requests).padStart(10)}   ${kb(b.entry)} / ${kb(b.page)} / ${b.requests}`);
    for (const { file, gzip } of f.files.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${file.padEnd(40)}${kb(gzip).padStart(10)}`);
    if (f.unwanted.length) console.log(`    loads what a tour page should not: ${f.unwanted.join(', ')}`);
  }
}
let over = 0;
for (const name of ['scriptTag', 'npm']) {
  const f = figures[name];
  const b = budget[name];
  for (const [what, value, limit] of [['entry', f.entry, b.entry], ['page', f.total, b.page], ['requests', f.requests, b.requests]]) {
    if (value > limit) {
      over++;
      console.error(`over budget: ${name} ${what} ${value} > ${limit}`);
    }
  }
}
process.exit(over > 0 ? 1 : 0);
