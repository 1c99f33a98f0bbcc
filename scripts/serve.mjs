// A tiny static server for the demo app: examples/ at /, the built SDK at /dist/.
// Paths without a file extension fall back to the app's index.html (client-side routes).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.map': 'application/json', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

export function serve({ root, port = 5173, host = '127.0.0.1', headers = {} } = {}) {
  const mounts = [['/dist/', join(root, 'dist')], ['/', join(root, 'examples')]];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      if (extname(path)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      // A client-side route: serve the nearest app shell.
      const app = path.split('/').filter(Boolean)[0];
      file = join(dir, app && (await exists(join(dir, app, 'index.html'))) ? join(app, 'index.html') : 'index.html');
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // A taken port rejects (error.code 'EADDRINUSE') instead of crashing the process with a raw stack.
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Serves on `port`, or on the next free one when it is taken (up to `attempts` ports on).
 * Resolves `{ server, port }` with the port actually used.
 */
export async function serveOnFreePort({ port = 5173, attempts = 20, ...options } = {}) {
  for (let candidate = port; candidate < port + attempts; candidate++) {
    try {
      const server = await serve({ ...options, port: candidate });
      return { server, port: server.address().port };
    } catch (error) {
      if (error?.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`ports ${port}–${port + attempts - 1} are all in use: set PORT to a free one`);
}

async function exists(file) {
  try { await stat(file); return true; } catch { return false; }
}
