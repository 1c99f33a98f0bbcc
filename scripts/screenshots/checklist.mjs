// Screenshots of <wm-checklist> states, to look at (not assert on).
//   node scripts/screenshots/checklist.mjs [outDir]   (default /tmp/waymark-checklist-shots)
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from '../setup.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = process.argv[2] ?? '/tmp/waymark-checklist-shots';
await mkdir(out, { recursive: true });
const bundle = await build({ entryPoints: [`${root}src/ui/checklist/test-support.ts`], bundle: true, format: 'iife', write: false, logLevel: 'error', tsconfig: `${root}tsconfig.json` });
const code = bundle.outputFiles[0].text;
const shots = [
  ['launcher', 800, 600], ['open', 800, 600], ['celebration', 800, 600], ['rtl-open', 800, 600], ['ru-open', 800, 600],
  ['dark-open', 800, 600], ['open', 360, 640], ['inline', 800, 600], ['inline-minimized', 800, 400],
];
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const [name, width, height] of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    const background = name.startsWith('dark') ? '#0d1117' : '#f6f8fa';
    await page.setContent(`<!doctype html><html><head><style>body{margin:0;padding:24px;font:15px system-ui;background:${background};color:#888}</style></head><body><h1>Host app</h1><p>Some page content.</p></body></html>`);
    page.on('console', (m) => m.type() === 'error' && console.error(name, m.text()));
    page.on('pageerror', (e) => console.error(name, e.message));
    await page.addScriptTag({ content: code });
    await page.evaluate((n) => window.wmChecklistFixture(n), name);
    // Let transitions finish (the celebration is caught mid-confetti on purpose).
    await new Promise((r) => setTimeout(r, name === 'celebration' ? 350 : 400));
    const file = `${out}/${name}-${width}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    if (name === 'launcher' || name === 'rtl-open') {
      // The ring up close: it must fill from the top in the reading direction.
      const clip = await page.evaluate(() => {
        const rect = document.querySelector('[data-experience]').shadowRoot.querySelector('.launcher').getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      });
      await page.setViewport({ width, height, deviceScaleFactor: 4 });
      await page.screenshot({ path: `${out}/${name}-launcher-x4.png`, clip });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
