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

/**
 * Main-thread time one slice of a long piece of work (parsing and validating a large config) may take before the
 * page gets a turn: well under the 50 ms after which the browser counts a long task and input feels stuck.
 */
export const SLICE_BUDGET_MS = 10;

/** Give the page a turn (input, rendering, its own tasks): `scheduler.yield()` where the browser has it, else a message. */
export function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A posted message runs as soon as the page is idle; a timer would be clamped to 4 ms or more.
  return new Promise((resolve) => {
    const channel = new (win as unknown as typeof globalThis).MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  /** Main-thread time per slice (default `SLICE_BUDGET_MS`). */
  budgetMs?: number;
  /** Asked before the first slice and after every turn: an error to stop with (e.g. a time limit passed), or undefined. */
  stopWith?: () => unknown;
}

/**
 * Run `steps` (a generator doing a bounded piece of work per `next()`) to its result, giving the page a turn
 * whenever a slice has run for `budgetMs`. Work that fits in one slice finishes without ever yielding.
 */
export async function runInSlices<T>(win: Window, steps: Generator<void, T, void>, { budgetMs = SLICE_BUDGET_MS, stopWith }: SliceOptions = {}): Promise<T> {
  const checkStop = (): void => {
    const reason = stopWith?.();
    if (reason !== undefined) throw reason;
  };
  try {
    checkStop();
    let sliceStart = win.performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (win.performance.now() - sliceStart < budgetMs) continue;
      await yieldToPage(win);
      checkStop();
      sliceStart = win.performance.now();
    }
  } finally {
    // Finished, failed or abandoned: the work is over either way.
    steps.return(undefined as T);
  }
}
