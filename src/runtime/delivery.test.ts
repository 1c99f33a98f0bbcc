import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../engine/contract.js';
import type { AnswerDeliveryOptions } from './answers.js';
import { createEventDelivery } from './delivery.js';
import { Emitter } from './emitter.js';
import type { WaymarkEventMap } from './types.js';

const answer = (score: number): AnalyticsEvent => ({ type: 'survey_answered', at: 0, userId: 'u', sessionId: 's', experienceId: 'nps', props: { score } }) as AnalyticsEvent;

/** A window that only records `online` listeners, and an answers module that records what it holds. */
function setup(loadFails: () => boolean) {
  const online = new Set<() => void>();
  const win = {
    addEventListener: (type: string, listener: () => void) => type === 'online' && online.add(listener),
    removeEventListener: (type: string, listener: () => void) => type === 'online' && online.delete(listener),
  } as unknown as Window;
  const held: AnalyticsEvent[] = [];
  const sent: AnalyticsEvent[] = [];
  const reported: string[] = [];
  let loads = 0;
  const delivery = createEventDelivery({
    reportError: (error, where) => reported.push(`${where}: ${(error as Error).message}`),
    analytics: { send: (event) => sent.push(event) },
    emitter: new Emitter<WaymarkEventMap>(() => {}),
    debugLog: null,
    loadAnswers: async () => {
      loads++;
      if (loadFails()) throw new Error('offline: the chunk did not load');
      return { createAnswerDelivery: (_: AnswerDeliveryOptions) => ({ hold: (event: AnalyticsEvent) => held.push(event), dispose: () => {} }) } as never;
    },
  });
  const options = { window: win, durable: false, onWarning: () => {} };
  return { delivery, options, held, sent, online, reported, loads: () => loads };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('event delivery: the answer outbox is loaded only when needed', () => {
  it('a config without surveys does not load it; a survey config loads it before holding starts', async () => {
    const plain = setup(() => false);
    await plain.delivery.preloadAnswers(['tour']);
    plain.delivery.holdAnswers(plain.options);
    await tick();
    expect(plain.loads()).toBe(0);

    const surveys = setup(() => false);
    await surveys.delivery.preloadAnswers(['tour', 'survey']);
    expect(surveys.loads()).toBe(1);
    surveys.delivery.holdAnswers(surveys.options);
    surveys.delivery.deliver(answer(7));
    // Held at once, never sent around the outbox.
    expect(surveys.held.map((event) => event.props?.['score'])).toEqual([7]);
    expect(surveys.sent).toEqual([]);
  });

  it('an answer given before the chunk could load waits, and is held once it loads after the browser is back online', async () => {
    let offline = true;
    const page = setup(() => offline);
    page.delivery.holdAnswers(page.options);
    page.delivery.deliver(answer(3));
    await tick();
    expect(page.loads()).toBe(1);
    expect(page.held).toEqual([]);
    expect(page.sent).toEqual([]);
    expect(page.online.size).toBe(1);
    // The host hears of it (`on('error')`), as of any chunk that failed to load.
    expect(page.reported).toEqual(['answers:load: offline: the chunk did not load']);

    offline = false;
    for (const listener of [...page.online]) listener();
    await tick();
    expect(page.loads()).toBe(2);
    expect(page.held.map((event) => event.props?.['score'])).toEqual([3]);
    expect(page.sent).toEqual([]);
    expect(page.online.size).toBe(0);
    expect(page.reported).toHaveLength(1);
  });

  it('other events and answers before holding starts go straight out', () => {
    const page = setup(() => false);
    page.delivery.deliver(answer(5));
    page.delivery.deliver({ type: 'experience_shown', at: 0, userId: 'u', sessionId: 's', experienceId: 'x' } as AnalyticsEvent);
    expect(page.sent.map((event) => event.type)).toEqual(['survey_answered', 'experience_shown']);
    expect(page.loads()).toBe(0);
  });
});
