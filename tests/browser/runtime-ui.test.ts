import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { nextEvent, uniqueDb, until } from './helpers.js';

type TourElement = HTMLElement & { panel?: HTMLElement };

const config: WaymarkConfig = {
  version: '1',
  locale: { default: 'en', supported: ['en', 'ru', 'lt'] },
  experiences: [
    {
      id: 'welcome',
      type: 'tour',
      steps: [
        { title: { en: 'Welcome to Acme', ru: 'Добро пожаловать в Acme', lt: 'Sveiki atvykę į Acme' }, body: 'Let us **look around**.' },
        { target: '#wm-ui-target', title: 'Your projects', body: 'All projects live here.' },
        { title: 'Done' },
      ],
    },
  ],
};

const tour = () => document.querySelector<TourElement>('wm-tour');
const dialogTitle = () => tour()?.panel?.querySelector('.title')?.textContent?.trim();

describe('runtime renders with Waymark components', () => {
  let wm: Waymark | undefined;
  beforeEach(() => {
    const target = document.createElement('button');
    target.id = 'wm-ui-target';
    target.textContent = 'Projects';
    document.body.append(target);
  });
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    document.getElementById('wm-ui-target')?.remove();
  });

  it('shows the tour as a labelled dialog; the keyboard moves it on; the step survives a reload', async () => {
    const dbName = uniqueDb();
    wm = createWaymark({ config, user: { id: 'u-ui' }, locale: 'en-GB', storage: { dbName } });
    await until(() => dialogTitle() === 'Welcome to Acme', 'the first step on screen');
    // A dialog named by the step's title, as a screen reader announces it.
    const card = tour()!.panel!;
    expect(card.tagName).to.equal('DIALOG');
    expect(tour()!.shadowRoot!.getElementById(card.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal('Welcome to Acme');
    const stepped = nextEvent(wm, 'step_viewed', (e) => e.props?.step === 1);
    await sendKeys({ press: 'ArrowRight' });
    await stepped;
    await until(() => dialogTitle() === 'Your projects', 'the second step on screen');
    // Anchored next to its target.
    const target = document.getElementById('wm-ui-target')!.getBoundingClientRect();
    const panel = tour()!.panel!.getBoundingClientRect();
    const gap = Math.min(Math.abs(panel.top - target.bottom), Math.abs(target.top - panel.bottom), Math.abs(panel.left - target.right), Math.abs(target.left - panel.right));
    expect(gap, 'popover sits next to its target').to.be.lessThan(40);

    wm.destroy();
    await until(() => tour() === null, 'the tour removed by destroy()');
    wm = createWaymark({ config, user: { id: 'u-ui' }, storage: { dbName } });
    await until(() => dialogTitle() === 'Your projects', 'the tour resumed at step 2 after a reload');
  });

  it('renders content in the negotiated locale', async () => {
    wm = createWaymark({ config, user: { id: 'u-ui-lt' }, locale: 'lt-LT', storage: { kind: 'memory' } });
    await until(() => dialogTitle() === 'Sveiki atvykę į Acme', 'the Lithuanian title');
    const progress = tour()!.panel!.querySelector('.progress')!.textContent!.trim();
    expect(progress).to.equal('1 iš 3');
  });

  it('Escape dismisses the tour and it stays dismissed', async () => {
    wm = createWaymark({ config, user: { id: 'u-ui-esc' }, storage: { kind: 'memory' } });
    await until(() => dialogTitle() === 'Welcome to Acme', 'the first step on screen');
    const dismissed = nextEvent(wm, 'experience_dismissed');
    await sendKeys({ press: 'Escape' });
    await dismissed;
    await until(() => tour() === null, 'the tour gone');
    expect(wm.why('welcome')!.eligible).to.equal(false);
  });
});
