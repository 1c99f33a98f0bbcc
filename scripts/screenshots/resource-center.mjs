// Screenshots of <wm-resource-center> (open, with every part) to look at, not assert on:
// 1280×800 and 390×844, in English, Russian and Arabic, light (and English dark).
//   node scripts/screenshots/resource-center.mjs [outDir]   (default /tmp/waymark-resource-center-shots)
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from '../setup.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = process.argv[2] ?? '/tmp/waymark-resource-center-shots';
await mkdir(out, { recursive: true });
const bundle = await build({ entryPoints: [`${root}src/ui/resource-center/test-support.ts`], bundle: true, format: 'iife', write: false, logLevel: 'error', tsconfig: `${root}tsconfig.json` });
const code = bundle.outputFiles[0].text;
const shots = [
  ['en', 1280, 800], ['ru', 1280, 800], ['ar', 1280, 800], ['en-dark', 1280, 800],
  ['en', 390, 844], ['ru', 390, 844], ['ar', 390, 844],
];
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const [name, width, height] of shots) {
    const [locale, mode] = name.split('-');
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    const background = mode === 'dark' ? '#0d1117' : '#f6f8fa';
    await page.setContent(`<!doctype html><html lang="${locale}"><head><style>body{margin:0;padding:24px;font:15px system-ui;background:${background};color:#888}</style></head><body><h1>Host app</h1><p>Some page content.</p></body></html>`);
    page.on('console', (m) => m.type() === 'error' && console.error(name, m.text()));
    page.on('pageerror', (e) => console.error(name, e.message));
    await page.addScriptTag({ content: code });
    await page.evaluate((l, dark) => window.wmResourceCenterFixture(l, dark), locale, mode === 'dark');
    await new Promise((r) => setTimeout(r, 400));
    const file = `${out}/${name}-${width}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
