import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import type { AnalyticsEvent } from '../../src/engine/contract.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };
type CenterElement = HTMLElement & { isOpen?: boolean };

const center = () => document.querySelector<CenterElement>('wm-resource-center[data-waymark-ui]');
const centerOpen = () => center()?.shadowRoot?.querySelector('[part="panel"]')?.matches(':popover-open') === true;
const inCenter = <E extends Element = HTMLElement>(selector: string): E | null => center()?.shadowRoot?.querySelector<E>(selector) ?? null;
const tourTitle = () => document.querySelector<TourElement>('wm-tour[data-waymark-ui]')?.panel?.querySelector('.title')?.textContent?.trim();

const config = (resourceCenter?: WaymarkConfig['resourceCenter']): WaymarkConfig => ({
  version: '1',
  limits: { minGap: '0s' },
  locale: { default: 'en', supported: ['en', 'ru'] },
  articles: [{ id: 'keys', title: 'Create an API key', url: 'https://help.example.com/keys', body: 'Open **Settings**.' }],
  chat: { provider: 'callback', offline: { form: true } },
  ...(resourceCenter ? { resourceCenter } : {}),
  experiences: [
    {
      id: 'welcome',
      type: 'tour',
      title: { en: 'Welcome tour', ru: 'Приветственный тур' },
      steps: [{ title: { en: 'Welcome to Acme', ru: 'Добро пожаловать' } }, { title: 'Your projects' }],
    },
    { id: 'setup', type: 'checklist', title: 'Get set up', items: [{ id: 'a', title: 'Create a project', manual: true }, { id: 'b', title: 'Invite a teammate', manual: true }] },
  ],
});

describe('the resource center, wired by the runtime', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('a user skips the welcome tour, opens the resource center and replays it from "Tours and guides": its first step is on screen', async () => {
    wm = createWaymark({ config: config(), user: { id: 'u-rc' }, storage: { dbName: uniqueDb() } });
    const events = record(wm, 'event');
    await until(() => tourTitle() === 'Welcome to Acme', 'the welcome tour on screen');
    // Skip it on its first step: it ends, and stays replayable.
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'welcome');
    wm.act('welcome', { type: 'dismiss' });
    await hidden;
    await until(() => tourTitle() === undefined, 'the tour gone');

    // The launcher, with the checklist's tasks left on its badge.
    await until(() => inCenter('[part="badge"]') !== null, 'the resource center launcher with its badge');
    inCenter<HTMLButtonElement>('[part="launcher"]')!.click();
    await until(centerOpen, 'the center open');
    const row = inCenter('[part="guide"]');
    expect(row!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Welcome tour Skipped · 2 steps Replay');

    const shown = nextEvent(wm, 'experience_shown', (e) => e.experienceId === 'welcome');
    inCenter<HTMLButtonElement>('[part="replay"]')!.click();
    expect((await shown).props).to.deep.include({ via: 'start', step: 0 });
    await until(() => tourTitle() === 'Welcome to Acme', 'the first step on screen again');
    expect(center()!.isOpen).to.equal(false);

    const opened = events.find((e: AnalyticsEvent) => e.type === 'resource_center_opened');
    expect(opened?.props).to.deep.equal({ guides: 1, tasksLeft: 2 });
    const replayed = events.find((e: AnalyticsEvent) => e.type === 'guide_replayed');
    expect(replayed).to.deep.include({ experienceId: 'welcome', experienceType: 'tour' });
    expect(replayed?.props).to.deep.equal({ status: 'dismissed' });
  });

  it('holds the checklist and help: neither floats its own launcher; the checklist renders inside the center', async () => {
    wm = createWaymark({ config: config(), user: { id: 'u-rc-joined' }, storage: { kind: 'memory' } });
    await wm.ready;
    wm.dismiss('welcome');
    await until(() => inCenter('[part="badge"]') !== null, 'the center with the checklist badge');
    expect(inCenter('[part="badge"]')!.textContent).to.contain('2');
    expect(document.querySelector('wm-checklist[data-waymark-ui]'), 'no floating checklist').to.equal(null);
    expect(document.querySelector('wm-help[data-waymark-ui]')?.shadowRoot?.querySelector('[part="launcher"]') ?? null, 'no help launcher').to.equal(null);
    inCenter<HTMLButtonElement>('[part="launcher"]')!.click();
    await until(() => inCenter('wm-checklist')?.shadowRoot?.querySelector('[part="items"]') != null, 'the checklist inside the center');

    // Ticking a task inside the center reaches the engine, and the badge follows.
    const done = nextEvent(wm, 'checklist_item_completed');
    inCenter('wm-checklist')!.shadowRoot!.querySelector<HTMLInputElement>('li[data-item="a"] input')!.click();
    expect((await done).props).to.deep.include({ item: 'a' });
    await until(() => inCenter('[part="badge"]')?.textContent?.includes('1') === true, 'one task left on the badge');

    // "Suggested articles" opens the help panel in place of the center.
    inCenter<HTMLButtonElement>('.help .actions .btn:not(.primary)')!.click();
    await until(() => (document.querySelector('wm-help[data-waymark-ui]') as (HTMLElement & { isOpen?: boolean }) | null)?.isOpen === true, 'the help panel open');
    expect(center()!.isOpen).to.equal(false);
  });

  it('parts turned off are absent, and their surfaces keep their own launchers', async () => {
    wm = createWaymark({ config: config({ checklist: false, help: false, guides: false }), user: { id: 'u-rc-off' }, storage: { kind: 'memory' } });
    await wm.ready;
    wm.dismiss('welcome');
    await until(() => document.querySelector('wm-checklist[data-waymark-ui]') !== null, 'the floating checklist');
    await until(() => document.querySelector('wm-help[data-waymark-ui]')?.shadowRoot?.querySelector('[part="launcher"]') != null, 'the help launcher');
    await until(() => inCenter('[part="launcher"]') !== null, 'the center launcher');
    inCenter<HTMLButtonElement>('[part="launcher"]')!.click();
    await until(centerOpen, 'the center open');
    expect(inCenter('wm-checklist')).to.equal(null);
    expect(inCenter('.help')).to.equal(null);
    expect(inCenter('.guides')).to.equal(null);
  });

  it('with the resource center disabled, today\'s behaviour stays: the floating checklist and help launcher, no center', async () => {
    wm = createWaymark({ config: config({ enabled: false }), user: { id: 'u-rc-disabled' }, storage: { kind: 'memory' } });
    await wm.ready;
    wm.dismiss('welcome');
    await until(() => document.querySelector('wm-checklist[data-waymark-ui]') !== null, 'the floating checklist');
    await until(() => document.querySelector('wm-help[data-waymark-ui]')?.shadowRoot?.querySelector('[part="launcher"]') != null, 'the help launcher');
    expect(center()).to.equal(null);
  });

  it('destroy() removes the center', async () => {
    wm = createWaymark({ config: config(), user: { id: 'u-rc-destroy' }, storage: { kind: 'memory' } });
    await wm.ready;
    await until(() => center() !== null, 'the center mounted');
    wm.destroy();
    wm = undefined;
    expect(center()).to.equal(null);
  });
});
