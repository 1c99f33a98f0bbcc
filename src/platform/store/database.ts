import type { UseStore } from 'idb-keyval';
import type { EarlyOpen } from './early-open.js';
import type { StoreWarning, StoreWarningCode, WarningListener } from './types.js';

export const DEFAULT_DB_NAME = 'waymark';
export const STATE_STORE = 'state';
export const OUTBOX_STORE = 'outbox';

/**
 * Bump when an object store is added; `upgradeneeded` creates whichever are missing. The early open (early-open.ts),
 * which may create the database before this code loads, keeps a copy of both (database.test.ts holds them equal).
 */
export const SCHEMA_VERSION = 1;
export const OBJECT_STORES = [STATE_STORE, OUTBOX_STORE];
/** Some engines leave `open()` pending forever (old Safari, a stuck upgrade elsewhere): give up and use memory. */
const OPEN_TIMEOUT_MS = 10_000;

/** Why the database could not be used at all; carried as data on the rejection. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'idb-unavailable' | 'idb-blocked',
    message: string,
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface Database {
  /** An idb-keyval store function for one object store, so `get`/`update`/`del` work on it. */
  use(objectStore: string): UseStore;
  /**
   * Whether the first connection is creating the database: true as soon as its upgrade from nothing begins (before
   * the creation commits, which takes tens of ms on a first visit), so a read of it can be answered "nothing" at once;
   * false once an existing database opened, or the open failed (the read then reports why). Never rejects.
   */
  isNew(): Promise<boolean>;
  /** Close the connection; later uses reject. */
  close(): void;
}

/**
 * Open Waymark's database lazily, on first use, with every object store Waymark needs.
 *
 * Not idb-keyval's `createStore`: that reads the global `indexedDB` (we inject the window), creates a single
 * object store only on first creation (so the outbox store could never be added next to `state`), waits
 * forever when the open is blocked, and never closes the connection (which would block other tabs' upgrades
 * and `deleteDatabase`).
 *
 * `early`: an open of this database begun before the runtime loaded (runtime/early-start.ts); the first connection
 * takes it over, whatever it has come to meanwhile, instead of opening again.
 */
export function openDatabase(factory: IDBFactory, dbName: string, win: Window, early?: EarlyOpen): Database {
  let connection: Promise<IDBDatabase> | undefined;
  let closed = false;
  let earlyOpen = early;
  /** Settled by the first connection's open: creating the database, or not. */
  let settleNew: ((created: boolean) => void) | undefined;
  const created = new Promise<boolean>((resolve) => (settleNew = resolve));

  function connect(): Promise<IDBDatabase> {
    return new Promise<IDBDatabase>((resolve, reject) => {
      let settled = false;
      const fail = (error: DatabaseOpenError) => {
        settleNew?.(false);
        if (settled) return;
        settled = true;
        win.clearTimeout(timer);
        reject(error);
      };
      const timer = win.setTimeout(
        () => fail(new DatabaseOpenError('idb-blocked', `IndexedDB "${dbName}" did not open within ${OPEN_TIMEOUT_MS} ms`)),
        OPEN_TIMEOUT_MS,
      );
      const attempt = (version: number | undefined, adopted?: EarlyOpen) => {
        let request: IDBOpenDBRequest;
        try {
          request = adopted?.request ?? (version === undefined ? factory.open(dbName) : factory.open(dbName, version));
        } catch (error) {
          fail(new DatabaseOpenError('idb-unavailable', `IndexedDB "${dbName}" cannot be opened`, error));
          return;
        }
        const blocked = () => fail(new DatabaseOpenError('idb-blocked', `IndexedDB "${dbName}" is blocked by a connection in another tab`));
        const failed = () => {
          // A newer Waymark in another tab already upgraded the schema: open whatever version is there.
          if (version !== undefined && request.error?.name === 'VersionError') attempt(undefined);
          else fail(new DatabaseOpenError('idb-unavailable', `IndexedDB "${dbName}" failed to open`, request.error));
        };
        const opened = () => {
          settleNew?.(false);
          const db = request.result;
          if (settled || closed) {
            // We already gave up on it (blocked, timed out, or closed meanwhile): do not hold it open.
            db.close();
            return;
          }
          if (OBJECT_STORES.some((name) => !db.objectStoreNames.contains(name))) {
            db.close();
            fail(new DatabaseOpenError('idb-unavailable', `IndexedDB "${dbName}" exists without Waymark's object stores`));
            return;
          }
          // Let another tab upgrade or delete the database; we reopen on next use.
          db.onversionchange = () => {
            db.close();
            connection = undefined;
          };
          db.onclose = () => (connection = undefined);
          settled = true;
          win.clearTimeout(timer);
          resolve(db);
        };
        request.onupgradeneeded = (event) => {
          // Nothing before: no other tab can write until this upgrade commits, so nothing is stored.
          if (event.oldVersion === 0) settleNew?.(true);
          const db = request.result;
          for (const name of OBJECT_STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        };
        request.onblocked = blocked;
        request.onerror = failed;
        request.onsuccess = opened;
        // What the early open came to before we listened, answered as if we had been listening all along.
        if (adopted?.created) settleNew?.(true);
        if (adopted?.blocked) blocked();
        // `done` with a transaction: the upgrade that created the stores is still running, its `success` is to come.
        if (adopted && request.readyState === 'done' && !request.transaction) {
          if (request.error) failed();
          else opened();
        }
      };
      // An early connection closed for another tab's upgrade is of no use: open anew.
      const adopted = earlyOpen?.superseded ? undefined : earlyOpen;
      earlyOpen = undefined;
      attempt(SCHEMA_VERSION, adopted);
    });
  }

  function database(): Promise<IDBDatabase> {
    if (closed) return Promise.reject(new DatabaseOpenError('idb-unavailable', `IndexedDB "${dbName}" was closed`));
    if (!connection) {
      const opening = connect();
      connection = opening;
      // A failed open may succeed later (e.g. after a blocking tab closed): allow a retry.
      opening.catch(() => {
        if (connection === opening) connection = undefined;
      });
    }
    return connection;
  }

  return {
    use(objectStore) {
      return (mode, callback) => database().then((db) => callback(db.transaction(objectStore, mode).objectStore(objectStore)));
    },
    isNew() {
      if (closed) return Promise.resolve(false);
      database().catch(() => undefined);
      return created;
    },
    close() {
      closed = true;
      const open = connection;
      connection = undefined;
      open?.then((db) => db.close(), () => undefined);
      // Never connected: the early open is given up too, its connection closed once it opens.
      const request = earlyOpen?.request;
      earlyOpen = undefined;
      if (request) {
        request.onsuccess = () => request.result.close();
        if (request.readyState === 'done' && !request.transaction && !request.error) request.result.close();
      }
    },
  };
}

/** The warning code for a failed operation: why the open failed, or the operation's own kind. */
export function failureCode(error: unknown, operation: 'idb-read-failed' | 'idb-write-failed'): StoreWarningCode {
  return error instanceof DatabaseOpenError ? error.code : operation;
}

/** Report each warning code at most once for this owner. */
export function onceReporter(listener: WarningListener | undefined): (warning: StoreWarning) => void {
  const reported = new Set<StoreWarningCode>();
  return (warning) => {
    if (reported.has(warning.code)) return;
    reported.add(warning.code);
    try {
      listener?.(warning);
    } catch (error) {
      // Like an EventTarget listener: the listener's own bug surfaces as an uncaught error, our promises still resolve.
      queueMicrotask(() => {
        throw error;
      });
    }
  };
}

/** A random hex id that works outside secure contexts too (unlike `crypto.randomUUID`). */
export function randomId(win: Window, bytes = 12): string {
  const values = new Uint8Array(bytes);
  win.crypto.getRandomValues(values);
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}
