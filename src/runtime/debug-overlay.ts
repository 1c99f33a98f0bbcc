import type { DebugInternals } from './debug.js';
import { describeError, type WaymarkError } from './errors.js';

/**
 * The debug overlay (`debug: true` or `?waymark-debug`), mounted once the instance is ready: its chunk loads only
 * then. Returns its disposer (which also stops a mount still loading).
 */
export function mountDebugOverlayWhenReady(ready: Promise<void>, internals: DebugInternals, report: (error: WaymarkError) => void): () => void {
  let disposed = false;
  const unmount = ready
    .then(() => (disposed ? null : import('./debug.js')))
    .then((module) => (module && !disposed ? module.mountDebug(internals) : null))
    .catch((error: unknown) => {
      report({ code: 'ui-unavailable', severity: 'error', where: 'debug', message: `could not load the debug overlay: ${describeError(error)}`, cause: error });
      return null;
    });
  return () => {
    disposed = true;
    void unmount.then((dispose) => dispose?.());
  };
}

/** `?waymark-debug` in the page's URL turns debug on without a code change. */
export function hasDebugFlag(win: Window | undefined): boolean {
  try {
    return win !== undefined && new URL(win.location.href).searchParams.has('waymark-debug');
  } catch {
    return false;
  }
}
