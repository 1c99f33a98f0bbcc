import type { WaymarkConfig } from '../config/types.js';
import type { Effect, Signal, Traits } from '../engine/contract.js';
import {
  createEngineWithMachines,
  initialState,
  isOlderStoredState,
  mergeStates,
  readStoredState,
  type Engine,
  type MachineTable,
  type UpgradeFromV0,
  type UserState,
} from '../engine/index.js';
import type { MoreConditions } from '../engine/conditions.js';
import type { PageRegex } from '../engine/url.js';
import { createDurableStore, createMemoryStore, type DurableStore, type RemoteAdapter } from '../platform/store/index.js';
import type { EarlyOpen } from '../platform/store/early-open.js';
import type { DebugLog } from './debug-log.js';
import type { WaymarkError } from './errors.js';
import { isAnonymous } from './identity.js';
import { DEFAULT_REMOTE_TIMEOUT_MS, remoteWithTimeLimit } from './time-limit.js';

export interface SessionOptions {
  window: Window;
  now(): number;
  /** This page's id in merged state (which tab wrote what). */
  origin: string;
  sessionId: string;
  userId: string;
  storage?: { kind?: 'indexeddb' | 'memory'; dbName?: string; remote?: RemoteAdapter<UserState>; remoteTimeoutMs?: number };
  config(): WaymarkConfig;
  /** The machines of the config's experience types, filled before the engine starts (machines.ts). */
  machines: MachineTable;
  /** The engine's regex page-pattern checker, loaded with the config when it has regex patterns (page-regex-loading.ts). */
  pageRegex: PageRegex;
  /** The engine's condition kinds beyond pages and events, loaded with the config when it uses them (config-parts.ts). */
  conditions: MoreConditions;
  /** Carry out what the engine decided; `contextMoved`: the signal moved the user (page, identify, traits). */
  apply(effects: Effect[], contextMoved?: boolean): void;
  /** The engine is about to be left behind: what it shows is over. */
  hideAll(reason: 'replaced'): void;
  /** The next engine has started (session, page, waiting calls): what the old one showed and this one does not leaves the screen. */
  settleReplaced(): void;
  /** User switches wait for the first load. */
  whenReady(): Promise<void>;
  debug: boolean;
  debugLog: DebugLog | null;
  report(error: WaymarkError, onceKey?: string): void;
  reportError(error: unknown, where: string): void;
}

/** A user's store, opened and being read (before the config is in, so the two overlap). */
export interface OpenedUser {
  userId: string;
  store: DurableStore<UserState>;
  stored: Promise<UserState | undefined>;
}

export interface UserSession {
  readonly userId: string;
  /** Null until the user's state is loaded, and while switching users. */
  readonly engine: Engine | null;
  /** Open the first user's store; `opening`: its database's open, begun before the runtime loaded (early-start.ts). */
  open(opening?: EarlyOpen): OpenedUser;
  /** Start the engine on the opened user's state (null if destroyed meanwhile). */
  load(opened: OpenedUser): Promise<Engine | null>;
  /** A signal to the engine; without one (loading, switching) it waits and runs in order afterwards. */
  send(signal: Signal): void;
  /** Run with the engine now, or once it is loaded (in order with the signals that wait). */
  run(use: (engine: Engine) => void): void;
  /** Start the engine's session on this page (session → identify → page), then run the calls that waited. */
  restart(identity?: { traits?: Traits }): void;
  /**
   * Leave the current user (what is on screen goes, unless the next state shows it too) and load `to`'s state: `identity` is announced to the engine,
   * `forget` clears the stored progress first and announces the user's traits again (reset). An anonymous user's progress carries over to the identified one.
   */
  switchUser(to: string, how: { identity?: { traits?: Traits }; forget?: boolean }): void;
  /** Write the engine's state through to the store. */
  persist(): void;
  dispose(): void;
}

export function createUserSession(options: SessionOptions): UserSession {
  const { window: win, now } = options;
  let disposed = false;
  let userId = options.userId;
  let engine: Engine | null = null;
  let store: DurableStore<UserState> | null = null;
  const storeDisposers: Array<() => void> = [];
  /** Calls made before the config and state are loaded (or while switching users) run in order afterwards. */
  const pending: Array<() => void> = [];
  let switching: Promise<void> = Promise.resolve();

  // A remote that never answers must not hold `ready`: past the limit the local state is used (the store retries later).
  const given = options.storage?.remote;
  const remote = given
    ? remoteWithTimeLimit(given, win, options.storage?.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS, (error) =>
        options.report({ code: 'storage-remote-timeout', severity: 'error', where: 'store', message: `${error.message}; continuing with the local state`, cause: error }, 'store:remote-timeout'),
      )
    : undefined;

  /** The upgrade of pre-release (v0) records: loaded only when one is read, so current state never pays for it. */
  let fromV0: UpgradeFromV0 | null = null;
  let loadingFromV0: Promise<void> | null = null;
  function prepareToRead(raw: unknown): Promise<void> | undefined {
    if (fromV0 || !isOlderStoredState(raw)) return undefined;
    loadingFromV0 ??= import('../engine/migrate-v0.js').then(
      (loaded) => void (fromV0 = loaded.migrateV0),
      (error: unknown) => options.reportError(error, 'store:migrate'),
    );
    return loadingFromV0;
  }

  function openStore(forUser: string, opening?: EarlyOpen): DurableStore<UserState> {
    if (options.storage?.kind === 'memory') return createMemoryStore<UserState>();
    return createDurableStore<UserState>({
      key: `user:${forUser}`,
      dbName: options.storage?.dbName,
      opening,
      prepare: prepareToRead,
      migrate: (raw: unknown) => {
        // A v0 record met where the store cannot wait (another tab's write): the upgrade loads for the next one.
        if (!fromV0 && isOlderStoredState(raw)) void prepareToRead(raw);
        const { state, issues } = readStoredState(raw, forUser, now(), fromV0);
        for (const issue of issues) options.report({ code: 'state-migrated', severity: 'warning', where: 'store', message: issue });
        return state;
      },
      merge: mergeStates,
      onWarning: (warning) =>
        options.report({ code: `storage-${warning.code}`, severity: 'warning', where: 'store', message: warning.message, cause: warning.cause }, `store:${warning.code}`),
      remote,
      window: win,
    });
  }

  function openUser(forUser: string, opening?: EarlyOpen): OpenedUser {
    const opened = openStore(forUser, opening);
    return { userId: forUser, store: opened, stored: opened.load() };
  }

  /** Load a user's state and (re)start the engine on it; sensors and listeners stay. */
  async function loadUser(opened: OpenedUser, carryOver?: UserState): Promise<Engine | null> {
    const { userId: forUser, store: nextStore } = opened;
    const stored = await opened.stored;
    if (disposed) {
      await nextStore.dispose();
      return null;
    }
    const state = stored ?? (carryOver ? mergeStates(initialState(forUser, now()), { ...carryOver, userId: forUser } as UserState) : initialState(forUser, now()));
    store = nextStore;
    const started = createEngineWithMachines(options.machines, { config: options.config(), state, origin: options.origin, pageRegex: options.pageRegex, conditions: options.conditions });
    engine = started;
    const unsubscribe = nextStore.subscribe(
      (remote) => {
        // Join, not replace: our newest changes may still be waiting in the store's write debounce.
        if (engine && store === nextStore) options.apply(engine.adopt(mergeStates(engine.state, remote), now()));
      },
      // Another tab reset this user: start over here too, or our old state would be written back.
      () => {
        if (!engine || store !== nextStore) return;
        options.hideAll('replaced');
        engine = createEngineWithMachines(options.machines, { config: options.config(), state: initialState(forUser, now()), origin: options.origin, pageRegex: options.pageRegex, conditions: options.conditions });
        restart();
      },
    );
    storeDisposers.push(unsubscribe);
    if (carryOver && !stored) nextStore.write(started.state);
    return started;
  }

  async function closeStore(): Promise<void> {
    for (const dispose of storeDisposers.splice(0)) dispose();
    const closing = store;
    store = null;
    await closing?.dispose();
  }

  /** What the engine shows is over (it leaves the screen once the next one has started); signals wait for the next one. */
  function leave(): void {
    if (!engine) return;
    options.hideAll('replaced');
    engine = null;
  }

  function send(signal: Signal): void {
    if (disposed) return;
    if (!engine) {
      pending.push(() => send(signal));
      return;
    }
    if (options.debug) console.debug('[waymark] signal', signal);
    options.debugLog?.signal(signal);
    options.apply(engine.dispatch(signal), signal.type === 'page' || signal.type === 'identify' || signal.type === 'traits');
  }

  function run(use: (engine: Engine) => void): void {
    if (disposed) return;
    if (!engine) {
      pending.push(() => run(use));
      return;
    }
    use(engine);
  }

  function restart(identity?: { traits?: Traits }): void {
    send({ type: 'session', at: now(), sessionId: options.sessionId });
    if (identity) send({ type: 'identify', at: now(), userId, traits: identity.traits });
    send({ type: 'page', at: now(), url: win.location.href, title: win.document.title });
    for (const call of pending.splice(0)) call();
    options.settleReplaced();
  }

  return {
    get userId() {
      return userId;
    },
    get engine() {
      return engine;
    },
    open: (opening) => openUser(userId, opening),
    load: (opened) => loadUser(opened),
    send,
    run,
    restart,
    switchUser(to, { identity, forget = false }) {
      const carryOver = !forget && isAnonymous(userId) ? engine?.state : undefined;
      // Reset forgets progress, not who the user is: the traits the app gave are announced again to the fresh state.
      const kept = forget && engine ? traitValues(engine.state) : {};
      const announce = identity ?? (Object.keys(kept).length > 0 ? { traits: kept } : undefined);
      leave();
      userId = to;
      switching = switching
        .then(() => options.whenReady())
        .then(async () => {
          // An engine started since this call (by the switch queued before it, or the first load) goes too.
          leave();
          if (forget) await store?.clear();
          await closeStore();
          await loadUser(openUser(to), carryOver);
          restart(announce);
        })
        .catch((error: unknown) => options.reportError(error, forget ? 'reset' : 'identify'));
    },
    persist() {
      if (engine) store?.write(engine.state);
    },
    dispose() {
      disposed = true;
      pending.length = 0;
      engine = null;
      void closeStore().catch((error: unknown) => options.reportError(error, 'destroy'));
    },
  };
}

function traitValues(state: UserState): Traits {
  const traits: Traits = {};
  for (const [key, register] of Object.entries(state.traits)) traits[key] = register.v;
  return traits;
}
