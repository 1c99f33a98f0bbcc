/**
 * The React, Vue and Angular examples, end to end, in real Chromium on their esbuild bundles (built by
 * `npm run build` through scripts/examples.mjs): Waymark's tour and inline checklist run inside
 * each framework's app, the app's own UI reflects what `on()` reports, and signing out (unmounting)
 * destroys the instance and leaves no Waymark element behind.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { freshPage, root, serveRepo } from './harness.js';

const examples = ['react', 'vue', 'angular'] as const;
const served = serveRepo(examples.map((name) => `examples/${name}/dist/main.js`));

/** Open an example in a fresh browser context (its own IndexedDB), collecting every problem the page reports. */
async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await freshPage(served);
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('console', (m) => {
    // The examples log Waymark's on('error') reports (config, declarative markup, runtime) as warnings.
    if (m.type() === 'error' || (m.type() === 'warn' && m.text().startsWith('[waymark]'))) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.exposeFunction('__reportCsp', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI || 'inline'}`),
    );
  });
  await page.goto(served.origin + path, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/** A dialog with this accessible name, found in the accessibility tree (through shadow roots and the top layer). */
const dialog = (name: string) => `::-p-aria([name="${name}"][role="dialog"])`;
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const waitForText = (page: Page, selector: string, text: string) =>
  page
    .waitForFunction((s, t) => document.querySelector(s)?.textContent?.includes(t), {}, selector, text)
    .catch(async () => {
      throw new Error(`"${selector}" never showed "${text}"; it reads "${await textOf(page, selector).catch(() => '(missing)')}"`);
    });

/** Every Waymark element in the page (through shadow roots), open dialogs and popovers. */
const leftovers = (page: Page) =>
  page.evaluate(() => {
    const tags: string[] = [];
    const walk = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith('wm-')) tags.push(el.localName);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { tags, open: document.querySelectorAll('dialog[open], :popover-open').length };
  });

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP would block a script tag.
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe.each(examples)('the %s example', (name) => {
  it('runs the tour by keyboard and pointer, ticks the checklist from track(), mirrors on() in its own UI, and cleans up on unmount', async () => {
    const { page, problems } = await visit(`/${name}/`);
    const progress = '#onboarding-progress';
    const activity = '#activity';

    // The tour's first step: a centred modal dialog named by its title, with focus moved into it.
    await page.waitForSelector(dialog('Welcome to Orbit'), { visible: true });
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('wm-tour');
    await waitForText(page, progress, 'tour step 1'); // on('show') → framework state
    // The placeholder the framework rendered holds the inline checklist; its wm-action event reached the framework's listener.
    await waitForText(page, activity, 'wm-action · getting-started: shown');
    await waitForText(page, progress, 'Onboarding: 0 of 3 done');

    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the arrow key goes forward; the second step is anchored to the framework's form.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(dialog('Add your first task'), { visible: true });
    await waitForText(page, progress, 'tour step 2');
    await waitForText(page, activity, 'step_viewed · welcome step 2');
    // The tour's element (mounted by Waymark outside the framework's tree) reports its step as a DOM event the app hears on document.
    await waitForText(page, activity, 'wm-step-change · welcome step 2 of 2');

    // Pointer: a real mouse click on "Done" finishes the tour, which ticks the "Take the tour" item.
    await (await page.waitForSelector(button('Done')))!.click();
    await page.waitForSelector(dialog('Add your first task'), { hidden: true });
    await waitForText(page, activity, 'experience_completed · welcome');
    await waitForText(page, progress, 'Onboarding: 1 of 3 done');

    // An action in the app: the framework's submit handler calls track('task_created').
    await page.click('#new-task');
    await page.keyboard.type('Ship the beta');
    await page.click('form[data-waymark="add-task-form"] button[type="submit"]');
    await waitForText(page, 'ul.task-list', 'Ship the beta');
    await waitForText(page, activity, 'checklist_item_completed · getting-started add-task (2/3)');
    await waitForText(page, progress, 'Onboarding: 2 of 3 done');
    // Waymark's own checklist (inside the framework-rendered placeholder) shows the same progress.
    await page.waitForFunction(() => {
      const list = document.querySelector('wm-checklist:not([data-waymark-ui])');
      return list?.shadowRoot?.textContent?.includes('2 of 3') ?? false;
    });

    // The hint the framework declared as <wm-hint> opens when its target gets keyboard focus; Escape closes it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('task-filter');
    await page.waitForSelector(dialog('Filters'), { visible: true });
    await page.keyboard.press('Escape');
    await page.waitForSelector(dialog('Filters'), { hidden: true });

    // Signing out unmounts the workspace: destroy() leaves no Waymark element, dialog or popover.
    await page.click(button('Sign out'));
    await page.waitForSelector('::-p-aria([name="You are signed out"][role="heading"])');
    expect(await leftovers(page)).toEqual({ tags: [], open: 0 });

    // Signing in mounts a new instance on the same user's stored progress.
    await page.click(button('Sign in as Ada Lovelace'));
    await waitForText(page, progress, 'Onboarding: 2 of 3 done');
    const task = await page.waitForSelector('::-p-aria([name="Write the launch announcement"][role="checkbox"])');
    await task!.click();
    await waitForText(page, activity, 'checklist_item_completed · getting-started finish-task (3/3)');
    await waitForText(page, progress, 'Onboarding: 3 of 3 done');

    // Restart onboarding (reset()): the tour comes back; unmount while its anchored step is up.
    await page.click(button('Restart onboarding'));
    await page.waitForSelector(dialog('Welcome to Orbit'), { visible: true });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(dialog('Add your first task'), { visible: true });
    await page.click(button('Sign out'));
    await page.waitForSelector('::-p-aria([name="You are signed out"][role="heading"])');
    expect(await leftovers(page)).toEqual({ tags: [], open: 0 });
    expect(await page.$(dialog('Add your first task'))).toBe(null);

    expect(problems).toEqual([]);
    await page.browserContext().close();
  }, 90_000);

  it('typechecks', () => {
    const result = spawnSync('npx', ['tsc', '-p', `examples/${name}/tsconfig.json`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
