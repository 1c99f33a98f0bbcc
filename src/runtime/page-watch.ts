import type { WaymarkConfig } from '../config/types.js';
import { compileCatalog } from '../engine/catalog.js';
import type { Signal } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import { createSensorLoader } from '../platform/sensors/loader.js';
import { describeError, type WaymarkError } from './errors.js';

export interface PageWatch {
  /** Load the code of the sensors this config needs (while the stored progress is read, before the engine starts). Never rejects. */
  preload(config: WaymarkConfig): Promise<void>;
  /** Start the sensors this engine's experiences need, stopping the ones started before. */
  watch(engine: Engine): void;
  dispose(): void;
}

/**
 * The page's sensors, restarted when the experiences change (the config is in, one is added or removed in code).
 * Only the route sensor is in the runtime; the others load for the configs that use them.
 */
export function createPageWatch(options: { window: Window; now(): number; send(signal: Signal): void; report(error: WaymarkError, onceKey?: string): void }): PageWatch {
  const reportError = (error: unknown, where: string) =>
    options.report({ code: 'sensor-failed', severity: 'warning', where: `sensor:${where}`, message: describeError(error), cause: error }, `sensor:${where}`);
  const loader = createSensorLoader(reportError);
  let stop = () => {};
  return {
    preload(config) {
      // The engine compiles the same config again; compiling is cheap next to a chunk that arrives late.
      try {
        return loader.preload(compileCatalog(config).requirements.sensors);
      } catch {
        return Promise.resolve(); // The engine reports a config it cannot compile.
      }
    },
    watch(engine) {
      stop();
      stop = loader.start({ window: options.window, now: options.now, emit: options.send, reportError }, engine.requirements());
    },
    dispose: () => stop(),
  };
}
