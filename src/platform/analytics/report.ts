import type { AnalyticsEnv } from './types.js';

/** Failure kinds a sink reports (each at most once per sink). */
export type FailureKind = 'config' | 'send' | 'flush' | 'dispose' | 'queue-full' | 'serialize' | 'transport' | 'http';

export type Fail = (kind: FailureKind, error: unknown) => void;

/**
 * Report each kind of failure once per sink: a sink that fails on every event would otherwise
 * flood the host's `on('error')` listeners.
 */
export function reportOnce(reportError: AnalyticsEnv['reportError'], sinkName: string): Fail {
  const reported = new Set<FailureKind>();
  return (kind, error) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    try {
      reportError(error, `sink:${sinkName}:${kind}`);
    } catch {
      // The error channel itself failed: there is nowhere left to report to, and sinks must not throw.
    }
  };
}
