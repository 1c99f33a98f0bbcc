import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../index.js';
import { uniqueDb, until } from '../../../tests/browser/helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };

/** A step that advances on a click on a link: the runtime's click sensor and the step itself both see that click. */
const config: WaymarkConfig = {
  version: '1',
  experiences: [
    {
      id: 'link-tour',
      type: 'tour',
      steps: [
        { target: '#wm-link-step', title: 'Click Projects', advanceOn: { click: true } },
        { title: 'Help is one click away' },
        { title: 'Create your first project' },
      ],
    },
  ],
};

const tour = () => document.querySelector<TourElement>('wm-tour');
const dialogTitle = () => tour()?.panel?.querySelector('.title')?.textContent?.trim();

describe('<wm-tour> with the runtime: a link step', () => {
  let wm: Waymark | undefined;
  beforeEach(() => {
    const link = document.createElement('a');
    link.id = 'wm-link-step';
    link.href = '#projects-page';
    link.textContent = 'Projects';
    link.style.cssText = 'display:inline-block;margin:120px';
    document.body.append(link);
  });
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    document.getElementById('wm-link-step')?.remove();
    location.hash = '';
  });

  it('a real click on the link moves on exactly one step (never skips the next one)', async () => {
    wm = createWaymark({ config, user: { id: 'u-link-click' }, storage: { dbName: uniqueDb() } });
    await until(() => dialogTitle() === 'Click Projects', 'the link step');
    const box = document.getElementById('wm-link-step')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await until(() => dialogTitle() !== 'Click Projects', 'moved on');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialogTitle()).to.equal('Help is one click away');
  });

  it('Enter on the step follows the link and moves on exactly one step', async () => {
    wm = createWaymark({ config, user: { id: 'u-link-enter' }, storage: { dbName: uniqueDb() } });
    await until(() => dialogTitle() === 'Click Projects', 'the link step');
    tour()!.panel!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => location.hash === '#projects-page', 'the link followed');
    await until(() => dialogTitle() !== 'Click Projects', 'moved on');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialogTitle()).to.equal('Help is one click away');
  });
});
