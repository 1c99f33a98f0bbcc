/**
 * Browser sensors: they turn the page into the engine's signals (see engine/contract.ts). Each
 * sensor returns its disposer; `startSensors` starts exactly those the config needs. Nothing
 * happens at import.
 */
import type { Requirements } from '../../engine/contract.js';
import { backAndForthSensor } from './back-and-forth.js';
import { clickSensor } from './click.js';
import { deadClickSensor } from './dead-click.js';
import { elementSensor } from './element.js';
import { errorSensor } from './error.js';
import { formErrorSensor } from './form-error.js';
import { idleSensor } from './idle.js';
import { rageClickSensor } from './rage-click.js';
import { routeSensor } from './route.js';
import { startedSensors, type SensorStarters } from './start.js';
import { PAGE_SENSOR_STARTERS } from './starters.js';
import type { Disposer, SensorContext, SensorOptions } from './types.js';

export { backAndForthSensor, clickSensor, deadClickSensor, elementSensor, errorSensor, formErrorSensor, idleSensor, rageClickSensor, routeSensor };
export { hookHistoryMethod } from './url.js';
export { createSensorLoader, type SensorLoader } from './loader.js';
export { DEFAULT_SENSOR_OPTIONS, resolveSensorOptions, type Disposer, type SensorContext, type SensorName, type SensorOptions, type ResolvedSensorOptions } from './types.js';

const STARTERS: SensorStarters = { route: (ctx) => routeSensor(ctx), ...PAGE_SENSOR_STARTERS };

/**
 * Start the sensors `req.sensors` lists (and no others), watching `req.targets`. A sensor that
 * fails to start is reported and skipped; the rest still run. The returned disposer stops them
 * all (idempotent), leaving no listener, observer, timer or history patch behind. (The runtime
 * uses loader.ts instead, which loads all but the route sensor only for configs that need them.)
 */
export function startSensors(ctx: SensorContext, req: Requirements, options?: SensorOptions): Disposer {
  const started = startedSensors(ctx);
  started.start(req.sensors, STARTERS, req, options);
  return started.dispose;
}
