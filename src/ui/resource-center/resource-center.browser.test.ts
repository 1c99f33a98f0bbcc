import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { axeViolations, deepActive, isShown, until } from '../../../tests/browser/layouts/harness.js';
import { mountCenter, type MountCenterOptions, type MountedCenter } from './test-support.js';

describe('<wm-resource-center>', () => {
  let mounted: MountedCenter | undefined;
  const mount = async (options?: MountCenterOptions) => (mounted = await mountCenter(options));
  const root = () => mounted!.element.shadowRoot!;
  const launcher = () => root().querySelector<HTMLButtonElement>('[part="launcher"]')!;
  const panel = () => root().querySelector<HTMLElement>('[part="panel"]')!;
  const isOpen = () => panel().matches(':popover-open');

  afterEach(async () => {
    mounted?.dispose();
    mounted = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  it('is one launcher with the tasks left, and a labelled non-modal dialog', async () => {
    await mount();
    expect(launcher().getAttribute('aria-expanded')).to.equal('false');
    // Its name says what it is and what is waiting: two of three tasks are left.
    expect(launcher().textContent!.replace(/\s+/g, ' ').trim()).to.equal('?Help 2, 2 tasks left');
    expect(root().querySelector('[part="badge"]')!.textContent).to.contain('2');
    launcher().click();
    await until(isOpen, 'the panel open');
    expect(panel().getAttribute('role')).to.equal('dialog');
    expect(panel().hasAttribute('aria-modal')).to.equal(false);
    expect(root().getElementById(panel().getAttribute('aria-labelledby')!)!.textContent).to.equal('Help');
    expect(launcher().getAttribute('aria-expanded')).to.equal('true');
    // The inline checklist reported itself shown when it rendered; opening the center is reported once.
    expect(mounted!.calls.filter((call) => !call.startsWith('act:'))).to.deep.equal(['open']);
  });

  it('holds every part: the checklist (rendered by the checklist component), help, tours to replay with their status, and news', async () => {
    await mount();
    await mounted!.element.show();
    const checklist = root().querySelector('.checklist-slot wm-checklist')!;
    await until(() => checklist.shadowRoot?.querySelector('[part="items"]') !== null, 'the checklist rendered inline');
    expect(checklist.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Get Acme Cloud running');
    expect(root().querySelector('#wm-rc-help')!.textContent).to.equal('Find an answer');
    expect(root().querySelector('[part="search"]')).to.not.equal(null);
    const guides = [...root().querySelectorAll('[part="guide"]')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(guides).to.deep.equal([
      'Welcome to Acme Cloud Finished · 4 steps Replay',
      'Billing basics Skipped · 3 steps Replay',
      'Reports tour Paused for later · 2 steps Replay',
    ]);
    const replay = root().querySelector<HTMLButtonElement>('[part="replay"]')!;
    // Its accessible name names the tour (axe checks that the name is computed from these ids).
    expect(replay.getAttribute('aria-labelledby')!.split(' ').map((id) => root().getElementById(id)!.textContent)).to.deep.equal(['Replay', 'Welcome to Acme Cloud']);
    expect(root().querySelector('#wm-rc-news')!.textContent).to.equal('What’s new');
    expect(root().querySelector('.announcements .row-title')!.textContent).to.equal('Dark mode is here');
  });

  it('a tick in the inline checklist reaches the runtime and the badge follows', async () => {
    await mount();
    await mounted!.element.show();
    const checklist = root().querySelector('.checklist-slot wm-checklist')!;
    await until(() => checklist.shadowRoot?.querySelector('li[data-item="project"] input') != null, 'the tasks rendered');
    checklist.shadowRoot!.querySelector<HTMLInputElement>('li[data-item="project"] input')!.click();
    await until(() => root().querySelector('[part="badge"]')?.textContent?.includes('1') === true, 'the badge at one task left');
    expect(mounted!.calls).to.include('act:setup:item-done');
  });

  it('Replay, Open, search and contact hand over to the runtime and close the center, focus on the launcher', async () => {
    await mount();
    for (const [selector, call] of [
      ['[part="replay"]', 'replay:welcome'],
      ['.announcements button', 'news:dark-mode'],
      ['.help .actions .btn:not(.primary)', 'help:'],
      ['.help .btn.primary', 'contact'],
    ] as const) {
      await mounted!.element.show();
      root().querySelector<HTMLButtonElement>(selector)!.click();
      expect(isOpen(), `${call} closed the center`).to.equal(false);
      expect(mounted!.calls.at(-1)).to.equal(call);
      expect(deepActive()).to.equal(launcher());
    }
    await mounted!.element.show();
    root().querySelector<HTMLInputElement>('[part="search"]')!.focus();
    await sendKeys({ type: 'invoice' });
    await sendKeys({ press: 'Enter' });
    expect(mounted!.calls.at(-1)).to.equal('help:invoice');
  });

  it('keyboard: Enter opens with focus inside, Tab reaches every control, Escape closes and returns focus to the launcher', async () => {
    await mount({ done: null });
    launcher().focus();
    await sendKeys({ press: 'Enter' });
    await until(isOpen, 'open by Enter');
    expect(deepActive()?.id).to.equal('wm-rc-title');
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive() as HTMLElement;
      if (!root().contains(active) || active === launcher()) break;
      reached.push(active.getAttribute('aria-label') ?? active.getAttribute('part') ?? active.textContent!.trim());
    }
    expect(reached).to.deep.equal(['Close', 'search', 'Search', 'Suggested articles', 'Contact us', 'replay', 'replay', 'replay', 'Open']);
    // Tab left the panel after its last control (it is not modal); back in, Escape closes it.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root().contains(deepActive())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(isOpen()).to.equal(false);
    expect(deepActive()).to.equal(launcher());
    // Space opens it too.
    await sendKeys({ press: 'Space' });
    await until(isOpen, 'open by Space');
  });

  it('Escape with focus outside the panel leaves it open (it is not modal)', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Page button';
    document.body.append(outside);
    try {
      await mount();
      await mounted!.element.show();
      outside.focus();
      await sendKeys({ press: 'Escape' });
      expect(isOpen()).to.equal(true);
      expect(mounted!.stack.size).to.equal(0);
    } finally {
      outside.remove();
    }
  });

  it('parts turned off are absent; no guides yet says where they will appear', async () => {
    await mount({ parts: { checklist: false, announcements: false, help: { search: false, suggested: false, contact: true } }, guides: [] });
    await mounted!.element.show();
    expect(root().querySelector('wm-checklist')).to.equal(null);
    expect(root().querySelector('[part="badge"]')).to.equal(null);
    expect(root().querySelector('[part="search"]')).to.equal(null);
    expect(root().querySelector('.announcements')).to.equal(null);
    expect(root().querySelector('.help .btn.primary')!.textContent).to.equal('Contact us');
    expect(root().querySelector('.guides .empty')!.textContent).to.contain('Tours you finish or skip');
    mounted!.element.input = { ...mounted!.element.input!, parts: { ...mounted!.element.input!.parts, guides: false, help: { search: false, suggested: false, contact: false } } };
    await mounted!.element.updateComplete;
    expect(root().querySelector('.guides')).to.equal(null);
    expect(root().querySelector('.help')).to.equal(null);
  });

  it('is axe-clean closed and open, light and dark', async () => {
    for (const dark of [false, true]) {
      await mount({ dark });
      expect(await axeViolations(mounted!.element), `closed, dark=${dark}`).to.deep.equal([]);
      await mounted!.element.show();
      const checklist = root().querySelector('wm-checklist')!;
      await until(() => checklist.shadowRoot?.querySelector('[part="items"]') != null, 'the checklist rendered');
      expect(await axeViolations(mounted!.element), `open, dark=${dark}`).to.deep.equal([]);
      if (dark) expect(mounted!.element.dataset.mode).to.equal('dark');
      mounted!.dispose();
    }
  });

  it('Arabic: right to left, mirrored into the bottom-left corner, strings and titles in Arabic', async () => {
    await mount({ locale: 'ar' });
    await mounted!.element.show();
    expect(panel().getAttribute('dir')).to.equal('rtl');
    expect(panel().getAttribute('lang')).to.equal('ar');
    const l = launcher().getBoundingClientRect();
    const p = panel().getBoundingClientRect();
    expect(l.left).to.be.closeTo(20, 1);
    expect(p.left).to.be.closeTo(20, 1);
    expect(root().querySelector('#wm-rc-guides')!.textContent).to.equal('الجولات والأدلة');
    expect(root().querySelector('.guides .row-title')!.textContent).to.equal('مرحبًا بك في Acme Cloud');
    expect(root().querySelector('.guides .row-meta')!.textContent).to.contain('مكتملة');
    expect(await axeViolations(mounted!.element)).to.deep.equal([]);
  });

  it('Russian plural forms for tasks and steps', async () => {
    await mount({ locale: 'ru', done: [] });
    expect(launcher().textContent).to.contain('Осталось 3 задачи');
    await mounted!.element.show();
    expect(root().querySelector('.guides .row-meta')!.textContent).to.equal('Пройден · 4 шага');
  });

  it('on a 390 px phone the panel is a full-width bottom sheet and every control is at least 44 px tall', async () => {
    await setViewport({ width: 390, height: 844 });
    await mount();
    const l = launcher().getBoundingClientRect();
    expect(l.height).to.be.at.least(44);
    await mounted!.element.show();
    const p = panel().getBoundingClientRect();
    expect(p.left).to.equal(0);
    expect(p.width).to.equal(390);
    expect(p.bottom).to.be.closeTo(844, 1);
    expect(p.top).to.be.at.least(0);
    for (const control of root().querySelectorAll<HTMLElement>('button, input')) {
      if (!isShown(control)) continue;
      expect(control.getBoundingClientRect().height, control.textContent ?? control.id).to.be.at.least(44);
    }
  });
});
