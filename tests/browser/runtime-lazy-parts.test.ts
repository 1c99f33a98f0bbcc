/**
 * Parts of the runtime that only some configs need load while the config is read: these configs
 * must behave exactly as if the parts were always there.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkError } from '../../src/index.js';
import { uniqueDb, until } from './helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };
const title = () => document.querySelector<TourElement>('wm-tour[data-waymark-ui]')?.panel?.querySelector('.title')?.textContent?.trim();

describe('lazy runtime parts: configs that use them work as before', () => {
  const startUrl = location.href;
  let wm: Waymark | undefined;
  let errors: WaymarkError[] = [];
  const start = (config: WaymarkConfig) => {
    errors = [];
    wm = createWaymark({ config, user: { id: 'u-lazy' }, storage: { dbName: uniqueDb() } });
    wm.on('error', (error) => errors.push(error));
    return wm;
  };
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    history.replaceState(null, '', startUrl);
  });

  it('a regex page pattern matches from the first page (the checker loads with the config)', async () => {
    history.replaceState(null, '', '/wm-projects/42');
    start({
      version: '1',
      experiences: [{ id: 'project', type: 'tour', when: { page: { path: '^/wm-projects/\\d+$', match: 'regex' } }, steps: [{ title: 'Your project' }] }],
    });
    await until(() => title() === 'Your project', 'the tour on a page its regex matches');
    wm!.destroy();
    await until(() => title() === undefined, 'the old page gone');

    history.replaceState(null, '', '/wm-projects/new');
    start({
      version: '1',
      experiences: [{ id: 'project', type: 'tour', when: { page: { path: '^/wm-projects/\\d+$', match: 'regex' } }, steps: [{ title: 'Your project' }] }],
    });
    await wm!.ready;
    await new Promise((r) => setTimeout(r, 150));
    expect(title()).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.not.include('page-regex-unavailable');
  });

  it('an experience added in code with a regex step page loads the checker too', async () => {
    history.replaceState(null, '', '/wm-reports/7');
    start({ version: '1', experiences: [] });
    await wm!.ready;
    wm!.addExperience({ id: 'report', type: 'tour', steps: [{ page: { path: '^/wm-reports/\\d+$', match: 'regex' }, title: 'This report' }] });
    await until(() => title() === 'This report', 'the added tour on its regex page');
    expect(errors.map((e) => e.code)).to.not.include('page-regex-unavailable');
  });

  it('sensors beyond the route load with the config: an element appearing, then a click, start tours', async () => {
    const button = Object.assign(document.createElement('button'), { id: 'wm-lazy-button', textContent: 'Create project' });
    start({
      version: '1',
      // Two blocking tours in a row: no gap between them.
      limits: { minGap: '0s' },
      experiences: [
        { id: 'on-present', type: 'tour', when: { element: '#wm-lazy-button' }, steps: [{ title: 'The button is here' }] },
        { id: 'after-click', type: 'tour', when: { element: '#wm-lazy-button', state: 'clicked' }, steps: [{ title: 'You clicked it' }] },
      ],
    });
    await wm!.ready;
    await new Promise((r) => setTimeout(r, 100));
    expect(title()).to.equal(undefined);
    document.body.append(button);
    try {
      await until(() => title() === 'The button is here', 'the tour once its element is on the page');
      wm!.dismiss('on-present');
      await until(() => title() === undefined, 'the first tour dismissed');
      button.click();
      await until(() => title() === 'You clicked it', 'the tour a click on the element starts');
      expect(errors.filter((e) => e.code === 'sensor-failed')).to.deep.equal([]);
    } finally {
      button.remove();
    }
  });

  it('a tour step that targets an element by its text finds it (text matching loads with the config)', async () => {
    const button = Object.assign(document.createElement('button'), { textContent: 'Invite teammates' });
    document.body.append(button);
    try {
      start({ version: '1', experiences: [{ id: 'by-text', type: 'tour', steps: [{ target: { text: 'Invite teammates', role: 'button' }, title: 'Invite them here' }] }] });
      await until(() => title() === 'Invite them here', 'the step on its text target');
      const tour = document.querySelector('wm-tour[data-waymark-ui]') as unknown as { layout: string };
      expect(tour.layout).to.equal('anchored');
      expect(errors).to.deep.equal([]);
    } finally {
      button.remove();
    }
  });
});
