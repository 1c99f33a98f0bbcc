import type { Target } from '../../config/types.js';
import { createTargetResolver, searchTarget, type ResolveOptions, type SearchRoot } from './resolve.js';
import { nextFrame } from './frame.js';
import { trackShadowRoots } from './shadow-roots.js';

export interface WaitForTargetOptions extends ResolveOptions {
  /** Give up after this many milliseconds and resolve null. */
  timeout: number;
  /** Abort the wait: resolves null at once. */
  signal?: AbortSignal;
  /** Where to search (default: the window's document). */
  root?: SearchRoot;
  /** Whose observers and timers to use (default: the root's window). */
  window?: Window;
  /** An unexpected failure while checking (the wait then resolves null instead of hanging). */
  onError?: (error: unknown) => void;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };
/** While the target is missing, the whole tree is walked for new shadow roots at most this often (added subtrees at each check). */
const FULL_SCAN_EVERY_MS = 500;

/**
 * Resolve with the target's element as soon as it exists and is visible, or null on timeout or
 * abort. Watches the DOM (one MutationObserver on the root and the open shadow roots in it, an
 * IntersectionObserver on present-but-hidden candidates, transition/animation ends for fades, definitions of
 * custom elements found undefined) instead of polling, checks at most once per animation frame (or every 100 ms in
 * a hidden tab, which has no frames), and removes everything it added before resolving. A check walks only the
 * subtrees added since the last one for new shadow roots, and the whole tree at most every 500 ms.
 */
export function waitForTarget(target: Target, options: WaitForTargetOptions): Promise<Element | null> {
  // The Window type lacks the constructors (MutationObserver, …) a real window carries.
  const win = (options.window ?? options.root?.ownerDocument?.defaultView ?? (options.root as Document | undefined)?.defaultView ?? globalThis.window) as Window & typeof globalThis;
  const root: SearchRoot = options.root ?? win.document;
  const resolver = createTargetResolver(options);
  const { signal } = options;

  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(null);
      return;
    }
    const watchedCandidates = new Set<Element>();
    let cancelFrame: (() => void) | null = null;
    let settled = false;

    const schedule = (): void => {
      if (!settled && cancelFrame === null) cancelFrame = nextFrame(win, check);
    };
    const mutations = new win.MutationObserver((records) => {
      shadowRoots.noteAdded(records);
      schedule();
    });
    const shadowRoots = trackShadowRoots(root, {
      now: () => win.performance.now(),
      fullScanEveryMs: FULL_SCAN_EVERY_MS,
      onFound: (shadowRoot) => mutations.observe(shadowRoot, OBSERVE),
      onUpgrade: schedule,
    });
    let observing = false;
    const intersections = new win.IntersectionObserver(schedule);
    const timer = win.setTimeout(() => finish(null), Math.max(0, options.timeout));
    const onAbort = (): void => finish(null);
    signal?.addEventListener('abort', onAbort);
    root.addEventListener('transitionend', schedule, true);
    root.addEventListener('animationend', schedule, true);

    function finish(result: Element | null): void {
      if (settled) return;
      settled = true;
      mutations.disconnect();
      intersections.disconnect();
      shadowRoots.dispose();
      win.clearTimeout(timer);
      cancelFrame?.();
      signal?.removeEventListener('abort', onAbort);
      root.removeEventListener('transitionend', schedule, true);
      root.removeEventListener('animationend', schedule, true);
      resolve(result);
    }

    function check(): void {
      cancelFrame = null;
      try {
        const { found, visible } = searchTarget(resolver, target, root, shadowRoots.current);
        if (visible) {
          finish(visible);
          return;
        }
        if (!observing) {
          observing = true;
          mutations.observe(root, OBSERVE);
        }
        // Present but hidden: an intersection change (it got a box, or scrolled into view) re-checks.
        for (const candidate of found.slice(0, 8)) {
          if (watchedCandidates.has(candidate)) continue;
          watchedCandidates.add(candidate);
          intersections.observe(candidate);
        }
      } catch (error) {
        // Resolution never throws by design; anything else must not leave the wait hanging.
        finish(null);
        options.onError?.(error);
      }
    }

    check();
  });
}
