import type { Target } from '../../config/types.js';
import { isVisible, nextFrame } from '../targets/index.js';
import { trackShadowRoots } from '../targets/shadow-roots.js';
import { targetResolverFor } from './click.js';
import { runSensor } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

interface Facts {
  present: boolean;
  visible: boolean;
}

/** Attributes that can change whether or where an element renders, or what a text/anchor target matches. */
const BASE_ATTRIBUTES = [
  'class', 'style', 'hidden', 'open', 'id', 'data-waymark', 'role', 'aria-label', 'aria-labelledby',
  'aria-hidden', 'alt', 'value', 'title', 'href', 'type', 'name',
];
/** Elements per target watched for intersection changes: enough for responsive duplicates, bounded for lists. */
const OBSERVED_PER_TARGET = 5;
const FULL_SCAN_EVERY_MS = 2000;

/**
 * Presence and visibility of every configured target, emitted as `element` only when a target's
 * facts change (the first evaluation of each target always emits, so the engine starts from facts).
 *
 * Cost is bounded for busy pages: ONE MutationObserver (document plus the open shadow roots it
 * finds, attributes filtered to those that matter), whose callback only marks work dirty; the work
 * runs in one animation frame, at most `targetsPerFrame` targets per frame, the rest in the next,
 * and a new pass starts at most every `elementCheckIntervalMs`.
 * Shadow roots are searched only when the light DOM has no visible match; their list grows from
 * added nodes and custom elements defined late, and is rebuilt by a full scan at most every 2 s. An IntersectionObserver on matched elements and
 * window resizes / transition ends catch visibility changes that mutate nothing.
 */
export function elementSensor(ctx: SensorContext, targets: ReadonlyMap<string, Target>, options?: SensorOptions): Disposer {
  const { targetsPerFrame, elementCheckIntervalMs } = resolveSensorOptions(options);
  return runSensor(ctx, 'element', (scope) => {
    if (targets.size === 0) return;
    const win = scope.window;
    const doc = win.document;
    const resolver = targetResolverFor(scope);
    const facts = new Map<string, Facts>();
    /** Keys waiting for re-evaluation, oldest first (a Set keeps insertion order and drops repeats). */
    const dirty = new Set<string>(targets.keys());
    /** Element → the target keys it matched, for routing intersection changes. */
    const watched = new Map<Element, Set<string>>();
    const watchedByKey = new Map<string, Element[]>();
    /** Cancels the pending pass (its timer or its frame); null when none is pending. */
    let cancelPending: (() => void) | null = null;
    /** When the last complete pass ended: the next one waits `elementCheckIntervalMs` after it. */
    let lastPassEnd = -Infinity;

    const observeOptions: MutationObserverInit = {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: attributesFor(targets),
      // Text targets change when text nodes are edited in place.
      characterData: [...targets.values()].some((target) => typeof target === 'object' && 'text' in target),
    };

    const markAll = (): void => {
      for (const key of targets.keys()) dirty.add(key);
      schedule();
    };
    const mutations = new win.MutationObserver(scope.guard((records: MutationRecord[]) => {
      shadowRoots.noteAdded(records);
      markAll();
    }));
    /** Open shadow roots, each observed once found: searched only when the document has no visible match. */
    const shadowRoots = trackShadowRoots(doc, {
      now: () => win.performance.now(),
      fullScanEveryMs: FULL_SCAN_EVERY_MS,
      // Re-observing a node with the same observer only updates its options: safe to repeat.
      onFound: (shadowRoot) => mutations.observe(shadowRoot, observeOptions),
      onUpgrade: scope.guard(markAll),
    });
    const intersections = new win.IntersectionObserver(scope.guard((entries: IntersectionObserverEntry[]) => {
      for (const entry of entries) for (const key of watched.get(entry.target) ?? []) dirty.add(key);
      schedule();
    }));
    mutations.observe(doc, observeOptions);
    scope.add(() => {
      mutations.disconnect();
      intersections.disconnect();
      shadowRoots.dispose();
      cancelPending?.();
    });
    scope.listen(win, 'resize', markAll, { passive: true });
    scope.listen(doc, 'transitionend', markAll, { capture: true, passive: true });
    scope.listen(doc, 'animationend', markAll, { capture: true, passive: true });

    function schedule(): void {
      if (cancelPending !== null || scope.disposed) return;
      const wait = lastPassEnd + elementCheckIntervalMs - win.performance.now();
      if (wait <= 0) {
        inNextFrame();
        return;
      }
      // A busy page mutates constantly: one pass per interval is plenty for onboarding triggers.
      const timer = scope.timeout(inNextFrame, wait);
      cancelPending = () => scope.clearTimeout(timer);
    }
    function inNextFrame(): void {
      cancelPending = nextFrame(win, scope.guard(run));
    }

    function run(): void {
      cancelPending = null;
      let budget = Math.max(1, targetsPerFrame);
      for (const key of dirty) {
        if (budget-- <= 0) break;
        dirty.delete(key);
        evaluate(key);
      }
      // The rest of this pass continues in the next frame; new work waits for the interval.
      if (dirty.size > 0) inNextFrame();
      else lastPassEnd = win.performance.now();
    }

    function evaluate(key: string): void {
      const target = targets.get(key)!;
      let matches = resolver.all(target, [doc]);
      let visible = matches.some(isVisible);
      if (!visible) {
        const roots = shadowRoots.current();
        if (roots.length > 0) {
          const inShadow = resolver.all(target, roots);
          visible = inShadow.some(isVisible);
          matches = matches.concat(inShadow);
        }
      }
      watch(key, matches.slice(0, OBSERVED_PER_TARGET));
      const next: Facts = { present: matches.length > 0, visible };
      const previous = facts.get(key);
      if (previous && previous.present === next.present && previous.visible === next.visible) return;
      facts.set(key, next);
      scope.emit({ type: 'element', at: scope.now(), key, present: next.present, visible: next.visible });
    }

    function watch(key: string, elements: Element[]): void {
      const before = watchedByKey.get(key) ?? [];
      for (const el of before) {
        if (elements.includes(el)) continue;
        const keys = watched.get(el);
        keys?.delete(key);
        if (keys && keys.size === 0) {
          watched.delete(el);
          intersections.unobserve(el);
        }
      }
      for (const el of elements) {
        const keys = watched.get(el);
        if (keys) {
          keys.add(key);
          continue;
        }
        watched.set(el, new Set([key]));
        intersections.observe(el);
      }
      watchedByKey.set(key, elements);
    }

    schedule();
  });
}

/** The base attributes plus every attribute a target's selector (or `within`) tests, e.g. `[data-state]`. */
function attributesFor(targets: ReadonlyMap<string, Target>): string[] {
  const names = new Set(BASE_ATTRIBUTES);
  for (const target of targets.values()) {
    const selectors = typeof target === 'string' ? [target] : 'selector' in target ? [target.selector] : 'text' in target ? [target.within ?? ''] : [];
    for (const selector of selectors) {
      for (const match of selector.matchAll(/\[\s*([\w-]+)/g)) names.add(match[1]!.toLowerCase());
    }
  }
  return [...names];
}
