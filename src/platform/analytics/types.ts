import type { AnalyticsEvent } from '../../engine/contract.js';

/** One destination for Waymark's analytics events. A sink never throws: failures go to `reportError`. */
export interface AnalyticsSink {
  /** The spec's `name`, else its `type`; used in error reports (`sink:<name>:<kind>`). */
  readonly name: string;
  send(event: AnalyticsEvent): void;
  /** Deliver whatever is buffered or queued now. */
  flush?(): void;
  /** Flush, then remove every listener and timer the sink added. Later `send`s are ignored. */
  dispose?(): void;
}

/** Optional label, so two sinks of one type can be told apart in error reports. */
interface Named {
  name?: string;
}

export type SinkSpec =
  /** Your own function receives every event as emitted (the full `AnalyticsEvent`). */
  | (Named & { type: 'callback'; fn: (event: AnalyticsEvent) => void })
  /** `gtag('event', 'waymark_<type>', props)` when gtag exists, else `dataLayer.push({ event, waymark: props })`. */
  | (Named & { type: 'ga4' })
  /** `analytics.track('Waymark <Type In Words>', props)`. */
  | (Named & { type: 'segment' })
  /** `posthog.capture('waymark_<type>', props)`. */
  | (Named & { type: 'posthog' })
  /** `amplitude.track('Waymark <Type In Words>', props)` (Browser SDK), or `amplitude.getInstance().logEvent(…)` (amplitude-js). */
  | (Named & { type: 'amplitude' })
  /** `mixpanel.track('Waymark <Type In Words>', props)`. */
  | (Named & { type: 'mixpanel' })
  /**
   * Batched POST of `{ events, sentAt }` (JSON) to your endpoint with `navigator.sendBeacon`,
   * falling back to `fetch(url, { method: 'POST', keepalive: true })`.
   */
  | (Named & {
      type: 'beacon';
      /** http(s) URL, absolute or relative to the page. */
      url: string;
      /** Send once this many events are buffered (default 20). */
      batchSize?: number;
      /** Send buffered events at most this long after the first one arrived (default 5000 ms). */
      flushMs?: number;
    });

export type SinkType = SinkSpec['type'];

/** What sinks need from the outside world; injected so tests can pass fakes. */
export interface AnalyticsEnv {
  window: Window;
  now(): number;
  /** `where` is `sink:<name>:<kind>`; each sink reports each kind at most once. */
  reportError(error: unknown, where: string): void;
}

/** The runtime's handle: fans each event out to every configured sink. */
export interface Analytics {
  send(event: AnalyticsEvent): void;
  flush(): void;
  dispose(): void;
}
