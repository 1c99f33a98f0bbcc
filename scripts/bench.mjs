// `npm run bench`: run every benchmark in scripts/bench/ in turn (each prints its own table).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureDependencies, root } from './setup.mjs';

ensureDependencies();
const only = process.argv.slice(2);
const benches = readdirSync(new URL('./bench/', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync(process.execPath, [`scripts/bench/${file}`], { stdio: 'inherit', cwd: root });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
