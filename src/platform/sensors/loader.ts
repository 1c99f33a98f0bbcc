import type { Requirements } from '../../engine/contract.js';
import { routeSensor } from './route.js';
import { reportSensorError, startedSensors, type SensorStarters } from './start.js';
import type { Disposer, SensorContext, SensorName, SensorOptions } from './types.js';

/** What every page with an experience uses, kept in the runtime: the route sensor is small. */
const EAGER: SensorStarters = { route: (ctx) => routeSensor(ctx) };

/**
 * The sensors as the runtime uses them: the route sensor at once, the others (starters.ts, one lazy
 * chunk) only when the config asks for one. One loader per instance: it keeps what it loaded.
 */
export interface SensorLoader {
  /** Load the code these sensors need, before they are started (while the config is read). Never rejects. */
  preload(names: Iterable<SensorName>): Promise<void>;
  /**
   * Start the sensors `req.sensors` lists: at once when their code is in (preloaded), else when it
   * arrives. The disposer stops them all, including those still loading.
   */
  start(ctx: SensorContext, req: Requirements, options?: SensorOptions): Disposer;
}

export function createSensorLoader(reportError: (error: unknown, where: string) => void): SensorLoader {
  let loaded: SensorStarters | null = null;
  let loading: Promise<SensorStarters | null> | null = null;
  const load = (): Promise<SensorStarters | null> =>
    (loading ??= import('./starters.js').then(
      (module) => (loaded = module.PAGE_SENSOR_STARTERS),
      (error: unknown) => {
        // Tried again on the next call: a chunk that failed once (offline) may load later.
        loading = null;
        reportError(error, 'sensors');
        return null;
      },
    ));
  const lazyNames = (names: Iterable<SensorName>) => [...names].filter((name) => !EAGER[name]);
  return {
    preload: (names) => (lazyNames(names).length > 0 ? load().then(() => undefined) : Promise.resolve()),
    start(ctx, req, options) {
      const started = startedSensors(ctx);
      started.start(req.sensors, EAGER, req, options);
      const rest = lazyNames(req.sensors);
      if (rest.length === 0) return started.dispose;
      if (loaded) started.start(rest, loaded, req, options);
      else {
        void load().then(
          (starters) => starters && started.start(rest, starters, req, options),
          (error: unknown) => reportSensorError(ctx, error, 'load'),
        );
      }
      return started.dispose;
    },
  };
}
