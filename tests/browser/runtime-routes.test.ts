import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { nextEvent, uniqueDb, until } from './helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };
const title = () => document.querySelector<TourElement>('wm-tour[data-waymark-ui]')?.panel?.querySelector('.title')?.textContent?.trim();

const config: WaymarkConfig = {
  version: '1',
  experiences: [
    {
      id: 'two-routes',
      type: 'tour',
      steps: [
        { page: '/wm-route-a', title: 'On route A' },
        { page: '/wm-route-b', title: 'On route B' },
        { page: '/wm-route-b', title: 'Still on B' },
      ],
    },
  ],
};

describe('a tour spanning two routes', () => {
  const startUrl = location.href;
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    history.replaceState(null, '', startUrl);
  });

  it('waits on the wrong route, follows an SPA navigation, and resumes at the same step after a reload', async () => {
    const dbName = uniqueDb();
    history.replaceState(null, '', '/wm-route-a');
    wm = createWaymark({ config, user: { id: 'u-routes' }, storage: { dbName } });
    await until(() => title() === 'On route A', 'step 1 on route A');

    // Next: the step lives on route B, so the tour hides here and waits.
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'two-routes');
    wm.act('two-routes', { type: 'next' });
    await hidden;
    await until(() => title() === undefined, 'nothing shown on route A');
    expect(wm.why('two-routes')!.active).to.equal(true);

    // The app navigates (pushState): the tour follows at step 2.
    history.pushState(null, '', '/wm-route-b');
    await until(() => title() === 'On route B', 'step 2 on route B');

    // A full reload on route B: the same step comes back.
    wm.destroy();
    await until(() => title() === undefined, 'the old page gone');
    wm = createWaymark({ config, user: { id: 'u-routes' }, storage: { dbName } });
    await until(() => title() === 'On route B', 'step 2 again after the reload');

    // A reload on route A does not show route B's step.
    wm.destroy();
    history.replaceState(null, '', '/wm-route-a');
    wm = createWaymark({ config, user: { id: 'u-routes' }, storage: { dbName } });
    await wm.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect(title()).to.equal(undefined);
    history.pushState(null, '', '/wm-route-b');
    await until(() => title() === 'On route B', 'step 2 once back on route B');
  });
});
