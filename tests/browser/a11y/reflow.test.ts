/**
 * Reflow (WCAG 1.4.10) where content is long or the screen is tiny: the Russian help reader on a
 * 390 px phone with a long URL and a long unbroken word never scrolls sideways and clips nothing;
 * a hint at 400 % zoom (320×256) stays inside the viewport with every control reachable by Tab.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Article, HintExperience } from '../../../src/config/types.js';
import { mountHelp, type MountedHelp } from '../../../src/ui/help/mount/test-support.js';
import { axeViolations, createHarness, deepActive, isShown, nextFrame, until, withinViewport, type Harness } from '../layouts/harness.js';
import { demoConfig, demoExperience } from './demo-config.js';

const LONG_URL = 'https://help.example/ru/integracii/podklyuchenie-vebhukov-s-proverkoy-podpisi-i-povtornoy-otpravkoy-soobshcheniy?utm_source=waymark&utm_medium=help-panel';
const LONG_WORD = 'Высокопроизводительныхмикросервисныхинтеграционныхплатформ';

const russianArticle: Article = {
  id: 'webhooks',
  title: { en: 'Verify webhook signatures', ru: 'Проверка подписи вебхуков' },
  url: LONG_URL,
  body: {
    en: 'Webhooks.',
    ru: `Подпись стоит в заголовке \`X-Acme-Signature-SHA256-Timestamped\`. Полное описание: [${LONG_URL}](${LONG_URL}).\n\n${LONG_WORD} тоже поддерживаются.\n\n- Пример: ${LONG_URL}`,
  },
};

/** Everything inside `root` (through nested elements) whose content is wider than its box while it hides or scrolls overflow. */
function clippedSideways(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const node of root.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.closest('.visually-hidden')) continue;
    const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (hides && node.scrollWidth > node.clientWidth + 1) found.push(`${node.localName}.${node.className}: ${node.scrollWidth} > ${node.clientWidth}`);
  }
  return found;
}

/** Boxes of text that stick out of the panel sideways (overflow the panel would otherwise scroll to). */
function sticksOut(panel: HTMLElement): string[] {
  const box = panel.getBoundingClientRect();
  const found: string[] = [];
  for (const node of panel.querySelectorAll<HTMLElement>('h3, p, li, a, code, button, .body')) {
    const r = node.getBoundingClientRect();
    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) found.push(`${node.localName}: ${r.left.toFixed(0)}–${r.right.toFixed(0)} outside ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
  }
  return found;
}

/** The API keys page at 400 % zoom: the scope field and the new key's copy button, `top` px from the top of a 256 px viewport. */
async function apiKeysPage(top: number): Promise<{ scope: HTMLSelectElement; copy: HTMLButtonElement; after: HTMLButtonElement }> {
  await fixture(html`<main style="padding:0 12px">
    <div style="height:${top}px"></div>
    <label>Scope <select data-waymark="api-key-scope"><option>Read only</option><option>Deploy</option></select></label>
    <button type="button" data-waymark="api-key-copy">Copy key</button>
    <button type="button" id="after">Done</button>
    <div style="height:600px"></div>
  </main>`);
  return {
    scope: document.querySelector<HTMLSelectElement>('[data-waymark="api-key-scope"]')!,
    copy: document.querySelector<HTMLButtonElement>('[data-waymark="api-key-copy"]')!,
    after: document.querySelector<HTMLButtonElement>('#after')!,
  };
}

/** A control's box, once focused, is inside the viewport (the card scrolls it into view when it must). */
function onScreen(control: Element): boolean {
  return withinViewport(control.getBoundingClientRect());
}

const controlName = (control: Element) => {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) return (control.getRootNode() as ShadowRoot).getElementById(labelledBy)!.textContent!.trim();
  return control.getAttribute('aria-label') || control.textContent!.trim() || control.localName;
};

describe('reflow: long content and tiny viewports', () => {
  let help: MountedHelp | undefined;
  let harness: Harness | undefined;
  afterEach(async () => {
    help?.dispose();
    help = undefined;
    harness?.dispose();
    harness = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  it('the Russian help reader at 390 px: a long URL and a long unbroken word wrap; the panel never scrolls sideways and nothing is clipped', async () => {
    await setViewport({ width: 390, height: 844 });
    help = mountHelp({ locale: 'ru', articles: [russianArticle] });
    await help.open();
    await help.openArticle('webhooks');
    const root = help.element.shadowRoot!;
    const panel = root.querySelector<HTMLElement>('[popover]')!;
    await until(() => isShown(panel) && root.querySelector('.reader') !== null, 'the reader open');
    await nextFrame();
    expect(root.querySelector('.reader h3')!.textContent).to.equal('Проверка подписи вебхуков');
    expect(panel.scrollWidth, 'the panel scrolls sideways').to.be.at.most(panel.clientWidth);
    expect(clippedSideways(root)).to.deep.equal([]);
    expect(sticksOut(panel)).to.deep.equal([]);
    // The URL is all there, wrapped, not cut short.
    const link = root.querySelector<HTMLAnchorElement>('.reader > a[part="link"]')!;
    expect(link.textContent!.startsWith(LONG_URL)).to.equal(true);
    expect(link.getClientRects().length, 'the URL wraps onto several lines').to.be.greaterThan(1);
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  for (const [where, top] of [['near the top', 8], ['near the bottom', 200]] as const) {
    it(`a trigger hint at 400 % zoom (320×256), target ${where}: the card stays inside the viewport and Tab reaches each of its controls on screen`, async () => {
      await setViewport({ width: 320, height: 256 });
      const { copy } = await apiKeysPage(top);
      harness = createHarness({ articles: (await demoConfig()).articles });
      harness.show(await demoExperience<HintExperience>('api-key-copy-hint'));
      const element = await harness.hint('api-key-copy-hint');
      const card = element.panel!;
      await until(() => isShown(card) && !card.classList.contains('unplaced'), 'the hint placed');
      await nextFrame();
      const box = card.getBoundingClientRect();
      expect(withinViewport(box), `card ${box.top.toFixed(0)}–${box.bottom.toFixed(0)} inside 0–256`).to.equal(true);
      // The keyboard path: from the copy button, Tab goes on through the page and then into the hint.
      const controls = [...card.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
      expect(controls.map(controlName)).to.include.members(['Got it', 'Close', 'Copy it now']);
      copy.focus();
      const reached = new Set<Element>();
      for (let i = 0; i < 12 && reached.size < controls.length; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active && controls.includes(active as HTMLElement)) {
          reached.add(active);
          expect(onScreen(active), `${controlName(active)} on screen once focused`).to.equal(true);
          expect(withinViewport(card.getBoundingClientRect()), 'the card stays inside the viewport').to.equal(true);
        }
      }
      expect([...reached].map(controlName)).to.have.members(controls.map(controlName));
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  }

  it('a focus hint at 400 % zoom (320×256): Tab from its field goes through every control of the card, each on screen', async () => {
    await setViewport({ width: 320, height: 256 });
    const { scope } = await apiKeysPage(150);
    harness = createHarness({ articles: (await demoConfig()).articles });
    harness.show(await demoExperience<HintExperience>('api-key-scope-hint'));
    const element = await harness.hint('api-key-scope-hint');
    scope.focus();
    const card = element.panel!;
    await until(() => isShown(card) && !card.classList.contains('unplaced'), 'the hint open on focus');
    await nextFrame();
    expect(withinViewport(card.getBoundingClientRect()), 'card inside the viewport').to.equal(true);
    const controls = [...card.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
    for (const control of controls) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(active === control, `Tab reaches ${controlName(control)}, not ${active ? controlName(active) : 'nothing'}`).to.equal(true);
      expect(onScreen(control), `${controlName(control)} on screen once focused`).to.equal(true);
    }
  });

  it('a hint whose text alone is taller than the room at 400 % zoom: its text scrolls by keyboard (a Tab stop only while it overflows)', async () => {
    await setViewport({ width: 320, height: 256 });
    const { copy } = await apiKeysPage(8);
    harness = createHarness();
    const body = 'This is the only time we show the full key. Paste it into your CI secrets or password manager before you leave this page. '.repeat(3);
    harness.show({ id: 'long', type: 'hint', target: { anchor: 'api-key-copy' }, openOn: 'focus', title: 'Copy it now', body });
    const element = await harness.hint('long');
    copy.focus();
    const card = element.panel!;
    await until(() => isShown(card) && !card.classList.contains('unplaced'), 'the hint open');
    await nextFrame();
    expect(withinViewport(card.getBoundingClientRect()), 'card inside the viewport').to.equal(true);
    const scroller = card.querySelector<HTMLElement>('.scroll')!;
    expect(scroller.scrollHeight, 'the text overflows its card').to.be.greaterThan(scroller.clientHeight);
    // Tab from the field goes into the hint: first its text, then its ×.
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === scroller, 'the text is a Tab stop').to.equal(true);
    expect(scroller.getAttribute('role')).to.equal('group');
    expect(controlName(scroller)).to.equal('Copy it now');
    await sendKeys({ press: 'End' });
    // End scrolls (smoothly) to the last line.
    await until(() => Math.ceil(scroller.scrollTop + scroller.clientHeight) >= scroller.scrollHeight - 1, 'End scrolled to the end of the text');
    await sendKeys({ press: 'Tab' });
    expect(controlName(deepActive()!)).to.equal('Close');
    expect(onScreen(deepActive()!), 'the × stays on screen while the text is scrolled').to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);
    // At a size where it fits, the text is no Tab stop.
    await setViewport({ width: 1280, height: 800 });
    await until(() => !scroller.hasAttribute('tabindex'), 'no Tab stop once it fits');
    expect(scroller.hasAttribute('role')).to.equal(false);
  });

  it('a hint with a long URL in its text at 320 px: the URL wraps, the card never scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    await apiKeysPage(8);
    harness = createHarness();
    harness.show({ id: 'url', type: 'hint', target: { anchor: 'api-key-copy' }, openOn: 'trigger', title: 'Where the key goes', body: `Paste it at ${LONG_URL}` });
    const element = await harness.hint('url');
    const card = element.panel!;
    await until(() => isShown(card) && !card.classList.contains('unplaced'), 'the hint placed');
    const scroller = card.querySelector<HTMLElement>('.scroll')!;
    expect(scroller.scrollWidth, 'no sideways scroll inside the card').to.be.at.most(scroller.clientWidth);
    expect(withinViewport(card.getBoundingClientRect()), 'the card inside the viewport').to.equal(true);
  });

  it('a beacon card at 400 % zoom (320×256): inside the viewport, and Tab from the card reaches each of its controls on screen', async () => {
    await setViewport({ width: 320, height: 256 });
    await apiKeysPage(120);
    harness = createHarness({ articles: (await demoConfig()).articles });
    harness.show({
      id: 'dot',
      type: 'beacon',
      target: { anchor: 'api-key-copy' },
      title: 'Copy it now',
      body: 'This is the only time we show the full key. Paste it into your CI secrets or password manager before you leave this page.',
      articles: ['api-keys', 'rotate-api-key'],
    });
    const element = await harness.beacon('dot');
    const dot = element.shadowRoot!.querySelector<HTMLElement>('button')!;
    await until(() => dot.checkVisibility(), 'the dot shown');
    dot.focus();
    await sendKeys({ press: 'Enter' });
    const card = element.panel!;
    await until(() => isShown(card) && !card.classList.contains('unplaced'), 'the card open');
    await nextFrame();
    expect(withinViewport(card.getBoundingClientRect()), 'card inside the viewport').to.equal(true);
    const controls = [...card.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
    expect(controls.map(controlName)).to.include.members(['Close', 'Got it']);
    for (const control of controls) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(active === control, `Tab reaches ${controlName(control)}, not ${active ? controlName(active) : 'nothing'}`).to.equal(true);
      expect(onScreen(control), `${controlName(control)} on screen once focused`).to.equal(true);
    }
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
