import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig } from '../index.js';
import { nextEvent, until } from '../../tests/browser/helpers.js';
import type { WmDebug } from '../ui/debug/overlay.js';

const config: WaymarkConfig = {
  version: '1',
  locale: { default: 'en', supported: ['en', 'ru'] },
  stages: [
    { id: 'new', name: { en: 'New', ru: 'Новый' } },
    { id: 'pro', name: { en: 'Pro user', ru: 'Профи' }, enterWhen: { trait: 'plan', equals: 'pro' } },
  ],
  experiences: [
    {
      id: 'save-hint',
      name: 'Save hint',
      type: 'hint',
      target: '#dbg-save',
      openOn: 'trigger',
      title: { en: 'Save often', ru: 'Сохраняйте чаще' },
      body: { en: 'Your work is kept.', ru: 'Работа сохраняется.' },
      when: { event: 'opened_editor' },
    },
    { id: 'pro-banner', type: 'announcement', display: 'banner', stages: ['pro'], title: 'Pro', body: 'Welcome to Pro.' },
  ],
};

const overlay = () => document.querySelector<WmDebug>('wm-debug');
const root = () => overlay()?.renderRoot as ShadowRoot | undefined;
const row = (id: string) => root()?.querySelector<HTMLElement>(`.experiences > li[data-experience="${id}"]`) ?? null;
const hintOpen = () => document.querySelector('wm-hint')?.shadowRoot?.querySelector('.card')?.matches(':popover-open') ?? false;
const hintTitle = () => document.querySelector('wm-hint')?.shadowRoot?.querySelector('.title')?.textContent?.trim();

describe('runtime debug overlay', () => {
  let wm: Waymark | undefined;
  beforeEach(() => {
    sessionStorage.removeItem('waymark:debug');
    const button = document.createElement('button');
    button.id = 'dbg-save';
    button.textContent = 'Save';
    document.body.append(button);
  });
  afterEach(async () => {
    wm?.destroy();
    wm = undefined;
    document.getElementById('dbg-save')?.remove();
    await until(() => overlay() === null, 'the overlay removed by destroy()');
  });

  it('is not loaded without debug', async () => {
    wm = createWaymark({ config, user: { id: 'u-nodebug' }, storage: { kind: 'memory' } });
    await wm.ready;
    await new Promise((r) => setTimeout(r, 50));
    expect(overlay()).to.equal(null);
  });

  it('shows every experience with why(), the stage, traits and recent signals and events, live', async () => {
    wm = createWaymark({ config, user: { id: 'u-debug', traits: { plan: 'free' } }, storage: { kind: 'memory' }, debug: true, locale: 'en' });
    await until(() => row('save-hint') !== null && row('pro-banner') !== null, 'the overlay lists the experiences');
    expect(document.activeElement).to.equal(document.body);
    expect(row('save-hint')!.dataset.status).to.equal('blocked');
    expect(row('save-hint')!.querySelector('.reason')!.textContent).to.equal(wm.why('save-hint')!.reason);
    expect(row('pro-banner')!.dataset.status).to.equal('blocked');
    expect(root()!.querySelector('.traits')!.textContent).to.contain('plan');
    expect(root()!.querySelector('.user-id')!.textContent).to.equal('u-debug');
    const logTypes = () => Array.from(root()!.querySelectorAll('.log li code'), (c) => c.textContent);
    expect(logTypes()).to.include.members(['session', 'identify', 'page']);

    // The user acts: the signal, the show and the event appear; the badge follows.
    wm.track('opened_editor');
    await until(() => row('save-hint')?.dataset.status === 'showing', 'the hint shows');
    await until(() => logTypes().includes('experience_shown'), 'the shown event in the log');
    expect(logTypes()).to.include('track');
    // Traits and the stage follow identify.
    wm.identify('u-debug', { plan: 'pro' });
    await until(() => root()!.querySelector('.stage')!.textContent!.includes('Pro user'), 'the new stage');
    expect(root()!.querySelector('.traits')!.textContent).to.contain('"pro"');
  });

  it('starts an experience, resets the user, and switches the locale of what is shown', async () => {
    wm = createWaymark({ config, user: { id: 'u-actions' }, storage: { kind: 'memory' }, debug: true, locale: 'en' });
    await until(() => row('save-hint') !== null, 'the overlay');
    const start = row('save-hint')!.querySelector<HTMLButtonElement>('button.start')!;
    expect(start.getAttribute('aria-label')).to.equal('Start save-hint');
    start.click();
    await until(() => hintTitle() === 'Save often', 'the hint shown in English');
    // Its trigger (the event) has not fired: the overlay says what holds it open instead of a bare failed check.
    await until(() => row('save-hint')?.querySelector('.reason')?.textContent === 'started from code: showing now', 'the reason names start()');
    expect(wm.why('save-hint')).to.include({ startedBy: 'code', active: true });
    expect(Array.from(row('save-hint')!.querySelectorAll('.checks li'), (li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.include(
      '✗ trigger: waiting for event "opened_editor" ≥ 1 (seen 0 times); bypassed by start()',
    );

    const select = root()!.querySelector<HTMLSelectElement>('select.locale')!;
    expect(Array.from(select.options, (o) => o.value)).to.deep.equal(['en', 'ru']);
    select.value = 'ru';
    select.dispatchEvent(new Event('change'));
    await until(() => hintTitle() === 'Сохраняйте чаще', 'the hint re-rendered in Russian');
    expect(document.querySelector('wm-hint')!.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('ru');

    const dismissed = nextEvent(wm, 'experience_dismissed');
    wm.dismiss('save-hint');
    await dismissed;
    await until(() => row('save-hint')?.dataset.status === 'blocked', 'dismissed: blocked');
    expect(row('save-hint')!.querySelector('.reason')!.textContent).to.match(/^dismissed/);
    root()!.querySelector<HTMLButtonElement>('button.reset')!.click();
    // Progress forgotten: the dismissal no longer blocks it (its trigger, the event, does).
    await until(() => !/^dismissed/.test(wm!.why('save-hint')?.reason ?? 'dismissed'), 'progress forgotten');
    await until(() => !/^dismissed/.test(row('save-hint')?.querySelector('.reason')?.textContent ?? 'dismissed'), 'the overlay follows the reset');
    expect(row('save-hint')!.querySelector('.reason')!.textContent).to.equal(wm.why('save-hint')!.reason);
  });

  it('Escape leaves the picker first; a shown hint stays until the next Escape', async () => {
    wm = createWaymark({ config, user: { id: 'u-escape' }, storage: { kind: 'memory' }, debug: true, locale: 'en' });
    await until(() => row('save-hint') !== null, 'the overlay');
    wm.start('save-hint');
    await until(() => hintOpen(), 'the hint open');
    overlay()!.pick();
    await until(() => overlay()!.isPicking, 'picking');
    await sendKeys({ press: 'Escape' });
    await until(() => !overlay()!.isPicking, 'the picker closed');
    expect(hintOpen(), 'the hint is still open').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !hintOpen(), 'the hint closed by the next Escape');
  });

  it('destroy() removes the overlay and its listeners', async () => {
    wm = createWaymark({ config, user: { id: 'u-destroy' }, storage: { kind: 'memory' }, debug: true });
    await until(() => overlay() !== null, 'mounted');
    wm.destroy();
    await until(() => overlay() === null, 'removed');
  });
});
