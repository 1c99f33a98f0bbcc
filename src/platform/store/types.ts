/** Public types of Waymark's durable storage. Generic over the stored value: nothing here knows the engine. */

export type StoreWarningCode =
  | 'idb-unavailable'
  | 'idb-blocked'
  | 'idb-write-failed'
  | 'idb-read-failed'
  | 'remote-failed'
  | 'corrupt-record';

/** Something went wrong but the store kept working (usually by falling back to memory). Reported once per code. */
export interface StoreWarning {
  code: StoreWarningCode;
  message: string;
  cause?: unknown;
}

export type WarningListener = (warning: StoreWarning) => void;

/** Backoff bounds for retries: delays double from `minMs` up to `maxMs`. */
export interface RetryOptions {
  minMs?: number;
  maxMs?: number;
}

/**
 * Where state is mirrored beyond this browser (your backend).
 *
 * `save` keeps the latest state it was given per key and, when it fails, rejects AND keeps retrying that
 * latest state on its own (backoff, `online`), so the store never has to resend it. `fetchRemoteAdapter`
 * does exactly that; a custom adapter should too.
 */
export interface RemoteAdapter<T> {
  load(key: string): Promise<T | undefined>;
  save(key: string, state: T): Promise<void>;
  /** Forget the key (used by `clear()`, i.e. `reset()`); without it a reset user is re-filled from the remote. */
  delete?(key: string): Promise<void>;
}

export interface DurableStoreOptions<T> {
  /** One record per user, e.g. `user:<id>`. */
  key: string;
  /** A dedicated database (default `waymark`); the record lives in its `state` object store. */
  dbName?: string;
  /** Upgrade or repair whatever was stored (an old version, another tab's newer shape, a remote copy). */
  migrate(raw: unknown): T;
  /**
   * Called with a record read where the store can wait (the stored record, the unload journal, the remote, at
   * load) before `migrate` reads it: loads what an older record needs, so `migrate` stays synchronous.
   */
  prepare?(raw: unknown): Promise<void> | undefined;
  /** Join of two states: commutative, associative, idempotent. */
  merge(a: T, b: T): T;
  /** Reported once per cause; the runtime routes it to `on('error')`. */
  onWarning?: WarningListener;
  /** Writes within this window are coalesced into one (default 150 ms). */
  debounceMs?: number;
  remote?: RemoteAdapter<T>;
  /** Injected for tests; defaults to `globalThis`. */
  window?: Window;
}

export interface DurableStore<T> {
  /** `memory` when IndexedDB is missing or failed: the store keeps working for this page only. */
  readonly mode: 'indexeddb' | 'memory';
  /** The local record merged with the remote one (if any); `undefined` for a new user. Never rejects. */
  load(): Promise<T | undefined>;
  /** Debounced write-through: the stored record becomes `merge(migrate(stored), state)`. */
  write(state: T): void;
  /** Write now (also done on `pagehide` and when the page becomes hidden). Never rejects. */
  flush(): Promise<void>;
  /**
   * Another tab (or the remote) changed the record: `listener` gets the merged state. Never called for this
   * store's own writes. `onCleared` runs when another tab cleared the record (`reset()`).
   */
  subscribe(listener: (state: T) => void, onCleared?: () => void): () => void;
  /** Delete the record (locally, on the remote if it can, and in other tabs' caches). Never rejects. */
  clear(): Promise<void>;
  /** Flush, then release every listener, timer, channel and connection. Never rejects. */
  dispose(): Promise<void>;
}

export interface FetchRemoteOptions {
  /** Records live at `${url}/${encodeURIComponent(key)}` (GET to load, PUT to save, DELETE to clear). */
  url: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  window?: Window;
  retry?: RetryOptions;
}

export interface OutboxEntry<M> {
  id: string;
  message: M;
  /** Failed delivery attempts so far. */
  attempts: number;
}

export interface Outbox<M> {
  /** Store the message durably, then try to deliver it. Resolves with its id once it is stored. */
  enqueue(message: M): Promise<string>;
  /** Messages not yet delivered, oldest first. */
  pending(): Promise<Array<OutboxEntry<M>>>;
  /** Try to deliver everything pending now. Never rejects. */
  flush(): Promise<void>;
  /** Stop retrying and release listeners and the connection; undelivered messages stay stored. */
  dispose(): void;
}

export interface OutboxOptions<M> {
  /** Separates queues sharing one database, e.g. `survey-answers`. */
  name: string;
  /** Deliver one message; reject to retry later. `id` is stable across retries and tabs: de-duplicate on it. */
  deliver(message: M, id: string): Promise<void>;
  dbName?: string;
  /** `false`: keep messages in memory for this page only (storage `kind: 'memory'`); no IndexedDB is opened. */
  durable?: boolean;
  onWarning?: WarningListener;
  window?: Window;
  retry?: RetryOptions;
}
