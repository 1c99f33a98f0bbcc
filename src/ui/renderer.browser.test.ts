import { expect, fixture, html } from '@open-wc/testing';
import { createRenderer, type UiContext } from './index.js';
import { isShown, until } from '../../tests/browser/layouts/harness.js';

function context(overrides: Partial<UiContext> = {}): UiContext & { errors: string[] } {
  const errors: string[] = [];
  return {
    window,
    locale: 'en',
    articles: new Map(),
    act: () => {},
    reportError: (error, where) => errors.push(`${where}: ${String(error)}`),
    errors,
    ...overrides,
  };
}

describe('createRenderer', () => {
  it('defines nothing until an experience of that type is shown, then loads only that component', async () => {
    await fixture(html`<button id="t">Target</button>`);
    expect(customElements.get('wm-tour')).to.equal(undefined);
    const renderer = createRenderer(context());
    expect(customElements.get('wm-tour')).to.equal(undefined);
    renderer.show({ experience: { id: 'h', type: 'hint', target: '#t', body: 'Hi' } });
    await until(() => document.querySelector('wm-hint') !== null, 'hint mounted');
    expect(customElements.get('wm-hint')).to.not.equal(undefined);
    expect(customElements.get('wm-tour')).to.equal(undefined);
    expect(customElements.get('wm-beacon')).to.equal(undefined);
    renderer.dispose();
    expect(document.querySelector('wm-hint')).to.equal(null);
  });

  it('a hide before the chunk loaded mounts nothing', async () => {
    await fixture(html`<button id="t">Target</button>`);
    const ctx = context();
    const renderer = createRenderer(ctx);
    renderer.show({ experience: { id: 'b', type: 'beacon', target: '#t', body: 'Hi' } });
    renderer.hide('b', 'ineligible');
    renderer.show({ experience: { id: 'b2', type: 'beacon', target: '#t', body: 'Hi' } });
    await until(() => document.querySelector('[data-experience="b2"]') !== null, 'second beacon mounted');
    expect(document.querySelector('[data-experience="b"]')).to.equal(null);
    expect(ctx.errors).to.deep.equal([]);
    renderer.dispose();
    expect(document.querySelectorAll('[data-waymark-ui]').length).to.equal(0);
  });

  it('re-renders a shown tour at a new step, and a throwing act is reported, not thrown', async () => {
    await fixture(html`<p style="padding:80px"><button id="a">A</button> <button id="b">B</button></p>`);
    const ctx = context({
      act: () => {
        throw new Error('engine exploded');
      },
    });
    const renderer = createRenderer(ctx);
    const experience = { id: 't', type: 'tour' as const, steps: [{ target: '#a', title: 'One' }, { target: '#b', title: 'Two' }] };
    renderer.show({ experience, step: 0 });
    await until(() => isShown(document.querySelector('wm-tour')?.panel), 'step one');
    renderer.show({ experience, step: 1 });
    await until(() => document.querySelector('wm-tour')!.panel!.querySelector('.title')!.textContent === 'Two', 'step two');
    expect(document.querySelectorAll('wm-tour').length).to.equal(1);
    document.querySelector('wm-tour')!.panel!.querySelector<HTMLButtonElement>('.primary')!.click();
    expect(ctx.errors.some((e) => e.includes('engine exploded'))).to.equal(true);
    renderer.dispose();
  });
});
