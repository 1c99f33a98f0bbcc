/**
 * Time limits on what the runtime waits for from outside the page: a config URL and a remote storage adapter.
 * A wait that never ends would otherwise hold `ready` and every queued call forever.
 */
import type { RemoteAdapter } from '../platform/store/index.js';

export const DEFAULT_CONFIG_TIMEOUT_MS = 10_000;
export const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;

export class TimeLimitError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'TimeLimitError';
  }
}

/** `work`, or a `TimeLimitError` after `ms` (then `onTimeout` runs, e.g. to abort the request). */
export function withinTime<T>(win: Window, work: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = win.setTimeout(() => {
      reject(new TimeLimitError(what, ms));
      onTimeout?.();
    }, ms);
    work.then(
      (value) => {
        win.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        win.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * A remote adapter whose `load` gives up after `ms`: the store then continues with the local state (as when the
 * remote fails) and `onTimeout` reports it. Saves keep the adapter's own retry; they never block `ready`.
 */
export function remoteWithTimeLimit<T>(remote: RemoteAdapter<T>, win: Window, ms: number, onTimeout: (error: TimeLimitError) => void): RemoteAdapter<T> {
  const limited = Object.create(remote) as RemoteAdapter<T>;
  limited.load = (key) =>
    withinTime(win, Promise.resolve().then(() => remote.load(key)), ms, `loading "${key}" from the remote storage`).catch((error: unknown) => {
      if (error instanceof TimeLimitError) onTimeout(error);
      throw error;
    });
  return limited;
}
