/**
 * The script-tag / CDN entry. This is a registering entry: importing it installs `window.waymark`
 * and, when the script tag has `data-config`, starts Waymark.
 */
import { loadRuntime } from './runtime/facade.js';
import { findOwnScript, installGlobal, optionsFromScript, preloadModules } from './runtime/script-tag.js';

declare global {
  interface ImportMeta {
    /** The chunks an instance loads next (the tour UI), relative to this file: filled in by the bundle's build, absent from source. */
    readonly waymarkNextChunks?: readonly string[];
  }
}

/**
 * `createWaymark`, for pages that import the bundle as a module: `const createWaymark = await (await import(url)).loadWaymark()`.
 * The runtime is a chunk of its own: this entry is only the install and the call queue, so it loads and runs first.
 */
export const loadWaymark = loadRuntime;

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  try {
    const nextChunks = (import.meta.waymarkNextChunks ?? []).map((path) => new URL(path, import.meta.url).href);
    installGlobal(window, optionsFromScript(findOwnScript(document, import.meta.url)), loadWaymark, () => preloadModules(document, nextChunks));
  } catch (error) {
    console.error('[waymark] could not start', error);
  }
}
