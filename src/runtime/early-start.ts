/**
 * The first I/O of an instance, begun by the entry (the script tag's `data-config`, or `createWaymark()` in the
 * npm facade) before the runtime chunk is even downloaded: the config request and the IndexedDB open then overlap
 * the runtime's download and evaluation instead of following them. The runtime takes each over once, and only
 * when it was started for the same config URL and database; whatever it does not take, `release()` gives up.
 *
 * Kept small: it rides in the script-tag entry, ahead of the runtime chunk.
 */
import { beginOpen, DEFAULT_DB_NAME, giveUpOpen, type EarlyOpen } from '../platform/store/early-open.js';

/** A config request begun early: the response as `fetch` gives it, and what aborts it. */
export interface EarlyFetch {
  response: Promise<Response>;
  abort: AbortController;
}

export interface EarlyStart {
  /** The config request, if it was started for `url` and not taken yet. */
  takeConfig(url: string | undefined): EarlyFetch | undefined;
  /** The database open, if it was started for `dbName` and not taken yet. */
  takeDatabase(dbName: string): EarlyOpen | undefined;
  /** Nothing more will be taken: an untaken request is aborted, an untaken database closed (or never created). */
  release(): void;
}

/** What decides the early work: the options the instance will be created with (already read safely). */
export interface EarlyOptions {
  config?: unknown;
  configUrl?: string;
  storage?: { kind?: string; dbName?: string };
}

/**
 * Begin the config request and the IndexedDB open the instance will make with these options. Never throws: what
 * cannot start early is done later by the runtime, which reports any failure (the early work reports nothing).
 */
export function startEarly(win: Window, options: EarlyOptions): EarlyStart {
  let fetched: EarlyFetch | undefined;
  let opened: EarlyOpen | undefined;
  let released = false;
  // As the options are read (guard.ts): a config given wins over a URL, a name must be a non-empty string.
  const configUrl = options.config === undefined && typeof options.configUrl === 'string' ? options.configUrl : undefined;
  const dbName = typeof options.storage?.dbName === 'string' && options.storage.dbName !== '' ? options.storage.dbName : DEFAULT_DB_NAME;
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
    if (options.storage?.kind !== 'memory' && win.indexedDB) opened = beginOpen(win.indexedDB, dbName, () => released);
  } catch {
    /* the runtime opens it itself, and falls back to memory if it cannot */
  }
  return {
    takeConfig(url) {
      const taken = url === configUrl ? fetched : undefined;
      if (taken) fetched = undefined;
      return taken;
    },
    takeDatabase(name) {
      const taken = name === dbName ? opened : undefined;
      if (taken) opened = undefined;
      return taken;
    },
    release() {
      released = true;
      fetched?.abort.abort();
      fetched = undefined;
      giveUpOpen(opened);
      opened = undefined;
    },
  };
}
