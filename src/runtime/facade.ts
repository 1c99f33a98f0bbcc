/**
 * The public `createWaymark()`: a small facade that returns the instance at once and loads the runtime (a chunk of
 * its own) with a dynamic import, so an app's entry pays only for this file. Calls made before the runtime is in
 * are kept and replayed in order; `start()` resolves with the runtime's outcome, `on()` returns a disposer that
 * works before and after, `destroy()` before load cancels everything (the runtime is never started).
 * The config request and the IndexedDB open begin here, at once (early-start.ts), and the runtime takes them over:
 * they overlap the runtime chunk's download and evaluation. The script-tag global (global.ts) is built on the same
 * facade and the same call queue.
 */
import type { createWaymark as createRuntime } from './create.js';
import { startEarly, type EarlyStart } from './early-start.js';
import { describeError, type WaymarkError } from './errors.js';
import { guardApi, readOptions, reportMisuse, type GuardedWaymark } from './guard.js';
import { anonymousId } from './identity.js';
import { createReporter } from './reporter.js';
import { runtimeHelpers } from './runtime-helpers.js';
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
  /** The instance's first I/O, begun for exactly these options (early-start.ts): handed to the runtime, or given up. */
  early?: EarlyStart;
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
  /** Until the runtime is in, `on('error')` handlers hear from here: misused arguments (checked at once, as the runtime does) and a failed load. */
  const early = createReporter(Boolean(options.debug));
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const dispatch = hooks.dispatch ?? ((target, [method, ...args]) => (target[method as Method] as (...a: unknown[]) => unknown)(...args));
  const gone = () => {
    giveUpPrefetch();
    early.emitter.clear();
    markReady();
  };

  let prefetch = hooks.early;
  /** Nothing will take the early I/O over (destroyed, or the runtime failed to load): give it up. */
  const giveUpPrefetch = () => {
    prefetch?.(null);
    prefetch = undefined;
  };

  const start = () => {
    const user = win && userId ? { ...options.user, id: userId } : options.user;
    let loading: ReturnType<LoadRuntime>;
    try {
      loading = loadRuntime();
    } catch (error) {
      loading = Promise.reject(error);
    }
    const created = loading.then((createWaymark) => {
      if (destroyed) return;
      const runtime = createWaymark({ ...options, ...(user ? { user } : {}) }, prefetch) as GuardedWaymark;
      // The runtime's now: it takes what matches its options and gives up the rest.
      prefetch = undefined;
      instance = runtime;
      hooks.loaded?.(runtime);
      queue.attach((call) => (call[0] === reportMisuse ? runtime[reportMisuse]?.(call[1] as string, call[2] as string) : dispatch(runtime, call)));
      void runtime.ready.then(markReady, markReady);
    });
    created.catch((error: unknown) => {
      const message = `the runtime could not load: ${describeError(error)}`;
      queue.cancel(message);
      early.report({ code: 'load-failed', severity: 'error', where: hooks.where, message, cause: error });
      gone();
    });
  };

  /** The instance before the runtime is in: its calls are kept in the queue, in order. */
  const deferred = {
    ready,
    get userId() {
      return userId;
    },
    why: () => null,
    identify(id: string, traits?: unknown) {
      if (!destroyed) userId = id;
      queue.call(['identify', id, traits]);
    },
    on(type: string, handler: (payload: never) => void) {
      const off = queue.call(['on', type, handler]) as () => void;
      if (type !== 'error' || destroyed) return off;
      const offEarly = early.emitter.on('error', early.errorListener(handler as (error: WaymarkError) => void));
      return () => {
        offEarly();
        off();
      };
    },
    destroy() {
      destroyed = true;
      queue.cancel('destroyed before it started');
      gone();
    },
  } as unknown as Waymark;
  for (const method of METHODS) {
    if (!(method in deferred)) (deferred as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => queue.call([method, ...args]);
  }
  /** Arguments are checked at once, with the runtime's own guard: misuse is reported when it happens, not at load. */
  const guarded = guardApi(deferred, early.report);

  /** Before load the guarded queue, afterwards the runtime itself: neither ever throws into the app. */
  const call = (method: Method, args: unknown[]): unknown => {
    const target = instance ?? guarded;
    try {
      return (target[method] as (...a: unknown[]) => unknown)(...args);
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
  for (const method of METHODS) (facade as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => call(method, args);
  // Reported once the app can listen (after createWaymark() returns), as the runtime itself does; queued before the
  // load starts, so it always comes first (and the runtime, given the options as read, has nothing more to say).
  if (problems.length > 0) {
    void Promise.resolve().then(() => problems.forEach((message) => early.report({ code: 'invalid-argument', severity: 'error', where: hooks.where, message })));
  }
  start();
  return {
    instance: facade,
    call([method, ...args]) {
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

/**
 * The runtime, a chunk of its own (a separate file in both builds): loaded once the app creates an instance. It is
 * handed this file's argument checks, error channel and anonymous id, so the npm path's runtime chunk has no copy.
 */
export const loadRuntime: LoadRuntime = () =>
  import('./create.js').then((runtime) => (options?: WaymarkOptions | null, early?: EarlyStart) => runtime.createRuntime(options, runtimeHelpers, early));

/**
 * Create a Waymark instance. It returns at once: the runtime loads in the background and the calls made meanwhile
 * run in order once it is in; `ready` resolves once the config and the user's stored progress are loaded, `why()`
 * is null until then. Nothing here throws into the host page: every failure is reported through `on('error')`.
 */
export function createWaymark(options?: WaymarkOptions | null): Waymark {
  const read = readOptions(options);
  const win = read.options.window ?? (typeof window === 'undefined' ? undefined : window);
  // Begun here, not in createFacade: the script tag's runtime chunk holds createFacade and must not carry this code.
  const early = win ? startEarly(win, read.options) : undefined;
  return createFacade(read, loadRuntime, { where: 'createWaymark', early }).instance;
}
