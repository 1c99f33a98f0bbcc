// Screenshots of the help panel and nudge states, to look at (not assert on).
//   node src/ui/help/screenshots/screenshots.mjs [outDir]   (default /tmp/waymark-help-shots)
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = process.argv[2] ?? '/tmp/waymark-help-shots';
await mkdir(out, { recursive: true });
const bundle = await build({ entryPoints: [`${here}test-support.ts`], bundle: true, format: 'iife', write: false, tsconfig: `${here}../../../../tsconfig.json` });
const code = bundle.outputFiles[0].text;
const shots = ['help-suggestions', 'help-results-ru', 'help-reader', 'help-form-errors', 'help-rtl-results', 'help-dark-results', 'nudge-0', 'nudge-1', 'nudge-2', 'nudge-dark-2'];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const name of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 720 });
    await page.setContent('<!doctype html><html><head><style>body{margin:0;font:15px system-ui;background:#f6f8fa}</style></head><body><h1 style="margin:24px">Host app</h1></body></html>');
    page.on('console', (m) => m.type() === 'error' && console.error(name, m.text()));
    page.on('pageerror', (e) => console.error(name, e.message));
    await page.addScriptTag({ content: code });
    await page.evaluate((n) => window.wmFixture(n), name);
    await new Promise((r) => setTimeout(r, 400));
    const file = `${out}/${name}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
