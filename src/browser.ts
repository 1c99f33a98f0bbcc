/**
 * The script-tag / CDN entry. This is a registering entry: importing it installs `window.waymark`
 * and, when the script tag has `data-config`, starts Waymark.
 */
import { findOwnScript, installGlobal, optionsFromScript } from './runtime/script-tag.js';

export { createWaymark } from './runtime/create.js';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  try {
    installGlobal(window, optionsFromScript(findOwnScript(document, import.meta.url)));
  } catch (error) {
    console.error('[waymark] could not start', error);
  }
}
