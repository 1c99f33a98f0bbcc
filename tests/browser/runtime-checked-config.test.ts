/**
 * Validation off the hot path: a config in the checked form (`waymark validate --out`) runs without the validator
 * ever being requested; an unchecked one is validated in full, with precise errors and the valid rest still running.
 */
import { expect } from '@open-wc/testing';
import { toChecked } from '../../src/config/checked.js';
import { loadConfig } from '../../src/runtime/config-loading.js';
import type { WaymarkConfig } from '../../src/index.js';
import { frame, until } from './helpers.js';

type FrameWindow = Window & {
  waymark?: { instance?: import('../../src/index.js').Waymark };
  readyAt?: number;
  errors?: Array<{ code: string; path?: Array<string | number>; message: string }>;
};

const config: WaymarkConfig = {
  version: '1',
  experiences: [{ id: 'checked-tour', type: 'tour', steps: [{ title: 'Checked' }, { title: 'Two' }] }],
};

/** A page with the script-tag install and this config document (as a data: URL), errors and ready recorded. */
async function pageWith(document: string): Promise<{ win: FrameWindow; iframe: HTMLIFrameElement }> {
  const url = `data:application/json,${encodeURIComponent(document)}`;
  const iframe = await frame(`
    <script>
      window.waymark = window.waymark || function () { (window.waymark.q = window.waymark.q || []).push(arguments); };
      window.errors = [];
      waymark('on', 'error', function (e) { window.errors.push({ code: e.code, path: e.path, message: e.message }); });
      waymark('on', 'ready', function () { window.readyAt = performance.now(); });
    </script>
    <script type="module" src="/src/browser.ts" data-config="${url}"></script>`);
  const win = iframe.contentWindow as FrameWindow;
  await until(() => win.readyAt !== undefined, 'ready', 20000);
  return { win, iframe };
}

/** Every module or chunk of the validator the page requested (zod, or Waymark's validate/schema modules). */
const validatorRequests = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/zod\/|\/src\/config\/(validate|schema|semantic|zod-issues)\.ts/.test(name));

describe('checked configs skip the validator', function () {
  // The first page of a run pays for the dev server compiling the UI chunk; a busy machine (the fuzz file runs beside
  // this one) can take several seconds for it.
  this.timeout(60000);
  it('a checked config: ready fires, the tour shows, and the validator is never requested', async () => {
    const { win, iframe } = await pageWith(toChecked(config));
    try {
      await until(() => Boolean(win.document.querySelector('[data-experience="checked-tour"]')), 'the tour on screen', 20000);
      expect(win.errors).to.deep.equal([]);
      expect(validatorRequests(win)).to.deep.equal([]);
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });

  it('a checked config edited after the check is validated in full', async () => {
    const edited = toChecked(config).replace('"Checked"', '"Edited"');
    const { win, iframe } = await pageWith(edited);
    try {
      expect(validatorRequests(win).length).to.be.greaterThan(0);
      expect(win.errors).to.deep.equal([]);
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });

  it('an unchecked broken config: the validator loads, the error is precise, the valid experience still runs', async () => {
    const broken = { version: '1', experiences: [{ id: 'bad', type: 'tour', steps: [{ title: 'A', target: '' }] }, config.experiences[0]] };
    const { win, iframe } = await pageWith(JSON.stringify(broken));
    try {
      expect(validatorRequests(win).length).to.be.greaterThan(0);
      const error = win.errors!.find((e) => e.path?.join('.') === 'experiences.0.steps.0.target');
      expect(error, JSON.stringify(win.errors)).to.not.equal(undefined);
      await until(() => Boolean(win.document.querySelector('[data-experience="checked-tour"]')), 'the valid tour on screen', 20000);
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });

  it('the components start loading with the config, before anything is shown (in parallel with the stored progress)', async () => {
    const waiting = { version: '1', experiences: [{ id: 'later', type: 'tour', when: { event: 'never-sent' }, steps: [{ title: 'Later' }] }] };
    const { win, iframe } = await pageWith(toChecked(waiting as WaymarkConfig));
    try {
      const requested = win.performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(requested.some((name) => name.includes('/src/ui/index.ts'))).to.equal(true);
      expect(win.document.querySelector('[data-experience="later"]')).to.equal(null);
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });
});

describe('a large checked config', function () {
  this.timeout(120_000);

  it('is trusted in slices (its hash covers 20 MB) and still never requests the validator', async () => {
    const demo = (await (await fetch('/examples/waymark.config.json')).json()) as WaymarkConfig & { $schema?: string };
    delete demo.$schema;
    const unit = 'Open **Projects**, pick *one* and see [the guide](/help/projects) or `code`.\n- a list item\n\n';
    const body = unit.repeat(Math.ceil(4_000 / unit.length)).slice(0, 4_000);
    const articles = [...(demo.articles ?? []), ...Array.from({ length: 4_900 }, (_, i) => ({ id: `bulk${i}`, title: `Article ${i}`, url: `/help/${i}`, body }))];
    const large = { ...demo, articles } as WaymarkConfig;
    const text = toChecked(large);
    expect(text.length).to.be.greaterThan(19_000_000);
    expect(validatorRequests(window)).to.deep.equal([]);

    const scheduler = (window as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    const original = scheduler.yield;
    let yields = 0;
    scheduler.yield = function (this: unknown) {
      yields++;
      return original.call(this);
    };
    const fetchOriginal = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === 'https://config.example/large-checked' ? Promise.resolve(new Response(text)) : fetchOriginal(input, init)) as typeof fetch;
    try {
      const errors: unknown[] = [];
      const byUrl = await loadConfig({ window, configUrl: 'https://config.example/large-checked', timeoutMs: 100_000, report: (e) => errors.push(e) });
      expect(errors).to.deep.equal([]);
      expect(byUrl.config).to.deep.equal(large);
      const byUrlYields = yields;
      // Parsed and hashed in slices: the page gets its turn again and again.
      expect(byUrlYields).to.be.greaterThan(10);

      // Given in code: hashed in slices too.
      const inline = await loadConfig({ window, config: JSON.parse(text), report: (e) => errors.push(e) });
      expect(errors).to.deep.equal([]);
      expect(inline.config).to.deep.equal(large);
      expect(yields - byUrlYields, `${byUrlYields} then ${yields}`).to.be.greaterThan(5);
      expect(validatorRequests(window)).to.deep.equal([]);

      // Edited after the check: not trusted, so validated in full.
      const edited = JSON.parse(text) as { articles: Array<{ title: string }> };
      edited.articles[4_000]!.title = 'Edited';
      const validated = await loadConfig({ window, config: edited, report: () => {} });
      expect(validated.config.articles?.[4_000]?.title).to.equal('Edited');
      expect(validatorRequests(window).length).to.be.greaterThan(0);
    } finally {
      window.fetch = fetchOriginal;
      delete (scheduler as { yield?: unknown }).yield;
    }
  });
});
