import type { WaymarkConfig, Experience } from '../config/types.js';
import type { Signal, UserAction } from '../engine/contract.js';
import { createStartWaiters, withElementTargets, type ElementTargets } from './code-api.js';
import { startSensors } from '../platform/sensors/index.js';
import { createAnalytics } from '../platform/analytics/index.js';
import { createDismissibleStack } from '../ui/shared/dismissible-stack.js';
import { createActionRunner } from './actions.js';
import { EMPTY_CONFIG, loadConfig, loadValidator, negotiateLocale } from './config-loading.js';
import { hasDebugFlag, mountDebugOverlayWhenReady } from './debug-overlay.js';
import { createDebugLog } from './debug-log.js';
import { createEventDelivery } from './delivery.js';
import { createEffects } from './effects.js';
import { inertInstance } from './inert.js';
import { Emitter } from './emitter.js';
import { guardApi, readOptions } from './guard.js';
import { describeError, type WaymarkError } from './errors.js';
import { anonymousId, randomId, sessionIdFor } from './identity.js';
import { createLazyUi } from './lazy-ui.js';
import { safeProps } from './safe-props.js';
import { createUserSession } from './session.js';
import { createSupport } from './support.js';
import type { CodeExperience, StartOutcome, Waymark, WaymarkEventMap, WaymarkOptions } from './types.js';
import { createWakeTimer } from './wake.js';

export { negotiateLocale } from './config-loading.js';

/**
 * Create a Waymark instance: loads the config and the user's stored progress, starts only the
 * sensors the config needs, and runs the one data flow — signals → engine → effects → UI/events.
 * Nothing here throws into the host page: every failure is reported through `on('error')`.
 *
 * The instance is composed of small parts, each with its own disposer: the user session (store, engine,
 * user switches), the effects, the lazy UI, help and chat, the wake timer, the event delivery and the debug
 * overlay. `destroy()` calls every disposer.
 */
export function createWaymark(given?: WaymarkOptions | null): Waymark {
  // Options are read once, field by field: `null`, a throwing getter or a proxy never throws out of here.
  const { options, problems } = readOptions(given);
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const now = options.clock ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const debug = Boolean(options.debug) || hasDebugFlag(win);
  /** Recent signals and events for the debug overlay: kept only when debug is on. */
  const debugLog = debug ? createDebugLog() : null;

  const reportedOnce = new Set<string>();
  const emitter: Emitter<WaymarkEventMap> = new Emitter((error, type) =>
    report({ code: 'listener-failed', severity: 'error', where: `on('${type}')`, message: describeError(error), cause: error }),
  );
  /** An `error` listener that throws is reported once (reporting it again would fail again), never recursively. */
  const errorListener =
    (handler: (error: WaymarkError) => void) =>
    (error: WaymarkError): void => {
      try {
        handler(error);
      } catch (failure) {
        report({ code: 'listener-failed', severity: 'error', where: "on('error')", message: describeError(failure), cause: failure }, "listener-failed:on('error')");
      }
    };
  /** Set while `error` listeners run: what they cause is not fed back to them (no recursion). */
  let reportingError = false;
  const reportAfter: WaymarkError[] = [];
  function report(error: WaymarkError, onceKey?: string): void {
    if (onceKey) {
      if (reportedOnce.has(onceKey)) return;
      reportedOnce.add(onceKey);
    }
    if (debug) console.warn(`[waymark] ${error.where}: ${error.message}`, error.cause ?? '');
    if (reportingError) {
      // Only the failure of an error listener itself is worth a second pass, after this one.
      if (error.code === 'listener-failed') reportAfter.push(error);
      return;
    }
    reportingError = true;
    try {
      emitter.emit('error', error);
      for (const next of reportAfter.splice(0)) emitter.emit('error', next);
    } finally {
      reportingError = false;
      reportAfter.length = 0;
    }
  }
  const reportError = (error: unknown, where: string) =>
    report({ code: 'internal', severity: 'error', where, message: describeError(error), cause: error });

  // Reported once the app can listen (after createWaymark() returns).
  if (problems.length > 0) {
    void Promise.resolve().then(() => problems.forEach((message) => report({ code: 'invalid-argument', severity: 'error', where: 'createWaymark', message })));
  }

  if (!win) return guardApi(inertInstance(emitter), report);

  let destroyed = false;
  let config: WaymarkConfig = EMPTY_CONFIG;
  let experiences = new Map<string, Experience>();
  let locale = 'en';
  const experience = (id: string) => experiences.get(id);
  const sessionId = sessionIdFor(win, random);
  const disposers: Array<() => void> = [];
  /** Every signal enters here; after destroy() nothing does. */
  const send = (signal: Signal) => {
    if (!destroyed) session.send(signal);
  };

  const session = createUserSession({
    window: win,
    now,
    origin: randomId(win, random),
    sessionId,
    userId: options.user?.id || anonymousId(win, random),
    storage: options.storage,
    config: () => config,
    apply: (decided, contextMoved) => effects.apply(decided, contextMoved),
    hideAll: (reason) => effects.hideAll(reason),
    settleReplaced: () => effects.settleReplaced(),
    whenReady: () => ready,
    debug,
    debugLog,
    report,
    reportError,
  });
  // Registered first, so it closes last: the store takes the final writes of everything else.
  disposers.push(session.dispose);

  const analytics = createAnalytics(options.analytics ?? [], {
    window: win,
    now,
    reportError: (error, where) =>
      report({ code: 'sink-failed', severity: 'warning', where, message: describeError(error), cause: error }, where),
  });
  disposers.push(() => analytics.dispose());
  const delivery = createEventDelivery({ analytics, emitter, debugLog });
  disposers.push(delivery.dispose);

  const stack = createDismissibleStack(win);
  disposers.push(() => stack.dispose());

  const support = createSupport({
    window: win,
    now,
    sessionId,
    stack,
    ui: options.ui !== false,
    helpLauncher: options.helpLauncher !== false,
    dbName: options.storage?.dbName,
    config: () => config,
    locale: () => locale,
    userId: () => session.userId,
    engine: () => session.engine,
    experience,
    emitter,
    deliver: delivery.deliver,
    send,
    report,
    reportError,
  });
  disposers.push(support.dispose);

  const ui =
    options.ui === false
      ? null
      : createLazyUi({
          window: win,
          config: () => config,
          locale: () => locale,
          stack,
          animation: options.animation !== false,
          act: (experienceId, action) => {
            instance.act(experienceId, action);
            if (action.type === 'shown') startWaiters.visible(experienceId, activeStep(experienceId));
          },
          report,
          reportError: (error) => reportError(error, 'ui'),
        });
  if (ui) disposers.push(ui.dispose);

  // ---- what start() waits for, and experiences added in code
  const startWaiters = createStartWaiters();
  disposers.push(startWaiters.dispose);
  const activeStep = (experienceId: string) => session.engine?.active().find((active) => active.experienceId === experienceId)?.step;
  disposers.push(
    emitter.on('show', ({ experience: shown, step }) => {
      // Headless: shown is visible (the app renders it on `show`).
      if (!ui) startWaiters.visible(shown.id, step);
    }),
    emitter.on('hide', ({ experienceId }) => startWaiters.hidden(experienceId)),
  );
  /**
   * While an `addExperience` validates (the validator is a lazy chunk), the code API's later calls queue behind it in
   * call order; with none pending they run at once. `run` returns a promise when it is itself such an addition.
   */
  let queued: Promise<void> | null = null;
  const afterAdding = (run: () => void | Promise<void>) => {
    const settled = (tail: Promise<void>) => {
      queued = tail;
      void tail.then(() => {
        if (queued === tail) queued = null;
      });
    };
    if (!queued) {
      const pending = run();
      if (pending) settled(pending);
      return;
    }
    settled(queued.then(() => (destroyed ? undefined : run())));
  };
  type Validator = (typeof import('../config/validate.js'))['validateConfig'];
  let elementMarks = 0;
  const addedInCode = new Map<string, ElementTargets>();

  const wake = createWakeTimer({ window: win, now, onWake: () => send({ type: 'tick', at: now() }) });
  disposers.push(wake.dispose);

  const effects = createEffects({
    emitter,
    ui,
    engine: () => session.engine,
    experience,
    persist: session.persist,
    deliver: delivery.deliver,
    struggled: support.rememberStruggle,
    contextChanged: support.refresh,
    runAction: createActionRunner({ window: win, now, send, support, experience, report }),
    wakeAt: wake.wakeAt,
    debug,
    reportError,
    warn: (warning) => report(warning),
  });

  let stopSensors = () => {};
  /** The sensors the engine's experiences need; again when experiences are added or removed in code. */
  function watchPage(engine: NonNullable<typeof session.engine>): void {
    stopSensors();
    stopSensors = startSensors(
      {
        window: win!,
        now,
        emit: send,
        reportError: (error, where) =>
          report({ code: 'sensor-failed', severity: 'warning', where: `sensor:${where}`, message: describeError(error), cause: error }, `sensor:${where}`),
      },
      engine.requirements(),
    );
  }

  /** The config with this experience in place of the one with its id (or without it). */
  function withExperience(experienceId: string, next: Experience | null, forEngine: unknown): void {
    const others = config.experiences.filter((each) => each.id !== experienceId);
    config = { ...config, experiences: next ? [...others, forEngine as Experience] : others };
    experiences = new Map(experiences);
    if (next) experiences.set(experienceId, next);
    else experiences.delete(experienceId);
  }

  /** Validated against the loaded config, so it waits for it (and for a user switch in progress). */
  function addExperience(engine: NonNullable<typeof session.engine>, given: unknown, validateConfig: Validator): void {
    const id = given !== null && typeof given === 'object' ? (given as { id?: unknown }).id : undefined;
    const marked = withElementTargets(win!, given, () => ++elementMarks);
    const others = config.experiences.filter((each) => each.id !== id);
    const { config: checked, issues } = validateConfig({ ...config, experiences: [...others, marked.json] });
    const index = others.length;
    const own = issues.filter((issue) => issue.path[0] === 'experiences' && issue.path[1] === index);
    for (const issue of own) {
      report({ code: `config-${issue.code}`, severity: issue.severity, where: 'addExperience', path: issue.path.slice(2), message: issue.message });
    }
    const valid = checked?.experiences.find((each) => each.id === id);
    if (!valid || typeof id !== 'string' || own.some((issue) => issue.severity === 'error')) {
      if (own.length === 0) report({ code: 'config-invalid-experience', severity: 'error', where: 'addExperience', message: 'expected an experience with an id and a type' });
      marked.release();
      return;
    }
    addedInCode.get(id)?.release();
    addedInCode.set(id, marked);
    withExperience(id, marked.restore(valid), valid);
    effects.apply(engine.addExperience(valid, now()));
    watchPage(engine);
  }

  function removeExperience(engine: NonNullable<typeof session.engine>, experienceId: string): void {
    if (!experiences.has(experienceId)) return;
    withExperience(experienceId, null, null);
    effects.apply(engine.removeExperience(experienceId, now()));
    watchPage(engine);
    addedInCode.get(experienceId)?.release();
    addedInCode.delete(experienceId);
  }

  /** The tour on screen, if any. */
  function activeTour(engine: NonNullable<typeof session.engine>): string | undefined {
    return engine.active().find((active) => experiences.get(active.experienceId)?.type === 'tour')?.experienceId;
  }
  const tourAction = (action: UserAction) =>
    session.run((engine) => {
      const tour = activeTour(engine);
      if (tour) send({ type: 'action', at: now(), experienceId: tour, action });
    });

  function start(experienceId: string): Promise<StartOutcome> {
    return new Promise((settle) => {
      startWaiters.expect(experienceId, settle);
      if (destroyed) return startWaiters.dispose();
      afterAdding(() => session.run((engine) => {
        const signal = { type: 'start', at: now(), experienceId } as const;
        debugLog?.signal(signal);
        const result = engine.start(experienceId, signal.at);
        // Applied after expect(): a headless show, or a component already loaded, settles the waiter.
        effects.apply(result.effects);
        if (!result.shown) startWaiters.refuse(experienceId, result.outcome === 'shown' ? 'waiting' : result.outcome, result.why.reason);
        else if (startWaiters.isVisible(experienceId)) startWaiters.visible(experienceId, activeStep(experienceId));
      }));
    });
  }

  const ready = (async () => {
    // Let the caller attach on('error') first: config problems are reported after createWaymark() returns.
    await Promise.resolve();
    // The config fetch and the stored progress load overlap.
    const opened = session.open();
    const loaded = await loadConfig({
      window: win,
      config: options.config,
      configUrl: options.configUrl,
      timeoutMs: options.configTimeoutMs,
      validate: debug || options.validate === true,
      report,
    });
    config = loaded.config;
    locale = negotiateLocale(options.locale, config, win);
    experiences = new Map(config.experiences.map((each) => [each.id, each]));
    // The components' chunk downloads while the stored progress is read (help has its own lazy chunk).
    if (config.experiences.length > 0) ui?.preload?.();
    const engine = await session.load(opened);
    if (destroyed || !engine) return;
    // Before any answer can be given; its first delivery pass (answers left by earlier pages) runs after `ready`.
    delivery.holdAnswers({
      window: win,
      dbName: options.storage?.dbName,
      durable: options.storage?.kind !== 'memory',
      onWarning: (warning) =>
        report({ code: `storage-${warning.code}`, severity: 'warning', where: 'answers', message: warning.message, cause: warning.cause }, `answers:${warning.code}`),
    });
    watchPage(engine);
    disposers.push(() => stopSensors());
    session.restart(options.user?.traits ? { traits: options.user.traits } : undefined);
    support.offerLauncher();
    emitter.emit('ready', { userId: session.userId, issues: loaded.issues });
  })().catch((error: unknown) => reportError(error, 'init'));

  if (debugLog && options.ui !== false) {
    const unmount = mountDebugOverlayWhenReady(
      ready,
      {
        window: win,
        config: () => config,
        engine: () => session.engine,
        userId: () => session.userId,
        locale: () => locale,
        now,
        log: debugLog,
        stack,
        start: (id) => instance.start(id),
        reset: () => instance.reset(),
        setLocale(next) {
          locale = next;
          ui?.setLocale(next);
          support.setLocale();
        },
        onChange: (listener) => {
          const offs = (['show', 'hide', 'stage', 'checklist', 'ready'] as const).map((type) => emitter.on(type, listener));
          return () => offs.forEach((off) => off());
        },
        reportError,
      },
      report,
    );
    disposers.push(unmount);
  }

  // ---- public API ---------------------------------------------------------------------------
  const guard =
    <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      if (destroyed) return;
      try {
        fn(...args);
      } catch (error) {
        reportError(error, where);
      }
    };

  const instance: Waymark = {
    ready,
    get userId() {
      return session.userId;
    },
    identify: guard('identify', (id: string, traits?) => {
      if (typeof id !== 'string' || id === '') throw new TypeError('identify(userId): userId must be a non-empty string');
      if (id === session.userId) send({ type: 'identify', at: now(), userId: id, traits });
      // Calls made while the other user's state loads are queued and run on the new user.
      else session.switchUser(id, { identity: { traits } });
    }),
    track: guard('track', (name: string, props?) => {
      if (typeof name !== 'string' || name === '') throw new TypeError('track(name): name must be a non-empty string');
      send({ type: 'track', at: now(), name, props: props ? safeProps(props) : undefined });
    }),
    page: guard('page', (url?: string) => {
      send({ type: 'page', at: now(), url: url ?? win.location.href, title: win.document.title });
    }),
    setStage: guard('setStage', (stage: string) => send({ type: 'set-stage', at: now(), stage })),
    start(experienceId: string) {
      try {
        return start(experienceId);
      } catch (error) {
        reportError(error, 'start');
        return Promise.resolve({ shown: false, experienceId, reason: 'destroyed', message: describeError(error) });
      }
    },
    dismiss: guard('dismiss', (experienceId: string) => send({ type: 'dismiss', at: now(), experienceId })),
    next: guard('next', () => afterAdding(() => tourAction({ type: 'next' }))),
    back: guard('back', () => afterAdding(() => tourAction({ type: 'back' }))),
    goTo: guard('goTo', (step: number | string) => afterAdding(() => tourAction({ type: 'go-to', step }))),
    addExperience: guard('addExperience', (experience: CodeExperience) => {
      // The validator is a lazy chunk: the calls that follow (start, next, remove…) wait until the experience is in.
      const validator = loadValidator();
      afterAdding(
        () =>
          new Promise<void>((added) => {
            session.run((engine) => {
              void validator
                .then(({ validateConfig }) => {
                  if (!destroyed) addExperience(session.engine ?? engine, experience, validateConfig);
                })
                .catch((error: unknown) => reportError(error, 'addExperience'))
                .finally(added);
            });
          }),
      );
    }),
    removeExperience: guard('removeExperience', (experienceId: string) => afterAdding(() => session.run((engine) => removeExperience(engine, experienceId)))),
    act: guard('act', (experienceId, action) => send({ type: 'action', at: now(), experienceId, action })),
    why(experienceId: string) {
      const engine = session.engine;
      if (destroyed || !engine || !experiences.has(experienceId)) return null;
      try {
        return engine.why(experienceId, now());
      } catch (error) {
        reportError(error, 'why');
        return null;
      }
    },
    openHelp: guard('openHelp', (query?: string) => support.openHelp(query)),
    openChat: guard('openChat', (message?: string) => support.openChat(message, 'api')),
    on(type, handler) {
      if (destroyed || typeof handler !== 'function') return () => {};
      if (type === 'error') return emitter.on('error', errorListener(handler as (error: WaymarkError) => void));
      return emitter.on(type, handler);
    },
    reset: guard('reset', () => session.switchUser(session.userId, { forget: true })),
    destroy() {
      if (destroyed) return;
      effects.hideAll('ended');
      destroyed = true;
      for (const dispose of disposers.splice(0).reverse()) {
        try {
          dispose();
        } catch (error) {
          reportError(error, 'destroy');
        }
      }
      emitter.clear();
      for (const marked of addedInCode.values()) marked.release();
      addedInCode.clear();
    },
  };
  return guardApi(instance, report);
}
