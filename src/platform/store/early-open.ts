/**
 * An open of Waymark's database begun before the runtime loads (runtime/early-start.ts), which the store takes over
 * (database.ts). Free of imports: it rides in the script-tag entry, and a value imported from the store would pull the
 * whole runtime chunk in ahead of it. So the name and schema are copies of database.ts's (database.test.ts holds them
 * equal).
 */

export const DEFAULT_DB_NAME = 'waymark';
export const DB_SCHEMA_VERSION = 1;
export const DB_OBJECT_STORES = ['state', 'outbox'];

/** Create every object store Waymark uses that the database lacks (run on `upgradeneeded`). */
export function createObjectStores(db: IDBDatabase): void {
  for (const name of DB_OBJECT_STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
}

/**
 * An open request begun early; `blocked`: its `blocked` event fired before the store listened; `superseded`: another
 * tab upgraded or deleted the database before the store took the connection over, so it was closed to let it;
 * `created`: it is creating the database (nothing can be stored in it yet).
 */
export interface EarlyOpen {
  request: IDBOpenDBRequest;
  blocked?: boolean;
  superseded?: boolean;
  created?: boolean;
}

/**
 * Begin opening `dbName` as the store would. Once `givenUp()` (nothing will take it over), the open closes its
 * connection as it opens, or, when it was creating the database, aborts the creation, so nothing is left behind.
 */
export function beginOpen(factory: IDBFactory, dbName: string, givenUp: () => boolean): EarlyOpen {
  const request = factory.open(dbName, DB_SCHEMA_VERSION);
  const early: EarlyOpen = { request };
  request.onupgradeneeded = (event) => {
    if (givenUp()) return request.transaction?.abort();
    early.created = event.oldVersion === 0;
    createObjectStores(request.result);
  };
  request.onblocked = () => (early.blocked = true);
  request.onsuccess = () => {
    const db = request.result;
    if (givenUp()) return db.close();
    // Until the store takes it over (and listens itself), never hold up another tab's upgrade or delete.
    db.onversionchange = () => {
      db.close();
      early.superseded = true;
    };
  };
  // The store reads `request.error` when it takes over; nothing to report before that.
  request.onerror = (event) => event.preventDefault();
  return early;
}
