/**
 * The script-tag / CDN entry. This is a registering entry: importing it installs `window.waymark`
 * and, when the script tag has `data-config`, starts Waymark.
 *
 * Only the tag's options and the instance's first I/O are read and begun here; the global (global.ts) comes with the
 * runtime chunk, loaded at once, so the config request and the IndexedDB open overlap that chunk's download and
 * evaluation instead of waiting for them.
 */
import type { EarlyStart } from './runtime/early-start.js';
import type { LoadRuntime } from './runtime/facade.js';
import { findOwnScript, optionsFromScript, preloadModules, startEarlyForScript } from './runtime/script-tag.js';

declare global {
  interface ImportMeta {
    /** The chunks an instance loads next (the tour UI), relative to this file: filled in by the bundle's build, absent from source. */
    readonly waymarkNextChunks?: readonly string[];
  }
}

/**
 * `createWaymark`, for pages that import the bundle as a module: `const createWaymark = await (await import(url)).loadWaymark()`.
 * The runtime is a chunk of its own: this entry is only the tag's options and the first I/O, so it loads and runs first.
 */
export const loadWaymark: LoadRuntime = () => import('./runtime/create.js').then((runtime) => runtime.createWaymark);

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  let early: EarlyStart | undefined;
  try {
    // Asked for first: the runtime chunk is the longest wait, and nothing below needs it.
    const installing = import('./runtime/global.js');
    // Awaited below; this keeps a failed load from going unhandled should anything in between throw.
    installing.catch(() => undefined);
    const nextChunks = (import.meta.waymarkNextChunks ?? []).map((path) => new URL(path, import.meta.url).href);
    const scriptOptions = optionsFromScript(findOwnScript(document, import.meta.url));
    // The UI chunk is hinted as soon as the config is seen to show something, so it downloads while the runtime chunk
    // still loads and evaluates; destroy() takes the hint away (and stops one not added yet).
    let removeHints: (() => void) | undefined;
    let hintsDropped = false;
    early = startEarlyForScript(window, scriptOptions, () => {
      if (!hintsDropped) removeHints = preloadModules(document, nextChunks);
    });
    const dropHints = () => {
      hintsDropped = true;
      removeHints?.();
    };
    // Awaited at the top level: a page that imports this bundle finds `window.waymark` installed once its import resolves.
    const { installGlobal } = await installing;
    installGlobal(window, scriptOptions, loadWaymark, () => dropHints, early);
  } catch (error) {
    early?.(null);
    console.error('[waymark] could not start', error);
  }
}
