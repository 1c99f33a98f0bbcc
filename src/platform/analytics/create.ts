import type { AnalyticsEvent } from '../../engine/contract.js';
import { createBeaconSink } from './beacon.js';
import { reportOnce, type FailureKind } from './report.js';
import type { Analytics, AnalyticsEnv, AnalyticsSink, SinkSpec } from './types.js';
import { createVendorSink, type ResolveVendor } from './vendor.js';
import { resolveAmplitude, resolveGa4, resolveMixpanel, resolvePosthog, resolveSegment } from './vendors.js';

const VENDORS: Readonly<Record<string, ResolveVendor>> = Object.freeze({
  ga4: resolveGa4,
  segment: resolveSegment,
  posthog: resolvePosthog,
  amplitude: resolveAmplitude,
  mixpanel: resolveMixpanel,
});

/**
 * Build one sink from its spec. An invalid spec (unknown type, callback without a function,
 * beacon without an http(s) URL) is reported as `sink:<name>:config` and yields a sink that
 * ignores events: a config mistake never throws into the host page.
 */
export function createSink(spec: SinkSpec, env: AnalyticsEnv): AnalyticsSink {
  const shape: unknown = spec;
  const type = typeof shape === 'object' && shape !== null ? (shape as { type?: unknown }).type : undefined;
  const name = sinkName(spec);
  if (type === 'callback') return createCallbackSink(name, (spec as { fn?: unknown }).fn, env);
  if (type === 'beacon') {
    const { url, batchSize, flushMs } = spec as Extract<SinkSpec, { type: 'beacon' }>;
    return createBeaconSink(name, { url, batchSize, flushMs }, env);
  }
  const resolveVendor = typeof type === 'string' && Object.hasOwn(VENDORS, type) ? VENDORS[type] : undefined;
  if (resolveVendor) return createVendorSink(name, resolveVendor, env);
  reportOnce(env.reportError, name)('config', new Error(`unknown analytics sink type ${JSON.stringify(type)}; expected callback, ga4, segment, posthog, amplitude, mixpanel or beacon`));
  return { name, send() {} };
}

function createCallbackSink(name: string, fn: unknown, env: AnalyticsEnv): AnalyticsSink {
  const fail = reportOnce(env.reportError, name);
  if (typeof fn !== 'function') {
    fail('config', new Error(`${name}: expected \`fn\` to be a function, got ${typeof fn}`));
    return { name, send() {} };
  }
  const callback = fn as (event: AnalyticsEvent) => void;
  return {
    name,
    send(event) {
      try {
        callback(event);
      } catch (error) {
        fail('send', error);
      }
    },
  };
}

function sinkName(spec: unknown): string {
  if (typeof spec !== 'object' || spec === null) return 'unknown';
  const { name, type } = spec as { name?: unknown; type?: unknown };
  if (typeof name === 'string' && name !== '') return name;
  return typeof type === 'string' && type !== '' ? type : 'unknown';
}

/**
 * Fan every event out to the sinks in `specs`, in order. A sink that throws is reported (once
 * per sink and kind) and never stops the others. Two sinks of one type are named `beacon` and
 * `beacon#2` in reports unless their specs give names.
 */
export function createAnalytics(specs: readonly SinkSpec[], env: AnalyticsEnv): Analytics {
  const taken = new Map<string, number>();
  const sinks: Array<{ sink: AnalyticsSink; fail: (kind: FailureKind, error: unknown) => void }> = [];
  for (const spec of Array.isArray(specs) ? specs : []) {
    const base = sinkName(spec);
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    const name = count === 1 ? base : `${base}#${count}`;
    const named = (typeof spec === 'object' && spec !== null ? { ...spec, name } : spec) as SinkSpec;
    // Its own reporter guards what the sink itself failed to catch; the sink's reports use other keys.
    const fail = reportOnce(env.reportError, name);
    try {
      sinks.push({ sink: createSink(named, env), fail });
    } catch (error) {
      fail('config', error);
    }
  }
  let disposed = false;

  function each(kind: 'send' | 'flush' | 'dispose', run: (sink: AnalyticsSink) => void): void {
    for (const { sink, fail } of sinks) {
      try {
        run(sink);
      } catch (error) {
        fail(kind, error);
      }
    }
  }

  return {
    send(event) {
      if (!disposed) each('send', (sink) => sink.send(event));
    },
    flush() {
      if (!disposed) each('flush', (sink) => sink.flush?.());
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      each('dispose', (sink) => sink.dispose?.());
      sinks.length = 0;
    },
  };
}
