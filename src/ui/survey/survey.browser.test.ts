import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SurveyExperience } from '../../config/types.js';
import { axeViolations, contrast, createHarness, deepActive, type Harness, isShown, until } from '../../../tests/browser/layouts/harness.js';
import type { WmSurvey } from './survey.js';

const nps = (overrides: Partial<SurveyExperience> = {}): SurveyExperience => ({
  id: 'nps',
  type: 'survey',
  kind: 'nps',
  question: 'How likely are you to recommend us to a friend?',
  askWhy: true,
  followUps: [
    { scores: [0, 6], title: 'Sorry to hear that', body: 'Tell us what went wrong.', buttons: [{ label: 'Chat with us', action: { type: 'open-chat' }, variant: 'primary' }] },
    { scores: [9, 10], title: 'Thank you!', buttons: [{ label: 'Leave a review', action: { type: 'url', url: 'https://example.com/review', newTab: true } }] },
  ],
  ...overrides,
});

const csat = (scale: SurveyExperience['scale'], overrides: Partial<SurveyExperience> = {}): SurveyExperience => ({
  id: `csat-${scale}`,
  type: 'survey',
  kind: 'csat',
  scale,
  question: 'How satisfied are you with support?',
  followUps: [{ scores: [1, 2], body: 'Read [our guide](https://example.com/guide).' }],
  ...overrides,
});

async function mounted(id: string): Promise<WmSurvey> {
  let element: WmSurvey | null = null;
  await until(() => (element = document.querySelector<WmSurvey>(`[data-experience="${id}"]`)) !== null, `${id} mounted`);
  await element!.updateComplete;
  await until(() => isShown(element!.panel), `${id} shown`);
  return element!;
}

async function click(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

const group = (element: WmSurvey) => element.panel!.querySelector<HTMLElement>('[role="radiogroup"]')!;
const radios = (element: WmSurvey) => Array.from(element.panel!.querySelectorAll<HTMLElement>('[role="radio"]'));
const radioNames = (element: WmSurvey) => radios(element).map((radio) => radio.getAttribute('aria-label'));
const checked = (element: WmSurvey) => radios(element).filter((radio) => radio.getAttribute('aria-checked') === 'true');
const tabStops = (element: WmSurvey) => radios(element).filter((radio) => radio.tabIndex === 0);
const submit = (element: WmSurvey) => element.panel!.querySelector<HTMLButtonElement>('.footer .btn.primary')!;
const answers = (harness: Harness) => harness.actions.filter((entry) => entry.action.type === 'answer').map((entry) => entry.action);
const focusedValue = () => (deepActive() as HTMLElement | null)?.dataset.value;


describe('<wm-survey>', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  it('NPS: a labelled 0–10 radio group with named ends, in the bottom corner, not taking focus', async () => {
    await fixture(html`<div><button id="page">Page</button></div>`);
    const page = document.querySelector<HTMLButtonElement>('#page')!;
    page.focus();
    harness = createHarness();
    harness.show(nps());
    const element = await mounted('nps');
    const card = element.panel!;
    expect(card.getAttribute('role')).to.equal('region');
    expect(card.getAttribute('aria-label')).to.equal('Feedback survey');
    expect(element.shadowRoot!.getElementById(group(element).getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'How likely are you to recommend us to a friend?',
    );
    const names = radioNames(element);
    expect(names).to.have.length(11);
    expect(names[0]).to.equal('0 = Not at all likely');
    expect(names[5]).to.equal('5');
    expect(names[10]).to.equal('10 = Extremely likely');
    expect(tabStops(element)).to.deep.equal([radios(element)[0]]);
    const why = element.panel!.querySelector('textarea')!;
    expect(element.shadowRoot!.querySelector(`label[for="${why.id}"]`)!.textContent).to.equal('What is the main reason for your score? (optional)');
    const rect = card.getBoundingClientRect();
    expect(Math.round(innerWidth - rect.right)).to.equal(16);
    expect(Math.round(innerHeight - rect.bottom)).to.equal(16);
    expect(deepActive()).to.equal(page);
    expect(harness.actions.map((entry) => entry.action.type)).to.deep.equal(['shown']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('NPS by keyboard: arrows move and select (wrapping), Home/End, a comment, Enter sends; detractors get chat', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(nps());
    const element = await mounted('nps');
    radios(element)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedValue()).to.equal('2');
    expect(checked(element).map((radio) => radio.dataset.value)).to.deep.equal(['2']);
    await sendKeys({ press: 'End' });
    expect(focusedValue()).to.equal('10');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedValue()).to.equal('0');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedValue()).to.equal('9');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedValue()).to.equal('3');
    expect(tabStops(element).map((radio) => radio.dataset.value)).to.deep.equal(['3']);
    // One tab stop for the group: Tab goes on to the "why?" field, then to Send.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.localName).to.equal('textarea');
    await sendKeys({ type: 'Too slow' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(submit(element));
    await sendKeys({ press: 'Enter' });
    expect(answers(harness)).to.deep.equal([{ type: 'answer', score: 3, comment: 'Too slow' }]);
    await until(() => deepActive()?.classList.contains('thanks') === true, 'focus on the thank-you');
    expect(deepActive()!.textContent).to.equal('Thank you for your feedback!');
    const followUp = element.panel!.querySelector('.follow-up')!;
    expect(followUp.querySelector('h3')!.textContent).to.equal('Sorry to hear that');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.trim()).to.equal('Chat with us');
    await sendKeys({ press: 'Enter' });
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'button', action: { type: 'open-chat' } });
    expect(await axeViolations(element)).to.deep.equal([]);
    // Focus is still inside after the thank-you: Escape closes it.
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'dismiss' });
    await until(() => document.querySelector('[data-experience="nps"]') === null, 'survey removed');
  });

  it('NPS by pointer: promoters are offered a review link; no comment means none is sent', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(nps());
    const element = await mounted('nps');
    await click(radios(element)[9]!);
    expect(checked(element).map((radio) => radio.dataset.value)).to.deep.equal(['9']);
    await click(radios(element)[10]!);
    expect(checked(element).map((radio) => radio.dataset.value)).to.deep.equal(['10']);
    await click(submit(element));
    expect(answers(harness)).to.deep.equal([{ type: 'answer', score: 10 }]);
    await until(() => element.panel!.querySelector('.follow-up') !== null, 'follow-up');
    const review = element.panel!.querySelector<HTMLButtonElement>('.follow-up button')!;
    expect(review.textContent!.trim()).to.equal('Leave a review');
    await click(review);
    expect(harness.actions.at(-1)!.action).to.deep.equal({
      type: 'button',
      action: { type: 'url', url: 'https://example.com/review', newTab: true },
    });
  });

  it('a passive score matches no follow-up: only the thank-you (custom text)', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(nps({ askWhy: false, thankYou: 'Thanks, noted.' }));
    const element = await mounted('nps');
    expect(element.panel!.querySelector('textarea')).to.equal(null);
    await click(radios(element)[7]!);
    await click(submit(element));
    await until(() => element.panel!.querySelector('.thanks') !== null, 'thank-you');
    expect(element.panel!.querySelector('.thanks')!.textContent).to.equal('Thanks, noted.');
    expect(element.panel!.querySelector('.follow-up')).to.equal(null);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('sending without a score says so, moves focus to the scale and sends nothing', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(nps());
    const element = await mounted('nps');
    await click(submit(element));
    await until(() => element.panel!.querySelector('[role="alert"]') !== null, 'error shown');
    const error = element.panel!.querySelector('[role="alert"]')!;
    expect(error.textContent).to.equal('Choose a score first.');
    expect(group(element).getAttribute('aria-describedby')).to.equal(error.id);
    await until(() => deepActive() === radios(element)[0], 'focus on the scale');
    expect(answers(harness)).to.deep.equal([]);
    expect(await axeViolations(element)).to.deep.equal([]);
    await sendKeys({ press: 'ArrowRight' });
    expect(element.panel!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('dark mode (the demo accent): the error text reads at 4.5:1, option edges and the selected fill at 3:1', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      await fixture(html`<div></div>`);
      harness = createHarness({ theme: { mode: 'auto', accent: '#4f46e5' } });
      harness.show(nps());
      const element = await mounted('nps');
      const card = getComputedStyle(element.panel!).backgroundColor;
      expect(card).to.equal('rgb(28, 33, 40)');
      await click(submit(element));
      await until(() => element.panel!.querySelector('[role="alert"]') !== null, 'error shown');
      const error = element.panel!.querySelector('[role="alert"]')!;
      expect(contrast(getComputedStyle(error).color, card), 'error text').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(radios(element)[3]!).borderTopColor, card), 'option border').to.be.at.least(3);
      await click(radios(element)[3]!);
      await until(() => checked(element).length === 1, 'a score chosen');
      const selected = getComputedStyle(checked(element)[0]!);
      expect(contrast(selected.backgroundColor, card), 'selected fill').to.be.at.least(3);
      expect(contrast(selected.color, selected.backgroundColor), 'selected number').to.be.at.least(4.5);
      expect(await axeViolations(element)).to.deep.equal([]);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('CSAT as numbers: 1–5, ends named; a low score gets the guide follow-up', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(csat('numbers'));
    const element = await mounted('csat-numbers');
    expect(radioNames(element)).to.deep.equal(['1 = Very unsatisfied', '2', '3', '4', '5 = Very satisfied']);
    radios(element)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(answers(harness)).to.deep.equal([{ type: 'answer', score: 2 }]);
    await until(() => element.panel!.querySelector('.follow-up a') !== null, 'follow-up link');
    expect(element.panel!.querySelector('.follow-up a')!.getAttribute('href')).to.equal('https://example.com/guide');
  });

  it('CSAT as stars: named "N stars", filled up to the choice, custom end labels', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(csat('stars', { lowLabel: 'Awful', highLabel: 'Great' }));
    const element = await mounted('csat-stars');
    expect(radioNames(element)).to.deep.equal(['1 star = Awful', '2 stars', '3 stars', '4 stars', '5 stars = Great']);
    await click(radios(element)[3]!);
    expect(radios(element).map((radio) => radio.classList.contains('filled'))).to.deep.equal([true, true, true, true, false]);
    expect(await axeViolations(element)).to.deep.equal([]);
    await click(submit(element));
    expect(answers(harness)).to.deep.equal([{ type: 'answer', score: 4 }]);
  });

  it('CSAT as faces: every face named by its feeling; keyboard and pointer', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show(csat('faces'));
    const element = await mounted('csat-faces');
    expect(radioNames(element)).to.deep.equal(['1 = Very unsatisfied', '2 = Unsatisfied', '3 = Neutral', '4 = Satisfied', '5 = Very satisfied']);
    await click(radios(element)[2]!);
    expect(focusedValue()).to.equal('3');
    await sendKeys({ press: 'ArrowRight' });
    expect(checked(element).map((radio) => radio.dataset.value)).to.deep.equal(['4']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('CES: 1–7 by keyboard', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness();
    harness.show({ id: 'ces', type: 'survey', kind: 'ces', question: 'How easy was it to set up billing?' });
    const element = await mounted('ces');
    expect(radioNames(element)).to.deep.equal(['1 = Very difficult', '2', '3', '4', '5', '6', '7 = Very easy']);
    expect(await axeViolations(element)).to.deep.equal([]);
    radios(element)[0]!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(answers(harness)).to.deep.equal([{ type: 'answer', score: 6 }]);
  });

  it('× reports dismiss; Escape dismisses only with focus inside', async () => {
    await fixture(html`<div><input id="field" aria-label="Field" /></div>`);
    harness = createHarness({ engine: false });
    harness.show(nps());
    const element = await mounted('nps');
    document.querySelector<HTMLInputElement>('#field')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.map((entry) => entry.action.type)).to.deep.equal(['shown']);
    radios(element)[0]!.focus();
    await sendKeys({ press: 'Escape' });
    await click(element.panel!.querySelector('.close')!);
    expect(harness.actions.map((entry) => entry.action.type)).to.deep.equal(['shown', 'dismiss', 'dismiss']);
  });

  it('Russian and Lithuanian: localized ends, stars with plural forms, axe-clean', async () => {
    await fixture(html`<div></div>`);
    const cases = [
      { locale: 'ru', nps: ['0 = Точно не порекомендую', '10 = Обязательно порекомендую'], stars: ['1 звезда = Очень плохо', '2 звезды', '5 звёзд = Отлично'], send: 'Отправить' },
      { locale: 'lt', nps: ['0 = Visiškai netikėtina', '10 = Labai tikėtina'], stars: ['1 žvaigždutė = Labai blogai', '2 žvaigždutės', '5 žvaigždutės = Puikiai'], send: 'Siųsti' },
    ];
    for (const expected of cases) {
      harness = createHarness({ locale: expected.locale });
      harness.show(nps({ id: `nps-${expected.locale}` }));
      const npsElement = await mounted(`nps-${expected.locale}`);
      const names = radioNames(npsElement);
      expect([names[0], names[10]]).to.deep.equal(expected.nps);
      expect(submit(npsElement).textContent!.trim()).to.equal(expected.send);
      expect(await axeViolations(npsElement)).to.deep.equal([]);
      harness.show(csat('stars', { id: `stars-${expected.locale}` }));
      const stars = await mounted(`stars-${expected.locale}`);
      const starNames = radioNames(stars);
      expect([starNames[0], starNames[1], starNames[4]]).to.deep.equal(expected.stars);
      harness.dispose();
    }
  });

  it('Arabic (RTL): mirrored to the bottom-left, ArrowLeft moves to the next score', async () => {
    await fixture(html`<div></div>`);
    harness = createHarness({ locale: 'ar' });
    harness.show(nps({ question: { en: 'Recommend us?', ar: 'هل توصي بنا؟' } }));
    const element = await mounted('nps');
    const card = element.panel!;
    expect(card.getAttribute('dir')).to.equal('rtl');
    expect(Math.round(card.getBoundingClientRect().left)).to.equal(16);
    const [zero, one] = radios(element);
    expect(zero!.getBoundingClientRect().left).to.be.greaterThan(one!.getBoundingClientRect().left);
    zero!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedValue()).to.equal('1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedValue()).to.equal('10');
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
