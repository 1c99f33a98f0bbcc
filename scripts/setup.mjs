// Shared set-up for `npm start` and `npm test`: everything a fresh machine needs.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const root = new URL('..', import.meta.url).pathname;

export function run(cmd, opts = {}) {
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

/** Install npm dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  if (existsSync(`${root}node_modules/.package-lock.json`)) return;
  console.log('[waymark] installing dependencies…');
  run(existsSync(`${root}package-lock.json`) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

/** Browser tests use Debian's chromium, never a downloaded browser. */
export function ensureChromium() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.log('[waymark] installing chromium (Debian package)…');
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  run(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(path)) throw new Error(`chromium not found at ${path} after install`);
  return path;
}
