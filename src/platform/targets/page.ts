import type { Target } from '../../config/types.js';
import { describeTarget, resolveTarget, type ResolveOptions } from './resolve.js';
import { waitForTarget } from './wait.js';

/**
 * Target resolution for one page, in the shape the UI's components take (`ComponentContext.targets`):
 * find now, wait for a late target, describe one for messages. The runtime injects it into the
 * renderer, so components resolve targets exactly as the sensors and `why()` do.
 */
export interface PageTargets {
  /** The element now (the first visible match), or null. Never throws. */
  resolve(target: Target): Element | null;
  /** The element once it exists and is visible, or null after `timeoutMs` or when `signal` aborts. */
  wait(target: Target, timeoutMs: number, signal?: AbortSignal): Promise<Element | null>;
  describe(target: Target): string;
}

export function createPageTargets(win: Window, options: ResolveOptions = {}): PageTargets {
  return {
    resolve: (target) => resolveTarget(target, win.document, options),
    wait: (target, timeoutMs, signal) => waitForTarget(target, { ...options, timeout: timeoutMs, signal, window: win, root: win.document }),
    describe: describeTarget,
  };
}
