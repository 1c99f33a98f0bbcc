/**
 * The npm path's runtime chunk (chunks/runtime.js, a build of its own: rollup.config.mjs). It exports only the runtime
 * that is handed its helpers by the caller (the facade, runtime-helpers.ts), so the chunk carries no copy of them.
 */
export { createRuntime } from './create.js';
