import { pageRegexTest } from '../config/page-regex.js';
import { createEngineWithMachines, type Engine, type EngineOptions } from './engine.js';
import { MORE_CONDITIONS } from './conditions-more.js';
import { ALL_MACHINES } from './machines/all.js';

/**
 * An engine with every machine, every condition kind and the regex page checker, unless the options say otherwise. A file of
 * its own: a bundle that uses only `createEngineWithMachines` has no static path to the checker.
 */
export function createEngine(options: EngineOptions): Engine {
  const { machines = ALL_MACHINES, pageRegex = pageRegexTest, conditions = MORE_CONDITIONS, ...rest } = options;
  return createEngineWithMachines(machines, { ...rest, pageRegex, conditions });
}
