// Screenshots of the demo app, and a loud check that it runs cleanly.
//
//   node scripts/screenshot.mjs [path ...] [--width 1280] [--width 375 | --width 1280,375]
//                               [--height 800] [--out .screenshots] [--viewport-only] [--smoke]
//                               [--root <dir>] [--dark] [--axe]
//
// Starts the static server from scripts/serve.mjs on a free port, opens each path in Debian's
// chromium (puppeteer-core), waits for network idle and writes `<out>/<path-slug>-<width>.png`.
// Every console error, uncaught page error, CSP violation, failed or 4xx/5xx same-origin request,
// empty page and horizontal overflow is printed, and the process exits 1 if there was any.
// `--smoke` also drives the app like a user (routing, forms, events sent to Waymark) and fails on
// the first broken expectation. Paths may carry a query, e.g. `/billing?demo-user=olga`.
// `--axe` also runs axe-core (WCAG 2.x A/AA rules) on each page and counts every violation.
// `--dark` emulates prefers-color-scheme: dark (the app's default theme follows it).
// `--root` serves another tree laid out like the repo (`examples/`, `dist/`), e.g. a fresh SDK build.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './serve.mjs';
import { ensureChromium, root } from './setup.mjs';

const ROUTES = ['/', '/projects', '/projects/prj-checkout?demo-user=marius', '/integrations', '/integrations/api-keys', '/billing?demo-user=olga', '/team?demo-user=olga', '/settings', '/no-such-page'];
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const options = { paths: [], widths: [], height: 800, out: '.screenshots', fullPage: true, smoke: false, root, dark: false, axe: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--width') options.widths.push(...value().split(',').map(Number));
    else if (arg === '--height') options.height = Number(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--viewport-only') options.fullPage = false;
    else if (arg === '--smoke') options.smoke = true;
    else if (arg === '--root') options.root = resolve(value());
    else if (arg === '--dark') options.dark = true;
    else if (arg === '--axe') options.axe = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/screenshot.mjs [path ...] [--width 1280[,375]] [--height 800] [--out .screenshots] [--viewport-only] [--smoke] [--root dir] [--dark] [--axe]');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.paths.push(arg.startsWith('/') ? arg : `/${arg}`);
  }
  if (options.widths.length === 0) options.widths = [1280];
  if (options.widths.some((width) => !Number.isInteger(width) || width < 200)) throw new Error('--width must be whole pixels ≥ 200');
  if (options.paths.length === 0) options.paths = ROUTES;
  return options;
}

const slug = (path) => path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';

/**
 * A page wired to collect every kind of problem. `problems` is filled as they happen.
 * `stubSdk`: serve an empty module instead of the SDK, so calls stay in `waymark.q` for inspection.
 */
async function openPage(browser, origin, { width, height, stubSdk = false, dark = false }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await page.exposeFunction('__reportCsp', (violation) => problems.push(`CSP violation: ${violation}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile || location.pathname}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'assert') {
      const where = message.location()?.url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
      problems.push(`console.${message.type()}: ${message.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  if (stubSdk) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/dist/cdn/waymark.js') {
        void request.respond({ status: 200, contentType: 'text/javascript', body: '// SDK stubbed out by screenshot --smoke\n' });
      } else void request.continue();
    });
  }
  return { page, problems, close: () => context.close() };
}

/** What every rendered page must satisfy, whatever its route. */
async function pageHealth(page) {
  return page.evaluate(() => {
    const issues = [];
    const h1 = document.querySelector('main h1');
    if (!h1 || !h1.textContent.trim()) issues.push('the page rendered no <h1> inside <main>');
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest('.table-scroll, .sidebar, .demo-controls__panel'))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`);
      issues.push(`page is ${overflow}px wider than the viewport (${wide.join(', ') || 'unknown element'})`);
    }
    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const named = control.labels?.length || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      if (!named) issues.push(`unlabelled control ${control.name || control.id || control.tagName}`);
    }
    return { issues, title: document.title, h1: h1?.textContent.trim() };
  });
}

/** axe-core, evaluated through the DevTools protocol (the page's CSP would block a script tag). */
async function axeViolations(page) {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `axe ${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
  });
}

async function screenshots(browser, origin, options) {
  const out = resolve(root, options.out);
  await mkdir(out, { recursive: true });
  let failures = 0;
  for (const width of options.widths) {
    for (const path of options.paths) {
      const { page, problems, close } = await openPage(browser, origin, { width, height: options.height, dark: options.dark });
      const file = join(out, `${slug(path)}-${width}${options.dark ? '-dark' : ''}.png`);
      try {
        await page.goto(origin + path, { waitUntil: 'networkidle0', timeout: 30_000 });
        await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
        const health = await pageHealth(page);
        problems.push(...health.issues);
        if (options.axe) problems.push(...(await axeViolations(page)));
        await page.screenshot({ path: file, fullPage: options.fullPage });
        const status = problems.length ? `✗ ${problems.length} problem(s)` : '✓';
        console.log(`${status} ${String(width).padStart(4)}px ${path} → ${file} [${health.h1}]`);
      } catch (error) {
        problems.push(`could not capture: ${error.message}`);
        console.log(`✗ ${String(width).padStart(4)}px ${path}`);
      }
      for (const problem of problems) console.log(`    ${problem}`);
      failures += problems.length;
      await close();
    }
  }
  return failures;
}

// ---- smoke: drive the app like a user --------------------------------------------------------

async function smoke(browser, origin, width) {
  const results = [];
  const check = (name, ok, detail = '') => {
    results.push({ name, ok });
    console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  };
  const { page, problems, close } = await openPage(browser, origin, { width, height: 900, stubSdk: true });
  const text = (selector) => page.$eval(selector, (element) => element.textContent.trim()).catch(() => null);
  const path = () => page.evaluate(() => location.pathname);
  const queue = () => page.evaluate(() => (window.waymark?.q ?? []).map((call) => JSON.parse(JSON.stringify(Array.from(call)))));
  const queued = async (method, name) => (await queue()).filter(([m, n]) => m === method && (name === undefined || n === name));
  const activeIsH1 = () => page.evaluate(() => document.activeElement?.matches('main h1') ?? false);
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

  try {
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    const [init] = await queue();
    check('the app queues waymark("init") with the demo user before the SDK loads', init?.[0] === 'init' && typeof init?.[1]?.user?.id === 'string' && typeof init[1].user.traits?.signedUpAt === 'string');
    check('the dashboard renders', (await text('main h1'))?.startsWith('Good') ?? false);

    await page.click('[data-waymark="sidebar-projects"]');
    await settle();
    check('a sidebar link routes without a reload', (await path()) === '/projects' && (await text('main h1')) === 'Projects' && (await page.evaluate(() => performance.getEntriesByType('navigation').length === 1 && !!document.querySelector('[data-waymark="sidebar-projects"][aria-current="page"]'))));
    check('focus moves to the new page heading', await activeIsH1());

    await page.click('[data-waymark="new-project-button"]');
    await page.click('[data-waymark="create-project-submit"]');
    const invalid = await page.$eval('[data-waymark="project-name-input"]', (input) => ({
      invalid: input.getAttribute('aria-invalid'),
      focused: document.activeElement === input,
      message: document.getElementById(input.dataset.errorId)?.textContent,
      describedBy: input.getAttribute('aria-describedby') ?? '',
      errorId: input.dataset.errorId,
    }));
    check('an empty project form marks the name invalid, describes and focuses it', invalid.invalid === 'true' && invalid.focused && !!invalid.message && invalid.describedBy.includes(invalid.errorId), JSON.stringify(invalid));
    check('the region select is marked invalid too', (await page.$eval('[data-waymark="project-region-select"]', (el) => el.getAttribute('aria-invalid'))) === 'true');
    await page.type('[data-waymark="project-name-input"]', 'Bad Name');
    check('typing clears the error', (await page.$eval('[data-waymark="project-name-input"]', (el) => el.getAttribute('aria-invalid'))) === null);
    await page.click('[data-waymark="create-project-submit"]');
    check('a name with spaces and capitals is rejected', (await page.$eval('[data-waymark="project-name-input"]', (el) => el.getAttribute('aria-invalid'))) === 'true');
    await page.$eval('[data-waymark="project-name-input"]', (el) => { el.value = ''; });
    await page.type('[data-waymark="project-name-input"]', 'smoke-test');
    await page.select('[data-waymark="project-region-select"]', 'eu-north-1');
    await page.click('[data-waymark="create-project-submit"]');
    await settle();
    const detailPath = await path();
    check('creating a project opens its page', /^\/projects\/prj-[a-z0-9]+$/.test(detailPath) && (await text('main h1')) === 'smoke-test', detailPath);
    const created = await queued('track', 'project_created');
    check('project_created is tracked with its properties', created.length === 1 && created[0][2]?.region === 'eu-north-1' && created[0][2]?.projectCount === 1, JSON.stringify(created));

    await page.goBack();
    await settle();
    check('Back returns to the list, which shows the new project', (await path()) === '/projects' && (await page.$$eval('[data-waymark="project-list"] tbody tr', (rows) => rows.length)) === 1);
    await page.goForward();
    await settle();
    check('Forward returns to the project', (await path()) === detailPath && (await text('main h1')) === 'smoke-test');
    await page.reload({ waitUntil: 'networkidle0' });
    check('reloading a client-side route renders it (server fallback + saved state)', (await text('main h1')) === 'smoke-test');

    await page.goto(`${origin}/integrations/api-keys`, { waitUntil: 'networkidle0' });
    await page.click('[data-waymark="api-key-create-button"]');
    await page.click('[data-waymark="api-key-submit"]');
    check('an empty API key form is invalid', (await page.$eval('[data-waymark="api-key-name"]', (el) => el.getAttribute('aria-invalid'))) === 'true' && (await page.$eval('[data-waymark="api-key-scope"]', (el) => el.getAttribute('aria-invalid'))) === 'true');
    await page.type('[data-waymark="api-key-name"]', 'CI deploys');
    await page.select('[data-waymark="api-key-scope"]', 'deploy');
    await page.click('[data-waymark="api-key-submit"]');
    const secret = await page.$eval('#api-key-secret', (input) => input.value).catch(() => '');
    check('the new key is shown once, in full', /^acme_live_[a-z0-9]{32}$/.test(secret), secret);
    check('only the key prefix is stored', !(await page.evaluate((key) => Object.values(localStorage).some((value) => value.includes(key)), secret)));
    check('a copy button sits next to the key', (await text('[data-waymark="api-key-copy"]')) === 'Copy key');
    check('api_key_created is tracked', (await queued('track', 'api_key_created')).some((call) => call[2]?.scope === 'deploy'));

    await page.click('[data-waymark="tab-integrations"]');
    await settle();
    await page.click('[data-waymark="integration-connect-slack"]');
    await page.waitForFunction(() => document.querySelector('[data-waymark="integration-slack"] .badge')?.textContent === 'Connected', { timeout: 5000 });
    check('connecting Slack tracks integration_connected', (await queued('track', 'integration_connected')).some((call) => call[2]?.integration === 'slack'));

    await page.click('[data-waymark="sidebar-team"]');
    await settle();
    await page.type('[data-waymark="invite-email"]', 'not-an-email');
    await page.click('[data-waymark="invite-submit"]');
    check('an invalid invite email is rejected', (await page.$eval('[data-waymark="invite-email"]', (el) => el.getAttribute('aria-invalid'))) === 'true');
    await page.$eval('[data-waymark="invite-email"]', (el) => { el.value = ''; });
    await page.type('[data-waymark="invite-email"]', 'ieva@northwind.example');
    await page.click('[data-waymark="invite-submit"]');
    check('inviting tracks teammate_invited and lists the invite', (await queued('track', 'teammate_invited')).length === 1 && (await page.$$eval('[data-waymark="members-table"] tbody tr', (rows) => rows.length)) === 2);

    await page.click('[data-waymark="sidebar-billing"]');
    await settle();
    check('visiting billing tracks plan_viewed', (await queued('track', 'plan_viewed')).length === 1);
    await page.click('[data-waymark="plan-card-enterprise"]');
    await page.click('[data-waymark="change-plan-button"]');
    check('choosing Enterprise opens the support chat with a message', await page.evaluate(() => document.querySelector('[data-waymark="support-chat"]')?.open === true && document.activeElement?.id === 'support-chat-message' && document.activeElement.value.includes('Enterprise')));
    await page.keyboard.press('Escape');
    check('Escape closes the support chat', await page.evaluate(() => document.querySelector('[data-waymark="support-chat"]')?.open === false));
    check('the app listens for Waymark asking to open chat', (await queued('on', 'open-chat')).length === 1);

    await page.click('[data-waymark="demo-controls-button"]');
    check('Demo controls open', await page.$eval('#demo-panel', (panel) => !panel.hidden));
    await page.keyboard.press('Escape');
    check('Escape closes Demo controls and returns focus', await page.$eval('#demo-panel', (panel) => panel.hidden && document.activeElement?.dataset.waymark === 'demo-controls-button'));
    await page.click('[data-waymark="demo-controls-button"]');
    await page.click('.demo-user[value="u-marius-2231"]');
    await settle();
    const identify = await queued('identify', 'u-marius-2231');
    check('switching user identifies the new user with traits', identify.length === 1 && identify[0][2]?.plan === 'pro' && identify[0][2]?.role === 'admin', JSON.stringify(identify));
    check('the workspace follows the user', (await text('[data-slot="workspace-name"]')) === 'Brightpath Logistics');
    await page.click('[data-waymark="demo-controls-button"]');
    await page.click('[data-waymark="demo-reset"]');
    check('Reset demo state calls waymark reset', (await queued('reset')).length === 1);

    await page.click('[data-waymark="sidebar-settings"]');
    await settle();
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.click('[data-waymark="theme-toggle"]');
    const after = await page.evaluate(() => ({ theme: document.documentElement.dataset.theme, checked: document.querySelector('[data-waymark="theme-toggle"]').getAttribute('aria-checked') }));
    check('the theme switch flips the theme and its state', before !== after.theme && after.checked === String(after.theme === 'dark'));

    await page.goto(`${origin}/settings`, { waitUntil: 'networkidle0' });
    await page.select('[data-waymark="language-select"]', 'lt');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('[data-waymark="language-select"] ~ * button, form[aria-labelledby="settings-language-title"] button[type="submit"]')]);
    const [relaunch] = await queue();
    check('a saved language reaches Waymark on reload', relaunch?.[0] === 'init' && relaunch[1]?.locale === 'lt', JSON.stringify(relaunch));

    await page.setViewport({ width: 375, height: 800 });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
    check('on a phone the sidebar is hidden behind the menu button', await page.$eval('#sidebar', (nav) => getComputedStyle(nav).visibility === 'hidden'));
    await page.click('.topbar__menu');
    await settle();
    check('the menu button opens the navigation and focuses its first link', await page.evaluate(() => document.querySelector('.topbar__menu').getAttribute('aria-expanded') === 'true' && document.activeElement?.dataset.waymark === 'sidebar-dashboard'));
    await page.keyboard.press('Escape');
    check('Escape closes the navigation', await page.evaluate(() => document.querySelector('.topbar__menu').getAttribute('aria-expanded') === 'false' && document.activeElement?.classList.contains('topbar__menu')));
  } catch (error) {
    check('smoke run completed', false, error.message);
  }
  for (const problem of problems) console.log(`    ${problem}`);
  await close();
  return results.filter((result) => !result.ok).length + problems.length;
}

// ---- main -----------------------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
const server = await serve({ root: options.root.endsWith('/') ? options.root : `${options.root}/`, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: BROWSER_ARGS });
let failures = 0;
try {
  failures += await screenshots(browser, origin, options);
  if (options.smoke) failures += await smoke(browser, origin, options.widths[0]);
} finally {
  await browser.close();
  server.close();
}
if (failures > 0) {
  console.error(`\n✗ ${failures} problem(s) found`);
  process.exit(1);
}
console.log('\n✓ no console errors, page errors, CSP violations or failed requests');
