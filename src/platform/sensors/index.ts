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
import type { Disposer, SensorContext, SensorName, SensorOptions } from './types.js';

export { backAndForthSensor, clickSensor, deadClickSensor, elementSensor, errorSensor, formErrorSensor, idleSensor, rageClickSensor, routeSensor };
export { hookHistoryMethod } from './url.js';
export { DEFAULT_SENSOR_OPTIONS, resolveSensorOptions, type Disposer, type SensorContext, type SensorName, type SensorOptions, type ResolvedSensorOptions } from './types.js';

const STARTERS: Record<SensorName, (ctx: SensorContext, req: Requirements, options?: SensorOptions) => Disposer> = {
  route: (ctx) => routeSensor(ctx),
  click: (ctx, req) => clickSensor(ctx, req.targets),
  element: (ctx, req, options) => elementSensor(ctx, req.targets, options),
  idle: (ctx, _req, options) => idleSensor(ctx, options),
  'rage-click': (ctx, req, options) => rageClickSensor(ctx, req.targets, options),
  'dead-click': (ctx, req, options) => deadClickSensor(ctx, req.targets, options),
  error: (ctx, _req, options) => errorSensor(ctx, options),
  'form-error': (ctx, req, options) => formErrorSensor(ctx, req.targets, options),
  'back-and-forth': (ctx, _req, options) => backAndForthSensor(ctx, options),
};

/**
 * Start the sensors `req.sensors` lists (and no others), watching `req.targets`. A sensor that
 * fails to start is reported and skipped; the rest still run. The returned disposer stops them
 * all (idempotent), leaving no listener, observer, timer or history patch behind.
 */
export function startSensors(ctx: SensorContext, req: Requirements, options?: SensorOptions): Disposer {
  const disposers: Disposer[] = [];
  for (const name of req.sensors) {
    const start = STARTERS[name];
    if (!start) continue;
    try {
      disposers.push(start(ctx, req, options));
    } catch (error) {
      report(ctx, error, name);
    }
  }
  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const dispose of disposers.splice(0).reverse()) {
      try {
        dispose();
      } catch (error) {
        report(ctx, error, 'dispose');
      }
    }
  };
}

function report(ctx: SensorContext, error: unknown, where: string): void {
  try {
    ctx.reportError(error, where);
  } catch {
    // The error channel itself failed; the page must still not see an exception.
  }
}
