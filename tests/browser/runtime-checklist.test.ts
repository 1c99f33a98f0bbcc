import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { nextEvent, uniqueDb, until } from './helpers.js';

const config: WaymarkConfig = {
  version: '1',
  // The floating checklist on its own (the resource center, on by default, would hold it).
  resourceCenter: { enabled: false },
  stages: [{ id: 'signup' }, { id: 'setup' }, { id: 'team' }],
  experiences: [
    {
      id: 'setup-list',
      type: 'checklist',
      title: 'Set up Acme',
      completeToStage: 'team',
      items: [
        { id: 'account', title: 'Create your account', initiallyDone: true },
        { id: 'project', title: 'Create a project', doneWhen: { event: 'project_created' } },
        { id: 'billing', title: 'Look at billing', doneWhen: { visited: '/wm-billing' } },
        { id: 'plan', title: 'Pick a plan', doneWhen: { trait: 'plan', equals: 'pro' } },
        { id: 'invite', title: 'Invite the team', dependsOn: ['project'], doneWhen: { event: 'teammate_invited' } },
      ],
    },
  ],
};

const list = () => document.querySelector<HTMLElement>('wm-checklist[data-waymark-ui]');
const items = () => [...(list()?.shadowRoot?.querySelectorAll<HTMLElement>('li[data-item]') ?? [])];
const state = (id: string) => {
  const li = items().find((item) => item.dataset.item === id);
  return li ? (li.classList.contains('done') ? 'done' : li.classList.contains('locked') ? 'locked' : 'open') : 'missing';
};
const states = () => Object.fromEntries(items().map((li) => [li.dataset.item!, state(li.dataset.item!)]));

describe('checklists through the runtime', () => {
  const startUrl = location.href;
  const instances: Waymark[] = [];
  const make = (options: Parameters<typeof createWaymark>[0]) => {
    const wm = createWaymark(options);
    instances.push(wm);
    return wm;
  };
  afterEach(() => {
    for (const wm of instances.splice(0)) wm.destroy();
    history.replaceState(null, '', startUrl);
  });

  it('items complete from events, page visits and traits; progress is shared by tabs and survives a reload; finishing celebrates and moves the stage', async () => {
    const dbName = uniqueDb();
    const wm = make({ config, user: { id: 'u-list' }, storage: { dbName } });
    await until(() => list() !== null, 'the checklist launcher');
    // Open the panel as a user would.
    await until(() => Boolean(list()!.shadowRoot?.querySelector('button')), 'the launcher button');
    list()!.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => items().length === 5, 'the five tasks listed');
    expect(states()).to.deep.equal({ account: 'done', project: 'open', billing: 'open', plan: 'open', invite: 'locked' });

    wm.track('project_created');
    await until(() => state('project') === 'done' && state('invite') === 'open', 'project done, invite unlocked');
    history.pushState(null, '', '/wm-billing');
    await until(() => state('billing') === 'done', 'billing done by a page visit');
    wm.identify('u-list', { plan: 'pro' });
    await until(() => state('plan') === 'done', 'plan done by a trait');

    // Another tab of the same user sees the same progress.
    const tab2 = make({ config, user: { id: 'u-list' }, storage: { dbName }, ui: false });
    // It may load before this tab's last write lands; cross-tab sync then brings it up to date.
    const seen = await nextEvent(tab2, 'show', (e) => e.experience.id === 'setup-list' && e.checklist?.done === 4);
    expect(seen.checklist?.total).to.equal(5);

    // A reload keeps it.
    wm.destroy();
    await until(() => list() === null, 'the old page gone');
    const reloaded = make({ config, user: { id: 'u-list' }, storage: { dbName } });
    await until(() => Boolean(list()?.shadowRoot?.querySelector('button')), 'the launcher again');
    list()!.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => items().length === 5, 'tasks listed after the reload');
    expect(states()).to.deep.equal({ account: 'done', project: 'done', billing: 'done', plan: 'done', invite: 'open' });

    // The last task: celebration, completion event and the stage move.
    const completed = nextEvent(reloaded, 'experience_completed', (e) => e.experienceId === 'setup-list');
    const staged = nextEvent(reloaded, 'stage', (e) => e.to === 'team');
    reloaded.track('teammate_invited');
    await completed;
    await staged;
    await until(() => Boolean(list()?.shadowRoot?.querySelector('[part~="celebration"]')), 'the celebration');
  });
});
