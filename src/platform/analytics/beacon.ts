import type { AnalyticsEvent } from '../../engine/contract.js';
import { reportOnce, type Fail } from './report.js';
import type { AnalyticsEnv, AnalyticsSink } from './types.js';

export const BEACON_DEFAULT_BATCH = 20;
export const BEACON_DEFAULT_FLUSH_MS = 5000;
/** Browsers cap queued beacon and keepalive bodies at 64 KiB in total; stay under it per request. */
export const BEACON_MAX_BYTES = 60_000;

export interface BeaconOptions {
  url: string;
  batchSize?: number;
  flushMs?: number;
}

/**
 * Batches events and POSTs `{"events":[…],"sentAt":<ms>}` to `url`: when `batchSize` events are
 * buffered, `flushMs` after the first buffered event, when the page is hidden or unloaded
 * (`visibilitychange` → hidden, `pagehide`: the last moments a request can still leave), and on
 * `flush()`/`dispose()`.
 *
 * Transport: `navigator.sendBeacon(url, body)`, or when it is missing or refuses the body,
 * `fetch(url, { method: 'POST', keepalive: true })`. The body is sent as `text/plain` so a
 * cross-origin endpoint needs no CORS preflight (which sendBeacon cannot make); parse it as JSON.
 */
export function createBeaconSink(name: string, options: BeaconOptions, env: AnalyticsEnv): AnalyticsSink {
  const fail = reportOnce(env.reportError, name);
  const win = env.window;
  const endpoint = resolveEndpoint(options.url, win);
  if (!endpoint) {
    fail('config', new Error(`${name}: expected an http(s) URL, got ${JSON.stringify(options.url)}`));
    return { name, send() {} };
  }
  const url: string = endpoint;
  const batchSize = positiveInteger(options.batchSize, BEACON_DEFAULT_BATCH);
  const flushMs = positiveInteger(options.flushMs, BEACON_DEFAULT_FLUSH_MS);

  /** Events serialized at `send` time: later mutation of the event object cannot change what is sent. */
  const buffer: string[] = [];
  let bufferedBytes = 0;
  let flushTimer: number | undefined;
  let disposed = false;

  function send(event: AnalyticsEvent): void {
    if (disposed) return;
    let json: string;
    try {
      json = JSON.stringify(event);
    } catch (error) {
      fail('serialize', error);
      return;
    }
    buffer.push(json);
    bufferedBytes += byteLength(json) + 1;
    if (buffer.length >= batchSize || bufferedBytes >= BEACON_MAX_BYTES) flush();
    else if (flushTimer === undefined) flushTimer = win.setTimeout(flush, flushMs);
  }

  function flush(): void {
    if (flushTimer !== undefined) {
      win.clearTimeout(flushTimer);
      flushTimer = undefined;
    }
    if (buffer.length === 0) return;
    const events = buffer.splice(0);
    bufferedBytes = 0;
    for (const body of bodies(events, env.now())) transmit(url, body, win, fail);
  }

  const onPageHide = (): void => flush();
  const onVisibilityChange = (): void => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onVisibilityChange);

  function dispose(): void {
    if (disposed) return;
    flush();
    disposed = true;
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onVisibilityChange);
  }

  return { name, send, flush, dispose };
}

/** Split serialized events into request bodies that each stay under `BEACON_MAX_BYTES` (one oversized event goes alone). */
function bodies(events: string[], sentAt: number): string[] {
  const tail = `],"sentAt":${sentAt}}`;
  const overhead = byteLength('{"events":[') + byteLength(tail);
  const result: string[] = [];
  let chunk: string[] = [];
  let size = overhead;
  for (const json of events) {
    const bytes = byteLength(json) + 1;
    if (chunk.length > 0 && size + bytes > BEACON_MAX_BYTES) {
      result.push(`{"events":[${chunk.join(',')}${tail}`);
      chunk = [];
      size = overhead;
    }
    chunk.push(json);
    size += bytes;
  }
  if (chunk.length > 0) result.push(`{"events":[${chunk.join(',')}${tail}`);
  return result;
}

function transmit(url: string, body: string, win: Window, fail: Fail): void {
  const navigator = win.navigator as Partial<Navigator> | undefined;
  if (typeof navigator?.sendBeacon === 'function') {
    try {
      // false: the browser refused to queue it (too large, or its beacon quota is used up).
      if (navigator.sendBeacon(url, body)) return;
    } catch {
      // An invalid URL or a blocked scheme throws here; fetch below reports the real failure.
    }
  }
  if (typeof win.fetch !== 'function') {
    fail('transport', new Error('beacon: neither navigator.sendBeacon nor fetch could send the events'));
    return;
  }
  try {
    win
      .fetch(url, { method: 'POST', keepalive: true, body, headers: { 'content-type': 'text/plain;charset=UTF-8' } })
      .then(
        (response) => {
          if (!response.ok) fail('http', new Error(`beacon: POST ${url} answered HTTP ${response.status}`));
        },
        (error: unknown) => fail('transport', error),
      );
  } catch (error) {
    fail('transport', error);
  }
}

function resolveEndpoint(raw: unknown, win: Window): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    const url = new URL(raw, win.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function byteLength(text: string): number {
  // The UTF-8 size without encoding: 2 bytes up to U+07FF, 3 above, 4 per surrogate pair.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
