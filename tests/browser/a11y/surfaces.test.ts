/**
 * The accessibility statement, claim by claim, for the tour, hint, beacon, nudge and survey:
 * at 1280 and 390 px and at 200 % zoom (640×400), light and dark, each open surface has zero axe
 * violations, fits the viewport with every control reachable, survives WCAG 1.4.12 text spacing
 * without clipping, has 44px touch targets on phones, and drops motion under reduced motion.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { Article, Experience, NudgeExperience } from '../../../src/config/types.js';
import { axeViolations, createHarness, isShown, nextFrame, until, withinViewport, type Harness } from '../layouts/harness.js';

const articles: Article[] = [
  { id: 'connect', title: 'Connect an integration', url: 'https://help.example/connect' },
  { id: 'tokens', title: 'API tokens', url: 'https://help.example/tokens' },
];

const nudge: NudgeExperience = {
  id: 'nudge',
  type: 'nudge',
  escalation: [
    { kind: 'hint', title: 'Connect not responding?', body: 'Paste the **API token** from your provider.', target: '#target' },
    { kind: 'articles', title: 'These may help', articles: ['connect', 'tokens'] },
    { kind: 'chat', title: 'Talk to us', body: 'An engineer can look at it with you.' },
  ],
};

interface Surface {
  name: string;
  /** Show it and resolve with the open card. */
  open(harness: Harness): Promise<HTMLElement>;
}

async function mounted<T extends HTMLElement>(id: string): Promise<T & { panel: HTMLElement | null; updateComplete: Promise<unknown> }> {
  let element: (T & { panel: HTMLElement | null; updateComplete: Promise<unknown> }) | null = null;
  await until(() => (element = document.querySelector(`[data-waymark-ui][data-experience="${id}"]`)) !== null, `${id} mounted`);
  await element!.updateComplete;
  return element!;
}

async function shownPanel(id: string): Promise<HTMLElement> {
  const element = await mounted(id);
  await until(() => isShown(element.panel) && !element.panel!.classList.contains('unplaced'), `${id} shown`);
  return element.panel!;
}

const show = (harness: Harness, experience: Experience) => harness.show(experience);

const surfaces: Surface[] = [
  {
    name: 'tour step beside its target',
    async open(harness) {
      show(harness, { id: 'tour', type: 'tour', spotlight: true, steps: [{ target: '#target', title: 'Your numbers at a glance', body: 'Requests, errors, latency and spend for the whole workspace.' }, { title: 'Two' }] });
      return shownPanel('tour');
    },
  },
  {
    name: 'centred tour step',
    async open(harness) {
      show(harness, { id: 'tour', type: 'tour', steps: [{ title: 'Welcome to Acme Cloud', body: "Let's get your first service live. This tour takes about a minute and shows you where everything is." }, { title: 'Two' }] });
      return shownPanel('tour');
    },
  },
  {
    name: 'hint with controls',
    async open(harness) {
      show(harness, { id: 'hint', type: 'hint', target: '#target', openOn: 'trigger', title: 'Least access wins', body: 'Give each key only the scopes it needs.', articles: ['tokens'] });
      return shownPanel('hint');
    },
  },
  {
    name: 'beacon card',
    async open(harness) {
      show(harness, { id: 'beacon', type: 'beacon', target: '#target', title: 'New: reports', body: 'Reports now update live.' });
      const element = await mounted<HTMLElement & { reveal(): Promise<void> }>('beacon');
      await until(() => isShown((element as unknown as { button: HTMLElement | null }).button), 'dot shown');
      await element.reveal();
      return shownPanel('beacon');
    },
  },
  ...[0, 1, 2].map((level) => ({
    name: `nudge level ${level + 1}`,
    async open(harness: Harness) {
      harness.renderer.show({ experience: nudge, level });
      return shownPanel('nudge');
    },
  })),
  {
    name: 'NPS survey',
    async open(harness) {
      show(harness, { id: 'nps', type: 'survey', kind: 'nps', question: 'How likely are you to recommend us to a friend?', askWhy: true });
      return shownPanel('nps');
    },
  },
];

const VIEWPORTS = [
  { name: '1280 px', width: 1280, height: 800 },
  { name: '390 px', width: 390, height: 844 },
  { name: '200 % zoom', width: 640, height: 400 },
] as const;

const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;

const page = () =>
  fixture(html`<main style="padding:24px"><h1>App</h1><p><button id="target">Connect</button></p></main>`);

/** Every control of the card can be brought on screen (the card itself scrolls when it must). */
function controlsReachable(card: HTMLElement): string[] {
  const problems: string[] = [];
  if (!withinViewport(card.getBoundingClientRect())) problems.push('card outside the viewport');
  for (const control of card.querySelectorAll<HTMLElement>('button, a[href], textarea, [role="radio"]')) {
    control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (!withinViewport(control.getBoundingClientRect())) problems.push(`${control.textContent!.trim() || control.getAttribute('aria-label')} off-screen`);
  }
  return problems;
}

/** Text cut off: a control or text block whose content is wider or taller than its box while it hides overflow. */
function clipped(card: HTMLElement): string[] {
  const problems: string[] = [];
  for (const node of card.querySelectorAll<HTMLElement>('h2, h3, p, li, button, label, span')) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.closest('.visually-hidden') || node.classList.contains('visually-hidden')) continue;
    const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
    if (hides && (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1)) problems.push(`${node.localName}.${node.className}: ${node.textContent!.trim().slice(0, 30)}`);
  }
  // Nothing of the card's content sticks out of the card sideways.
  const box = card.getBoundingClientRect();
  for (const child of card.querySelectorAll<HTMLElement>('h2, p, button, .footer')) {
    const r = child.getBoundingClientRect();
    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) problems.push(`${child.localName} sticks out`);
  }
  return problems;
}

describe('accessibility: every surface, every size, light and dark', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    harness?.dispose();
    harness = undefined;
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  for (const viewport of VIEWPORTS) {
    for (const surface of surfaces) {
      it(`${surface.name} at ${viewport.name}: axe clean in light and dark, on screen, controls reachable`, async () => {
        await setViewport({ width: viewport.width, height: viewport.height });
        for (const scheme of ['light', 'dark'] as const) {
          await emulateMedia({ colorScheme: scheme });
          await page();
          harness = createHarness({ articles, theme: { mode: 'auto' } });
          const card = await surface.open(harness);
          const host = (card.getRootNode() as ShadowRoot).host;
          expect(await axeViolations(host), `axe, ${scheme}`).to.deep.equal([]);
          expect(controlsReachable(card), `reachable, ${scheme}`).to.deep.equal([]);
          harness.dispose();
          harness = undefined;
        }
      });
    }
  }

  for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
    for (const surface of surfaces) {
      it(`${surface.name} at ${viewport.name}: text spacing (1.4.12) clips nothing`, async () => {
        await setViewport({ width: viewport.width, height: viewport.height });
        await page();
        harness = createHarness({ articles });
        const card = await surface.open(harness);
        const root = card.getRootNode() as ShadowRoot;
        const spacing = new CSSStyleSheet();
        spacing.replaceSync(TEXT_SPACING);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
        await nextFrame();
        await nextFrame();
        expect(clipped(card)).to.deep.equal([]);
        expect(controlsReachable(card)).to.deep.equal([]);
      });
    }
  }

  for (const surface of surfaces) {
    it(`${surface.name} on a 390 px phone: every button is a 44px touch target`, async () => {
      await setViewport({ width: 390, height: 844 });
      await page();
      harness = createHarness({ articles });
      const card = await surface.open(harness);
      for (const control of card.querySelectorAll<HTMLElement>('button:not([role="radio"]):not(.option)')) {
        const box = control.getBoundingClientRect();
        expect(box.height, `${control.textContent!.trim() || control.getAttribute('aria-label')} height`).to.be.at.least(44);
        // A text link in an article list may be narrow-but-tall; a close button must be square.
        if (control.classList.contains('close')) expect(box.width, 'close width').to.be.at.least(44);
      }
    });

    it(`${surface.name}: reduced motion leaves no animation or transition`, async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      await page();
      harness = createHarness({ articles });
      const card = await surface.open(harness);
      const root = card.getRootNode() as ShadowRoot;
      for (const node of [card, ...root.querySelectorAll<HTMLElement>('*')]) {
        const style = getComputedStyle(node);
        expect(style.animationName, `${node.localName}.${node.className} animation`).to.equal('none');
        expect(['0s', ''].includes(style.transitionDuration) || style.transitionProperty === 'none', `${node.localName}.${node.className} transition`).to.equal(true);
      }
    });
  }

  it('the centred tour step at 400 % zoom (320×256): scrolls inside its card, buttons reachable, axe clean', async () => {
    await setViewport({ width: 320, height: 256 });
    await page();
    harness = createHarness({ articles });
    const body = "Let's get your first service live. This tour takes about a minute and shows you where everything is. ".repeat(3);
    harness.show({ id: 'tour', type: 'tour', steps: [{ title: 'Welcome to Acme Cloud', body }, { title: 'Two' }] });
    const card = await shownPanel('tour');
    expect(withinViewport(card.getBoundingClientRect())).to.equal(true);
    expect(controlsReachable(card)).to.deep.equal([]);
    expect(await axeViolations((card.getRootNode() as ShadowRoot).host)).to.deep.equal([]);
  });
});
