/**
 * A synchronous safety net for the moment a page goes away.
 *
 * An IndexedDB transaction started in `pagehide` is usually aborted when the document is torn down (measured in
 * Chromium: a put issued in `pagehide`, even with `commit()`, survives a reload only now and then), so a write
 * made in the last debounce window would be lost. localStorage writes are synchronous: on `pagehide` the store
 * copies what it knows into one entry per store instance, and the next `load()` folds every entry for its key
 * back in (merge makes that safe), then removes them once IndexedDB holds the result.
 */
export interface UnloadJournal {
  /** Record this instance's state (replacing its previous entry). Never throws. */
  write(state: unknown): void;
  /** Every entry for this key, from any instance; unreadable entries are dropped. */
  read(): Array<{ storageKey: string; state: unknown }>;
  remove(storageKeys: string[]): void;
  /** This instance's own entry. */
  readonly ownKey: string;
  /** Remove every entry for this key (a reset). */
  clear(): void;
}

export function createUnloadJournal(win: Window, dbName: string, key: string, instanceId: string): UnloadJournal {
  const prefix = `waymark:${dbName}:unload:${key}:`;
  const ownKey = `${prefix}${instanceId}`;

  /** localStorage can be missing, or throw on access (sandboxed frames, blocked storage). */
  function storage(): Storage | undefined {
    try {
      return win.localStorage ?? undefined;
    } catch {
      return undefined;
    }
  }

  function keys(store: Storage): string[] {
    const found: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const name = store.key(i);
      if (name?.startsWith(prefix)) found.push(name);
    }
    return found;
  }

  function remove(storageKeys: string[]): void {
    const store = storage();
    if (!store) return;
    for (const name of storageKeys) {
      try {
        store.removeItem(name);
      } catch {
        // Storage went away meanwhile; the entry is folded in again next time, which merge makes harmless.
      }
    }
  }

  return {
    ownKey,
    write(state) {
      try {
        storage()?.setItem(ownKey, JSON.stringify(state));
      } catch {
        // Quota or blocked storage: the asynchronous flush that runs alongside is all we have.
      }
    },
    read() {
      const store = storage();
      if (!store) return [];
      const entries: Array<{ storageKey: string; state: unknown }> = [];
      const unreadable: string[] = [];
      for (const storageKey of keys(store)) {
        try {
          const text = store.getItem(storageKey);
          if (text !== null) entries.push({ storageKey, state: JSON.parse(text) as unknown });
        } catch {
          unreadable.push(storageKey);
        }
      }
      remove(unreadable);
      return entries;
    },
    remove,
    clear() {
      const store = storage();
      if (store) remove(keys(store));
    },
  };
}
