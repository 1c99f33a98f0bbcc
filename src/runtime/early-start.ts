/**
 * The first I/O of an instance, begun by the entry (the script tag's `data-config`, or `createWaymark()` in the
 * npm facade) before the runtime chunk is even downloaded: the config request and the IndexedDB open then overlap
 * the runtime's download and evaluation instead of following them. The runtime takes them over, once, each only
 * when it was begun for the same config URL or database; whatever it does not take is given up.
 *
 * Kept small: it rides in the script-tag entry, ahead of the runtime chunk.
 */
import { beginOpen, DEFAULT_DB_NAME, type EarlyOpen } from '../platform/store/early-open.js';

/** A config request begun early: the response as `fetch` gives it, and what aborts it. */
export interface EarlyFetch {
  response: Promise<Response>;
  abort: AbortController;
}

/** What the runtime took over: the request for its config URL, the open of its database (each when they match). */
export interface EarlyTaken {
  fetched?: EarlyFetch;
  opened?: EarlyOpen;
}

/**
 * Hand the early work over, once: what matches `wanted` is returned, the rest given up (the request aborted, the
 * database closed, or never created if its creation had not run yet). `null`: nothing is wanted (destroyed).
 * Later calls get nothing.
 */
export type EarlyStart = ((wanted: { configUrl?: string; dbName?: string } | null) => EarlyTaken) & {
  /** The early config request's response, for the entry to look at first (script-tag.ts): it must clone, never read it. */
  readonly response?: Promise<Response>;
};

/** What decides the early work: the options the instance will be created with. */
export interface EarlyOptions {
  config?: unknown;
  configUrl?: unknown;
  storage?: { kind?: unknown; dbName?: unknown };
}

/**
 * Begin the config request and the IndexedDB open the instance will make with these options. Never throws: what
 * cannot start early is done later by the runtime, which reports any failure (the early work reports nothing).
 */
export function startEarly(win: Window, options: EarlyOptions): EarlyStart {
  let fetched: EarlyFetch | undefined;
  let opened: EarlyOpen | undefined;
  let spent = false;
  // As the options are read (guard.ts): a config given wins over a URL, a database name is a non-empty string.
  const configUrl = options.config === undefined && typeof options.configUrl === 'string' ? options.configUrl : undefined;
  const named = options.storage?.dbName;
  const dbName = (typeof named === 'string' && named) || DEFAULT_DB_NAME;
  try {
    if (configUrl) {
      const abort = new AbortController();
      // The runtime's own request (config-loading.ts), which reports its failures once it takes it over.
      const response = win.fetch(configUrl, { credentials: 'same-origin', signal: abort.signal });
      response.catch(() => undefined);
      fetched = { response, abort };
    }
  } catch {
    /* the runtime fetches it itself */
  }
  try {
    if (options.storage?.kind !== 'memory' && win.indexedDB) opened = beginOpen(win.indexedDB, dbName, () => spent);
  } catch {
    /* the runtime opens it itself, and falls back to memory if it cannot */
  }
  const handOver = (wanted: Parameters<EarlyStart>[0]): EarlyTaken => {
    const taken: EarlyTaken = {};
    if (!spent && wanted?.configUrl === configUrl) taken.fetched = fetched;
    if (!spent && wanted?.dbName === dbName) taken.opened = opened;
    spent = true;
    if (!taken.fetched) fetched?.abort.abort();
    // Not taken: its connection closes as it opens (beginOpen), or now if it already has (an upgrade still running
    // is not done yet: its `success` closes it).
    const request = opened?.request;
    if (!taken.opened && request?.readyState === 'done' && !request.transaction && !request.error) request.result.close();
    fetched = opened = undefined;
    return taken;
  };
  return Object.assign(handOver, { response: fetched?.response });
}
