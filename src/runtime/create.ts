import { validateConfig, isSafeUrl, type ConfigIssue } from '../config/index.js';
import type { Action, WaymarkConfig, Experience } from '../config/types.js';
import type { Effect, Signal } from '../engine/contract.js';
import { createEngine, initialState, mergeStates, migrateState, type Engine, type UserState } from '../engine/index.js';
import { createDurableStore, type DurableStore } from '../platform/store/index.js';
import { startSensors } from '../platform/sensors/index.js';
import { createAnalytics } from '../platform/analytics/index.js';
import { createPageTargets } from '../platform/targets/index.js';
import type { ExperienceRenderer } from '../ui/index.js';
import { createDismissibleStack } from '../ui/shared/dismissible-stack.js';
import type { ChatContext } from '../core/chat/contract.js';
import type { ChatOpenedFrom, HelpEvent } from '../ui/help/types.js';
import type { AnalyticsEvent, Json } from '../engine/contract.js';
import { createHelpWiring, helpEventProps, type HelpWiring } from './help.js';
import { createResourceCenterWiring, type ResourceCenterWiring } from './resource-center.js';
import { Emitter } from './emitter.js';
import { describeError, type WaymarkError } from './errors.js';
import { anonymousId, isAnonymous } from './identity.js';
import { createMemoryStore } from './memory-store.js';
import { createDebugLog } from './debug-log.js';
import { createAnswerDelivery, type AnswerDelivery } from './answers.js';
import type { Waymark, WaymarkEventMap, WaymarkOptions } from './types.js';

const EMPTY_CONFIG: WaymarkConfig = { version: '1', experiences: [] };
/** Timers longer than this overflow setTimeout; a far wake-up is re-armed on the next tick instead. */
const MAX_TIMER_MS = 86_400_000;

/**
 * Create a Waymark instance: loads the config and the user's stored progress, starts only the
 * sensors the config needs, and runs the one data flow — signals → engine → effects → UI/events.
 * Nothing here throws into the host page: every failure is reported through `on('error')`.
 */
export function createWaymark(options: WaymarkOptions = {}): Waymark {
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
  function report(error: WaymarkError, onceKey?: string): void {
    if (onceKey) {
      if (reportedOnce.has(onceKey)) return;
      reportedOnce.add(onceKey);
    }
    if (debug) console.warn(`[waymark] ${error.where}: ${error.message}`, error.cause ?? '');
    emitter.emit('error', error);
  }
  const reportInternal = (where: string) => (error: unknown) =>
    report({ code: 'internal', severity: 'error', where, message: describeError(error), cause: error });

  if (!win) return inertInstance(emitter);

  let destroyed = false;
  let config: WaymarkConfig = EMPTY_CONFIG;
  let experiences = new Map<string, Experience>();
  let locale = 'en';
  let engine: Engine | null = null;
  let store: DurableStore<UserState> | null = null;
  let userId = options.user?.id || anonymousId(win, random);
  const origin = randomId(win, random);
  const sessionId = sessionIdFor(win, random);
  /** Calls made before the config and state are loaded (or while switching users) run in order afterwards. */
  const pending: Array<() => void> = [];
  const disposers: Array<() => void> = [];

  const analytics = createAnalytics(options.analytics ?? [], {
    window: win,
    now,
    reportError: (error, where) =>
      report({ code: 'sink-failed', severity: 'warning', where, message: describeError(error), cause: error }, where),
  });
  disposers.push(() => analytics.dispose());

  // ---- signals in, effects out -------------------------------------------------------------
  function send(signal: Signal): void {
    if (destroyed) return;
    if (!engine) {
      pending.push(() => send(signal));
      return;
    }
    if (debug) console.debug('[waymark] signal', signal);
    debugLog?.signal(signal);
    if (signal.type === 'page' || signal.type === 'identify' || signal.type === 'traits') helpContextStale = true;
    apply(engine.dispatch(signal));
  }

  /** The help panel's context (page, stage, step, struggle) changed; refreshed once per batch, not per signal. */
  let helpContextStale = false;

  function apply(effects: Effect[]): void {
    for (const effect of effects) {
      try {
        applyOne(effect);
      } catch (error) {
        reportInternal(`effect:${effect.type}`)(error);
      }
    }
    if (helpContextStale) {
      helpContextStale = false;
      help?.refresh();
    }
  }

  function applyOne(effect: Effect): void {
    if (debug && effect.type !== 'persist') console.debug('[waymark] effect', effect);
    if (effect.type === 'show' || effect.type === 'hide' || effect.type === 'stage' || effect.type === 'checklist') helpContextStale = true;
    switch (effect.type) {
      case 'persist':
        if (engine) store?.write(engine.state);
        return;
      case 'emit':
        deliver(effect.event);
        if (effect.event.type === 'struggle_detected') {
          rememberStruggle(effect.event);
          helpContextStale = true;
        }
        return;
      case 'show': {
        const experience = experiences.get(effect.experienceId);
        if (!experience) return;
        showView(experience, effect.step, effect.level);
        return;
      }
      case 'hide':
        emitter.emit('hide', { experienceId: effect.experienceId, reason: effect.reason });
        withRenderer((renderer) => renderer.hide(effect.experienceId, effect.reason));
        return;
      case 'stage':
        emitter.emit('stage', { from: effect.from, to: effect.to });
        return;
      case 'checklist': {
        emitter.emit('checklist', { experienceId: effect.experienceId });
        // A shown checklist re-renders with its new progress.
        const experience = experiences.get(effect.experienceId);
        if (experience && engine?.active().some((a) => a.experienceId === effect.experienceId)) showView(experience);
        return;
      }
      case 'run':
        runAction(effect.action, effect.experienceId);
        return;
      case 'wake':
        wakeAt(effect.at);
        return;
    }
  }

  /** Every sink and listener gets the same event: frozen, so none can change it for the next. */
  function deliver(raw: AnalyticsEvent): void {
    const event = Object.freeze({ ...raw, props: raw.props ? Object.freeze({ ...raw.props }) : undefined });
    debugLog?.event(event);
    if (event.type === 'survey_answered' && answers) answers.hold(event);
    else fanOut(event);
  }

  function fanOut(raw: AnalyticsEvent): void {
    const event = Object.isFrozen(raw) ? raw : Object.freeze({ ...raw, props: raw.props ? Object.freeze({ ...raw.props }) : undefined });
    analytics.send(event);
    emitter.emit(event.type, event);
    emitter.emit('event', event);
  }

  /** Survey answers wait in a durable outbox until they are delivered (see answers.ts); opened once the config is in. */
  let answers: AnswerDelivery | null = null;
  function openAnswers(): void {
    answers = createAnswerDelivery({
      window: win!,
      dbName: options.storage?.dbName,
      durable: options.storage?.kind !== 'memory',
      deliver: fanOut,
      onWarning: (warning) =>
        report({ code: `storage-${warning.code}`, severity: 'warning', where: 'answers', message: warning.message, cause: warning.cause }, `answers:${warning.code}`),
    });
    disposers.push(() => answers?.dispose());
  }

  // ---- help and chat: the context an operator receives ---------------------------------------
  const stack = createDismissibleStack(win);
  disposers.push(() => stack.dispose());
  let lastStruggle: ChatContext['struggle'];
  const recentErrors: string[] = [];
  function rememberStruggle(event: AnalyticsEvent): void {
    const kind = event.props?.['kind'] as NonNullable<ChatContext['struggle']>['kind'];
    const detail = typeof event.props?.['detail'] === 'string' ? (event.props['detail'] as string) : undefined;
    lastStruggle = detail ? { kind, detail } : { kind };
    if (kind === 'error' && detail) {
      recentErrors.push(detail);
      if (recentErrors.length > 5) recentErrors.shift();
    }
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value : value && typeof value === 'object' ? String(Object.values(value)[0] ?? '') : '');
  function chatContext(): ReturnType<Parameters<typeof createHelpWiring>[0]['context']> {
    const state = engine?.state;
    const traits: Record<string, Json> = {};
    for (const [key, register] of Object.entries(state?.traits ?? {})) traits[key] = register.v;
    const context: ReturnType<Parameters<typeof createHelpWiring>[0]['context']> = {
      user: { id: userId, traits },
      stage: engine?.stage ?? null,
      page: win!.location.pathname + win!.location.search,
      recentErrors: [...recentErrors],
    };
    if (lastStruggle) context.struggle = lastStruggle;
    for (const active of engine?.active() ?? []) {
      const experience = experiences.get(active.experienceId);
      if (experience?.type === 'tour' && active.step !== undefined) {
        const step = experience.steps[active.step];
        context.step = { experienceId: experience.id, step: active.step, title: text(step?.title) };
        if (step?.articles) context.stepArticles = [...step.articles];
      }
      if (experience?.type === 'checklist') {
        const progress = engine?.checklist(experience.id);
        if (progress) context.checklist = { title: text(experience.title), done: progress.done, total: progress.total };
      }
    }
    return context;
  }
  let help: HelpWiring | null = null;
  function helpCenter(): HelpWiring | null {
    if (options.ui === false || destroyed) return null;
    help ??= createHelpWiring({
      window: win!,
      config,
      locale,
      launcher: (options.helpLauncher ?? true) && !resourceCenter?.holdsHelp,
      stack,
      dbName: options.storage?.dbName,
      now,
      context: chatContext,
      onChatRequest: ({ message, context }) => emitter.emit('open-chat', { message, context }),
      onEvent: (event: HelpEvent) => {
        const props = helpEventProps(event, config.chat?.provider);
        const analytics: AnalyticsEvent = { type: event.type, at: now(), userId, sessionId, props };
        if (event.type === 'article_opened') {
          if (event.source === 'action' && articleOpener?.articleId === event.articleId) {
            const opener = experiences.get(articleOpener.experienceId);
            if (opener) Object.assign(analytics, { experienceId: opener.id, experienceType: opener.type });
            articleOpener = null;
          }
        }
        deliver(analytics);
        // What the user did in the funnel is an event conditions can use ("a CSAT survey after a chat").
        send({ type: 'track', at: now(), name: event.type, props });
      },
      reportError: reportInternal('help'),
    });
    return help;
  }
  disposers.push(() => help?.dispose());

  // ---- resource center: one launcher for the checklist, help, tours to replay and news (resource-center.ts)
  let resourceCenter: ResourceCenterWiring | null = null;
  const mountResourceCenter = () =>
    createResourceCenterWiring({
      window: win, config, locale: () => locale, stack, engine: () => engine, start: (id) => instance.start(id), openHelp: (query) => instance.openHelp(query), openChat: () => instance.openChat(),
      emit: (event) => deliver({ ...event, at: now(), userId, sessionId }),
      onChange: (listener) => ((offs) => () => offs.forEach((off) => off()))((['show', 'hide', 'ready'] as const).map((type) => emitter.on(type, listener))),
      reportError: reportInternal('resource-center'),
    });
  disposers.push(() => resourceCenter?.dispose());

  function showView(experience: Experience, step?: number, level?: number): void {
    const checklist = experience.type === 'checklist' ? (engine?.checklist(experience.id) ?? undefined) : undefined;
    const view = { experience, step, level, checklist };
    emitter.emit('show', view);
    withRenderer((renderer) => renderer.show(view));
  }

  function openChatWith(message: string | undefined, source: ChatOpenedFrom): void {
    const wiring = helpCenter();
    if (wiring) wiring.openChat(message, source);
    else emitter.emit('open-chat', { message, context: chatContext() });
  }

  /** The experience whose button opened an article, until the panel reports it opened. */
  let articleOpener: { articleId: string; experienceId: string } | null = null;

  function runAction(action: Action, experienceId: string): void {
    switch (action.type) {
      case 'url':
        if (!isSafeUrl(action.url)) {
          report({ code: 'unsafe-url', severity: 'error', where: 'action:url', message: `refused to open ${JSON.stringify(action.url)}` });
          return;
        }
        if (action.newTab) win!.open(action.url, '_blank', 'noopener,noreferrer');
        else win!.location.assign(action.url);
        return;
      case 'emit':
        send({ type: 'track', at: now(), name: action.event, props: action.props });
        return;
      case 'start':
        send({ type: 'start', at: now(), experienceId: action.experience });
        return;
      case 'open-article':
        articleOpener = { articleId: action.article, experienceId };
        emitter.emit('open-help', { articleId: action.article });
        helpCenter()?.openArticle(action.article);
        return;
      case 'open-help':
        emitter.emit('open-help', { query: action.query });
        helpCenter()?.open(action.query);
        return;
      case 'open-chat':
        openChatWith(action.message === undefined ? undefined : text(action.message), experiences.get(experienceId)?.type === 'nudge' ? 'nudge' : 'action');
        return;
      default:
        // next/back/complete/dismiss are handled inside the engine.
        return;
    }
  }

  // ---- rendering: Waymark's components, loaded on the first show ------------------------------
  let renderer: Promise<ExperienceRenderer | null> | null = null;
  function withRenderer(use: (renderer: ExperienceRenderer) => void): void {
    if (options.ui === false || destroyed) return;
    renderer ??= import('../ui/index.js').then(
      ({ createRenderer }) =>
        destroyed
          ? null
          : createRenderer({
              window: win!,
              locale,
              strings: config.strings,
              theme: config.theme,
              articles: new Map((config.articles ?? []).map((article) => [article.id, article])),
              act: (experienceId, action) => instance.act(experienceId, action),
              reportError: reportInternal('ui'),
              // One Escape stack for every Waymark layer (experiences, help, the debug picker): Escape closes the topmost.
              stack,
              targets: createPageTargets(win!),
              host: { show: (view, context) => resourceCenter?.host.show(view, context) ?? false, hide: (id) => resourceCenter?.host.hide(id) },
            }),
      (error: unknown) => {
        report({ code: 'ui-unavailable', severity: 'error', where: 'ui', message: `could not load the UI: ${describeError(error)}`, cause: error });
        return null;
      },
    );
    // Effects keep their order: each waits on the same promise.
    void renderer.then((loaded) => {
      if (loaded && !destroyed) use(loaded);
    });
  }
  disposers.push(() => {
    void renderer?.then((loaded) => loaded?.dispose());
  });

  // One timer for the earliest wake-up any decision asked for.
  let wakeTimer: number | undefined;
  let wakeTime = Infinity;
  function wakeAt(at: number): void {
    if (at >= wakeTime) return;
    if (wakeTimer !== undefined) win!.clearTimeout(wakeTimer);
    wakeTime = at;
    wakeTimer = win!.setTimeout(() => {
      wakeTimer = undefined;
      wakeTime = Infinity;
      send({ type: 'tick', at: now() });
    }, Math.min(Math.max(0, at - now()), MAX_TIMER_MS));
  }
  disposers.push(() => {
    if (wakeTimer !== undefined) win.clearTimeout(wakeTimer);
  });

  // ---- loading ------------------------------------------------------------------------------
  async function loadConfig(): Promise<{ config: WaymarkConfig; issues: ConfigIssue[] }> {
    let raw: unknown = options.config;
    if (raw === undefined && options.configUrl) {
      try {
        const response = await win!.fetch(options.configUrl, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        raw = await response.json();
      } catch (error) {
        report({ code: 'config-unavailable', severity: 'error', where: 'config', message: `could not load ${options.configUrl}: ${describeError(error)}`, cause: error });
        return { config: EMPTY_CONFIG, issues: [] };
      }
    }
    raw = await withDeclaredExperiences(raw ?? EMPTY_CONFIG);
    const { config: valid, issues } = validateConfig(raw);
    for (const issue of issues) {
      report({ code: `config-${issue.code}`, severity: issue.severity, where: 'config', path: issue.path, message: issue.message });
    }
    return { config: valid ?? EMPTY_CONFIG, issues };
  }

  /**
   * `<wm-tour>`, `<wm-hint>`, `<wm-beacon>` and `<wm-checklist>` written in the page compile to the same experience
   * objects as JSON and are validated with the config (the compiler loads only when the page has some).
   */
  async function withDeclaredExperiences(raw: unknown): Promise<unknown> {
    const selector = ['wm-tour', 'wm-hint', 'wm-beacon', 'wm-checklist'].map((tag) => `${tag}:not([data-waymark-ui])`).join(', ');
    if (!win!.document.querySelector(selector)) return raw;
    const { compileDeclarativeAll } = await import('../ui/declarative.js');
    const { experiences: declared, issues } = compileDeclarativeAll(win!.document);
    for (const issue of issues) {
      report({ code: `declarative-${issue.code}`, severity: 'error', where: 'declarative', message: `${issue.path}: ${issue.message}` });
    }
    if (declared.length === 0 || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const doc = raw as { experiences?: unknown };
    const fromConfig = Array.isArray(doc.experiences) ? doc.experiences : [];
    return { ...doc, experiences: [...fromConfig, ...declared] };
  }

  function openStore(forUser: string): DurableStore<UserState> {
    const onWarning = (warning: { code: string; message: string; cause?: unknown }) =>
      report({ code: `storage-${warning.code}`, severity: 'warning', where: 'store', message: warning.message, cause: warning.cause }, `store:${warning.code}`);
    const migrate = (raw: unknown) => {
      const { state, issues } = migrateState(raw, forUser, now());
      for (const issue of issues) report({ code: 'state-migrated', severity: 'warning', where: 'store', message: issue });
      return state;
    };
    if (options.storage?.kind === 'memory') return createMemoryStore<UserState>();
    return createDurableStore<UserState>({
      key: `user:${forUser}`,
      dbName: options.storage?.dbName,
      migrate,
      merge: mergeStates,
      onWarning,
      remote: options.storage?.remote,
      window: win,
    });
  }

  /** Open a user's store and start reading it (independent of the config, so it can overlap the config fetch). */
  function openUser(forUser: string): { store: DurableStore<UserState>; stored: Promise<UserState | undefined> } {
    const opened = openStore(forUser);
    return { store: opened, stored: opened.load() };
  }

  /** Load a user's state and (re)start the engine on it; sensors and listeners stay. */
  async function loadUser(forUser: string, carryOver?: UserState, opened = openUser(forUser)): Promise<void> {
    const nextStore = opened.store;
    const stored = await opened.stored;
    if (destroyed) {
      await nextStore.dispose();
      return;
    }
    const state = stored ?? (carryOver ? mergeStates(initialState(forUser, now()), { ...carryOver, userId: forUser } as UserState) : initialState(forUser, now()));
    store = nextStore;
    engine = createEngine({ config, state, origin });
    const unsubscribe = nextStore.subscribe(
      (remote) => {
        // Join, not replace: our newest changes may still be waiting in the store's write debounce.
        if (engine && store === nextStore) apply(engine.adopt(mergeStates(engine.state, remote), now()));
      },
      // Another tab reset this user: start over here too, or our old state would be written back.
      () => {
        if (!engine || store !== nextStore) return;
        for (const active of engine.active()) emitter.emit('hide', { experienceId: active.experienceId, reason: 'replaced' });
        engine = createEngine({ config, state: initialState(forUser, now()), origin });
        send({ type: 'session', at: now(), sessionId });
        send({ type: 'page', at: now(), url: win!.location.href, title: win!.document.title });
      },
    );
    storeDisposers.push(unsubscribe);
    if (carryOver && !stored) store.write(engine.state);
  }
  const storeDisposers: Array<() => void> = [];

  async function closeStore(): Promise<void> {
    for (const dispose of storeDisposers.splice(0)) dispose();
    const closing = store;
    store = null;
    await closing?.dispose();
  }

  function drainPending(): void {
    for (const call of pending.splice(0)) call();
  }

  const ready = (async () => {
    // Let the caller attach on('error') first: config problems are reported after createWaymark() returns.
    await Promise.resolve();
    // The config fetch and the stored progress load overlap.
    const opened = openUser(userId);
    const loaded = await loadConfig();
    config = loaded.config;
    locale = negotiateLocale(options.locale, config, win);
    experiences = new Map(config.experiences.map((experience) => [experience.id, experience]));
    if (destroyed) {
      await opened.store.dispose();
      return;
    }
    await loadUser(userId, undefined, opened);
    // loadUser assigned it; TypeScript cannot see through the await.
    const started = engine as Engine | null;
    if (destroyed || !started) return;
    // Before any answer can be given; its first delivery pass (answers left by earlier pages) runs after `ready`.
    openAnswers();
    disposers.push(
      startSensors(
        {
          window: win,
          now,
          emit: (signal) => send(signal),
          reportError: (error, where) =>
            report({ code: 'sensor-failed', severity: 'warning', where: `sensor:${where}`, message: describeError(error), cause: error }, `sensor:${where}`),
        },
        started.requirements(),
      ),
    );
    if (options.ui !== false) resourceCenter = mountResourceCenter();
    send({ type: 'session', at: now(), sessionId });
    if (options.user?.traits) send({ type: 'identify', at: now(), userId, traits: options.user.traits });
    send({ type: 'page', at: now(), url: win.location.href, title: win.document.title });
    drainPending();
    if (options.helpLauncher !== false && (config.articles?.length || config.chat)) helpCenter();
    emitter.emit('ready', { userId, issues: loaded.issues });
  })().catch(reportInternal('init'));

  // ---- debug overlay (`debug: true` or `?waymark-debug`): its chunk loads only then ----------
  if (debugLog && options.ui !== false) {
    const overlay = ready
      .then(() => (destroyed ? null : import('./debug.js')))
      .then((module) =>
        module && !destroyed
          ? module.mountDebug({
              window: win,
              config: () => config,
              engine: () => engine,
              userId: () => userId,
              locale: () => locale,
              now,
              log: debugLog,
              stack,
              start: (id) => instance.start(id),
              reset: () => instance.reset(),
              setLocale(next) {
                locale = next;
                void renderer?.then((loaded) => loaded?.setLocale(next));
                // The help panel takes its locale when created: a new one follows the switch.
                if (help) {
                  help.dispose();
                  help = null;
                  helpCenter();
                }
              },
              onChange: (listener) => {
                const offs = (['show', 'hide', 'stage', 'checklist', 'ready'] as const).map((type) => emitter.on(type, listener));
                return () => offs.forEach((off) => off());
              },
              reportError: (error, where) => reportInternal(where)(error),
            })
          : null,
      )
      .catch((error: unknown) => {
        report({ code: 'ui-unavailable', severity: 'error', where: 'debug', message: `could not load the debug overlay: ${describeError(error)}`, cause: error });
        return null;
      });
    disposers.push(() => void overlay.then((dispose) => dispose?.()));
  }

  // Flush progress when the page is going away (the store also listens; this covers user switches in flight).
  // ---- public API ---------------------------------------------------------------------------
  const guard =
    <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      if (destroyed) return;
      try {
        fn(...args);
      } catch (error) {
        reportInternal(where)(error);
      }
    };

  let switching: Promise<void> = Promise.resolve();
  const instance: Waymark = {
    ready,
    get userId() {
      return userId;
    },
    identify: guard('identify', (id: string, traits?) => {
      if (typeof id !== 'string' || id === '') throw new TypeError('identify(userId): userId must be a non-empty string');
      if (id === userId) {
        send({ type: 'identify', at: now(), userId: id, traits });
        return;
      }
      // Switch to the other user's state; calls made meanwhile are queued and run on the new user.
      const previous = engine;
      const fromAnonymous = isAnonymous(userId);
      for (const active of previous?.active() ?? []) emitter.emit('hide', { experienceId: active.experienceId, reason: 'replaced' });
      engine = null;
      userId = id;
      switching = switching
        .then(() => ready)
        .then(async () => {
          await closeStore();
          await loadUser(id, fromAnonymous ? previous?.state : undefined);
          send({ type: 'session', at: now(), sessionId });
          send({ type: 'identify', at: now(), userId: id, traits });
          send({ type: 'page', at: now(), url: win.location.href, title: win.document.title });
          drainPending();
        })
        .catch(reportInternal('identify'));
    }),
    track: guard('track', (name: string, props?) => {
      if (typeof name !== 'string' || name === '') throw new TypeError('track(name): name must be a non-empty string');
      send({ type: 'track', at: now(), name, props: props ? safeProps(props) : undefined });
    }),
    page: guard('page', (url?: string) => {
      send({ type: 'page', at: now(), url: url ?? win.location.href, title: win.document.title });
    }),
    setStage: guard('setStage', (stage: string) => send({ type: 'set-stage', at: now(), stage })),
    start: guard('start', (experienceId: string) => send({ type: 'start', at: now(), experienceId })),
    dismiss: guard('dismiss', (experienceId: string) => send({ type: 'dismiss', at: now(), experienceId })),
    act: guard('act', (experienceId, action) => send({ type: 'action', at: now(), experienceId, action })),
    why(experienceId: string) {
      if (destroyed || !engine || !experiences.has(experienceId)) return null;
      try {
        return engine.why(experienceId, now());
      } catch (error) {
        reportInternal('why')(error);
        return null;
      }
    },
    openHelp: guard('openHelp', (query?: string) => {
      emitter.emit('open-help', { query });
      helpCenter()?.open(query);
    }),
    openChat: guard('openChat', (message?: string) => openChatWith(message, 'api')),
    on(type, handler) {
      if (destroyed || typeof handler !== 'function') return () => {};
      return emitter.on(type, handler);
    },
    reset: guard('reset', () => {
      const current = engine;
      for (const active of current?.active() ?? []) emitter.emit('hide', { experienceId: active.experienceId, reason: 'replaced' });
      engine = null;
      const forUser = userId;
      switching = switching
        .then(() => ready)
        .then(async () => {
          await store?.clear();
          await closeStore();
          await loadUser(forUser);
          send({ type: 'session', at: now(), sessionId });
          send({ type: 'page', at: now(), url: win.location.href, title: win.document.title });
          drainPending();
        })
        .catch(reportInternal('reset'));
    }),
    destroy() {
      if (destroyed) return;
      for (const active of engine?.active() ?? []) emitter.emit('hide', { experienceId: active.experienceId, reason: 'ended' });
      destroyed = true;
      pending.length = 0;
      for (const dispose of disposers.splice(0).reverse()) {
        try {
          dispose();
        } catch (error) {
          reportInternal('destroy')(error);
        }
      }
      void closeStore().catch(reportInternal('destroy'));
      engine = null;
      emitter.clear();
    },
  };
  return instance;
}

/** Under server rendering there is no window: an instance that does nothing and never throws. */
function inertInstance(emitter: Emitter<WaymarkEventMap>): Waymark {
  const noop = () => {};
  return {
    ready: Promise.resolve(),
    userId: '',
    identify: noop,
    track: noop,
    page: noop,
    setStage: noop,
    start: noop,
    dismiss: noop,
    act: noop,
    why: () => null,
    openHelp: noop,
    openChat: noop,
    on: (type, handler) => emitter.on(type, handler),
    reset: noop,
    destroy: () => emitter.clear(),
  };
}

function hasDebugFlag(win: Window | undefined): boolean {
  try {
    return win !== undefined && new URL(win.location.href).searchParams.has('waymark-debug');
  } catch {
    return false;
  }
}

function randomId(win: Window, random: () => number): string {
  return win.crypto?.randomUUID?.() ?? `${Math.floor(random() * 2 ** 52).toString(36)}`;
}

/** A session lasts as long as the tab (sessionStorage survives reloads, not new tabs). */
function sessionIdFor(win: Window, random: () => number): string {
  try {
    const existing = win.sessionStorage.getItem('waymark:session');
    if (existing) return existing;
    const id = randomId(win, random);
    win.sessionStorage.setItem('waymark:session', id);
    return id;
  } catch {
    return randomId(win, random);
  }
}

/** Keep only JSON-safe scalar props (no functions, DOM nodes or cycles reach the engine or storage). */
function safeProps(props: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = Object.create(null);
  let count = 0;
  for (const key of Object.keys(props)) {
    if (++count > 50) break;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = props[key];
    if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
    else if (typeof value === 'string') out[key] = value.slice(0, 500);
  }
  return out;
}

/**
 * The UI locale: the app's choice, else the browser's, matched against the locales the config
 * supports (exact tag, then language: `lt-LT` → `lt`), else the config's default.
 */
export function negotiateLocale(requested: string | undefined, config: WaymarkConfig, win: Window): string {
  const fallback = config.locale?.default ?? 'en';
  const supported = config.locale?.supported ?? [fallback];
  const wanted = [requested, ...(requested ? [] : Array.from(win.navigator?.languages ?? []))].filter((x): x is string => Boolean(x));
  for (const tag of wanted) {
    const exact = supported.find((s) => s.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.toLowerCase().split('-')[0];
    const byLanguage = supported.find((s) => s.toLowerCase().split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return requested && !config.locale ? requested : fallback;
}
