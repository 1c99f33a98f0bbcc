import type { Requirements } from '../../engine/contract.js';
import type { Disposer, SensorContext, SensorName, SensorOptions } from './types.js';

export type SensorStarter = (ctx: SensorContext, req: Requirements, options?: SensorOptions) => Disposer;
export type SensorStarters = Partial<Record<SensorName, SensorStarter>>;

/** A set of started sensors: more may join later (their code arrived); `dispose` stops them all, once. */
export interface StartedSensors {
  /** Start these sensors (those without a starter in `starters` are skipped); a failing one is reported, the rest run. */
  start(names: Iterable<SensorName>, starters: SensorStarters, req: Requirements, options?: SensorOptions): void;
  readonly disposed: boolean;
  dispose: Disposer;
}

export function startedSensors(ctx: SensorContext): StartedSensors {
  const disposers: Disposer[] = [];
  let disposed = false;
  return {
    get disposed() {
      return disposed;
    },
    start(names, starters, req, options) {
      if (disposed) return;
      for (const name of names) {
        const start = starters[name];
        if (!start) continue;
        try {
          disposers.push(start(ctx, req, options));
        } catch (error) {
          reportSensorError(ctx, error, name);
        }
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const dispose of disposers.splice(0).reverse()) {
        try {
          dispose();
        } catch (error) {
          reportSensorError(ctx, error, 'dispose');
        }
      }
    },
  };
}

export function reportSensorError(ctx: SensorContext, error: unknown, where: string): void {
  try {
    ctx.reportError(error, where);
  } catch {
    // The error channel itself failed; the page must still not see an exception.
  }
}
