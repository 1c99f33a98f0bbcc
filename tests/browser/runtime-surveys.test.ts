/**
 * Surveys through the whole runtime, in real Chromium with real IndexedDB: an answer is held in the
 * durable outbox until the browser is online and then reaches the analytics sinks and `on()`
 * listeners exactly once (across reloads and tabs), and frequency rules keep a survey away for the
 * configured period after an answer or a dismissal.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createWaymark, type AnalyticsEvent, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

const DAY = 86_400_000;

const config = (frequency?: Record<string, unknown>): WaymarkConfig => ({
  version: '1',
  experiences: [
    {
      id: 'nps',
      type: 'survey',
      kind: 'nps',
      question: 'How likely are you to recommend Acme to a colleague?',
      askWhy: true,
      ...(frequency ? { frequency } : {}),
      followUps: [{ scores: [9, 10], title: 'Thank you!', buttons: [{ label: 'Leave a review', action: { type: 'url', url: 'https://example.com/review' } }] }],
    },
  ],
} as WaymarkConfig);

type SurveyElement = HTMLElement & { panel?: HTMLElement };
const survey = () => document.querySelector<SurveyElement>('wm-survey[data-experience="nps"]');
const surveyShown = () => Boolean(survey()?.panel?.matches(':popover-open'));
const radios = () => Array.from(survey()!.panel!.querySelectorAll<HTMLElement>('[role="radio"]'));

/** Poll an asynchronous condition (an IndexedDB read) until it holds. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Let the runtime act on what was just sent (renderer loads, IndexedDB writes) before asserting an absence. */
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function click(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

/** Answer on screen with the keyboard: focus the scale, End (10), Tab to the comment, type, Enter sends. */
async function answerByKeyboard(comment: string): Promise<void> {
  await until(surveyShown, 'the survey on screen');
  radios()[0]!.focus();
  await sendKeys({ press: 'End' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: comment });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
}

/** Make this page's browser look offline (or online again, announced with the `online` event as a browser does). */
function setOnline(online: boolean): void {
  if (online) {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  } else {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  }
}

/** Read the answers still waiting in the outbox of `dbName`, straight from IndexedDB. */
async function waitingAnswers(dbName: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const stores = Array.from(db.objectStoreNames);
    const outbox = stores.find((name) => name.includes('outbox'));
    if (!outbox) return [];
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(outbox).objectStore(outbox).getAll(IDBKeyRange.bound(['survey-answers'], ['survey-answers', []]));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return all;
  } finally {
    db.close();
  }
}

describe('runtime surveys: answers are delivered exactly once, even offline', () => {
  const instances: Waymark[] = [];
  const open = (dbName: string, sink: AnalyticsEvent[], extra: Parameters<typeof createWaymark>[0] = {}) => {
    const wm = createWaymark({
      config: config(),
      user: { id: 'u-survey' },
      storage: { dbName },
      analytics: [{ type: 'callback', fn: (event) => event.type === 'survey_answered' && sink.push(event) }],
      ...extra,
    });
    instances.push(wm);
    return wm;
  };
  afterEach(async () => {
    setOnline(true);
    for (const wm of instances.splice(0)) wm.destroy();
    await until(() => survey() === null, 'the survey removed');
  });

  it('online: the keyboard answer reaches the sink and on() once, with a stable answerId; a reload sends nothing again', async () => {
    const dbName = uniqueDb();
    const sink: AnalyticsEvent[] = [];
    const wm = open(dbName, sink);
    const heard = record(wm, 'survey_answered');
    const delivered = nextEvent(wm, 'survey_answered');
    await answerByKeyboard('Fast and clear');
    const event = await delivered;
    expect(event.props).to.include({ metric: 'nps', score: 10, hasComment: true, comment: 'Fast and clear' });
    expect(event.props?.['answerId']).to.be.a('string').and.not.empty;
    expect(event.userId).to.equal('u-survey');
    expect(sink.map((e) => e.props?.['answerId'])).to.deep.equal([event.props?.['answerId']]);
    // The thank-you state with the promoter follow-up stays on screen.
    await until(() => Boolean(survey()?.panel?.querySelector('.follow-up')), 'the follow-up for a promoter');
    await eventually(async () => (await waitingAnswers(dbName)).length === 0, 'the outbox emptied');
    expect(await waitingAnswers(dbName)).to.have.length(0);

    wm.destroy();
    const again: AnalyticsEvent[] = [];
    const reloaded = open(dbName, again);
    await reloaded.ready;
    const settled = await waitingAnswers(dbName);
    expect(settled).to.have.length(0);
    expect(again).to.deep.equal([]);
    expect(heard).to.have.length(1);
  });

  it('offline: the answer waits in IndexedDB, nothing is sent; back online it goes out once', async () => {
    const dbName = uniqueDb();
    const sink: AnalyticsEvent[] = [];
    const wm = open(dbName, sink);
    const heard = record(wm, 'survey_answered');
    await until(surveyShown, 'the survey on screen');
    setOnline(false);
    await click(radios()[3]!);
    await click(survey()!.panel!.querySelector('.footer .btn.primary')!);
    await until(() => survey()?.panel?.textContent?.includes('Thank') ?? false, 'the thank-you state');
    await eventually(async () => (await waitingAnswers(dbName)).length === 1, 'the answer stored');
    expect(sink).to.deep.equal([]);
    expect(heard).to.deep.equal([]);

    setOnline(true);
    await until(() => sink.length === 1 && heard.length === 1, 'delivery once online');
    expect(sink[0]!.props).to.include({ metric: 'nps', score: 3 });
    expect(heard[0]!.props?.['answerId']).to.equal(sink[0]!.props?.['answerId']);
    await eventually(async () => (await waitingAnswers(dbName)).length === 0, 'the outbox emptied');
    expect(sink).to.have.length(1);
  });

  it('offline and the tab closed: the next page delivers it, once, even with two tabs open', async () => {
    const dbName = uniqueDb();
    const first: AnalyticsEvent[] = [];
    const wm = open(dbName, first);
    await wm.ready;
    setOnline(false);
    wm.act('nps', { type: 'answer', score: 6, comment: 'Missing exports' });
    await eventually(async () => (await waitingAnswers(dbName)).length === 1, 'the answer stored');
    wm.destroy(); // the tab is closed before the network came back
    expect(first).to.deep.equal([]);

    setOnline(true);
    const tabA: AnalyticsEvent[] = [];
    const tabB: AnalyticsEvent[] = [];
    const a = open(dbName, tabA);
    const b = open(dbName, tabB);
    const heardA = record(a, 'survey_answered');
    const heardB = record(b, 'survey_answered');
    await Promise.all([a.ready, b.ready]);
    await until(() => tabA.length + tabB.length === 1, 'one tab delivered it');
    await eventually(async () => (await waitingAnswers(dbName)).length === 0, 'the outbox emptied');
    const delivered = [...tabA, ...tabB];
    expect(delivered).to.have.length(1);
    expect(delivered[0]!.props).to.include({ metric: 'nps', score: 6, comment: 'Missing exports' });
    // The listeners of the tab that delivered it heard it; the other tab's did not.
    expect(heardA.length + heardB.length).to.equal(1);
    expect(first).to.deep.equal([]);
  });

  it('storage kind "memory": an offline answer waits in memory and goes out once online', async () => {
    const sink: AnalyticsEvent[] = [];
    const wm = open(uniqueDb(), sink, { storage: { kind: 'memory' } });
    await wm.ready;
    setOnline(false);
    wm.act('nps', { type: 'answer', score: 8 });
    await settle();
    expect(sink).to.deep.equal([]);
    setOnline(true);
    await until(() => sink.length === 1, 'delivery once online');
    expect(sink[0]!.props).to.include({ score: 8 });
  });
});

describe('runtime surveys: frequency rules', () => {
  let wm: Waymark | undefined;
  afterEach(async () => {
    wm?.destroy();
    wm = undefined;
    await until(() => survey() === null, 'the survey removed');
  });

  it('after an answer: not shown again until `every` has passed (across reloads)', async () => {
    const dbName = uniqueDb();
    let now = Date.UTC(2026, 0, 10, 9);
    const start = () => createWaymark({ config: config({ show: 'always', every: '90d' }), user: { id: 'u-freq' }, storage: { dbName }, clock: () => now });
    wm = start();
    await until(surveyShown, 'the survey on screen');
    await click(radios()[9]!);
    await click(survey()!.panel!.querySelector('.footer .btn.primary')!);
    await until(() => Boolean(survey()?.panel?.querySelector('.follow-up')), 'the thank-you state');
    await click(survey()!.panel!.querySelector('.close')!);
    await until(() => survey() === null || !surveyShown(), 'the survey closed');

    now += 89 * DAY;
    wm.destroy();
    wm = start();
    await wm.ready;
    wm.page();
    expect(wm.why('nps')?.eligible, '89 days after the answer').to.equal(false);
    expect(wm.why('nps')?.checks.find((check) => !check.ok)?.check).to.equal('frequency');
    await settle();
    expect(surveyShown()).to.equal(false);

    now += 2 * DAY;
    wm.page();
    await until(surveyShown, 'shown again 91 days after the answer');
  });

  it('after a dismissal: not shown again for `afterDismiss`, then shown', async () => {
    const dbName = uniqueDb();
    let now = Date.UTC(2026, 0, 10, 9);
    wm = createWaymark({ config: config({ show: 'always', afterDismiss: '30d' }), user: { id: 'u-freq-d' }, storage: { dbName }, clock: () => now });
    await until(surveyShown, 'the survey on screen');
    const dismissed = nextEvent(wm, 'experience_dismissed');
    radios()[0]!.focus();
    await sendKeys({ press: 'Escape' });
    await dismissed;
    await until(() => !surveyShown(), 'the survey gone');

    now += 29 * DAY;
    wm.page();
    const why = wm.why('nps');
    expect(why?.eligible, '29 days after the dismissal').to.equal(false);
    expect(why?.checks.find((check) => !check.ok)?.check).to.equal('frequency');
    expect(why?.reason).to.match(/dismiss/i);
    await settle();
    expect(surveyShown()).to.equal(false);

    now += 2 * DAY;
    wm.page();
    await until(surveyShown, 'shown again 31 days after the dismissal');
  });
});
