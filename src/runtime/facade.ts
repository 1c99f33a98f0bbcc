/**
 * The public `createWaymark()`: a small facade that returns the instance at once and loads the runtime (a chunk of
 * its own) with a dynamic import, so an app's entry pays only for this file. Calls made before the runtime is in
 * are kept and replayed in order; `start()` resolves with the runtime's outcome, `on()` returns a disposer that
 * works before and after, `destroy()` before load cancels everything (the runtime is never started).
 * The script-tag global (script-tag.ts) is built on the same facade and the same call queue.
 */
import type { createWaymark as createRuntime } from './create.js';
import type { WaymarkError } from './errors.js';
import { readOptions, reportMisuse, type GuardedWaymark } from './guard.js';
import { anonymousId } from './identity.js';
import type { StartOutcome, Waymark, WaymarkOptions } from './types.js';

/** Loads the runtime (a chunk of its own, so the entry stays small). */
export type LoadRuntime = () => Promise<typeof createRuntime>;

/** The instance's methods, as the call queue and the script-tag global forward them. */
export const METHODS = [
  'identify', 'track', 'page', 'setStage', 'start', 'dismiss', 'next', 'back', 'goTo', 'addExperience', 'removeExperience',
  'why', 'openHelp', 'openChat', 'act', 'on', 'reset', 'destroy',
] as const;
export type Method = (typeof METHODS)[number];
export const isMethod = (method: unknown): method is Method => typeof method === 'string' && (METHODS as readonly string[]).includes(method);

/** One call: the method name, then its arguments. */
export type Call = unknown[];

const refused = (experienceId: unknown, message: string): StartOutcome => ({
  shown: false,
  experienceId: typeof experienceId === 'string' ? experienceId : '',
  reason: 'destroyed',
  message,
});

/**
 * Calls made before the one that runs them exists, kept in order. `start` gets a promise settled with what the
 * call returns once it runs; `on` gets a disposer that drops the call if it has not run yet, unsubscribes if it has.
 */
export interface CallQueue {
  /** Runs the call if the runner is in, otherwise keeps it. */
  call(call: Call): unknown;
  /** The runner is in: the kept calls run in order, then every call runs at once. */
  attach(run: (call: Call) => unknown): void;
  /** Nothing will run them: kept `start` calls resolve as refused, the rest are dropped, later calls do nothing. */
  cancel(message: string): void;
}

export function createCallQueue(): CallQueue {
  type Kept = { call: Call; settle?: (result: unknown) => void; dropped?: boolean; off?: () => void };
  const kept: Kept[] = [];
  let run: ((call: Call) => unknown) | null = null;
  let cancelled: string | null = null;

  return {
    call(call) {
      if (run) return run(call);
      const [method, experienceId] = call;
      if (cancelled !== null) return method === 'start' ? Promise.resolve(refused(experienceId, cancelled)) : method === 'on' ? () => {} : undefined;
      if (method === 'start') return new Promise((settle) => kept.push({ call, settle }));
      if (method === 'on') {
        const entry: Kept = { call };
        kept.push(entry);
        return () => {
          entry.dropped = true;
          entry.off?.();
        };
      }
      kept.push({ call });
      return undefined;
    },
    attach(runner) {
      if (run || cancelled !== null) return;
      run = runner;
      for (const entry of kept.splice(0)) {
        if (entry.dropped) continue;
        let result: unknown;
        try {
          result = runner(entry.call);
        } catch {
          // The runner reports its own failures; one bad call never stops the ones after it.
        }
        if (entry.settle) entry.settle(result ?? refused(entry.call[1], 'start() could not run'));
        if (entry.call[0] === 'on' && typeof result === 'function') entry.off = result as () => void;
      }
    },
    cancel(message) {
      if (run || cancelled !== null) return;
      cancelled = message;
      for (const entry of kept.splice(0)) entry.settle?.(refused(entry.call[1], message));
    },
  };
}

export interface FacadeHooks {
  /** Where option problems are reported (`createWaymark`, or `init` for the script-tag global). */
  where: string;
  /** The runtime's instance is in (the script-tag global exposes it as `waymark.instance`). */
  loaded?(instance: GuardedWaymark): void;
  /** Runs one call on the runtime's instance (default: the method of that name). */
  dispatch?(instance: GuardedWaymark, call: Call): unknown;
}

/** The facade, and the same calls by name (the script-tag global forwards `waymark('track', …)` through it). */
export interface Facade {
  instance: GuardedWaymark;
  call(call: Call): unknown;
}

export function createFacade(read: { options: WaymarkOptions; problems: string[] }, loadRuntime: LoadRuntime, hooks: FacadeHooks): Facade {
  const { options, problems } = read;
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  // The id the runtime would pick, known now (and handed to it, so an anonymous id is the same one on both sides).
  let userId = '';
  try {
    userId = options.user?.id ?? (win ? anonymousId(win, options.random ?? Math.random) : '');
  } catch {
    /* a window without storage or crypto: the runtime picks the id */
  }
  const queue = createCallQueue();
  let instance: GuardedWaymark | undefined;
  let destroyed = false;
  /** `on('error')` handlers given before load: told if the runtime cannot load. */
  const errorHandlers = new Set<(error: WaymarkError) => void>();
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const dispatch = hooks.dispatch ?? ((target, [method, ...args]) => (target[method as Method] as (...a: unknown[]) => unknown)(...args));

  const failed = (error: unknown) => {
    const failure: WaymarkError = { code: 'load-failed', severity: 'error', where: hooks.where, message: `the runtime could not load: ${error instanceof Error ? error.message : String(error)}`, cause: error };
    queue.cancel(failure.message);
    if (errorHandlers.size === 0) console.error(`[waymark] ${failure.message}`);
    for (const handler of errorHandlers) {
      try {
        handler(failure);
      } catch {
        /* an app's handler never breaks the SDK */
      }
    }
    errorHandlers.clear();
    markReady();
  };

  const start = () => {
    if (destroyed) return;
    const user = win && userId ? { ...options.user, id: userId } : options.user;
    const created = loadRuntime().then((createWaymark) => {
      if (destroyed) return;
      const runtime = createWaymark({ ...options, ...(user ? { user } : {}) }) as GuardedWaymark;
      instance = runtime;
      errorHandlers.clear();
      hooks.loaded?.(runtime);
      queue.attach((call) => (call[0] === reportMisuse ? runtime[reportMisuse]?.(call[1] as string, call[2] as string) : dispatch(runtime, call)));
      // After the replay: the `on('error')` handlers given before load hear about the options too.
      for (const problem of problems) runtime[reportMisuse]?.(hooks.where, problem);
      void runtime.ready.then(markReady, markReady);
    });
    created.catch(failed);
  };

  /** The facade never throws into the app: the runtime's guard reports misuse, this catches the rest. */
  const call = (method: Method, args: unknown[]): unknown => {
    try {
      if (method === 'identify' && !instance && !destroyed && typeof args[0] === 'string' && args[0] !== '') userId = args[0];
      if (method === 'on' && !instance && !destroyed && args[0] === 'error' && typeof args[1] === 'function') {
        const handler = args[1] as (error: WaymarkError) => void;
        errorHandlers.add(handler);
        const off = queue.call([method, ...args]) as () => void;
        return () => {
          errorHandlers.delete(handler);
          off();
        };
      }
      if (method === 'destroy' && !instance) {
        destroyed = true;
        queue.cancel('destroyed before it started');
        errorHandlers.clear();
        markReady();
        return undefined;
      }
      return queue.call([method, ...args]);
    } catch {
      return method === 'start' ? Promise.resolve(refused(args[0], 'start() failed')) : method === 'on' ? () => {} : undefined;
    }
  };

  const facade = {
    ready,
    get userId() {
      try {
        return instance ? instance.userId : userId;
      } catch {
        return userId;
      }
    },
    /** Null until the runtime is in (and after that for an unknown id). */
    why: (experienceId: string) => {
      try {
        return instance ? instance.why(experienceId) : null;
      } catch {
        return null;
      }
    },
  } as GuardedWaymark;
  // Misuse found outside (the script-tag global's unknown methods) is reported through the runtime, in call order.
  Object.defineProperty(facade, reportMisuse, {
    value: (where: string, message: string) => {
      try {
        queue.call([reportMisuse, where, message]);
      } catch {
        /* reporting never throws into the host */
      }
    },
    enumerable: false,
  });
  for (const method of METHODS) {
    if (method !== 'why') (facade as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => call(method, args);
  }
  start();
  return {
    instance: facade,
    call([method, ...args]) {
      if (method === 'why') return facade.why(args[0] as string);
      if (isMethod(method)) return call(method, args);
      // Not a method: kept in its place, reported by `dispatch` once the runtime is in.
      try {
        return queue.call([method, ...args]);
      } catch {
        return undefined;
      }
    },
  };
}

/** The runtime, a chunk of its own (a separate file in both builds): loaded once the app creates an instance. */
export const loadRuntime: LoadRuntime = () => import('./create.js').then((runtime) => runtime.createWaymark);

/**
 * Create a Waymark instance. It returns at once: the runtime loads in the background and the calls made meanwhile
 * run in order once it is in; `ready` resolves once the config and the user's stored progress are loaded, `why()`
 * is null until then. Nothing here throws into the host page: every failure is reported through `on('error')`.
 */
export function createWaymark(options?: WaymarkOptions | null): Waymark {
  return createFacade(readOptions(options), loadRuntime, { where: 'createWaymark' }).instance;
}
