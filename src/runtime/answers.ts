import type { AnalyticsEvent } from '../engine/contract.js';
import { createOutbox } from '../platform/store/outbox.js';
import type { StoreWarning } from '../platform/store/types.js';
import { ANSWER_QUEUE } from './held-answers.js';

export interface AnswerDeliveryOptions {
  window: Window;
  dbName?: string;
  /** `false` with storage `kind: 'memory'`: answers wait in memory for this page only. */
  durable: boolean;
  /** Hand one answer to the sinks and `on()` listeners. */
  deliver(event: AnalyticsEvent): void;
  onWarning(warning: StoreWarning): void;
}

export interface AnswerDelivery {
  /** Store the answer, then deliver it as soon as the browser is online. */
  hold(event: AnalyticsEvent): void;
  /** Undelivered answers stay stored for the next page. */
  dispose(): void;
}

/**
 * Survey answers are what support teams measure themselves by, so unlike other events they are not
 * fire-and-forget: each is written to the durable outbox first and handed to the analytics sinks and
 * `on()` listeners only while the browser is online. An answer given offline, or in a tab closed before
 * it went out, is delivered later, exactly once, by whichever tab holds the queue's lock. It carries
 * `props.answerId`, stable across retries and tabs, so a receiver can drop the copy a crash between
 * delivery and deletion may leave.
 */
export function createAnswerDelivery(options: AnswerDeliveryOptions): AnswerDelivery {
  const win = options.window;
  const outbox = createOutbox<AnalyticsEvent>({
    name: ANSWER_QUEUE,
    window: win,
    durable: options.durable,
    ...(options.dbName ? { dbName: options.dbName } : {}),
    onWarning: options.onWarning,
    async deliver(event, id) {
      // Sinks and listeners cannot report failure; offline is the one state we know would lose the answer.
      if (win.navigator.onLine === false) throw new Error('offline: the answer waits for the browser to be online');
      options.deliver({ ...event, props: { ...event.props, answerId: id } });
    },
  });
  return {
    hold(event) {
      void outbox.enqueue(event);
    },
    dispose: () => outbox.dispose(),
  };
}
