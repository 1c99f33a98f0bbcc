import { Emitter } from './emitter.js';
import { describeError, type WaymarkError } from './errors.js';
import type { WaymarkEventMap } from './types.js';

/** The instance's events and its one error channel: everything that goes wrong inside Waymark is reported here. */
export interface Reporter {
  emitter: Emitter<WaymarkEventMap>;
  /** Report to `on('error')`; with `onceKey`, only the first time. */
  report(error: WaymarkError, onceKey?: string): void;
  /** An unexpected exception, as an `internal` error. */
  reportError(error: unknown, where: string): void;
  /** Wraps an `on('error')` handler so one that throws is reported once, never recursively. */
  errorListener(handler: (error: WaymarkError) => void): (error: WaymarkError) => void;
}

export function createReporter(debug: boolean): Reporter {
  const reportedOnce = new Set<string>();
  const emitter: Emitter<WaymarkEventMap> = new Emitter((error, type) =>
    report({ code: 'listener-failed', severity: 'error', where: `on('${type}')`, message: describeError(error), cause: error }),
  );
  /** An `error` listener that throws is reported once (reporting it again would fail again), never recursively. */
  const errorListener =
    (handler: (error: WaymarkError) => void) =>
    (error: WaymarkError): void => {
      try {
        handler(error);
      } catch (failure) {
        report({ code: 'listener-failed', severity: 'error', where: "on('error')", message: describeError(failure), cause: failure }, "listener-failed:on('error')");
      }
    };
  /** Set while `error` listeners run: what they cause is not fed back to them (no recursion). */
  let reportingError = false;
  const reportAfter: WaymarkError[] = [];
  function report(error: WaymarkError, onceKey?: string): void {
    if (onceKey) {
      if (reportedOnce.has(onceKey)) return;
      reportedOnce.add(onceKey);
    }
    // Never silent: without an `error` listener (or in debug mode), the console says what went wrong.
    if (debug || !emitter.has('error')) warn(error);
    if (reportingError) {
      // Only the failure of an error listener itself is worth a second pass, after this one.
      if (error.code === 'listener-failed') reportAfter.push(error);
      return;
    }
    reportingError = true;
    try {
      emitter.emit('error', error);
      for (const next of reportAfter.splice(0)) emitter.emit('error', next);
    } finally {
      reportingError = false;
      reportAfter.length = 0;
    }
  }
  const reportError = (error: unknown, where: string) =>
    report({ code: 'internal', severity: 'error', where, message: describeError(error), cause: error });

  return { emitter, report, reportError, errorListener };
}

/** One console line; the cause goes with it when it adds something (an unexpected failure's stack), not to repeat the message. */
function warn(error: WaymarkError): void {
  const line = `[waymark] ${error.where}: ${error.message}`;
  const { cause } = error;
  const stated = cause instanceof Error && error.code !== 'internal' && error.code !== 'listener-failed' && error.message.includes(cause.message);
  if (cause === undefined || stated) console.warn(line);
  else console.warn(line, cause);
}
