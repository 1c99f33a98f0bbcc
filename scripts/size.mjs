// `npm run size`: gzipped size (level 9) of what a page loads, per entry and per lazy chunk.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { ensureDependencies, root } from './setup.mjs';

ensureDependencies();
if (!process.argv.includes('--no-build') || !existsSync(join(root, 'dist/cdn/waymark.js'))) execSync('npm run build', { cwd: root, stdio: 'ignore' });
const dir = join(root, 'dist/cdn');
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.js')) files.push(p);
  }
};
walk(dir);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
let total = 0;
console.log('file'.padEnd(48), 'min'.padStart(10), 'min+gz'.padStart(10));
for (const file of files.sort()) {
  const code = readFileSync(file);
  const gz = gzipSync(code, { level: 9 }).length;
  total += gz;
  console.log(file.slice(dir.length + 1).padEnd(48), kb(code.length).padStart(10), kb(gz).padStart(10));
}
console.log('all chunks'.padEnd(48), ''.padStart(10), kb(total).padStart(10));
