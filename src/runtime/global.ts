import { createCallQueue, createFacade, isMethod, METHODS, type Call, type Facade, type LoadRuntime } from './facade.js';
import { describeValue, readOptions, reportMisuse, type GuardedWaymark } from './guard.js';
import type { Waymark, WaymarkOptions } from './types.js';

import type { EarlyStart } from './early-start.js';

export type { LoadRuntime } from './facade.js';

/**
 * `window.waymark`, the script-tag global: the stub's queued calls replayed, then every call forwarded to the instance
 * (see script-tag.ts for the page's side). Part of the runtime chunk: the entry loads it with the runtime.
 */

export const SCRIPT_TAG_VERSION = '0.1.0';

type QueuedCall = ArrayLike<unknown>;
export interface WaymarkGlobal {
  (method: string, ...args: unknown[]): unknown;
  q?: QueuedCall[];
  /** The instance, once created. */
  instance?: Waymark;
  version?: string;
}

/**
 * Install `window.waymark`: replays the stub's queue, then forwards calls to the instance.
 * An `init` call (queued or later) creates the instance with its options; otherwise the script
 * tag's `data-config` does. Loading the bundle twice keeps the first install and warns.
 */
export function installGlobal(
  win: Window,
  scriptOptions: WaymarkOptions | null,
  loadRuntime: LoadRuntime,
  /** Called when an instance is about to be created: hint what it will load; returns the hints' disposer. */
  preloadNext?: () => () => void,
  /** The first I/O of the instance `scriptOptions` create, begun by the entry (script-tag.ts); given up if unused. */
  early?: EarlyStart,
): WaymarkGlobal {
  const host = win as unknown as { waymark?: WaymarkGlobal };
  const existing = host.waymark;
  if (existing?.version) {
    early?.(null);
    if (existing.version !== SCRIPT_TAG_VERSION) {
      console.warn(`[waymark] loaded twice (versions ${existing.version} and ${SCRIPT_TAG_VERSION}); keeping ${existing.version}`);
    }
    return existing;
  }
  const queue = queuedCalls(existing?.q);
  let instance: GuardedWaymark | undefined;
  let created: Facade | undefined;
  /** Calls made before `init`, replayed into the facade (which keeps them until the runtime is in). */
  const beforeInit = createCallQueue();

  let removeHints: (() => void) | undefined;
  /** Creates the instance: a facade at once, the runtime once its chunk is in; calls made meanwhile run in order. */
  /** The entry's early I/O, begun for the instance the first `init` creates (queued, or the tag's own). */
  let unusedEarly = early;
  const init = (given: unknown): undefined => {
    if (created) return undefined;
    const withEarly = unusedEarly;
    unusedEarly = undefined;
    // Read safely: a proxy or a throwing getter in the app's options costs that option, never the install.
    const { options, problems } = readOptions(given);
    try {
      removeHints = preloadNext?.();
    } catch {
      // A hint is only a hint: the modules load when asked for anyway.
    }
    created = createFacade({ options: { ...scriptOptions, ...options, window: win }, problems }, loadRuntime, {
      where: 'init',
      early: withEarly,
      loaded: (runtime) => {
        instance = runtime;
        global.instance = runtime;
      },
      dispatch: (runtime, [method, ...args]) => {
        if (isMethod(method)) return (runtime[method] as (...a: unknown[]) => unknown)(...args);
        misuse('waymark()', `waymark(${describeValue(method)}): unknown method; expected one of init, ${METHODS.join(', ')}`);
        return undefined;
      },
    });
    const facade = created;
    beforeInit.attach((call) => invokeSafely(call, facade));
    return undefined;
  };

  /** Misuse of the global is reported through the instance's `on('error')`, or the console before there is one. */
  const misuse = (where: string, message: string) => {
    const reporter = (instance as GuardedWaymark | undefined)?.[reportMisuse];
    if (reporter) reporter(where, message);
    else console.warn(`[waymark] ${message}`);
  };

  /** One bad call (queued or not) never stops the ones after it. */
  const invokeSafely = (call: Call, facade = created): unknown => {
    try {
      const [method, ...args] = call;
      if (method === 'init') return init(args[0]);
      if (method === 'destroy') removeHints?.();
      return facade ? facade.call(call) : beforeInit.call(call);
    } catch (error) {
      misuse('waymark()', `waymark(${describeValue(call[0])}) failed: ${error instanceof Error ? error.message : describeValue(error)}`);
      return undefined;
    }
  };

  const global = ((method: string, ...args: unknown[]) => invokeSafely([method, ...args])) as WaymarkGlobal;
  global.version = SCRIPT_TAG_VERSION;
  for (const method of METHODS) {
    (global as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => invokeSafely([method, ...args]);
  }
  host.waymark = global;

  const explicitInit = queue.some(([method]) => method === 'init');
  for (const call of queue) invokeSafely(call);
  if (!explicitInit && scriptOptions) init({});
  // No instance was created for it: given up.
  unusedEarly?.(null);
  return global;
}

/** The stub's queue as arrays; whatever is not array-like is left out. */
function queuedCalls(queue: unknown): unknown[][] {
  if (!Array.isArray(queue)) return [];
  const calls: unknown[][] = [];
  for (const call of queue) {
    try {
      calls.push(Array.from(call as ArrayLike<unknown>));
    } catch {
      /* not a call */
    }
  }
  return calls;
}
