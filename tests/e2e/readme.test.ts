/**
 * The README runs as written: its TypeScript blocks are bundled (importing `waymark` as an app
 * would, from the built package) and run in Chromium; its HTML blocks run with the script tag's CDN
 * URL answered from the built package's files and its JSON config served as `/onboarding.json`.
 * Every CDN address the README and the guide give maps to a file the package ships. A block preceded
 * by `<!-- readme-test: skip (why) -->` is a sketch, not a program.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { build } from 'esbuild';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { freshPage, root, serveRepo } from './harness.js';

interface Block {
  lang: string;
  code: string;
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const match of markdown.matchAll(/(<!-- readme-test: skip[^>]*-->\n)?```(\w+)\n([\s\S]*?)\n```/g)) {
    if (match[1]) continue;
    blocks.push({ lang: match[2]!, code: match[3]!, line: markdown.slice(0, match.index).split('\n').length + 1 });
  }
  return blocks;
}

const README = readFileSync(`${root}README.md`, 'utf8');
const GUIDE = readFileSync(`${root}docs/guide.md`, 'utf8');
const blocks = codeBlocks(README);
const tsBlocks = blocks.filter((b) => b.lang === 'ts');
const htmlBlocks = blocks.filter((b) => b.lang === 'html');
const configBlock = blocks.find((b) => b.lang === 'json' && b.code.includes('"experiences"'));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const [major, minor] = pkg.version.split('.');

/** `https://cdn.jsdelivr.net/npm/waymark@0.1/dist/…` and `https://unpkg.com/waymark@0.1/dist/…`: [url, version, path]. */
const CDN_URL = /https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/waymark@([\d.]+)\/([\w./-]+)/g;

const served = serveRepo(['dist/cdn/waymark.js', 'dist/lib/index.js']);

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.txt': 'text/plain', '.map': 'application/json' };

/**
 * A page whose requests are answered from `routes` (path → body) and whose CDN requests are answered
 * from the built package, collecting every problem it reports (errors, Waymark's warnings, failed requests).
 */
async function openPage(routes: Record<string, string>, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await freshPage(served);
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('console', (m) => {
    if (m.text().startsWith('Lit is in dev mode')) return;
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    const cdn = [...request.url().matchAll(CDN_URL)][0];
    if (cdn) {
      const file = `${root}${cdn[2]}`;
      if (!existsSync(file)) return void request.respond({ status: 404, body: 'not in the package' });
      return void request.respond({
        status: 200,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(file),
      });
    }
    const body = url.origin === served.origin ? routes[url.pathname] : undefined;
    if (body !== undefined) return void request.respond({ status: 200, contentType: TYPES[extname(url.pathname)] ?? 'text/html', body });
    if (url.pathname === '/favicon.ico') return void request.respond({ status: 204, body: '' });
    void request.continue();
  });
  await page.goto(served.origin + path, { waitUntil: 'networkidle0' });
  return { page, problems };
}

const dialog = (name: string) => `::-p-aria([name="${name}"][role="dialog"])`;
/** What the quick start's config points at: the page the README says the app has. */
const APP_BODY = '<main><h1>Acme</h1><button data-waymark="new-project">New project</button><button id="save">Save</button></main>';

describe('the README', () => {
  it('has the blocks this test runs', () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(2);
    expect(htmlBlocks.length).toBeGreaterThanOrEqual(2);
    expect(configBlock).toBeDefined();
  });

  it.each(tsBlocks.map((b) => [b.line, b] as const))('runs its TypeScript block at line %i in Chromium as written', async (_line, block) => {
    const bundle = await build({
      stdin: { contents: block.code, resolveDir: root, loader: 'ts', sourcefile: `README.md:${block.line}.ts` },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const routes = {
      '/readme.html': `<!doctype html><html lang="en"><head><title>README</title></head><body>${APP_BODY}<script type="module" src="/readme.js"></script></body></html>`,
      '/readme.js': bundle.outputFiles[0]!.text,
    };
    const { page, problems } = await openPage(routes, '/readme.html');
    if (block.code.includes('Welcome to Acme')) await page.waitForSelector(dialog('Welcome to Acme'), { visible: true });
    // Waymark has loaded the config and the user's state (its first UI chunk or its ready state).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(problems).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('runs its script tag from the CDN address it gives, with its config and its declarative HTML', async () => {
    const routes = {
      '/readme.html': `<!doctype html><html lang="en"><head><title>README</title></head><body>${APP_BODY}${htmlBlocks.map((b) => b.code).join('\n')}</body></html>`,
      '/onboarding.json': configBlock!.code,
    };
    const { page, problems } = await openPage(routes, '/readme.html');
    await page.waitForSelector(dialog('Welcome to Acme'), { visible: true });
    // The declarative tour was compiled into the same config: Waymark can explain it.
    const why = await page.evaluate(async () => {
      const api = (window as unknown as { waymark: { instance: { ready: Promise<void>; why(id: string): unknown } } }).waymark;
      await api.instance.ready;
      return api.instance.why('invite-tour');
    });
    expect(why).not.toBeNull();
    expect(problems).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('gives a config that validates', () => {
    const { issues } = validateConfig(JSON.parse(configBlock!.code));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('gives CDN addresses (script tag, $schema) that exist in the package, at its own major.minor version', () => {
    const urls = [...`${README}\n${GUIDE}`.matchAll(CDN_URL)];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const [url, version, path] of urls) {
      expect(version, url).toBe(`${major}.${minor}`);
      expect(pkg.files.some((dir: string) => path!.startsWith(`${dir}/`)), `${url} is not in package.json "files"`).toBe(true);
      expect(existsSync(`${root}${path}`), `${url}: ${path} is not built`).toBe(true);
    }
  });
});
