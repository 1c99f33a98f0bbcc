// Screenshots of the tour, the nudge (every level), a hint (near the top and near the bottom) and the banner at 200 % and 400 % zoom, to look at
// (not assert on). Zoom is a smaller CSS viewport at a higher device scale, as the browser does it.
//   node tests/browser/a11y/screenshots.mjs [outDir]   (default /tmp/wm-a11y-shots)
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = process.argv[2] ?? '/tmp/wm-a11y-shots';
await mkdir(out, { recursive: true });
const bundle = await build({
  entryPoints: [`${here}screenshot-fixtures.ts`],
  bundle: true,
  format: 'iife',
  write: false,
  tsconfig: `${here}../../../tsconfig.json`,
});
const code = bundle.outputFiles[0].text;
const zooms = [['200', 640, 400, 2], ['400', 320, 256, 4]];
const surfaces = ['tour-centred', 'tour-anchored', 'nudge-1', 'nudge-2', 'nudge-3', 'hint', 'hint-low', 'banner'];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const [zoom, width, height, scale] of zooms) {
    for (const name of surfaces) {
      for (const dark of [false, true]) {
        const page = await browser.newPage();
        await page.setViewport({ width, height, deviceScaleFactor: scale });
        await page.setContent('<!doctype html><html><head><style>body{margin:0;font:15px system-ui}</style></head><body></body></html>');
        await page.addScriptTag({ content: code });
        page.on('console', (m) => m.type() === 'error' && console.error(name, m.text()));
        await page.evaluate((n, d) => window.wmRenderSurface(n, d), name, dark);
        await page.waitForFunction(() =>
          [...document.querySelectorAll('[data-waymark-ui]')].every((el) =>
            [...el.shadowRoot.querySelectorAll('.card')].some((p) => p.matches(':popover-open, :modal') && getComputedStyle(p).visibility === 'visible'),
          ), { timeout: 5000 });
        await new Promise((r) => setTimeout(r, 300));
        const file = `${out}/${name}${dark ? '-dark' : ''}-${zoom}.png`;
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
