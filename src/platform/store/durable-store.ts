import { del, get, update } from 'idb-keyval';
import { createBackoff } from './backoff.js';
import { DEFAULT_DB_NAME, STATE_STORE, failureCode, onceReporter, openDatabase, randomId, type Database } from './database.js';
import type { EarlyOpen } from './early-open.js';
import type { DurableStore, DurableStoreOptions, StoreWarningCode } from './types.js';
import { createUnloadJournal } from './unload-journal.js';

const DEFAULT_DEBOUNCE_MS = 150;

/** What one store instance tells the others (other tabs, or other instances in this page) on its channel. */
type ChannelMessage =
  | { kind: 'written'; key: string; from: string; state: unknown }
  | { kind: 'cleared'; key: string; from: string };

function isChannelMessage(data: unknown): data is ChannelMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<ChannelMessage>;
  return (message.kind === 'written' || message.kind === 'cleared') && typeof message.key === 'string' && typeof message.from === 'string';
}

/**
 * Durable, cross-tab, optionally remote-mirrored storage for one record (one user's state).
 *
 * Every write is a read-modify-write inside one IndexedDB transaction (`merge(migrate(stored), state)`), so two
 * tabs writing at once both survive. After each write the merged record goes out on a BroadcastChannel; other
 * instances merge it into what they know and tell their subscribers. Any storage failure switches the store to
 * memory for this page, reported once; no method throws or rejects.
 */
export function createDurableStore<T>(
  options: DurableStoreOptions<T> & {
    /** An open of this store's database begun before the store was created (early-open.ts): taken over, not repeated. */
    opening?: EarlyOpen;
  },
): DurableStore<T> {
  const win = options.window ?? (globalThis as unknown as Window);
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const { key, migrate, merge, remote } = options;
  const warn = onceReporter(options.onWarning);
  const instanceId = randomId(win);

  const factory: IDBFactory | undefined = win.indexedDB ?? undefined;
  const database: Database | undefined = factory ? openDatabase(factory, dbName, win, options.opening) : undefined;
  let mode: 'indexeddb' | 'memory' = database ? 'indexeddb' : 'memory';

  /** Everything this instance knows: loaded, written, received from other tabs or the remote. */
  let known: T | undefined;
  /** Written by the app but not yet persisted. */
  let pending: T | undefined;
  let debounceTimer: ReturnType<Window['setTimeout']> | undefined;
  /** Persists run one after another; this is the tail (it never rejects). */
  let queue: Promise<void> = Promise.resolve();
  let disposed = false;
  let disposing: Promise<void> | undefined;
  /** A persist is between taking `pending` and IndexedDB confirming it. */
  let persisting = false;

  const journal = createUnloadJournal(win, dbName, key, instanceId);
  /** Bumped on every journal write; a persist that took its snapshot after the last one makes the entry redundant. */
  let journalSeq = 0;
  /** The state a persist is writing right now, until IndexedDB confirms it. */
  let inFlight: T | undefined;
  let journalHasEntry = false;

  const listeners = new Set<{ changed: (state: T) => void; cleared?: () => void }>();

  function fallBackToMemory(code: StoreWarningCode, cause: unknown): void {
    if (mode === 'indexeddb') {
      mode = 'memory';
      database?.close();
    }
    warn({ code, message: `${describe(code)}; progress is kept in memory for this page`, cause });
  }

  function reportMissingDatabase(): void {
    if (!database) warn({ code: 'idb-unavailable', message: 'IndexedDB is not available; progress is kept in memory for this page' });
  }

  /** Wait for what `raw` needs before `migrate` reads it (code for an older version); never rejects. */
  async function prepare(raw: unknown): Promise<void> {
    try {
      await options.prepare?.(raw);
    } catch {
      // Then `migrate` reports what it cannot read.
    }
  }

  /** `migrate`, but a throw means the record is unusable: report it and treat it as absent. */
  function migrateOrDrop(raw: unknown, where: string): T | undefined {
    if (raw === undefined) return undefined;
    try {
      return migrate(raw);
    } catch (cause) {
      warn({ code: 'corrupt-record', message: `The ${where} record for "${key}" could not be read and was replaced`, cause });
      return undefined;
    }
  }

  /** `merge`, but a throw (a bug in the injected merge) is reported and the newer side wins, so no write is lost. */
  function safeMerge(older: T, newer: T): T {
    try {
      return merge(older, newer);
    } catch (cause) {
      warn({ code: 'corrupt-record', message: `Merging the record for "${key}" failed; the newest state was kept`, cause });
      return newer;
    }
  }

  function absorb(incoming: T): T {
    known = known === undefined ? incoming : safeMerge(known, incoming);
    return known;
  }

  /** Every listener runs even if one throws; a throw surfaces as an uncaught error, like an EventTarget listener's. */
  function notify(call: (listener: { changed: (state: T) => void; cleared?: () => void }) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function notifyChanged(state: T): void {
    notify((listener) => listener.changed(state));
  }

  // ---- cross-tab ----------------------------------------------------------------------------------------

  // `Window` does not declare the constructors every realm has; the injected window is a realm's global.
  const { BroadcastChannel: Channel } = win as Window & Partial<Pick<typeof globalThis, 'BroadcastChannel'>>;
  const channel = typeof Channel === 'function' ? new Channel(`waymark:${dbName}`) : undefined;

  function broadcast(message: ChannelMessage): void {
    try {
      channel?.postMessage(message);
    } catch {
      // Only a value IndexedDB could not store either (not cloneable) gets here; the write already reported it.
    }
  }

  function onChannelMessage(event: MessageEvent): void {
    const message: unknown = event.data;
    if (disposed || !isChannelMessage(message) || message.key !== key || message.from === instanceId) return;
    if (message.kind === 'cleared') {
      cancelDebounce();
      pending = undefined;
      known = undefined;
      notify((listener) => listener.cleared?.());
      return;
    }
    const incoming = migrateOrDrop(message.state, 'broadcast');
    if (incoming !== undefined) notifyChanged(absorb(incoming));
  }
  channel?.addEventListener('message', onChannelMessage);

  // ---- local persistence --------------------------------------------------------------------------------

  function cancelDebounce(): void {
    if (debounceTimer === undefined) return;
    win.clearTimeout(debounceTimer);
    debounceTimer = undefined;
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task).catch(() => undefined);
    queue = run;
    return run;
  }

  async function persistPending(): Promise<void> {
    const state = pending;
    pending = undefined;
    if (state === undefined) return;
    // Until IndexedDB confirms, this state lives only here: the unload journal must still see it.
    inFlight = state;
    reportMissingDatabase();
    const journalCovered = journalSeq;
    if (database && mode === 'indexeddb') {
      persisting = true;
      try {
        let stored: T = state;
        await update(
          key,
          (raw: unknown) => {
            const old = migrateOrDrop(raw, 'stored');
            stored = old === undefined ? state : safeMerge(old, state);
            return stored;
          },
          database.use(STATE_STORE),
        );
        absorb(stored);
        inFlight = undefined;
        if (journalHasEntry && journalCovered === journalSeq) {
          journal.remove([journal.ownKey]);
          journalHasEntry = false;
        }
      } catch (error) {
        fallBackToMemory(failureCode(error, 'idb-write-failed'), error);
        absorb(state);
      } finally {
        persisting = false;
        inFlight = undefined;
      }
    } else {
      absorb(state);
      inFlight = undefined;
    }
    broadcast({ kind: 'written', key, from: instanceId, state: known });
    void pushRemote();
  }

  function flush(): Promise<void> {
    cancelDebounce();
    return enqueue(persistPending);
  }

  function write(state: T): void {
    if (disposed) return;
    pending = pending === undefined ? state : safeMerge(pending, state);
    if (debounceTimer === undefined) {
      debounceTimer = win.setTimeout(() => {
        debounceTimer = undefined;
        void enqueue(persistPending);
      }, debounceMs);
    }
  }

  // ---- remote mirror ------------------------------------------------------------------------------------

  /** Until the remote copy has been merged in, saving would overwrite facts only the remote has. */
  let remoteLoaded = false;
  let remoteDirty = false;
  let remoteBusy = false;
  /** A retry (backoff or `online`) came while an attempt was in flight: try once more when it fails. */
  let retryAfterAttempt = false;
  const remoteRetry = remote
    ? createBackoff({
        window: win,
        run: () => {
          if (remoteBusy) retryAfterAttempt = true;
          void pushRemote();
        },
      })
    : undefined;

  /** Merge the remote copy in. `announce`: tell subscribers (the app already has what `load()` returned). */
  async function pullRemote(announce: boolean): Promise<boolean> {
    if (!remote) return true;
    let raw: unknown;
    try {
      raw = await remote.load(key);
    } catch (cause) {
      warn({ code: 'remote-failed', message: `Loading "${key}" from the remote failed; retrying later`, cause });
      remoteRetry?.failed();
      return false;
    }
    remoteLoaded = true;
    remoteRetry?.succeeded();
    await prepare(raw);
    const incoming = migrateOrDrop(raw, 'remote');
    if (incoming !== undefined && !disposed) {
      const merged = absorb(incoming);
      if (announce) notifyChanged(merged);
      // Keep the remote's facts locally too (and send the union back).
      write(merged);
    }
    return true;
  }

  async function pushRemote(): Promise<void> {
    if (!remote || disposed) return;
    remoteDirty = true;
    if (remoteBusy) return;
    remoteBusy = true;
    try {
      while (remoteDirty && !disposed) {
        if (!remoteLoaded && !(await pullRemote(true))) {
          if (!retryAfterAttempt) return;
          retryAfterAttempt = false;
          continue;
        }
        remoteDirty = false;
        const state = known;
        if (state === undefined) return;
        try {
          await remote.save(key, state);
        } catch (cause) {
          // The adapter keeps retrying its latest state (RemoteAdapter contract); we only report.
          warn({ code: 'remote-failed', message: `Saving "${key}" to the remote failed; retrying later`, cause });
          return;
        }
      }
    } finally {
      remoteBusy = false;
    }
  }

  // ---- page lifecycle -----------------------------------------------------------------------------------

  /** Copy what is not yet durable into the synchronous journal: the page may be gone before IndexedDB answers. */
  function writeJournal(): void {
    if (pending === undefined && !persisting && mode === 'indexeddb') return;
    // Everything not yet confirmed durable: what we know, the write in flight (the unload may abort it), and what waits.
    let state = known;
    for (const part of [inFlight, pending]) if (part !== undefined) state = state === undefined ? part : safeMerge(state, part);
    if (state === undefined) return;
    journal.write(state);
    journalSeq++;
    journalHasEntry = true;
  }

  /**
   * Merge every journal entry for this key (left by pages that went away) into what waits to be written, and make
   * it durable. Returns once merged, with the state that includes them; the write goes on in the queue (`durable`).
   * A page left just after a change (a step's link followed) leaves an entry: the next page need not wait for its write.
   */
  async function foldJournal(): Promise<{ state: T | undefined; durable: Promise<void> }> {
    const entries = journal.read();
    if (entries.length === 0) return { state: known, durable: Promise.resolve() };
    for (const entry of entries) await prepare(entry.state);
    for (const entry of entries) {
      const state = migrateOrDrop(entry.state, 'unload journal');
      if (state !== undefined) pending = pending === undefined ? state : safeMerge(pending, state);
    }
    const state = known === undefined || pending === undefined ? (known ?? pending) : safeMerge(known, pending);
    const durable = enqueue(persistPending).then(() => {
      if (mode === 'indexeddb') {
        journal.remove(entries.map((entry) => entry.storageKey));
      } else if (known !== undefined) {
        // Memory only: the journal is the one copy that outlives this page; keep it as a single entry.
        journal.write(known);
        journalHasEntry = true;
        journal.remove(entries.map((entry) => entry.storageKey).filter((storageKey) => storageKey !== journal.ownKey));
      }
    });
    return { state, durable };
  }

  const leave = () => {
    writeJournal();
    void flush();
  };
  const onPageHide = () => leave();
  const onVisibilityChange = () => {
    if (win.document.visibilityState === 'hidden') leave();
  };
  win.addEventListener('pagehide', onPageHide);
  win.document?.addEventListener('visibilitychange', onVisibilityChange);

  function removePageListeners(): void {
    win.removeEventListener('pagehide', onPageHide);
    win.document?.removeEventListener('visibilitychange', onVisibilityChange);
  }

  // ---- the store ----------------------------------------------------------------------------------------

  return {
    get mode() {
      return mode;
    },

    async load() {
      if (disposed) return known;
      reportMissingDatabase();
      if (database && mode === 'indexeddb') {
        try {
          // A database this open is creating holds nothing: no need to wait for its creation to commit to read it.
          const raw: unknown = (await database.isNew()) ? undefined : await get(key, database.use(STATE_STORE));
          await prepare(raw);
          const local = migrateOrDrop(raw, 'stored');
          if (local !== undefined) absorb(local);
        } catch (error) {
          fallBackToMemory(failureCode(error, 'idb-read-failed'), error);
        }
      }
      const folded = await foldJournal();
      if (!remote) return folded.state;
      await folded.durable;
      // The remote's facts come in through `write` (persisted locally, then the union is sent back);
      // a remote that has nothing yet gets this device's state.
      if (!remoteLoaded && (await pullRemote(false)) && known !== undefined && pending === undefined) void pushRemote();
      return known;
    },

    write,
    flush,

    subscribe(changed, cleared) {
      const listener = { changed, cleared };
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    clear() {
      cancelDebounce();
      pending = undefined;
      return enqueue(async () => {
        // Queued behind any write in flight, so that write cannot re-create the record after the delete.
        known = undefined;
        journal.clear();
        journalHasEntry = false;
        if (database && mode === 'indexeddb') {
          try {
            await del(key, database.use(STATE_STORE));
          } catch (error) {
            fallBackToMemory(failureCode(error, 'idb-write-failed'), error);
          }
        }
        broadcast({ kind: 'cleared', key, from: instanceId });
        if (remote?.delete) {
          try {
            await remote.delete(key);
          } catch (cause) {
            warn({ code: 'remote-failed', message: `Deleting "${key}" on the remote failed`, cause });
          }
        }
      });
    },

    dispose() {
      if (disposing) return disposing;
      // Listeners go at once (a destroyed SDK leaves nothing behind); the last write still completes.
      removePageListeners();
      listeners.clear();
      disposing = flush().then(async () => {
        disposed = true;
        cancelDebounce();
        // A write that arrived while the flush was running.
        if (pending !== undefined) await enqueue(persistPending);
        remoteRetry?.dispose();
        channel?.removeEventListener('message', onChannelMessage);
        channel?.close();
        database?.close();
      });
      return disposing;
    },
  };
}

function describe(code: StoreWarningCode): string {
  switch (code) {
    case 'idb-unavailable':
      return 'IndexedDB cannot be opened';
    case 'idb-blocked':
      return 'IndexedDB is blocked by another tab';
    case 'idb-read-failed':
      return 'Reading from IndexedDB failed';
    case 'idb-write-failed':
      return 'Writing to IndexedDB failed (private mode or storage full?)';
    case 'remote-failed':
      return 'The remote store failed';
    case 'corrupt-record':
      return 'A stored record was unreadable';
  }
}
