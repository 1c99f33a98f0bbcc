import { promisifyRequest, set, type UseStore } from 'idb-keyval';
import { createBackoff } from './backoff.js';
import { DEFAULT_DB_NAME, OUTBOX_STORE, failureCode, onceReporter, openDatabase, randomId, type Database } from './database.js';
import type { Outbox, OutboxEntry, OutboxOptions, StoreWarningCode } from './types.js';

/** Without Web Locks, a tab claims a message for this long before delivering it; a crashed tab's claim expires. */
const LEASE_MS = 60_000;

interface OutboxRecord<M> {
  id: string;
  message: M;
  attempts: number;
  /** Set while a tab without Web Locks is delivering it. */
  lease?: { owner: string; until: number };
}

/** Records of every queue live in one object store, keyed `[queue name, id]`; ids sort by enqueue time. */
type RecordKey = [string, string];

/**
 * A durable queue for things that must arrive exactly once (survey answers, messages, analytics batches).
 *
 * A message is written to IndexedDB before any delivery attempt and deleted only after `deliver` resolved.
 * Delivery passes run under a Web Lock per queue, so across tabs (and instances) only one delivers at a time
 * and a message is never handed out twice; without Web Locks each message is claimed by a lease in its own
 * transaction. Failures retry with backoff and on `online`. The id given to `deliver` never changes, so a
 * receiver can drop the duplicate left by a crash between delivery and deletion.
 */
export function createOutbox<M>(options: OutboxOptions<M>): Outbox<M> {
  const win = options.window ?? (globalThis as unknown as Window);
  const { name } = options;
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  const warn = onceReporter(options.onWarning);
  const owner = randomId(win);
  const lockName = `waymark:${dbName}:outbox:${name}`;

  const factory: IDBFactory | undefined = options.durable === false ? undefined : (win.indexedDB ?? undefined);
  const database: Database | undefined = factory ? openDatabase(factory, dbName, win) : undefined;
  const records: UseStore | undefined = database?.use(OUTBOX_STORE);
  let durable = records !== undefined;
  /** Messages kept for this page only, once IndexedDB failed. */
  const memory = new Map<string, OutboxRecord<M>>();
  let sequence = 0;
  let disposed = false;

  const retry = createBackoff({ window: win, ...options.retry, run: () => void flush() });

  function fallBackToMemory(code: StoreWarningCode, cause: unknown): void {
    if (durable) {
      durable = false;
      database?.close();
    }
    warn({ code, message: `Outbox "${name}": IndexedDB failed; undelivered messages are kept in memory for this page`, cause });
  }

  function newId(): string {
    // Time first so ids sort oldest first; the sequence orders ids minted in one millisecond; the random part makes them unique across tabs.
    const time = Date.now().toString(36).padStart(9, '0');
    const seq = (sequence++ % 36 ** 4).toString(36).padStart(4, '0');
    return `${time}-${seq}-${randomId(win, 8)}`;
  }

  const recordKey = (id: string): RecordKey => [name, id];

  async function listDurable(): Promise<Array<OutboxRecord<M>>> {
    if (!records || !durable) return [];
    try {
      // Array keys sort after strings, so `[name, []]` is above every `[name, id]`.
      const range = (win as Window & typeof globalThis).IDBKeyRange.bound([name], [name, []]);
      const found = await records('readonly', (store) => promisifyRequest(store.getAll(range)));
      return (found as Array<OutboxRecord<M> | undefined>).filter((r): r is OutboxRecord<M> => r !== undefined);
    } catch (error) {
      fallBackToMemory(failureCode(error, 'idb-read-failed'), error);
      return [];
    }
  }

  async function listAll(): Promise<Array<OutboxRecord<M>>> {
    const all = [...(await listDurable()), ...memory.values()];
    return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Read-modify-write one record in one transaction. `change` returns the new record, `null` to delete it,
   * or `undefined` to leave it; resolves with what `change` returned.
   */
  function modify(
    id: string,
    change: (current: OutboxRecord<M> | undefined) => OutboxRecord<M> | null | undefined,
  ): Promise<OutboxRecord<M> | null | undefined> {
    if (!records) return Promise.resolve(undefined);
    return records('readwrite', (store) => {
      const key = recordKey(id);
      return promisifyRequest(store.get(key)).then((current: OutboxRecord<M> | undefined) => {
        const next = change(current);
        if (next === null) store.delete(key);
        else if (next !== undefined) store.put(next, key);
        return promisifyRequest(store.transaction).then(() => next);
      });
    });
  }

  /**
   * Take the message for delivery. Under the Web Lock it is already ours: the list was read inside the lock and
   * only a lock holder deletes. Without Web Locks, claim a lease in one transaction.
   */
  async function claim(record: OutboxRecord<M>, locked: boolean): Promise<boolean> {
    if (locked || memory.has(record.id)) return true;
    const now = Date.now();
    const claimed = await modify(record.id, (current) => {
      if (!current) return undefined; // delivered by someone else meanwhile
      if (current.lease && current.lease.owner !== owner && current.lease.until > now) return undefined;
      return { ...current, lease: { owner, until: now + LEASE_MS } };
    });
    return claimed !== undefined && claimed !== null;
  }

  async function settle(record: OutboxRecord<M>, delivered: boolean): Promise<void> {
    const inMemory = memory.get(record.id);
    if (inMemory) {
      if (delivered) memory.delete(record.id);
      else inMemory.attempts++;
      return;
    }
    await modify(record.id, (current) => {
      if (!current) return undefined;
      if (delivered) return null;
      const { lease: _released, ...rest } = current;
      return { ...rest, attempts: current.attempts + 1 };
    });
  }

  /** One delivery pass, oldest first; stops at the first failure (usually the network is down for all). */
  async function deliverAll(locked: boolean): Promise<boolean> {
    for (const record of await listAll()) {
      if (disposed) return true;
      try {
        if (!(await claim(record, locked))) continue;
      } catch (error) {
        fallBackToMemory(failureCode(error, 'idb-read-failed'), error);
        return false;
      }
      let delivered = true;
      try {
        await options.deliver(record.message, record.id);
      } catch {
        delivered = false;
      }
      try {
        await settle(record, delivered);
      } catch (error) {
        // Delivered but maybe not deleted: from now on this page reads memory only, so it does not send the
        // stored copy again (another page might, with the same id, for the receiver to drop).
        fallBackToMemory(failureCode(error, 'idb-write-failed'), error);
        if (!delivered) memory.set(record.id, { ...record, attempts: record.attempts + 1 });
      }
      if (!delivered) return false;
    }
    return true;
  }

  async function pass(): Promise<void> {
    if (disposed) return;
    let ok: boolean;
    try {
      const locks = durable ? win.navigator?.locks : undefined;
      ok = locks ? await locks.request(lockName, () => deliverAll(true)) : await deliverAll(false);
    } catch {
      ok = false;
    }
    if (ok) retry.succeeded();
    else retry.failed();
  }

  // Passes run one after another; a flush asked for while one is waiting to start joins that one.
  let tail: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  function flush(): Promise<void> {
    if (waiting) return waiting;
    const next = tail.then(() => {
      waiting = undefined;
      return pass();
    });
    waiting = next;
    tail = next;
    return next;
  }

  // Messages left by an earlier page (or a closed tab) go out now.
  void flush();

  return {
    async enqueue(message) {
      const record: OutboxRecord<M> = { id: newId(), message, attempts: 0 };
      if (records && durable) {
        try {
          await set(recordKey(record.id), record, records);
        } catch (error) {
          fallBackToMemory(failureCode(error, 'idb-write-failed'), error);
          memory.set(record.id, record);
        }
      } else {
        if (!database && options.durable !== false) warn({ code: 'idb-unavailable', message: `Outbox "${name}": IndexedDB is not available; messages are kept in memory for this page` });
        memory.set(record.id, record);
      }
      if (!disposed) void flush();
      return record.id;
    },

    async pending() {
      return (await listAll()).map(({ id, message, attempts }): OutboxEntry<M> => ({ id, message, attempts }));
    },

    flush,

    dispose() {
      if (disposed) return;
      disposed = true;
      retry.dispose();
      // Close once the pass in progress has settled its message.
      void tail.then(() => database?.close());
    },
  };
}
