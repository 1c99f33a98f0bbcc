// Screenshots of the layout fixtures, to look at (not assert on).
//   node tests/browser/layouts/screenshots.mjs [outDir]   (default /tmp/waymark-layout-shots)
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = process.argv[2] ?? '/tmp/waymark-layout-shots';
await mkdir(out, { recursive: true });
const bundle = await build({
  entryPoints: [`${here}screenshot-fixtures.ts`],
  bundle: true,
  format: 'iife',
  write: false,
  tsconfig: `${here}../../../tsconfig.json`,
});
const code = bundle.outputFiles[0].text;
const shots = [
  ['nested', 800, 600], ['fixed-header', 800, 600], ['sticky', 800, 600], ['transformed', 800, 600], ['rtl', 800, 400],
  ['narrow', 320, 640], ['zoom', 800, 600], ['hints-beacons', 800, 400], ['centered', 800, 600], ['centered', 800, 600, true],
  ['nested', 800, 600, true],
];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const [name, width, height, dark] of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    await page.setContent('<!doctype html><html><head><style>body{margin:0;font:15px system-ui}</style></head><body></body></html>');
    await page.addScriptTag({ content: code });
    page.on('console', (m) => m.type() === 'error' && console.error(name, m.text()));
    await page.evaluate((n, d) => window.wmRenderFixture(n, d), name, Boolean(dark));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-waymark-ui]')].every((el) =>
        [...el.shadowRoot.querySelectorAll('[popover], dialog')].some((p) => p.matches(':popover-open, :modal') && getComputedStyle(p).visibility === 'visible'),
      ), { timeout: 5000 });
    const file = `${out}/${name}${dark ? '-dark' : ''}-${width}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
