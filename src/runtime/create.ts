import type { WaymarkConfig, Experience } from '../config/types.js';
import type { Signal } from '../engine/contract.js';
import { resourceCenterView } from '../engine/settings.js';
import { createDismissibleStack } from '../ui/shared/dismissible-stack.js';
import { createActionRunner } from './actions.js';
import { createLazyAnalytics } from './analytics-loading.js';
import { createApi } from './api.js';
import { EMPTY_CONFIG, loadConfig, negotiateLocale } from './config-loading.js';
import { hasDebugFlag, mountDebugOverlayWhenReady } from './debug-overlay.js';
import { createDebugLog } from './debug-log.js';
import { createEventDelivery } from './delivery.js';
import type { EarlyStart } from './early-start.js';
import { createEffects } from './effects.js';
import { inertInstance } from './inert.js';
import { describeError } from './errors.js';
import { randomId, sessionIdFor } from './identity.js';
import { createLazyUi } from './lazy-ui.js';
import { createMachineLoader } from './machines.js';
import { createConfigParts } from './config-parts.js';
import { createPageWatch } from './page-watch.js';
import { createProgrammatic } from './programmatic.js';
import type { ResourceCenterWiring } from './resource-center.js';
import { runtimeHelpers, type RuntimeHelpers } from './runtime-helpers.js';
import { createUserSession } from './session.js';
import { configNeedsSupport, createLazySupport } from './support-loading.js';
import type { Waymark, WaymarkOptions } from './types.js';
import { DEFAULT_DB_NAME } from '../platform/store/database.js';
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
 *
 * `early` (internal: the entry's): the config request and database open begun before this chunk loaded, used when
 * they match these options, given up otherwise.
 */
export function createWaymark(given?: WaymarkOptions | null, early?: EarlyStart): Waymark {
  return createRuntime(given, runtimeHelpers, early);
}

/**
 * `createWaymark`, with the argument checks, the error channel and the anonymous id handed in (runtime-helpers.ts):
 * the facade hands its own, so the npm path's runtime chunk carries no second copy of them.
 */
export function createRuntime(given: WaymarkOptions | null | undefined, helpers: RuntimeHelpers, early?: EarlyStart): Waymark {
  const { readOptions, guardApi, createReporter, anonymousId } = helpers;
  // Options are read once, field by field: `null`, a throwing getter or a proxy never throws out of here.
  const { options, problems } = readOptions(given);
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const now = options.clock ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const debug = Boolean(options.debug) || hasDebugFlag(win);
  /** Recent signals and events for the debug overlay: kept only when debug is on. */
  const debugLog = debug ? createDebugLog() : null;

  const { emitter, report, reportError, errorListener } = createReporter(debug);

  // Reported once the app can listen (after createWaymark() returns).
  if (problems.length > 0) {
    void Promise.resolve().then(() => problems.forEach((message) => report({ code: 'invalid-argument', severity: 'error', where: 'createWaymark', message })));
  }

  if (!win) {
    early?.(null);
    return guardApi(inertInstance(emitter), report);
  }

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

  /** The engine's machines: those of the config's experience types, loaded once the config is in. */
  const machines = createMachineLoader(reportError);
  /** The regex page checker and text targets' matching: loaded with the config only when it uses them. */
  const parts = createConfigParts(reportError);
  const session = createUserSession({
    window: win,
    now,
    origin: randomId(win, random),
    sessionId,
    userId: options.user?.id || anonymousId(win, random),
    storage: options.storage,
    config: () => config,
    machines: machines.table,
    pageRegex: parts.pageRegex,
    conditions: parts.conditions,
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
  // Destroyed before the early work was taken over: it is given up.
  if (early) disposers.push(() => early(null));

  // The sinks' code loads only when the app configured sinks.
  const analytics = createLazyAnalytics(options.analytics, {
    window: win,
    now,
    reportError: (error, where) =>
      report({ code: 'sink-failed', severity: 'warning', where, message: describeError(error), cause: error }, where),
  });
  disposers.push(() => analytics.dispose());
  const delivery = createEventDelivery({ analytics, emitter, debugLog, reportError });
  disposers.push(delivery.dispose);

  const stack = createDismissibleStack(win);
  disposers.push(() => stack.dispose());

  // Help, chat and the resource center load only when the config or a call needs them.
  const support = createLazySupport({
    window: win,
    now,
    sessionId,
    stack,
    ui: options.ui !== false,
    helpLauncher: () => options.helpLauncher !== false && !resourceCenter?.holdsHelp,
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
    whenReady: () => ready,
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
          textMatching: parts.textMatching,
          animation: options.animation !== false,
          act: (experienceId, action) => {
            instance.act(experienceId, action);
            if (action.type === 'shown') programmatic.shown(experienceId);
          },
          report,
          reportError,
          viewHost: { show: (view, context) => resourceCenter?.host.show(view, context) ?? false, hide: (id) => resourceCenter?.host.hide(id) },
        });
  if (ui) disposers.push(ui.dispose);
  /** One launcher for the checklist, help, tours to replay and news; mounted once the config is in (resource-center.ts). */
  let resourceCenter: ResourceCenterWiring | null = null;
  disposers.push(() => resourceCenter?.dispose());

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

  /** The sensors the engine's experiences need; again when experiences are added or removed in code. */
  const sensors = createPageWatch({ window: win, now, send, report });
  const watchPage = sensors.watch;

  const programmatic = createProgrammatic({
    loadMachine: (type) => machines.load([type]),
    loadParts: parts.loadFor,
    window: win,
    now,
    session,
    effects: () => effects,
    emitter,
    headless: !ui,
    config: () => config,
    experience,
    replace(experienceId, next, forEngine) {
      const others = config.experiences.filter((each) => each.id !== experienceId);
      config = { ...config, experiences: forEngine ? [...others, forEngine] : others };
      experiences = new Map(experiences);
      if (next) experiences.set(experienceId, next);
      else experiences.delete(experienceId);
    },
    send,
    watchPage,
    debugLog,
    destroyed: () => destroyed,
    report,
    reportError,
  });
  disposers.push(programmatic.dispose);

  const ready = (async () => {
    // Let the caller attach on('error') first: config problems are reported after createWaymark() returns.
    await Promise.resolve();
    // The config fetch and the stored progress load overlap (both begun by the entry, when it could).
    const taken = early?.({
      configUrl: options.config === undefined ? options.configUrl : undefined,
      dbName: options.storage?.kind === 'memory' ? undefined : (options.storage?.dbName ?? DEFAULT_DB_NAME),
    });
    const opened = session.open(taken?.opened);
    const loaded = await loadConfig({
      window: win,
      config: options.config,
      configUrl: options.configUrl,
      early: taken?.fetched,
      timeoutMs: options.configTimeoutMs,
      validate: debug || options.validate === true,
      report,
    });
    config = loaded.config;
    locale = negotiateLocale(options.locale, config, win);
    experiences = new Map(config.experiences.map((each) => [each.id, each]));
    // The components' chunk downloads while the stored progress is read (help has its own lazy chunk).
    if (config.experiences.length > 0) ui?.preload?.();
    // Configured sinks start before anything is shown, so they see every event; the machines are in before the
    // engine starts (both load while the stored progress is read).
    const types = config.experiences.map((each) => each.type);
    const machinesReady = Promise.all([machines.load(types), parts.loadFor(config), sensors.preload(config), delivery.preloadAnswers(types)]);
    // Help, chat and the resource center too, when the config has them: their launchers are there at `ready`.
    const supportReady = ui && configNeedsSupport(config) ? support.load() : null;
    const [engine, , supportParts] = await Promise.all([machinesReady.then(() => session.load(opened)), analytics.ready, supportReady]);
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
    disposers.push(sensors.dispose);
    session.restart(options.user?.traits ? { traits: options.user.traits } : undefined);
    if (ui && supportParts) {
      resourceCenter = supportParts.createResourceCenterWiring({
        window: win,
        config,
        view: resourceCenterView(config),
        locale: () => locale,
        stack,
        engine: () => session.engine,
        start: (id) => void instance.start(id),
        openHelp: (query) => instance.openHelp(query),
        openChat: () => instance.openChat(),
        emit: (event) => delivery.deliver({ ...event, at: now(), userId: session.userId, sessionId }),
        onChange: (listener) => {
          const offs = (['show', 'hide', 'ready'] as const).map((type) => emitter.on(type, listener));
          return () => offs.forEach((off) => off());
        },
        reportError,
      });
    }
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

  function destroy(): void {
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
  }

  const instance = createApi({
    window: win,
    now,
    ready,
    session,
    send,
    programmatic,
    support,
    emitter,
    errorListener,
    knows: (experienceId) => experiences.has(experienceId),
    destroyed: () => destroyed,
    destroy,
    reportError,
  });
  return guardApi(instance, report);
}
