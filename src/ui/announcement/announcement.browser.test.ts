import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AnnouncementExperience } from '../../config/types.js';
import { axeViolations, createHarness, deepActive, isShown, until, type Harness } from '../../../tests/browser/layouts/harness.js';
import type { WmAnnouncement } from './announcement.js';

const CHART = new URL('./test-chart.svg', import.meta.url).pathname;

const banner = (overrides: Partial<AnnouncementExperience> = {}): AnnouncementExperience => ({
  id: 'news',
  type: 'announcement',
  display: 'banner',
  title: 'Dark mode is here',
  body: 'Switch it on in **Settings**.',
  buttons: [{ label: 'Try it', action: { type: 'url', url: '/settings' }, variant: 'primary' }],
  ...overrides,
});

const modal = (overrides: Partial<AnnouncementExperience> = {}): AnnouncementExperience => ({
  id: 'launch',
  type: 'announcement',
  display: 'modal',
  title: 'Meet reports',
  body: 'Reports show your *whole* week. [Read more](https://example.com/reports)',
  image: { src: CHART, alt: 'A weekly report chart' },
  buttons: [
    { label: 'Later', action: { type: 'dismiss' } },
    { label: 'Open reports', action: { type: 'start', experience: 'reports-tour' }, variant: 'primary' },
  ],
  ...overrides,
});

async function mounted(id: string): Promise<WmAnnouncement> {
  let element: WmAnnouncement | null = null;
  await until(() => (element = document.querySelector<WmAnnouncement>(`[data-experience="${id}"]`)) !== null, `${id} mounted`);
  await element!.updateComplete;
  await until(() => isShown(element!.panel), `${id} shown`);
  return element!;
}

const gone = (id: string) => until(() => document.querySelector(`[data-experience="${id}"]`) === null, `${id} removed`);

async function click(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

const types = (harness: Harness) => harness.actions.map((entry) => entry.action.type);

describe('<wm-announcement> banner', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  it('is a named region along the top edge, in the top layer, with rich text, and does not take focus', async () => {
    await fixture(html`<div style="padding:200px 20px"><button id="before">Before</button></div>`);
    const before = document.querySelector<HTMLButtonElement>('#before')!;
    before.focus();
    harness = createHarness();
    harness.show(banner());
    const element = await mounted('news');
    const bar = element.panel!;
    expect(bar.getAttribute('role')).to.equal('region');
    expect(element.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!.textContent).to.equal('Dark mode is here');
    expect(bar.matches(':popover-open')).to.equal(true);
    const rect = bar.getBoundingClientRect();
    expect(rect.top).to.equal(0);
    expect(rect.left).to.equal(0);
    expect(rect.width).to.equal(document.documentElement.clientWidth);
    expect(bar.querySelector('.body strong')!.textContent).to.equal('Settings');
    expect(deepActive()).to.equal(before);
    expect(types(harness)).to.deep.equal(['shown']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('publishes its height so the page can make room, and takes it back when it closes', async () => {
    await fixture(html`<div style="padding:200px 20px">Page</div>`);
    harness = createHarness();
    harness.show(banner());
    const element = await mounted('news');
    const root = document.documentElement;
    await until(() => root.style.getPropertyValue('--waymark-banner-top') !== '', 'the height published');
    expect(parseInt(root.style.getPropertyValue('--waymark-banner-top'), 10)).to.equal(Math.ceil(element.panel!.getBoundingClientRect().height));
    harness.renderer.hide('news', 'dismissed');
    await gone('news');
    expect(root.style.getPropertyValue('--waymark-banner-top')).to.equal('');
    expect(root.hasAttribute('style')).to.equal(false);
  });

  it('sits below the page\'s fixed header instead of covering it', async () => {
    await fixture(html`<div>
      <header id="header" style="position:fixed;top:0;left:0;right:0;height:64px;background:#123;color:#fff;z-index:2147483647">Header</header>
      <div style="height:2000px"></div>
    </div>`);
    harness = createHarness();
    harness.show(banner());
    const element = await mounted('news');
    await until(() => element.panel!.getBoundingClientRect().top === 64, 'banner below the header');
    expect(document.elementFromPoint(400, 32)).to.equal(document.querySelector('#header'));
  });

  it('at the bottom, sits on the bottom edge, above a fixed bottom bar', async () => {
    await fixture(html`<div>
      <nav id="tabs" aria-label="Tabs" style="position:fixed;bottom:0;left:0;right:0;height:50px;background:#eee">Tabs</nav>
    </div>`);
    harness = createHarness();
    harness.show(banner({ position: 'bottom' }));
    const element = await mounted('news');
    await until(() => Math.round(element.panel!.getBoundingClientRect().bottom) === innerHeight - 50, 'banner above the bottom bar');
    expect(element.panel!.classList.contains('bottom')).to.equal(true);
    expect(document.elementFromPoint(400, innerHeight - 25)).to.equal(document.querySelector('#tabs'));
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('reports a click on × as dismiss, and a button as its action', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness({ engine: false });
    harness.show(banner());
    const element = await mounted('news');
    await click(element.panel!.querySelector('.btn.primary')!);
    await click(element.panel!.querySelector('.close')!);
    expect(harness.actions.map((entry) => entry.action)).to.deep.equal([
      { type: 'shown' },
      { type: 'button', action: { type: 'url', url: '/settings' } },
      { type: 'dismiss' },
    ]);
  });

  it('Escape dismisses it only while focus is inside it', async () => {
    await fixture(html`<div><input id="field" aria-label="Field" /></div>`);
    harness = createHarness();
    harness.show(banner());
    const element = await mounted('news');
    document.querySelector<HTMLInputElement>('#field')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(types(harness)).to.deep.equal(['shown']);
    element.panel!.querySelector<HTMLButtonElement>('.btn.primary')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(types(harness)).to.deep.equal(['shown', 'dismiss']);
    await gone('news');
  });

  it('without dismissible, offers no close button and ignores Escape', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(banner({ dismissible: false }));
    const element = await mounted('news');
    expect(element.panel!.querySelector('.close')).to.equal(null);
    element.panel!.querySelector<HTMLButtonElement>('.btn')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(types(harness)).to.deep.equal(['shown']);
  });

  it('in Arabic, English text (no Arabic variant) is laid out left to right as a block, so its clamp ends its last line', async () => {
    await fixture(html`<main><h1>App</h1></main>`);
    harness = createHarness({ locale: 'ar' });
    harness.show(banner({ id: 'news-fallback', title: { en: 'New region: EU North (Vilnius) is now generally available' }, body: { en: 'Keep data in the EU.' } }));
    const element = await mounted('news-fallback');
    expect(element.panel!.getAttribute('dir'), 'the banner itself follows the UI').to.equal('rtl');
    const text = element.panel!.querySelector('.text')!;
    expect(text.getAttribute('dir')).to.equal('ltr');
    expect(text.getAttribute('lang')).to.equal('en');
  });

  it('beside a sidebar pinned along the page, stops at it instead of covering the navigation', async () => {
    await fixture(html`<div>
      <nav style="position:fixed;top:0;bottom:0;left:0;width:200px;background:#eee">Navigation</nav>
      <main style="margin-left:200px"><h1>App</h1></main>
    </div>`);
    harness = createHarness();
    harness.show(banner({ id: 'news-side', position: 'bottom' }));
    const element = await mounted('news-side');
    await until(() => Math.round(element.panel!.getBoundingClientRect().left) === 200, 'the banner beside the sidebar');
    expect(Math.round(element.panel!.getBoundingClientRect().right)).to.equal(window.innerWidth);
  });

  it('is mirrored in Arabic and localized in Russian and Lithuanian', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness({ locale: 'ar' });
    harness.show(banner({ title: { en: 'News', ar: 'جديد' }, body: undefined, buttons: undefined }));
    const element = await mounted('news');
    const bar = element.panel!;
    expect(bar.getAttribute('dir')).to.equal('rtl');
    const close = bar.querySelector('.close')!;
    expect(close.getAttribute('aria-label')).to.equal('إغلاق');
    expect(close.getBoundingClientRect().left).to.be.lessThan(innerWidth / 2);
    expect(await axeViolations(element)).to.deep.equal([]);
    harness.dispose();

    for (const [locale, label] of [['ru', 'Закрыть'], ['lt', 'Uždaryti']] as const) {
      harness = createHarness({ locale });
      harness.show(banner({ id: `news-${locale}` }));
      const localized = await mounted(`news-${locale}`);
      expect(localized.panel!.getAttribute('lang')).to.equal(locale);
      expect(localized.panel!.querySelector('.close')!.getAttribute('aria-label')).to.equal(label);
      expect(await axeViolations(localized)).to.deep.equal([]);
      harness.dispose();
    }
  });
});

describe('<wm-announcement> modal', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  it('is a centred modal dialog, labelled and described, with the image\'s alt, focus inside', async () => {
    await fixture(html`<div><button id="opener">Opener</button></div>`);
    harness = createHarness();
    harness.show(modal());
    const element = await mounted('launch');
    const dialog = element.panel!;
    expect(dialog.localName).to.equal('dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(element.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Meet reports');
    expect(element.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.contain('whole week');
    expect(dialog.querySelector('img')!.getAttribute('alt')).to.equal('A weekly report chart');
    const rect = dialog.getBoundingClientRect();
    expect(Math.abs(rect.left + rect.width / 2 - innerWidth / 2)).to.be.lessThan(2);
    expect(Math.abs(rect.top + rect.height / 2 - innerHeight / 2)).to.be.lessThan(2);
    expect(deepActive()).to.equal(dialog);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('traps Tab and Shift+Tab inside, and Escape dismisses it and gives focus back', async () => {
    await fixture(html`<div><button id="opener">Opener</button><button id="after">After</button></div>`);
    const opener = document.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    harness = createHarness();
    harness.show(modal());
    const element = await mounted('launch');
    const dialog = element.panel!;
    const tabbables = [
      dialog.querySelector('.close'),
      dialog.querySelector('a'),
      ...dialog.querySelectorAll('.footer button'),
    ];
    const seen: Array<Element | null> = [];
    for (let i = 0; i < tabbables.length + 1; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(deepActive());
    }
    expect(seen).to.deep.equal([...tabbables, tabbables[0]]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(tabbables[tabbables.length - 1]);
    await sendKeys({ press: 'Escape' });
    expect(types(harness)).to.deep.equal(['shown', 'dismiss']);
    await gone('launch');
    expect(deepActive()).to.equal(opener);
  });

  it('Escape closes only the topmost layer: the modal over a banner', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(banner());
    const bar = await mounted('news');
    bar.panel!.querySelector<HTMLButtonElement>('.btn')!.focus();
    harness.show(modal());
    await mounted('launch');
    await sendKeys({ press: 'Escape' });
    await gone('launch');
    expect(harness.actions.filter((entry) => entry.action.type === 'dismiss').map((entry) => entry.id)).to.deep.equal(['launch']);
    expect(isShown(bar.panel)).to.equal(true);
  });

  it('reports its buttons by pointer; "Later" (dismiss) ends it', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(modal());
    const element = await mounted('launch');
    const [later, open] = Array.from(element.panel!.querySelectorAll('.footer button'));
    await click(open!);
    await click(later!);
    expect(harness.actions.map((entry) => entry.action)).to.deep.equal([
      { type: 'shown' },
      { type: 'button', action: { type: 'start', experience: 'reports-tour' } },
      { type: 'button', action: { type: 'dismiss' } },
    ]);
    await gone('launch');
  });

  it('keeps a close button when not dismissible but it has no buttons, so nobody is trapped', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(modal({ dismissible: false, buttons: undefined }));
    const element = await mounted('launch');
    expect(element.panel!.querySelector('.close')).not.to.equal(null);
    harness.dispose();
    harness = createHarness();
    harness.show(modal({ id: 'strict', dismissible: false }));
    const strict = await mounted('strict');
    expect(strict.panel!.querySelector('.close')).to.equal(null);
  });

  it('in Russian and in Arabic (RTL), stays accessible', async () => {
    await fixture(html`<div></div>`);
    for (const locale of ['ru', 'ar']) {
      harness = createHarness({ locale });
      harness.show(modal({ id: `launch-${locale}`, title: { en: 'Meet reports', ru: 'Встречайте отчёты', ar: 'تعرّف على التقارير' } }));
      const element = await mounted(`launch-${locale}`);
      expect(element.panel!.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(element.panel!.querySelector('.title')!.textContent).to.equal(locale === 'ar' ? 'تعرّف على التقارير' : 'Встречайте отчёты');
      expect(await axeViolations(element)).to.deep.equal([]);
      harness.dispose();
    }
  });
});
