import type { AnalyticsEvent } from '../engine/contract.js';
import type { Emitter } from './emitter.js';
import type { DebugLog } from './debug-log.js';
import { createAnswerDelivery, type AnswerDeliveryOptions, type AnswerDelivery } from './answers.js';
import type { WaymarkEventMap } from './types.js';

export interface EventDeliveryOptions {
  analytics: { send(event: AnalyticsEvent): void };
  emitter: Emitter<WaymarkEventMap>;
  debugLog: DebugLog | null;
}

/** The analytics event stream out to the sinks and `on()` listeners. */
export interface EventDelivery {
  deliver(event: AnalyticsEvent): void;
  /** From now on survey answers wait in the durable outbox until delivered (see answers.ts). */
  holdAnswers(options: Omit<AnswerDeliveryOptions, 'deliver'>): void;
  dispose(): void;
}

export function createEventDelivery(options: EventDeliveryOptions): EventDelivery {
  let answers: AnswerDelivery | null = null;

  function fanOut(raw: AnalyticsEvent): void {
    const event = Object.isFrozen(raw) ? raw : freeze(raw);
    options.analytics.send(event);
    options.emitter.emit(event.type, event);
    options.emitter.emit('event', event);
  }

  return {
    deliver(raw) {
      const event = freeze(raw);
      options.debugLog?.event(event);
      if (event.type === 'survey_answered' && answers) answers.hold(event);
      else fanOut(event);
    },
    holdAnswers(answerOptions) {
      answers?.dispose();
      answers = createAnswerDelivery({ ...answerOptions, deliver: fanOut });
    },
    dispose() {
      answers?.dispose();
      answers = null;
    },
  };
}

/** Every sink and listener gets the same event: frozen, so none can change it for the next. */
function freeze(raw: AnalyticsEvent): AnalyticsEvent {
  return Object.freeze({ ...raw, props: raw.props ? Object.freeze({ ...raw.props }) : undefined });
}
