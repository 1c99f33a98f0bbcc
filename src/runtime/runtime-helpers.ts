/**
 * What the package root's facade hands the runtime: the argument checks, the error channel and the anonymous id.
 * On the npm path the runtime is a build of its own (chunks/runtime.js, see rollup.config.mjs): handed over instead of
 * imported, these exist once on a page, in the facade the app's entry already holds.
 */
import { guardApi, readOptions } from './guard.js';
import { anonymousId } from './identity.js';
import { createReporter } from './reporter.js';

export interface RuntimeHelpers {
  readOptions: typeof readOptions;
  guardApi: typeof guardApi;
  createReporter: typeof createReporter;
  anonymousId: typeof anonymousId;
}

export const runtimeHelpers: RuntimeHelpers = { readOptions, guardApi, createReporter, anonymousId };
