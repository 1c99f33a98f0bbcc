import type { AnalyticsEvent, AnalyticsEventType } from '../../engine/contract.js';
import { vendorProperties, type FlatProps } from './events.js';
import { reportOnce } from './report.js';
import type { AnalyticsEnv, AnalyticsSink } from './types.js';

/** Hands one event to the vendor's API. */
export type Deliver = (type: AnalyticsEventType, props: FlatProps) => void;

/** Finds the vendor's API on the page: a `Deliver`, or null while its global is not there yet. */
export type ResolveVendor = (win: Window) => Deliver | null;

/** Events kept for a vendor whose script has not loaded yet; beyond this, new events are dropped (and reported once). */
export const VENDOR_QUEUE_LIMIT = 100;
/** How often to look for a late vendor global while events wait. */
export const VENDOR_POLL_MS = 1000;
/** Stop polling after this long (an ad blocker may keep the vendor away for good); later sends and `flush()` still retry. */
export const VENDOR_WAIT_MS = 120_000;

interface Pending {
  type: AnalyticsEventType;
  props: FlatProps;
}

/**
 * A sink for a vendor's global JS API. Waymark may start before the vendor's script: events are
 * then kept (bounded, in order) and delivered as soon as the global appears — found by a poll,
 * the next `send`, or `flush()`. Payloads are built at `send` time, so a later mutation of the
 * event object does not change what the vendor receives.
 */
export function createVendorSink(name: string, resolve: ResolveVendor, env: AnalyticsEnv): AnalyticsSink {
  const fail = reportOnce(env.reportError, name);
  const queue: Pending[] = [];
  let waitingSince = 0;
  let pollTimer: number | undefined;
  let disposed = false;

  function findVendor(): Deliver | null {
    try {
      return resolve(env.window);
    } catch (error) {
      fail('send', error);
      return null;
    }
  }

  function deliver(vendor: Deliver, item: Pending): void {
    try {
      vendor(item.type, item.props);
    } catch (error) {
      fail('send', error);
    }
  }

  function drain(vendor: Deliver): void {
    stopPolling();
    for (const item of queue.splice(0)) deliver(vendor, item);
  }

  function stopPolling(): void {
    if (pollTimer === undefined) return;
    env.window.clearTimeout(pollTimer);
    pollTimer = undefined;
  }

  function poll(): void {
    if (pollTimer !== undefined || disposed || env.now() - waitingSince > VENDOR_WAIT_MS) return;
    pollTimer = env.window.setTimeout(() => {
      pollTimer = undefined;
      const vendor = findVendor();
      if (vendor) drain(vendor);
      else poll();
    }, VENDOR_POLL_MS);
  }

  function send(event: AnalyticsEvent): void {
    if (disposed) return;
    const item: Pending = { type: event.type, props: vendorProperties(event) };
    const vendor = findVendor();
    if (vendor) {
      drain(vendor);
      deliver(vendor, item);
      return;
    }
    if (queue.length >= VENDOR_QUEUE_LIMIT) {
      fail('queue-full', new Error(`${name}: the vendor's global did not appear; ${VENDOR_QUEUE_LIMIT} events are queued, newer ones are dropped`));
      return;
    }
    if (queue.length === 0) waitingSince = env.now();
    queue.push(item);
    poll();
  }

  function flush(): void {
    if (queue.length === 0) return;
    const vendor = findVendor();
    if (vendor) drain(vendor);
  }

  function dispose(): void {
    if (disposed) return;
    flush();
    disposed = true;
    stopPolling();
    queue.length = 0;
  }

  return { name, send, flush, dispose };
}
