import { expect } from '@open-wc/testing';
import { until } from '../../tests/browser/helpers.js';
import { createWaymark } from './create.js';
import { installGlobal, type WaymarkGlobal } from './global.js';
import { preloadModules, startEarlyForScript } from './script-tag.js';

const hints = () => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (link) => link.href);

describe('script tag: modulepreload hints for what an instance loads next', () => {
  let facade: WaymarkGlobal | undefined;
  afterEach(() => {
    facade?.('destroy');
    facade = undefined;
    (window as unknown as { waymark?: unknown }).waymark = undefined;
    document.querySelectorAll('link[rel="modulepreload"]').forEach((link) => link.remove());
  });

  it('adds one <link rel="modulepreload"> per module not hinted yet, and its disposer removes only those', () => {
    const kept = document.createElement('link');
    kept.rel = 'modulepreload';
    kept.href = new URL('/chunks/ui-host.js', location.href).href;
    document.head.append(kept);
    const ui = new URL('/chunks/ui-abc.js', location.href).href;
    const remove = preloadModules(document, [ui, kept.href]);
    expect(hints()).to.deep.equal([kept.href, ui]);
    remove();
    expect(hints()).to.deep.equal([kept.href]);
  });

  it('hints when an instance is created, not before; destroy() takes the hints away', async () => {
    const ui = new URL('/chunks/ui-next.js', location.href).href;
    let asked = 0;
    facade = installGlobal(window, null, async () => createWaymark, () => {
      asked++;
      return preloadModules(document, [ui]);
    });
    expect(asked).to.equal(0);
    facade('init', { config: { version: '1', experiences: [] }, storage: { kind: 'memory' }, ui: false });
    expect(asked).to.equal(1);
    expect(hints()).to.deep.equal([ui]);
    await until(() => facade!.instance !== undefined, 'the runtime loaded');
    facade('destroy');
    expect(hints()).to.deep.equal([]);
  });

  it('a hint that throws never stops the install', async () => {
    facade = installGlobal(window, null, async () => createWaymark, () => {
      throw new Error('no document head');
    });
    facade('init', { config: { version: '1', experiences: [] }, storage: { kind: 'memory' }, ui: false });
    await until(() => facade!.instance !== undefined, 'the runtime loaded');
  });
});

describe('script tag: the entry sees whether the config shows something, to hint the UI chunk early', () => {
  const json = (value: unknown) => URL.createObjectURL(new Blob([typeof value === 'string' ? value : JSON.stringify(value)], { type: 'application/json' }));
  const tour = { version: '1', experiences: [{ id: 'welcome', type: 'tour', steps: [{ target: '#x', title: 'Hi' }] }] };
  const memory = { kind: 'memory' };
  afterEach(() => {
    (window as unknown as { waymark?: unknown }).waymark = undefined;
  });

  /** startEarlyForScript with a queued `init`; resolves with how many times it said the config shows something. */
  async function shows(init: Record<string, unknown> | null, tag: { configUrl?: string } | null = null): Promise<number> {
    (window as unknown as { waymark: unknown }).waymark = { q: init ? [['init', { storage: memory, ...init }]] : [] };
    let said = 0;
    const early = startEarlyForScript(window, tag, () => said++);
    // The runtime takes the response over afterwards and reads it (the last test: in full).
    const taken = early?.({ configUrl: (init?.configUrl as string | undefined) ?? tag?.configUrl });
    await taken?.fetched?.response.then((response) => response.text(), () => null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return said;
  }

  it('an inline config with experiences: at once; without any, or with `ui: false`: never', async () => {
    expect(await shows({ config: tour })).to.equal(1);
    expect(await shows({ config: { version: '1', experiences: [] } })).to.equal(0);
    expect(await shows({ config: tour, ui: false })).to.equal(0);
  });

  it("the early request's config, read from a clone: once when it has experiences (comments allowed), never when it has none or fails", async () => {
    expect(await shows(null, { configUrl: json(tour) })).to.equal(1);
    expect(await shows({ configUrl: json(`// onboarding\n{"version": "1", "experiences": [\n  /* first */ {"id": "a", "type": "hint"}]}`) })).to.equal(1);
    expect(await shows(null, { configUrl: json({ version: '1', experiences: [] }) })).to.equal(0);
    expect(await shows(null, { configUrl: new URL('/no-such-config.json', location.href).href })).to.equal(0);
    expect(await shows({ configUrl: json(tour), ui: false })).to.equal(0);
  });

  it('a hint that throws costs only the hint: the early start is still there', async () => {
    (window as unknown as { waymark: unknown }).waymark = { q: [['init', { storage: memory, config: tour }]] };
    const early = startEarlyForScript(window, null, () => {
      throw new Error('no document head');
    });
    expect(early).to.be.a('function');
    await new Promise((resolve) => setTimeout(resolve, 50));
    early?.(null);
  });

  it('the runtime reads the same body the entry looked at', async () => {
    (window as unknown as { waymark: unknown }).waymark = { q: [['init', { storage: memory }]] };
    const url = json(tour);
    let said = 0;
    const early = startEarlyForScript(window, { configUrl: url }, () => said++);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said).to.equal(1);
    const taken = early!({ configUrl: url });
    expect(JSON.parse(await (await taken.fetched!.response).text())).to.deep.equal(tour);
  });
});
