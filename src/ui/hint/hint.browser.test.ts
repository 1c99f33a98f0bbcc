import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { HintExperience, TourExperience } from '../../config/types.js';
import { adjacency, axeViolations, createHarness, deepActive, isShown, until, type Harness } from '../../../tests/browser/layouts/harness.js';

const hint = (overrides: Partial<HintExperience> = {}): HintExperience => ({
  id: 'export-tip',
  type: 'hint',
  target: '#export',
  title: 'Export',
  body: 'Exports go to your e-mail.',
  ...overrides,
});

const page = () =>
  fixture(html`<div style="padding:150px 200px">
    <button id="before">Before</button>
    <button id="export">Export</button>
    <span id="plain" style="display:inline-block;padding:8px">Plain text</span>
  </div>`);

const center = (element: Element): [number, number] => {
  const r = element.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
};

describe('<wm-hint>', () => {
  let harness: Harness;
  afterEach(async () => {
    harness?.dispose();
    await resetMouse();
  });

  it('opens on hover, stays open while the pointer moves onto it (WCAG 1.4.13 hoverable), closes after leaving both', async () => {
    await page();
    harness = createHarness();
    harness.show(hint());
    const element = await harness.hint('export-tip');
    expect(element.isOpen).to.equal(false);
    const target = document.querySelector('#export')!;
    await sendMouse({ type: 'move', position: center(target) });
    await until(() => isShown(element.panel), 'hint open on hover');
    const position = adjacency(element.panel!.getBoundingClientRect(), target.getBoundingClientRect());
    expect(position.side).to.equal('bottom');
    expect(position.gap).to.be.within(6, 14);
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Export. Exports go to your e-mail.');
    await sendMouse({ type: 'move', position: center(element.panel!) });
    // Persisting: it is still open once the pointer has reached it.
    await until(() => element.panel!.matches(':hover'), 'pointer on hint');
    expect(element.isOpen).to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);
    await sendMouse({ type: 'move', position: [5, 5] });
    await until(() => !element.isOpen, 'closed after the pointer left');
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);
  });

  it('opens on keyboard focus and Escape closes it without moving focus (dismissible)', async () => {
    await page();
    harness = createHarness();
    harness.show(hint());
    const element = await harness.hint('export-tip');
    document.querySelector<HTMLElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.id).to.equal('export');
    await until(() => isShown(element.panel), 'open on focus');
    await sendKeys({ press: 'Escape' });
    await until(() => !element.isOpen, 'closed by Escape');
    expect(deepActive()!.id).to.equal('export');
    // Escape on a hover hint is not a dismissal: it may open again.
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);
  });

  it('toggletip: Tab from the target moves into an open hint, through its controls, then on past the target; Escape returns to the target', async () => {
    await fixture(html`<div style="padding:150px 200px">
      <button id="before">Before</button>
      <input id="export" aria-label="Scope" />
      <button id="after">After</button>
    </div>`);
    harness = createHarness();
    harness.show(hint({ title: 'Least access wins', buttons: [{ label: 'Read about scopes', action: { type: 'open-help' }, variant: 'link' }] }));
    const element = await harness.hint('export-tip');
    document.querySelector<HTMLElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    await until(() => isShown(element.panel), 'open on focus');
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'Tab went into the hint').to.equal(element.panel!.querySelector('.close'));
    expect(element.isOpen).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.trim()).to.equal('Read about scopes');
    await sendKeys({ press: 'Enter' });
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'button', action: { type: 'open-help' } });
    await sendKeys({ press: 'Escape' });
    await until(() => !element.isOpen, 'closed by Escape');
    expect(deepActive()!.id, 'Escape gives focus back to the target').to.equal('export');
    // Open again (focus stays on the target, so re-focus it), go in, and Tab out of the last control.
    document.querySelector<HTMLElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    await until(() => isShown(element.panel), 'open again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()!.id, 'Shift+Tab from the first control goes back to the target').to.equal('export');
    expect(element.isOpen).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.id, 'Tab from the last control goes on to what follows the target').to.equal('after');
    await until(() => !element.isOpen, 'closed once focus moved on');
  });

  it('opens on click, and the close button reports dismiss', async () => {
    await page();
    harness = createHarness();
    harness.show(hint({ openOn: 'click', target: '#plain' }));
    const element = await harness.hint('export-tip');
    await sendMouse({ type: 'click', position: center(document.querySelector('#plain')!) });
    await until(() => isShown(element.panel), 'open on click');
    element.panel!.querySelector<HTMLButtonElement>('.close')!.click();
    expect(element.isOpen).to.equal(false);
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown', 'dismiss']);
  });

  it('without a title, keeps its text clear of the × on a desktop and on a phone, in either direction', async () => {
    const overlaps = (element: HTMLElement & { panel: HTMLElement | null }) => {
      const close = element.panel!.querySelector('.close')!.getBoundingClientRect();
      // The lines of text only (a range over an element would add the element's own box).
      const walker = document.createTreeWalker(element.panel!.querySelector('.body')!, NodeFilter.SHOW_TEXT);
      const lines: DOMRect[] = [];
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(text);
        lines.push(...range.getClientRects());
      }
      expect(lines.length, 'the text has lines').to.be.greaterThan(0);
      return lines.filter((r) => r.width > 0 && r.left < close.right && r.right > close.left && r.top < close.bottom && r.bottom > close.top).length;
    };
    try {
      for (const [width, locale] of [[1000, 'en'], [390, 'en'], [390, 'ar']] as const) {
        await setViewport({ width, height: 700 });
        await page();
        harness = createHarness({ engine: false, locale });
        harness.show(hint({ title: undefined, openOn: 'trigger', body: 'Keep this key secret. It is shown only once, so copy it now.' }));
        const element = await harness.hint('export-tip');
        await until(() => isShown(element.panel), `open at ${width}px (${locale})`);
        expect(element.panel!.getAttribute('aria-label'), 'named by the hint label').to.be.a('string');
        expect(overlaps(element), `text lines under the × at ${width}px (${locale})`).to.equal(0);
        harness.dispose();
        fixtureCleanup();

        // A few words fit on one line beside the ×: the card is as wide as they need, with the ×'s room counted.
        await page();
        harness = createHarness({ engine: false, locale });
        harness.show(hint({ title: undefined, openOn: 'trigger', body: 'Saves a draft' }));
        const short = await harness.hint('export-tip');
        await until(() => isShown(short.panel), `short hint open at ${width}px (${locale})`);
        const text = Array.from(short.panel!.querySelector('.body p')!.childNodes).find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(text);
        const lineTops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        expect(lineTops.size, `"Saves a draft" on one line at ${width}px (${locale}), card ${short.panel!.getBoundingClientRect().width} px`).to.equal(1);
        expect(overlaps(short), `short text under the × at ${width}px (${locale})`).to.equal(0);
        harness.dispose();
        fixtureCleanup();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("placement 'right' is the side text runs towards: right of the target left to right, left of it right to left", async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      await fixture(html`<div dir=${dir} style="display:flex;justify-content:center;padding:150px 0"><button id="export">Export</button></div>`);
      harness = createHarness({ engine: false });
      harness.show(hint({ openOn: 'trigger', placement: 'right' }));
      const element = await harness.hint('export-tip');
      await until(() => isShown(element.panel), `open (${dir})`);
      const side = adjacency(element.panel!.getBoundingClientRect(), document.querySelector('#export')!.getBoundingClientRect()).side;
      expect(side, dir).to.equal(dir === 'ltr' ? 'right' : 'left');
      harness.dispose();
      fixtureCleanup();
    }
  });

  it('opens straight away when triggered; Escape then reports dismiss', async () => {
    await page();
    harness = createHarness({ engine: false });
    harness.show(hint({ openOn: 'trigger' }));
    const element = await harness.hint('export-tip');
    await until(() => isShown(element.panel), 'open on trigger');
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown', 'dismiss']);
  });

  it('re-arms for a new experience after the update that set it, not inside it (the update schedules no other)', async () => {
    await page();
    harness = createHarness({ engine: false });
    harness.show(hint({ openOn: 'trigger' }));
    const element = await harness.hint('export-tip');
    await until(() => isShown(element.panel), 'open on trigger');
    element.experience = hint({ openOn: 'trigger', title: 'Export again' });
    expect(await element.updateComplete, 'the update finished without scheduling another').to.equal(true);
    await until(() => isShown(element.panel) && element.panel!.querySelector('.title')?.textContent === 'Export again', 're-armed and open');
  });

  it('Escape closes only the topmost layer: the hint first, then the tour', async () => {
    await page();
    harness = createHarness();
    const tour: TourExperience = { id: 'tour', type: 'tour', steps: [{ target: '#before', title: 'Tour step' }] };
    harness.show(tour);
    const tourElement = await harness.tour('tour');
    await until(() => isShown(tourElement.panel), 'tour shown');
    harness.show(hint({ openOn: 'trigger' }));
    const hintElement = await harness.hint('export-tip');
    await until(() => isShown(hintElement.panel), 'hint shown');
    await sendKeys({ press: 'Escape' });
    await until(() => !hintElement.isOpen, 'hint closed');
    expect(isShown(tourElement.panel)).to.equal(true);
    expect(harness.actions.filter((a) => a.id === 'tour').map((a) => a.action.type)).to.deep.equal(['shown']);
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.filter((a) => a.id === 'tour').map((a) => a.action.type)).to.deep.equal(['shown', 'dismiss']);
  });

  it('many hints at once each attach to their own target', async () => {
    await fixture(html`<div style="display:grid;grid-template-columns:repeat(4,120px);gap:60px;padding:60px">
      ${Array.from({ length: 8 }, (_, i) => html`<button id=${`t${i}`}>Target ${i}</button>`)}
    </div>`);
    harness = createHarness();
    for (let i = 0; i < 8; i++) harness.show(hint({ id: `h${i}`, target: `#t${i}`, openOn: 'trigger', title: `Hint ${i}` }));
    const elements = await Promise.all(Array.from({ length: 8 }, (_, i) => harness.hint(`h${i}`)));
    await until(() => elements.every((e) => isShown(e.panel)), 'all hints shown');
    elements.forEach((element, i) => {
      const a = adjacency(element.panel!.getBoundingClientRect(), document.querySelector(`#t${i}`)!.getBoundingClientRect());
      expect(a.side, `hint ${i}`).to.not.equal(null);
      expect(a.gap, `hint ${i}`).to.be.lessThan(16);
    });
  });
});
