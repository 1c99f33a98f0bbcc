// Shared by browser benchmarks: a loopback server for dist/ and generated pages, and Debian's chromium.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from '../setup.mjs';

export const root = new URL('../..', import.meta.url).pathname;

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
/** A generated resource's type from its path; pages without an extension are HTML. */
const typeOf = (path) => TYPES[extname(path)] ?? 'text/html; charset=utf-8';

/** Serve repo files (read-only) plus generated resources: `pages['/x.html'] = '<html>…'`, `pages['/x.js'] = 'export …'`. */
export async function startServer(pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': typeOf(path), 'cache-control': 'no-store' });
      return void res.end(pages[path]);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Debian's chromium, headless; `extraArgs` e.g. to turn a web platform feature off for one pass. */
export async function launch(extraArgs = []) {
  return puppeteer.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--js-flags=--expose-gc', ...extraArgs],
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
