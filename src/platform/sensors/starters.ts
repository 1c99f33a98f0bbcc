/**
 * Every sensor but the route sensor: what only some configs need (targets, clicks, idle, struggle
 * signals). The runtime loads this as a chunk when the config asks for one of them (loader.ts).
 */
import { backAndForthSensor } from './back-and-forth.js';
import { clickSensor } from './click.js';
import { deadClickSensor } from './dead-click.js';
import { elementSensor } from './element.js';
import { errorSensor } from './error.js';
import { formErrorSensor } from './form-error.js';
import { idleSensor } from './idle.js';
import { rageClickSensor } from './rage-click.js';
import type { SensorStarters } from './start.js';

export const PAGE_SENSOR_STARTERS: SensorStarters = {
  click: (ctx, req) => clickSensor(ctx, req.targets),
  element: (ctx, req, options) => elementSensor(ctx, req.targets, options),
  idle: (ctx, _req, options) => idleSensor(ctx, options),
  'rage-click': (ctx, req, options) => rageClickSensor(ctx, req.targets, options),
  'dead-click': (ctx, req, options) => deadClickSensor(ctx, req.targets, options),
  error: (ctx, _req, options) => errorSensor(ctx, options),
  'form-error': (ctx, req, options) => formErrorSensor(ctx, req.targets, options),
  'back-and-forth': (ctx, _req, options) => backAndForthSensor(ctx, options),
};
