import { expect, fixture, html } from '@open-wc/testing';
import { createRenderer, type UiContext } from './index.js';
import type { WmTargetMissingEvent } from './shared/events.js';
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

  it('a survey or a checklist is shown only once its English strings (a chunk of their own) are in, held views too', async () => {
    await fixture(html`<main></main>`);
    /** What the checklist a host holds would read, each time it is handed the view. */
    const heldReads: string[] = [];
    const renderer = createRenderer(
      context({
        viewHost: {
          show: (view, component) => {
            if (view.experience.type !== 'checklist') return false;
            heldReads.push(component.translator.t('checklistStart'));
            return true;
          },
          hide: () => {},
        },
      }),
    );
    renderer.show({ experience: { id: 'c', type: 'checklist', title: 'Get started', items: [{ id: 'a', title: 'A', manual: true }] } });
    renderer.show({ experience: { id: 's', type: 'survey', kind: 'nps', question: 'How likely are you to recommend us?' } });
    await until(() => document.querySelector('wm-survey') !== null, 'survey mounted');
    const survey = document.querySelector('wm-survey')!;
    await survey.updateComplete;
    // Its first render already has the strings: no key shows in their place.
    expect(survey.shadowRoot!.innerHTML).to.contain('Not at all likely');
    expect(survey.shadowRoot!.innerHTML).to.not.match(/npsLow|surveyLabel/);
    expect(heldReads.length).to.be.greaterThan(0);
    expect(heldReads.every((read) => read === 'Start')).to.equal(true);
    renderer.dispose();
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
  it('components find targets through the injected resolver, and describe missing ones with it', async () => {
    await fixture(html`<p style="padding:80px"><button id="real">Real</button></p>`);
    const asked: unknown[] = [];
    const renderer = createRenderer(
      context({
        targets: {
          resolve: (target) => (asked.push(target), target === 'injected' ? document.querySelector('#real') : null),
          wait: async () => null,
          describe: (target) => `described ${String(target)}`,
        },
      }),
    );
    const missing: string[] = [];
    const onMissing = (event: Event) => missing.push((event as WmTargetMissingEvent).targetDescription);
    document.addEventListener('wm-target-missing', onMissing);
    renderer.show({ experience: { id: 't', type: 'tour', steps: [{ target: 'injected', title: 'One' }, { target: 'absent', title: 'Two' }] }, step: 0 });
    await until(() => isShown(document.querySelector('wm-tour')?.panel), 'step one, anchored by the injected resolver');
    expect(document.querySelector('wm-tour')!.currentTarget).to.equal(document.querySelector('#real'));
    renderer.show({ experience: { id: 'h', type: 'hint', target: 'absent', body: 'Hi' } });
    await until(() => missing.length === 1, 'missing hint target reported');
    document.removeEventListener('wm-target-missing', onMissing);
    expect(missing).to.deep.equal(['described absent']);
    expect(asked).to.include.members(['injected', 'absent']);
    renderer.dispose();
  });

  it('without an injected resolver, finds CSS selectors and anchors, and waits for a late one', async () => {
    await fixture(html`<p id="page" style="padding:80px"><button data-waymark="first">First</button></p>`);
    const renderer = createRenderer(context());
    const steps = [{ target: { anchor: 'first' }, title: 'One' }, { target: '#late', title: 'Two', waitFor: '5s' }];
    renderer.show({ experience: { id: 't', type: 'tour', steps }, step: 0 });
    await until(() => isShown(document.querySelector('wm-tour')?.panel), 'anchored to the anchor');
    expect(document.querySelector('wm-tour')!.currentTarget).to.equal(document.querySelector('[data-waymark="first"]'));
    renderer.show({ experience: { id: 't', type: 'tour', steps }, step: 1 });
    setTimeout(() => document.querySelector('#page')!.insertAdjacentHTML('beforeend', '<button id="late">Late</button>'), 200);
    await until(() => document.querySelector('wm-tour')!.currentTarget === document.querySelector('#late'), 'the late target');
    renderer.dispose();
  });
});
