/**
 * The programmatic API, in real Chromium: start() resolves when the step is visible (or says why not),
 * next/back/goTo drive the tour on screen, experiences are added and removed at run time (Element targets
 * allowed), `animation: false` turns motion off; and the same methods through the script-tag global.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { frame, nextEvent, record, until } from './helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };

const never = { event: 'wm-api-never-sent' };
const config: WaymarkConfig = {
  version: '1',
  experiences: [
    {
      id: 'guide',
      type: 'tour',
      when: never,
      steps: [
        { id: 'hello', title: 'Hello' },
        { id: 'projects', target: '#wm-api-target', title: 'Your projects' },
        { id: 'bye', title: 'Bye' },
      ],
    },
    { id: 'off', type: 'tour', enabled: false, steps: [{ title: 'Never' }] },
  ],
};

const tour = (id = 'guide') => document.querySelector<TourElement>(`[data-experience="${id}"]`);
const title = (id = 'guide') => tour(id)?.panel?.querySelector('.title')?.textContent?.trim();
const cardVisible = (id = 'guide') => {
  const panel = tour(id)?.panel;
  return Boolean(panel && panel.getBoundingClientRect().width > 0 && !panel.classList.contains('unplaced'));
};

describe('programmatic API', () => {
  let wm: Waymark | undefined;
  beforeEach(() => {
    const target = document.createElement('button');
    target.id = 'wm-api-target';
    target.textContent = 'Projects';
    document.body.append(target);
  });
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    document.getElementById('wm-api-target')?.remove();
  });

  it('start() resolves once the first step is on screen, even when called before ready', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-start' }, storage: { kind: 'memory' } });
    const outcome = await wm.start('guide');
    expect(outcome).to.deep.equal({ shown: true, experienceId: 'guide', step: 0 });
    // Visible at the moment the promise settles, not some frames later.
    expect(cardVisible()).to.equal(true);
    expect(title()).to.equal('Hello');
    // Started again while on screen: already visible.
    expect((await wm.start('guide')).shown).to.equal(true);
  });

  it('start() resolves with the reason when the experience is not shown; it never rejects', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-refused' }, storage: { kind: 'memory' } });
    await wm.ready;
    const unknown = await wm.start('nope');
    expect(unknown).to.include({ shown: false, reason: 'unknown' });
    const disabled = await wm.start('off');
    expect(disabled).to.include({ shown: false, reason: 'disabled' });
    expect((disabled as { message: string }).message).to.be.a('string').and.not.equal('');
    const pending = wm.start('guide');
    wm.destroy();
    expect(await pending).to.include({ shown: false });
  });

  it('start() from code is never refused by the trigger-loop guard', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-loop' }, storage: { kind: 'memory' } });
    for (let round = 0; round < 8; round++) {
      const outcome = await wm.start('guide');
      expect(outcome.shown, `start #${round + 1}`).to.equal(true);
      wm.dismiss('guide');
      await until(() => tour() === null, 'the tour dismissed');
    }
  });

  it('next(), back() and goTo() move the tour on screen', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-nav' }, storage: { kind: 'memory' } });
    await wm.start('guide');
    wm.next();
    await until(() => title() === 'Your projects', 'step 2 after next()');
    wm.back();
    await until(() => title() === 'Hello', 'step 1 after back()');
    wm.goTo('bye');
    await until(() => title() === 'Bye', 'the step by id after goTo()');
    wm.goTo(1);
    await until(() => title() === 'Your projects', 'the step by index after goTo()');
    const completed = nextEvent(wm, 'experience_completed');
    wm.goTo(2);
    await until(() => title() === 'Bye', 'the last step');
    wm.next();
    await completed;
    await until(() => tour() === null, 'the tour completed by next() on the last step');
    // Nothing on screen: nothing happens, nothing thrown.
    const errors = record(wm, 'error');
    wm.next();
    wm.back();
    wm.goTo(0);
    expect(errors).to.deep.equal([]);
  });

  it('addExperience() adds a tour from code with an Element target; removeExperience() takes it away', async () => {
    wm = createWaymark({ config: { version: '1', experiences: [] }, user: { id: 'u-api-add' }, storage: { kind: 'memory' } });
    // Inside a shadow root, where no document selector reaches: the Element is used as given.
    const host = document.createElement('div');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    inner.textContent = 'Deep';
    try {
      wm.addExperience({ id: 'from-code', type: 'tour', when: never, steps: [{ target: inner, title: 'Deep inside' }] });
      const outcome = await wm.start('from-code');
      expect(outcome.shown).to.equal(true);
      expect(title('from-code')).to.equal('Deep inside');
      const panel = tour('from-code')!.panel!.getBoundingClientRect();
      const target = inner.getBoundingClientRect();
      const gap = Math.min(Math.abs(panel.top - target.bottom), Math.abs(target.top - panel.bottom), Math.abs(panel.left - target.right), Math.abs(target.left - panel.right));
      expect(gap, 'the card sits next to the Element').to.be.lessThan(40);

      wm.removeExperience('from-code');
      await until(() => tour('from-code') === null, 'the removed tour gone');
      expect(wm.why('from-code')).to.equal(null);
      expect((await wm.start('from-code')).shown).to.equal(false);
    } finally {
      host.remove();
    }
  });

  it('addExperience() validates like the config: a broken experience is reported precisely and not added', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-invalid' }, storage: { kind: 'memory' } });
    const errors = record(wm, 'error');
    await wm.ready;
    wm.addExperience({ id: 'broken', type: 'tour', steps: [] } as never);
    // Calls after addExperience wait for its validation.
    const outcome = await wm.start('broken');
    expect(errors.length).to.be.greaterThan(0);
    expect(errors[0]!.where).to.equal('addExperience');
    expect(errors[0]!.path).to.deep.equal(['steps']);
    // The message names the path inside the experience, not where it landed in the config.
    expect(errors[0]!.message).to.match(/^steps: /);
    expect(outcome).to.include({ shown: false, reason: 'unknown' });
    wm.addExperience({ id: 'typo', type: 'hint', target: '#x', body: 'b', openOn: 'hovr' } as never);
    await wm.start('typo');
    expect(errors.at(-1)!.message).to.equal('openOn: expected one of "hover", "focus", "click" or "trigger", got "hovr"; did you mean "hover"?');
    // The rest still runs.
    expect((await wm.start('guide')).shown).to.equal(true);
  });

  it('animation: false turns transitions off', async () => {
    wm = createWaymark({ config, user: { id: 'u-api-motion' }, storage: { kind: 'memory' }, animation: false });
    await wm.start('guide');
    const element = tour()!;
    expect(element.dataset.waymarkMotion).to.equal('off');
    const styles = getComputedStyle(element.panel!);
    expect(styles.transitionDuration.split(',').every((d) => parseFloat(d) === 0)).to.equal(true);
    expect(styles.animationName).to.equal('none');
  });

  it('the script-tag global has start (a promise, even queued before load), next, back, goTo, addExperience and removeExperience', async () => {
    const iframe = await frame(`
      <button id="deep">Deep</button>
      <script>
        window.waymark = window.waymark || function () { (window.waymark.q = window.waymark.q || []).push(arguments); };
        waymark('start', 'after-early');
      </script>
      <script type="module" src="/src/browser.ts" data-config="/tests/browser/fixtures/tour.json"></script>`);
    type Global = Waymark & { instance?: Waymark };
    const win = iframe.contentWindow as Window & { waymark?: Global; queued?: unknown };
    try {
      await until(() => Boolean(win.waymark?.instance), 'the SDK to install');
      const g = win.waymark!;
      // The queued start ran; a start through the global is a promise.
      const again = g.start('after-early');
      expect(typeof again.then).to.equal('function');
      expect(await again).to.include({ shown: true });
      g.dismiss('after-early');
      // The fixture's own tour starts itself: out of the way, or it holds the one tour slot.
      g.dismiss('welcome');
      const button = win.document.getElementById('deep')!;
      g.addExperience({ id: 'global-tour', type: 'tour', when: never, steps: [{ title: 'One' }, { target: button, title: 'Two' }, { id: 'three', title: 'Three' }] });
      const outcome = await g.start('global-tour');
      expect(outcome).to.deep.equal({ shown: true, experienceId: 'global-tour', step: 0 });
      const inFrame = () => win.document.querySelector<TourElement>('[data-experience="global-tour"]');
      const frameTitle = () => inFrame()?.panel?.querySelector('.title')?.textContent?.trim();
      g.next();
      await until(() => frameTitle() === 'Two', 'next() through the global');
      g.goTo('three');
      await until(() => frameTitle() === 'Three', 'goTo() through the global');
      g.back();
      await until(() => frameTitle() === 'Two', 'back() through the global');
      g.removeExperience('global-tour');
      await until(() => inFrame() === null, 'removeExperience() through the global');
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });
});
