/**
 * The debug overlay's memory of what happened: the last signals and emitted events, kept only
 * when debug is on (the runtime creates no log otherwise). Tiny on purpose: the overlay and the
 * code that explains entries load later, with `import()`.
 */
import type { AnalyticsEvent, Signal } from '../engine/contract.js';

export type DebugRecord = { kind: 'signal'; seq: number; value: Signal } | { kind: 'event'; seq: number; value: AnalyticsEvent };

export interface DebugLog {
  signal(signal: Signal): void;
  event(event: AnalyticsEvent): void;
  /** Oldest first, at most `capacity`. */
  records(): readonly DebugRecord[];
  /** Told after each new record. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createDebugLog(capacity = 50): DebugLog {
  const records: DebugRecord[] = [];
  const listeners = new Set<() => void>();
  let seq = 0;
  const push = (record: DebugRecord) => {
    records.push(record);
    if (records.length > capacity) records.splice(0, records.length - capacity);
    for (const listener of [...listeners]) listener();
  };
  return {
    signal: (value) => push({ kind: 'signal', seq: ++seq, value }),
    event: (value) => push({ kind: 'event', seq: ++seq, value }),
    records: () => records,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
