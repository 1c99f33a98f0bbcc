import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import { serve } from './scripts/serve.mjs';
const demoConfig = JSON.parse(fs.readFileSync('examples/waymark.config.json','utf8'));
const DAY=86400000; const isoDay=(ms)=>new Date(ms).toISOString().slice(0,10);
const body = JSON.stringify(JSON.parse(JSON.stringify(demoConfig),(k,v)=>k==='date'&&v&&typeof v==='object'&&!Array.isArray(v)?{...v,from:isoDay(Date.now()-30*DAY),until:isoDay(Date.now()+30*DAY)}:v));
const server = await serve({ root: process.cwd() + '/', port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const [w,h] of [[390,844],[1280,800]]) for (const path of ['/', '/projects', '/integrations']) {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport({ width: w, height: h, isMobile: w < 500, hasTouch: w < 500 });
  await page.setRequestInterception(true);
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/waymark.config.json') r.respond({status:200, contentType:'application/json', body}); else r.continue(); });
  await page.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime), sources: e.sources.map((s) => s.node ? (s.node.localName || s.node.nodeName) + '.' + (s.node.className?.baseVal ?? s.node.className ?? '') : '?') }); }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(origin + path + '?demo-user=dana', { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 4000));
  const shifts = await page.evaluate(() => window.__shifts);
  const banner = await page.evaluate(() => { const c = document.querySelector('wm-announcement')?.shadowRoot?.querySelector('.card'); const r = c?.getBoundingClientRect(); return r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null; });
  console.log(`${w}x${h} ${path}: CLS ${shifts.reduce((a, s) => a + s.value, 0).toFixed(4)} banner ${JSON.stringify(banner)} ${JSON.stringify(shifts)}`);
  await page.browserContext().close();
}
await browser.close(); server.close();
