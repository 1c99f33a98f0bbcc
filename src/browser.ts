/**
 * The script-tag / CDN entry. This is a registering entry: importing it installs `window.waymark`
 * and, when the script tag has `data-config`, starts Waymark.
 */
import { findOwnScript, installGlobal, optionsFromScript } from './runtime/script-tag.js';

/**
 * `createWaymark`, for pages that import the bundle as a module: `const createWaymark = await (await import(url)).loadWaymark()`.
 * The runtime is a chunk of its own: this entry is only the install and the call queue, so it loads and runs first.
 */
export const loadWaymark = () => import('./runtime/create.js').then((runtime) => runtime.createWaymark);

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  try {
    installGlobal(window, optionsFromScript(findOwnScript(document, import.meta.url)), loadWaymark);
  } catch (error) {
    console.error('[waymark] could not start', error);
  }
}
