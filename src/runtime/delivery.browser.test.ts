/**
 * The survey answers' outbox is a chunk only survey configs load. These tests hold the guarantees that must not depend
 * on it: an answer left waiting by an earlier page is delivered by the next page whatever its config, and a survey
 * added from code on a page whose config had none holds its answers durably like a configured one.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type AnalyticsEvent, type Waymark, type WaymarkConfig } from '../index.js';
import { record, uniqueDb, until } from '../../tests/browser/helpers.js';

const survey = { id: 'nps', type: 'survey', kind: 'nps', question: 'How likely are you to recommend Acme?' } as const;
const surveyConfig = { version: '1', experiences: [survey] } as WaymarkConfig;
/** A page with one tour that waits for an event and no survey. */
const tourConfig = { version: '1', experiences: [{ id: 'later', type: 'tour', when: { event: 'never-sent' }, steps: [{ title: 'Later' }] }] } as WaymarkConfig;

function setOnline(online: boolean): void {
  if (online) {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  } else {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  }
}

/** How many answers wait in the outbox of `dbName`, read straight from IndexedDB. */
async function waitingAnswers(dbName: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('outbox')) return 0;
    return await new Promise<number>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').count(IDBKeyRange.bound(['survey-answers'], ['survey-answers', []]));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('survey answers with the outbox loaded lazily', () => {
  const instances: Waymark[] = [];
  const open = (config: WaymarkConfig, dbName: string, sink: AnalyticsEvent[]) => {
    const wm = createWaymark({
      config,
      user: { id: 'u-answers' },
      storage: { dbName },
      analytics: [{ type: 'callback', fn: (event) => event.type === 'survey_answered' && sink.push(event) }],
    });
    instances.push(wm);
    return wm;
  };
  afterEach(async () => {
    setOnline(true);
    for (const wm of instances.splice(0)) wm.destroy();
    await until(() => document.querySelector('wm-survey') === null, 'the survey removed');
  });

  it('an answer left offline by a survey page is delivered once by the next page, which has only a tour', async () => {
    const dbName = uniqueDb();
    const first: AnalyticsEvent[] = [];
    const before = open(surveyConfig, dbName, first);
    await before.ready;
    setOnline(false);
    before.act('nps', { type: 'answer', score: 4, comment: 'Slow search' });
    await eventually(async () => (await waitingAnswers(dbName)) === 1, 'the answer stored');
    before.destroy();
    expect(first).to.deep.equal([]);

    setOnline(true);
    const sink: AnalyticsEvent[] = [];
    const tourPage = open(tourConfig, dbName, sink);
    const heard = record(tourPage, 'survey_answered');
    await tourPage.ready;
    await until(() => sink.length === 1, 'the held answer delivered by the tour page');
    expect(sink[0]!.props).to.include({ metric: 'nps', score: 4, comment: 'Slow search' });
    expect(sink[0]!.props?.['answerId']).to.be.a('string').and.not.empty;
    expect(heard).to.have.length(1);
    await eventually(async () => (await waitingAnswers(dbName)) === 0, 'the outbox emptied');
    expect(sink).to.have.length(1);
  });

  it('a survey added from code on a tour page holds its offline answer in IndexedDB, then delivers it once online', async () => {
    const dbName = uniqueDb();
    const sink: AnalyticsEvent[] = [];
    const wm = open(tourConfig, dbName, sink);
    await wm.ready;
    wm.addExperience(survey);
    await until(() => document.querySelector('wm-survey[data-experience="nps"]') !== null, 'the survey from code on screen');
    setOnline(false);
    wm.act('nps', { type: 'answer', score: 9 });
    await eventually(async () => (await waitingAnswers(dbName)) === 1, 'the answer stored');
    expect(sink).to.deep.equal([]);

    setOnline(true);
    await until(() => sink.length === 1, 'delivery once online');
    expect(sink[0]!.props).to.include({ metric: 'nps', score: 9 });
    expect(sink[0]!.props?.['answerId']).to.be.a('string').and.not.empty;
    await eventually(async () => (await waitingAnswers(dbName)) === 0, 'the outbox emptied');
  });
});
