import type { RetryOptions } from './types.js';

export const DEFAULT_RETRY = { minMs: 1_000, maxMs: 60_000 } as const;

export interface Backoff {
  /** Something failed: run again after the next delay (doubling up to `maxMs`), or as soon as the browser is back online. */
  failed(): void;
  /** It worked: forget the failures and any pending retry. */
  succeeded(): void;
  /** Stop for good: clears the timer and the `online` listener. */
  dispose(): void;
}

export interface BackoffOptions extends RetryOptions {
  window: Window;
  run(): void;
  /** Source for the 0–25% jitter that keeps many clients from retrying in lockstep. */
  random?: () => number;
}

/** A retry schedule. It holds a timer and an `online` listener only while a retry is pending. */
export function createBackoff(options: BackoffOptions): Backoff {
  const win = options.window;
  const minMs = Math.max(0, options.minMs ?? DEFAULT_RETRY.minMs);
  const maxMs = Math.max(minMs, options.maxMs ?? DEFAULT_RETRY.maxMs);
  const random = options.random ?? Math.random;
  let failures = 0;
  let timer: ReturnType<Window['setTimeout']> | undefined;
  let disposed = false;

  const onOnline = () => fire();

  function cancel(): void {
    if (timer === undefined) return;
    win.clearTimeout(timer);
    timer = undefined;
    win.removeEventListener('online', onOnline);
  }

  function fire(): void {
    cancel();
    if (!disposed) options.run();
  }

  return {
    failed() {
      if (disposed || timer !== undefined) return;
      const base = Math.min(maxMs, minMs * 2 ** failures);
      failures++;
      const delay = Math.min(maxMs, Math.round(base * (1 + 0.25 * random())));
      timer = win.setTimeout(fire, delay);
      win.addEventListener('online', onOnline);
    },
    succeeded() {
      failures = 0;
      cancel();
    },
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
