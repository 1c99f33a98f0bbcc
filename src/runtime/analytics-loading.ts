import type { Analytics, AnalyticsEnv, SinkSpec } from '../platform/analytics/types.js';

export interface LazyAnalytics extends Analytics {
  /** Settles once the sinks are started (or could not load): the runtime shows nothing before, so the sinks see every event. */
  readonly ready: Promise<void>;
}

/** Loads the sinks' code (a chunk of its own in the script-tag build). */
export type LoadAnalytics = () => Promise<{ createAnalytics(specs: readonly SinkSpec[], env: AnalyticsEnv): Analytics }>;

export const loadAnalyticsSinks: LoadAnalytics = () => import('../platform/analytics/create.js');

/**
 * The analytics sinks, loaded only when the app configured some: a page without sinks never downloads
 * their code. Events sent while the chunk loads wait in order and go out once it is in; after
 * `dispose()` nothing is sent, and a chunk that arrives late is never started.
 */
export function createLazyAnalytics(specs: readonly SinkSpec[] | undefined, env: AnalyticsEnv, load: LoadAnalytics = loadAnalyticsSinks): LazyAnalytics {
  if (!Array.isArray(specs) || specs.length === 0) return { ready: Promise.resolve(), send() {}, flush() {}, dispose() {} };
  let sinks: Analytics | null = null;
  let waiting: Parameters<Analytics['send']>[0][] = [];
  let flushAsked = false;
  let disposed = false;
  const ready = load().then(
    ({ createAnalytics }) => {
      if (disposed) return;
      sinks = createAnalytics(specs, env);
      for (const event of waiting) sinks.send(event);
      waiting = [];
      if (flushAsked) sinks.flush();
    },
    (error: unknown) => {
      waiting = [];
      env.reportError(error, 'analytics:load');
    },
  );
  return {
    ready,
    send(event) {
      if (disposed) return;
      if (sinks) sinks.send(event);
      else waiting.push(event);
    },
    flush() {
      if (sinks) sinks.flush();
      else flushAsked = true;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      waiting = [];
      sinks?.dispose();
    },
  };
}
