import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Article, NudgeExperience } from '../../config/types.js';
import { adjacency, axeViolations, createHarness, deepActive, isShown, nextFrame, until, withinViewport, type Harness } from '../../../tests/browser/layouts/harness.js';
import type { WmNudge } from './nudge.js';

const articles: Article[] = [
  { id: 'connect', title: { en: 'Connect an integration', ru: 'Подключить интеграцию', lt: 'Prijungti integraciją' }, url: 'https://help.example/connect' },
  { id: 'tokens', title: 'API tokens', url: 'https://help.example/tokens' },
  { id: 'webhooks', title: 'Webhooks', url: 'https://help.example/webhooks' },
  { id: 'limits', title: 'Rate limits', url: 'https://help.example/limits' },
];

const nudge = (overrides: Partial<NudgeExperience> = {}): NudgeExperience => ({
  id: 'stuck-integrations',
  type: 'nudge',
  escalation: [
    { kind: 'hint', title: 'Trouble connecting?', body: 'Paste the **API token** from your provider.', target: '#connect' },
    { kind: 'articles', title: 'These may help', articles: ['connect', 'missing', 'tokens', 'webhooks', 'limits'], max: 3 },
    { kind: 'chat', title: 'Talk to us', body: 'An engineer can look at it with you.', message: 'I cannot connect an integration' },
  ],
  ...overrides,
});

describe('<wm-nudge>', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  const page = () => fixture(html`<div style="padding:160px 120px"><button id="connect">Connect</button></div>`);

  async function show(experience: NudgeExperience, level: number): Promise<WmNudge> {
    harness.renderer.show({ experience, level });
    let element: WmNudge | null = null;
    await until(() => (element = document.querySelector<WmNudge>(`[data-waymark-ui="nudge"][data-experience="${experience.id}"]`)) !== null, 'nudge mounted');
    await element!.updateComplete;
    await until(() => isShown(element!.panel), 'nudge card shown');
    return element!;
  }

  const buttons = (element: WmNudge) => [...element.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());

  it('level 0: a hint next to its target, announced without taking focus; "Still stuck?" asks for the next level', async () => {
    await page();
    harness = createHarness({ articles });
    const start = document.querySelector<HTMLButtonElement>('#connect')!;
    start.focus();
    const element = await show(nudge(), 0);
    const card = element.panel!;
    const placed = adjacency(card.getBoundingClientRect(), start.getBoundingClientRect());
    expect(placed.side).to.not.equal(null);
    expect(placed.gap).to.be.within(4, 20);
    expect(card.getAttribute('role')).to.equal('dialog');
    expect(element.shadowRoot!.getElementById(card.getAttribute('aria-labelledby')!)!.textContent).to.equal('Trouble connecting?');
    expect(card.querySelector('.body strong')!.textContent).to.equal('API token');
    expect(deepActive()).to.equal(start);
    await until(() => element.shadowRoot!.querySelector('[role="status"]')!.textContent === 'Trouble connecting? Paste the API token from your provider.', 'announced');
    expect(harness.actions).to.deep.equal([{ id: 'stuck-integrations', action: { type: 'shown' } }]);
    expect(await axeViolations(element)).to.deep.equal([]);
    element.shadowRoot!.querySelector<HTMLButtonElement>('.footer button')!.click();
    expect(harness.actions.at(-1)).to.deep.equal({ id: 'stuck-integrations', action: { type: 'nudge-level', level: 1 } });
  });

  it('a hint level without a target (or with a missing one) sits in the bottom corner, mirrored in RTL', async () => {
    await page();
    harness = createHarness({ articles, locale: 'ar' });
    const element = await show(nudge({ escalation: [{ kind: 'hint', body: 'Try again', target: '#nowhere' }] }), 0);
    const rect = element.panel!.getBoundingClientRect();
    expect(innerHeight - rect.bottom).to.be.within(10, 30);
    expect(rect.left).to.be.within(10, 30);
    expect(element.panel!.getAttribute('dir')).to.equal('rtl');
    expect(element.shadowRoot!.querySelector('.title')!.textContent).to.equal('هل تحتاج إلى مساعدة؟');
    expect(buttons(element)).to.deep.equal(['×']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('level 1: the given articles that exist, at most `max`; each reports open-article; "Search help" opens help', async () => {
    await page();
    harness = createHarness({ articles, locale: 'lt' });
    const element = await show(nudge(), 1);
    expect(element.panel!.dataset.kind).to.equal('articles');
    const listed = [...element.shadowRoot!.querySelectorAll('.articles button')];
    expect(listed.map((b) => b.textContent)).to.deep.equal(['Prijungti integraciją', 'API tokens', 'Webhooks']);
    expect(element.shadowRoot!.querySelector('.articles')!.getAttribute('aria-label')).to.equal('Susiję straipsniai');
    (listed[1] as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    expect(harness.actions.at(-1)).to.deep.equal({ id: 'stuck-integrations', action: { type: 'button', action: { type: 'open-article', article: 'tokens' } } });
    expect(buttons(element).slice(-2)).to.deep.equal(['Ieškoti pagalbos', 'Vis dar nepavyksta?']);
    element.shadowRoot!.querySelector<HTMLButtonElement>('.footer .link')!.click();
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'button', action: { type: 'open-help' } });
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('level 2: a chat offer whose button reports open-chat with the message; "Not now" dismisses; no further level', async () => {
    await page();
    harness = createHarness({ articles, locale: 'ru' });
    const element = await show(nudge(), 2);
    expect(buttons(element)).to.deep.equal(['×', 'Написать в чат', 'Не сейчас']);
    expect(await axeViolations(element)).to.deep.equal([]);
    element.shadowRoot!.querySelector<HTMLButtonElement>('.footer .secondary')!.click();
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'dismiss' });
    expect(isShown(element.panel)).to.equal(false);
  });

  it('"Chat with us" reports open-chat with the message and ends the nudge (the runtime opens chat)', async () => {
    await page();
    harness = createHarness({ articles });
    const element = await show(nudge(), 2);
    const chat = element.shadowRoot!.querySelector<HTMLButtonElement>('.primary')!;
    const box = chat.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    expect(harness.actions.slice(-2).map((a) => a.action)).to.deep.equal([
      { type: 'button', action: { type: 'open-chat', message: 'I cannot connect an integration' } },
      { type: 'complete' },
    ]);
    await until(() => !isShown(element.panel), 'the nudge is gone');
  });

  for (const [width, height, what] of [[640, 400, '200 % zoom'], [320, 640, '320 px']] as const) {
    it(`levels 2 and 3 are corner cards, fully on screen at ${what} (${width}×${height}), after an anchored level 1`, async () => {
      await setViewport({ width, height });
      try {
        await fixture(html`<div style="padding:40px 20px"><button id="connect">Connect</button><div style="height:1500px"></div></div>`);
        harness = createHarness({ articles });
        const experience = nudge();
        const element = await show(experience, 0);
        await until(() => !element.panel!.classList.contains('unplaced'), 'level 1 placed');
        for (const level of [1, 2]) {
          harness.renderer.show({ experience, level });
          await until(() => element.panel?.dataset.kind === (level === 1 ? 'articles' : 'chat') && isShown(element.panel), `level ${level + 1}`);
          await element.updateComplete;
          const card = element.panel!.getBoundingClientRect();
          expect(getComputedStyle(element.panel!).position).to.equal('fixed');
          expect(innerHeight - card.bottom, 'at the bottom').to.be.within(4, 30);
          expect(innerWidth - card.right, 'at the end').to.be.within(4, 30);
          for (const control of element.panel!.querySelectorAll('button')) {
            const box = control.getBoundingClientRect();
            expect(withinViewport(box), `${control.textContent} on screen`).to.equal(true);
          }
          // It stays in its corner when the page scrolls.
          scrollTo(0, 300);
          await nextFrame();
          expect(innerHeight - element.panel!.getBoundingClientRect().bottom).to.be.within(4, 30);
          scrollTo(0, 0);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('re-renders in place when the engine moves it to the next level, reporting shown once', async () => {
    await page();
    harness = createHarness({ articles });
    const experience = nudge();
    const element = await show(experience, 0);
    harness.renderer.show({ experience, level: 1 });
    await until(() => element.panel?.dataset.kind === 'articles' && isShown(element.panel), 'level 1');
    harness.renderer.show({ experience, level: 7 });
    await until(() => element.panel?.dataset.kind === 'chat' && isShown(element.panel), 'clamped to the last level');
    expect(harness.actions.filter((a) => a.action.type === 'shown')).to.have.length(1);
  });

  it('Escape dismisses only the topmost layer', async () => {
    await page();
    harness = createHarness({ articles, engine: false });
    const first = await show(nudge({ id: 'first' }), 2);
    const second = await show(nudge({ id: 'second' }), 2);
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.filter((a) => a.action.type === 'dismiss').map((a) => a.id)).to.deep.equal(['second']);
    expect(isShown(first.panel)).to.equal(true);
    expect(isShown(second.panel)).to.equal(false);
  });
});
