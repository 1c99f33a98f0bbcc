import type { AnalyticsEvent } from '../engine/contract.js';
import type { Emitter } from './emitter.js';
import type { DebugLog } from './debug-log.js';
import type { AnswerDeliveryOptions, AnswerDelivery } from './answers.js';
import { hasHeldAnswers } from './held-answers.js';
import type { WaymarkEventMap } from './types.js';

export interface EventDeliveryOptions {
  analytics: { send(event: AnalyticsEvent): void };
  emitter: Emitter<WaymarkEventMap>;
  debugLog: DebugLog | null;
  /** Where a failed download of the outbox's chunk goes (`on('error')`); the answers wait in memory meanwhile. */
  reportError: (error: unknown, where: string) => void;
  /** The answer outbox's chunk (answers.ts); injectable so a test can make it fail. */
  loadAnswers?: () => Promise<typeof import('./answers.js')>;
}

/** The analytics event stream out to the sinks and `on()` listeners. */
export interface EventDelivery {
  deliver(event: AnalyticsEvent): void;
  /** Load the answer outbox while the config is read when the config has surveys (resolves either way, never rejects). */
  preloadAnswers(types: Iterable<string>): Promise<void>;
  /** From now on survey answers wait in the durable outbox until delivered (see answers.ts). */
  holdAnswers(options: Omit<AnswerDeliveryOptions, 'deliver'>): void;
  dispose(): void;
}

type AnswersModule = typeof import('./answers.js');

export function createEventDelivery(options: EventDeliveryOptions): EventDelivery {
  const importAnswers = options.loadAnswers ?? (() => import('./answers.js'));
  let holdOptions: Omit<AnswerDeliveryOptions, 'deliver'> | null = null;
  let answers: AnswerDelivery | null = null;
  let loaded: AnswersModule | null = null;
  let loading: Promise<AnswersModule> | null = null;
  /** Answers given while the outbox's chunk downloads: held the moment it is in. */
  const waiting: AnalyticsEvent[] = [];
  let disposed = false;
  let stopRetry: (() => void) | null = null;
  /** Cancels the held-answers check not yet begun. */
  let stopHeldCheck: (() => void) | null = null;

  function fanOut(raw: AnalyticsEvent): void {
    const event = Object.isFrozen(raw) ? raw : freeze(raw);
    options.analytics.send(event);
    options.emitter.emit(event.type, event);
    options.emitter.emit('event', event);
  }

  /** Load once; a failed download (offline) is tried again by the next answer or when the browser is back online. */
  function load(): Promise<AnswersModule> {
    loading ??= importAnswers().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  function startHolding(): void {
    if (disposed || answers || !holdOptions || !loaded) return;
    answers = loaded.createAnswerDelivery({ ...holdOptions, deliver: fanOut });
    for (const event of waiting.splice(0)) answers.hold(event);
  }

  function loadAndHold(): void {
    load().then(startHolding, (error: unknown) => {
      if (!disposed) options.reportError(error, 'answers:load');
      // Until the chunk is in, waiting answers live in memory for this page, as the outbox's own fallback does.
      if (disposed || stopRetry || !holdOptions) return;
      const win = holdOptions.window;
      const retry = () => {
        stopRetry?.();
        stopRetry = null;
        if (!disposed && waiting.length > 0) loadAndHold();
      };
      win.addEventListener('online', retry);
      stopRetry = () => win.removeEventListener('online', retry);
    });
  }

  return {
    deliver(raw) {
      const event = freeze(raw);
      options.debugLog?.event(event);
      if (event.type !== 'survey_answered' || !holdOptions) fanOut(event);
      else if (answers) answers.hold(event);
      else {
        waiting.push(event);
        loadAndHold();
      }
    },
    async preloadAnswers(types) {
      if (![...types].includes('survey')) return;
      await load().catch(() => undefined);
    },
    holdAnswers(answerOptions) {
      answers?.dispose();
      answers = null;
      holdOptions = answerOptions;
      if (loaded) return startHolding();
      // A page without surveys loads the outbox only when answers from an earlier page still wait in it. Asked a
      // task later, after `ready`: the count opens a connection of its own, which must not compete with the state
      // read `ready` waits for.
      if (!answerOptions.durable) return;
      const win = answerOptions.window;
      stopHeldCheck?.();
      const timer = win.setTimeout(() => {
        stopHeldCheck = null;
        void hasHeldAnswers(win, answerOptions.dbName).then((held) => {
          if (held && !disposed && holdOptions === answerOptions) loadAndHold();
        });
      }, 0);
      stopHeldCheck = () => win.clearTimeout(timer);
    },
    dispose() {
      disposed = true;
      stopRetry?.();
      stopHeldCheck?.();
      answers?.dispose();
      answers = null;
      waiting.length = 0;
    },
  };
}

/** Every sink and listener gets the same event: frozen, so none can change it for the next. */
function freeze(raw: AnalyticsEvent): AnalyticsEvent {
  return Object.freeze({ ...raw, props: raw.props ? Object.freeze({ ...raw.props }) : undefined });
}
