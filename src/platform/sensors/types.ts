import type { Requirements, Signal } from '../../engine/contract.js';

/** What every sensor is given: the browser, the clock, and where signals and failures go. */
export interface SensorContext {
  /** The window to watch. Sensors never read globals: everything goes through this. */
  window: Window;
  /** The injected clock (epoch ms); every signal's `at` comes from it, and so do rage/back-and-forth windows. */
  now(): number;
  emit(signal: Signal): void;
  /** A failure inside a sensor. Sensors catch everything: no exception escapes into the page. */
  reportError(error: unknown, where: string): void;
}

export type Disposer = () => void;

export type SensorName = Requirements['sensors'] extends Set<infer Name> ? Name : never;

/** Tunables. Every field is optional; invalid numbers (negative, NaN) fall back to the default. */
export interface SensorOptions {
  /** Clicks that make a rage click (default 3)… */
  rageClickCount?: number;
  /** …within this many ms (default 700)… */
  rageClickWindowMs?: number;
  /** …landing within this many px of the latest one (default 30). */
  rageClickRadiusPx?: number;
  /** A click is dead when nothing responds within this many ms (default 1000). */
  deadClickWindowMs?: number;
  /** No input for this many ms makes the user idle (default 30 000). */
  idleAfterMs?: number;
  /** Returns to the route just left that make back-and-forth navigation (default 2)… */
  backAndForthReturns?: number;
  /** …within this many ms (default 60 000). */
  backAndForthWindowMs?: number;
  /** At most this many targets are re-resolved per animation frame; the rest wait for the next (default 20). */
  targetsPerFrame?: number;
  /** A new pass over changed targets starts at most this often, however busy the page (default 100 ms). */
  elementCheckIntervalMs?: number;
  /** Struggle `detail` strings are cut to this length (default 160). */
  detailMaxLength?: number;
  /** At most this many `error` struggles per minute, so an error loop cannot flood the engine (default 10). */
  errorsPerMinute?: number;
}

export type ResolvedSensorOptions = Readonly<Required<SensorOptions>>;

export const DEFAULT_SENSOR_OPTIONS: ResolvedSensorOptions = Object.freeze({
  rageClickCount: 3,
  rageClickWindowMs: 700,
  rageClickRadiusPx: 30,
  deadClickWindowMs: 1000,
  idleAfterMs: 30_000,
  backAndForthReturns: 2,
  backAndForthWindowMs: 60_000,
  targetsPerFrame: 20,
  elementCheckIntervalMs: 100,
  detailMaxLength: 160,
  errorsPerMinute: 10,
});

/** The options with defaults filled in; a value that is not a finite, non-negative number is replaced by its default. */
export function resolveSensorOptions(options: SensorOptions = {}): ResolvedSensorOptions {
  const resolved = { ...DEFAULT_SENSOR_OPTIONS };
  for (const name of Object.keys(DEFAULT_SENSOR_OPTIONS) as Array<keyof SensorOptions>) {
    const value = options[name];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) resolved[name] = value;
  }
  return resolved;
}
