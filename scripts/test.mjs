// `npm test`: set up, typecheck, build, package checks (publint, attw), unit and end-to-end tests
// (vitest), browser tests (web-test-runner in Debian's chromium), then one plain closing line:
// `N passed, N failed, N skipped`. A browser-test file's console is shown only when it fails
// (WM_TEST_LOGS=1 shows every one, Waymark's debug dumps included).
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureDependencies, ensureChromium, root } from './setup.mjs';

ensureDependencies();
const chromium = ensureChromium();
const work = mkdtempSync(join(tmpdir(), 'waymark-test-'));
const total = { passed: 0, failed: 0, skipped: 0 };
const step = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } }).status;

console.log('\n[waymark] typecheck');
for (const project of ['tsconfig.json', 'tsconfig.engine.json']) {
  if (step('npx', ['tsc', '-p', project, '--noEmit']) === 0) total.passed++;
  else total.failed++;
}

// The demo end-to-end tests run the built script-tag bundle, and a broken build must fail CI.
console.log('\n[waymark] build');
// The build's own chatter only when it fails.
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
if (build.status === 0) {
  total.passed++;
  console.log('  ok  npm run build');
} else {
  total.failed++;
  console.log(`  FAIL  npm run build\n${build.stdout}${build.stderr}`);
}

// The package as npm would publish it: exports, types and files resolve (ESM only, on purpose).
console.log('\n[waymark] package checks (publint, arethetypeswrong)');
for (const [name, args] of [
  ['publint --strict', ['publint', '--strict']],
  ['attw --pack --profile esm-only', ['attw', '--pack', '--profile', 'esm-only']],
]) {
  const result = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  if (result.status === 0) {
    total.passed++;
    console.log(`  ok  ${name}`);
  } else {
    total.failed++;
    console.log(`  FAIL  ${name}\n${result.stdout}${result.stderr}`);
  }
}

console.log('\n[waymark] unit and end-to-end tests (vitest)');
const vitestJson = join(work, 'vitest.json');
const vitestStatus = step('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
  // A file that fails to load has no tests but fails its suite.
  total.failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  total.failed++;
}
if (vitestStatus !== 0 && total.failed === 0) total.failed++;

console.log('\n[waymark] browser tests (web-test-runner, chromium)');
const wtrJson = join(work, 'wtr.json');
const wtrStatus = step('npx', ['wtr'], { CHROME_PATH: chromium, WM_WTR_COUNTS: wtrJson, CI: 'true' });
let wtrCounts = null;
try {
  wtrCounts = JSON.parse(readFileSync(wtrJson, 'utf8'));
  total.passed += wtrCounts.passed;
  total.failed += wtrCounts.failed;
  total.skipped += wtrCounts.skipped;
} catch {
  total.failed++;
}
if (wtrStatus !== 0 && wtrCounts && wtrCounts.failed === 0) total.failed++;

rmSync(work, { recursive: true, force: true });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
