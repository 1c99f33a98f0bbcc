import { expect } from '@open-wc/testing';
import { createDurableStore } from './index.js';

type Facts = { facts: string[] };
const merge = (a: Facts, b: Facts): Facts => ({ facts: [...new Set([...a.facts, ...b.facts])].sort() });
const migrate = (raw: unknown): Facts => (raw && Array.isArray((raw as Facts).facts) ? (raw as Facts) : { facts: [] });

/** Open the database the store uses and hold a readwrite transaction on it until released. */
async function holdWrites(dbName: string): Promise<() => void> {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = db.transaction('state', 'readwrite').objectStore('state');
  let held = true;
  // Keep the transaction alive with a chain of requests: the store's own write queues behind it.
  const spin = () => {
    if (!held) return;
    store.get('spin').onsuccess = spin;
  };
  spin();
  return () => {
    held = false;
    db.close();
  };
}

describe('a write in flight when the page goes away', () => {
  it('is kept by the unload journal, not only what IndexedDB already confirmed', async () => {
    const dbName = `wm-inflight-${Math.random().toString(36).slice(2)}`;
    const store = createDurableStore<Facts>({ key: 'user:u', dbName, merge, migrate, debounceMs: 0 });
    await store.load();
    store.write({ facts: ['confirmed'] });
    await store.flush();

    const release = await holdWrites(dbName);
    try {
      store.write({ facts: ['in-flight'] });
      await new Promise((r) => setTimeout(r, 50)); // the debounce fired: the write now waits on IndexedDB
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      const journal = Object.keys(localStorage).filter((k) => k.startsWith(`waymark:${dbName}:unload:user:u:`));
      expect(journal.length, 'a journal entry was written').to.equal(1);
      expect(localStorage.getItem(journal[0]!)).to.contain('in-flight');
    } finally {
      release();
      await store.dispose();
      for (const k of Object.keys(localStorage)) if (k.startsWith(`waymark:${dbName}:`)) localStorage.removeItem(k);
    }
  });
});
