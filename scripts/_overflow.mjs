// Screenshots of every experience of the demo, on the built script-tag bundle, to look at (not
// assert on): 1280×800 and 390×844, in English, Russian and Arabic (config text falls back to
// English there, marked with its own language). Run `npm run build` first.
//   node scripts/screenshots/journey.mjs [outDir] [--only name,name]   (default /tmp/waymark-journey-shots)
//
// Each shot starts a fresh browser context (its own storage) on a demo page and brings the
// experience up through the public API (`start`, `openHelp`, `next`), as the debug tools do.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from './setup.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const out = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--only') ?? '/tmp/waymark-journey-shots';
await mkdir(out, { recursive: true });

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
// Dated experiences (the region banner) run today, as in the end-to-end tests.
const config = JSON.parse(await readFile(`${root}examples/waymark.config.json`, 'utf8'), (key, value) =>
  key === 'date' && value && typeof value === 'object' && !Array.isArray(value) ? { ...value, from: isoDay(Date.now() - 30 * DAY), until: isoDay(Date.now() + 30 * DAY) } : value,
);
const body = JSON.stringify(config);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const wm = (page, fn, ...rest) => page.evaluate(fn, ...rest);
/** Press a button by its text inside a Waymark element's shadow tree (through nested roots). */
const press = (page, host, pattern) =>
  page.evaluate(
    (host, source) => {
      const all = (root) => [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? all(element.shadowRoot) : [])]);
      const roots = [...document.querySelectorAll(host)].map((element) => element.shadowRoot ?? element);
      const match = new RegExp(source, 'i');
      const button = roots.flatMap(all).find((element) => element.matches('button, a[href]') && match.test(element.textContent.trim()) && element.checkVisibility());
      button?.click();
      return Boolean(button);
    },
    host,
    pattern.source,
  );

/** Operators on duty (`open`) or not: Waymark's clock moved by the demo's init options. */
const IN_HOURS = 'in';
const OFF_HOURS = 'off';

/** name → [path, demo user, action on the page, hours] */
const SHOTS = {
  'tour-1': ['/', 'dana', async (page) => waitFor(page, 'wm-tour')],
  'tour-2': ['/', 'dana', async (page) => (await waitFor(page, 'wm-tour'), wm(page, () => window.waymark.instance.next()))],
  'tour-3': ['/', 'dana', async (page) => (await waitFor(page, 'wm-tour'), await wm(page, () => window.waymark.instance.goTo('projects-link')))],
  // Steps 4 and 5 live on /projects: step 3's Next follows its link there, as the user's would.
  'tour-4': ['/', 'dana', async (page) => nextTimes(page, 3)],
  'tour-5': ['/', 'dana', async (page) => nextTimes(page, 4)],
  hint: ['/integrations/api-keys', 'marius', async (page) => {
    await page.click('[data-waymark="api-key-create-button"]');
    await sleep(300);
    await page.focus('[data-waymark="api-key-scope"]');
  }],
  beacon: ['/integrations', 'marius', async (page) => wm(page, () => window.waymark.instance.start('slack-beacon'))],
  checklist: ['/projects', 'dana', async (page) => {
    await page.evaluate(() => document.querySelector('wm-resource-center')?.show());
  }],
  banner: ['/projects', 'dana', async () => {}],
  modal: ['/settings', 'olga', async (page) => wm(page, () => window.waymark.instance.start('insights-launch'))],
  nps: ['/settings', 'olga', async (page) => wm(page, () => window.waymark.instance.start('nps-after-setup'))],
  csat: ['/settings', 'olga', async (page) => wm(page, () => {
    const instance = window.waymark.instance;
    instance.addExperience({ id: 'csat-support', type: 'survey', kind: 'csat', question: { en: 'How satisfied are you with our support?', ru: 'Насколько вы довольны поддержкой?' } });
    return instance.start('csat-support');
  })],
  'nudge-1': ['/integrations', 'dana', async (page) => wm(page, () => window.waymark.instance.start('integrations-struggle'))],
  'nudge-2': ['/integrations', 'dana', async (page) => (await wm(page, () => window.waymark.instance.start('integrations-struggle')), await sleep(600), press(page, 'wm-nudge', /Still stuck|Всё ещё|ما زلت|لا تزال/))],
  'nudge-3': ['/integrations', 'dana', async (page) => {
    await wm(page, () => window.waymark.instance.start('integrations-struggle'));
    await sleep(600);
    await press(page, 'wm-nudge', /Still stuck|Всё ещё|ما زلت|لا تزال/);
    await sleep(600);
    await press(page, 'wm-nudge', /Still stuck|Всё ещё|ما زلت|لا تزال/);
  }],
  'help-home': ['/projects', 'dana', async (page) => wm(page, () => window.waymark.instance.openHelp())],
  'help-article': ['/projects', 'dana', async (page) => {
    await wm(page, () => window.waymark.instance.openHelp());
    await sleep(500);
    await page.evaluate(() => document.querySelector('wm-help')?.shadowRoot?.querySelector('[part~="article"] button, .articles button, li button')?.click());
  }],
  'help-contact': ['/projects', 'dana', async (page) => wm(page, () => window.waymark.instance.openChat('My deploy is stuck')), IN_HOURS],
  'help-message-form': ['/projects', 'dana', async (page) => wm(page, () => window.waymark.instance.openChat('My deploy is stuck')), OFF_HOURS],
  'resource-center': ['/', 'marius', async (page) => page.evaluate(() => document.querySelector('wm-resource-center')?.show())],
};

/** The welcome tour, moved on `count` times with its own Next button. */
async function nextTimes(page, count) {
  await waitFor(page, 'wm-tour');
  for (let step = 0; step < count; step++) {
    await press(page, 'wm-tour', /^(Show me around|Next|Показать|Далее|التالي)$/);
    await sleep(1500);
  }
}

async function waitFor(page, host) {
  for (let i = 0; i < 50; i++) {
    if (await page.evaluate((host) => Boolean(document.querySelector(host)?.shadowRoot?.querySelector(':popover-open, dialog[open]')), host)) return;
    await sleep(100);
  }
}

/** The nearest time from now when the operators are (or are not) on duty: Vilnius 12:00 or 03:00 on a weekday. */
function clockOffset(hours) {
  if (!hours) return 0;
  const now = Date.now();
  for (let h = 1; h < 24 * 8; h++) {
    const at = new Date(now + h * 3_600_000);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vilnius', hour: 'numeric', weekday: 'short', hourCycle: 'h23' }).formatToParts(at);
    const hour = Number(local.find((p) => p.type === 'hour').value);
    const day = local.find((p) => p.type === 'weekday').value;
    if (['Sat', 'Sun'].includes(day) || ['12-24', '12-25', '12-26', '01-01'].includes(at.toISOString().slice(5, 10))) continue;
    if ((hours === IN_HOURS && hour === 12) || (hours === OFF_HOURS && hour === 3)) return h * 3_600_000;
  }
  return 0;
}

const server = await serve({ root, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const locale of ['en', 'ru', 'ar']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      for (const [name, [path, user, act, hours]] of Object.entries(SHOTS)) {
        if (only && !only.includes(name)) continue;
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width, height, isMobile: width < 500, hasTouch: width < 500 });
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (new URL(request.url()).pathname === '/waymark.config.json') void request.respond({ status: 200, contentType: 'application/json', body });
          else void request.continue();
        });
        page.on('pageerror', (error) => console.error(`${name} ${locale} ${width}:`, error.message));
        page.on('console', (message) => message.type() === 'error' && console.error(`${name} ${locale} ${width}:`, message.text()));
        // The demo's init gets the locale and the clock (the stub's queue, wrapped before the app queues its call).
        await page.evaluateOnNewDocument((locale, offset) => {
          // The language as the demo's settings save it, so the app lays itself out for it (right to left for Arabic).
          localStorage.setItem('acme-demo:v1:prefs', JSON.stringify({ ...JSON.parse(localStorage.getItem('acme-demo:v1:prefs') ?? '{}'), locale }));
          let current;
          Object.defineProperty(window, 'waymark', {
            configurable: true,
            get: () => current,
            set(value) {
              if (typeof value === 'function' && !value.version) {
                const stub = value;
                current = function (...call) {
                  if (call[0] === 'init') call[1] = { ...call[1], locale, ...(offset ? { clock: () => Date.now() + offset } : {}) };
                  return stub.apply(this, call);
                };
              } else current = value;
            },
          });
        }, locale, clockOffset(hours));
        await page.goto(`${origin}${path}${path.includes('?') ? '&' : '?'}demo-user=${user}`, { waitUntil: 'networkidle0' });
        await page.evaluate(() => window.waymark?.instance?.ready);
        await sleep(400);
        try {
          await act(page);
        } catch (error) {
          console.error(`${name} ${locale} ${width}: ${error.message}`);
        }
        await sleep(900);
        const sizes = await page.evaluate(() => {
          const root = document.scrollingElement;
          const withUs = [root.scrollWidth, root.scrollHeight];
          const hosts = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('wm-'));
          const saved = hosts.map((e) => e.style.display);
          hosts.forEach((e) => (e.style.display = 'none'));
          const without = [root.scrollWidth, root.scrollHeight];
          hosts.forEach((e, i) => (e.style.display = saved[i]));
          return { withUs, without, client: [root.clientWidth, root.clientHeight] };
        });
        const grew = sizes.withUs[0] !== sizes.without[0] || sizes.withUs[1] !== sizes.without[1];
        console.log(`${grew ? 'GREW ' : 'ok   '}${name} ${locale} ${width}: with ${sizes.withUs} without ${sizes.without} client ${sizes.client}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
