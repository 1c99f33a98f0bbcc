import type { Signal } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import { startSensors } from '../platform/sensors/index.js';
import { describeError, type WaymarkError } from './errors.js';

export interface PageWatch {
  /** Start the sensors this engine's experiences need, stopping the ones started before. */
  watch(engine: Engine): void;
  dispose(): void;
}

/** The page's sensors, restarted when the experiences change (the config is in, one is added or removed in code). */
export function createPageWatch(options: { window: Window; now(): number; send(signal: Signal): void; report(error: WaymarkError, onceKey?: string): void }): PageWatch {
  let stop = () => {};
  return {
    watch(engine) {
      stop();
      stop = startSensors(
        {
          window: options.window,
          now: options.now,
          emit: options.send,
          reportError: (error, where) =>
            options.report(
              { code: 'sensor-failed', severity: 'warning', where: `sensor:${where}`, message: describeError(error), cause: error },
              `sensor:${where}`,
            ),
        },
        engine.requirements(),
      );
    },
    dispose: () => stop(),
  };
}
