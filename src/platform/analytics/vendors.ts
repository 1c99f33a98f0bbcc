/**
 * Where each vendor's documented browser API lives, and how a Waymark event is named for it.
 * Each resolver returns null until the vendor's global (or its official snippet's stub) exists.
 */
import { snakeEventName, wordsEventName, type FlatProps } from './events.js';
import type { Deliver } from './vendor.js';

type Call = (...args: unknown[]) => unknown;

/** A property of a foreign global, read without trusting its shape. */
function member(owner: unknown, key: string): unknown {
  return typeof owner === 'object' || typeof owner === 'function' ? (owner as Record<string, unknown> | null)?.[key] : undefined;
}

function method(owner: unknown, key: string): Call | null {
  const value = member(owner, key);
  return typeof value === 'function' ? (value as Call).bind(owner) : null;
}

/**
 * GA4: `gtag('event', name, params)` when the gtag.js snippet is on the page; otherwise a Google
 * Tag Manager data layer event `{ event, waymark: {…} }`. GTM deep-merges pushes into one data
 * model, so `{ waymark: null }` is pushed first to clear the previous event's fields (Google's
 * own advice for the `ecommerce` object). Waymark does not create `dataLayer` itself: a page with
 * gtag.js but no GTM would treat such object pushes as nothing, so events wait for gtag or GTM.
 */
export function resolveGa4(win: Window): Deliver | null {
  const gtag = method(win, 'gtag');
  if (gtag) return (type, props) => void gtag('event', snakeEventName(type), withoutNulls(props));
  const dataLayer = member(win, 'dataLayer');
  const push = method(dataLayer, 'push');
  if (!push) return null;
  return (type, props) => {
    push({ waymark: null });
    push({ event: snakeEventName(type), waymark: withoutNulls(props) });
  };
}

/** GA4 has no null parameter value (it would arrive as the string "null"); an absent one reads "(not set)". */
function withoutNulls(props: FlatProps): FlatProps {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null));
}

/** Segment analytics.js (and its snippet's stub, which queues until the library loads). */
export function resolveSegment(win: Window): Deliver | null {
  const track = method(member(win, 'analytics'), 'track');
  return track ? (type, props) => void track(wordsEventName(type), props) : null;
}

/** PostHog posthog-js (its snippet stubs `capture` as well). */
export function resolvePosthog(win: Window): Deliver | null {
  const capture = method(member(win, 'posthog'), 'capture');
  return capture ? (type, props) => void capture(snakeEventName(type), props) : null;
}

/** Amplitude Browser SDK 1/2 `amplitude.track`, or legacy amplitude-js `amplitude.getInstance().logEvent`. */
export function resolveAmplitude(win: Window): Deliver | null {
  const amplitude = member(win, 'amplitude');
  const track = method(amplitude, 'track');
  if (track) return (type, props) => void track(wordsEventName(type), props);
  const getInstance = method(amplitude, 'getInstance');
  const logEvent = getInstance ? method(getInstance(), 'logEvent') : null;
  return logEvent ? (type, props) => void logEvent(wordsEventName(type), props) : null;
}

/** Mixpanel mixpanel-browser (its snippet stubs `track` once `mixpanel.init` ran). */
export function resolveMixpanel(win: Window): Deliver | null {
  const track = method(member(win, 'mixpanel'), 'track');
  return track ? (type, props) => void track(wordsEventName(type), props) : null;
}
