import puppeteer from 'puppeteer-core';
import { serve } from './scripts/serve.mjs';
import fs from 'node:fs';
const demoConfig = JSON.parse(fs.readFileSync('/work/wt/walk/examples/waymark.config.json','utf8'));
const DAY=86400000; const isoDay=(ms)=>new Date(ms).toISOString().slice(0,10);
const demoConfigRunningToday=(now=Date.now())=>JSON.parse(JSON.stringify(demoConfig),(key,value)=>key==='date'&&value&&typeof value==='object'&&!Array.isArray(value)?{...value,from:isoDay(now-30*DAY),until:isoDay(now+30*DAY)}:value);
const root = process.env.ROOT || '/work/wt/walk/';
const server = await serve({ root, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const page = await (await browser.createBrowserContext()).newPage();
await page.setViewport({ width: 390, height: 844, hasTouch: true, isMobile: true });
const body = JSON.stringify(demoConfigRunningToday());
await page.setRequestInterception(true);
page.on('request', (r) => { if (new URL(r.url()).pathname === '/waymark.config.json') r.respond({status:200, contentType:'application/json', body}); else r.continue(); });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(origin + '/?demo-user=dana', { waitUntil: 'networkidle0' });
const dump = async (label) => {
  const s = await page.evaluate(() => {
    const out = [];
    for (const host of document.querySelectorAll('[data-waymark-ui]')) {
      for (const el of host.shadowRoot?.querySelectorAll(':popover-open, dialog[open]') ?? []) {
        const r = el.getBoundingClientRect();
        out.push(`${host.localName}[${host.dataset.experience ?? ''}] .${el.className} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)} :: ${(el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    out.push('focus: ' + (a ? a.localName + '.' + a.className + ' ' + (a.textContent ?? '').trim().slice(0, 30) : 'null'));
    out.push('path: ' + location.pathname);
    return out.join('\n');
  });
  console.log('==== ' + label + '\n' + s);
  await page.screenshot({ path: `/tmp/walkx/${label}.png` });
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await sleep(3000); await dump('01-start');
const tapText = async (host, text) => {
  const h = await page.evaluateHandle((host, text) => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    return [...(root?.querySelectorAll('button, a, [role=button]') ?? [])].find((b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text) ?? null;
  }, host, text);
  const el = h.asElement();
  if (!el) { console.log('NOT FOUND', host, text); return false; }
  await el.tap(); return true;
};
await tapText('wm-tour[data-waymark-ui]', 'Show me around'); await sleep(1000); await dump('02');
await tapText('wm-tour[data-waymark-ui]', 'Next'); await sleep(1500); await dump('03');
for (const [i, step] of (process.argv.slice(2)).entries()) {
  const [host, text] = step.split('|');
  if (host === 'sleep') { await sleep(Number(text)); continue; }
  if (host === 'css') { const e = await page.$(text); await e?.tap(); } else await tapText(host, text);
  await sleep(1200); await dump(`04-${i}`);
}
await browser.close(); server.close();
