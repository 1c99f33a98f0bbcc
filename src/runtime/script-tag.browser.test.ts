import { expect } from '@open-wc/testing';
import { until } from '../../tests/browser/helpers.js';
import { createWaymark } from './create.js';
import { installGlobal, type WaymarkGlobal } from './global.js';
import { preloadModules } from './script-tag.js';

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
