import { expect } from '@open-wc/testing';
import { createDurableStore } from './durable-store.js';
import type { DurableStore, DurableStoreOptions, StoreWarning } from './types.js';
import {
  deferred,
  fakeWindow,
  mergeFacts,
  migrateFacts,
  nextBroadcast,
  openTab,
  uniqueDbName,
  type Facts,
  type Tab,
} from './test-support.js';

const KEY = 'user:42';

describe('durable store', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A store of facts on `dbName`, disposed after the test. */
  function open(dbName: string, extra: Partial<DurableStoreOptions<Facts>> = {}): DurableStore<Facts> {
    const store = createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts, ...extra });
    cleanups.push(() => store.dispose());
    return store;
  }

  async function openInTab(tab: Tab, dbName: string, extra: Partial<DurableStoreOptions<Facts>> = {}): Promise<DurableStore<Facts>> {
    const store = tab.store.createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts, ...extra });
    cleanups.push(() => store.dispose());
    return store;
  }

  function tab(): Promise<Tab> {
    return openTab().then((t) => {
      cleanups.push(() => t.close());
      return t;
    });
  }

  describe('persistence', () => {
    it('keeps progress for the next store instance (write, flush, dispose, reopen)', async () => {
      const dbName = uniqueDbName();
      const first = open(dbName);
      expect(await first.load()).to.equal(undefined);
      first.write({ facts: ['tour:welcome:step-2'] });
      await first.flush();
      await first.dispose();

      const second = open(dbName);
      expect(await second.load()).to.deep.equal({ facts: ['tour:welcome:step-2'] });
      expect(second.mode).to.equal('indexeddb');
    });

    it("answers a new database's load at once (no read, no wait for its creation to commit), and reads an existing one", async () => {
      const dbName = uniqueDbName();
      const realOpen = IDBFactory.prototype.open;
      const realGet = IDBObjectStore.prototype.get;
      let created = false;
      let gets = 0;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = realOpen.apply(this, args);
        request.addEventListener('success', () => (created = true));
        return request;
      };
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
        gets++;
        return realGet.apply(this, args);
      };
      cleanups.push(() => {
        IDBFactory.prototype.open = realOpen;
        IDBObjectStore.prototype.get = realGet;
      });
      const first = open(dbName);
      expect(await first.load()).to.equal(undefined);
      expect(created, 'loaded before the creation committed').to.equal(false);
      expect(gets, 'nothing read from a database being created').to.equal(0);
      first.write({ facts: ['tour:welcome:step-1'] });
      await first.flush();
      expect(first.mode).to.equal('indexeddb');
      await first.dispose();

      gets = 0; // the write's read-modify-write reads too
      const second = open(dbName);
      expect(await second.load()).to.deep.equal({ facts: ['tour:welcome:step-1'] });
      expect(gets, 'an existing database is read').to.equal(1);
    });

    it('survives a real page reload: a frame writes, is removed, and the next frame reads it', async () => {
      const dbName = uniqueDbName();
      const before = await tab();
      const writer = await openInTab(before, dbName);
      await writer.load();
      writer.write({ facts: ['checklist:setup:invite'] });
      await writer.flush();
      before.close(); // no dispose: the page is simply gone

      const after = await tab();
      const reader = await openInTab(after, dbName);
      expect(await reader.load()).to.deep.equal({ facts: ['checklist:setup:invite'] });
    });

    it('keeps a write made just before a reload (pagehide journals it synchronously); the next load does not wait to store it', async () => {
      const dbName = uniqueDbName();
      const page = await tab();
      // A debounce far longer than the test: only the pagehide path can save this write.
      const writer = page.store.createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts, debounceMs: 600_000 });
      await writer.load();
      writer.write({ facts: ['survey:nps:answered'] });
      await page.reload();

      const realm = page.frame.contentWindow as Window & typeof globalThis;
      const realPut = realm.IDBObjectStore.prototype.put;
      let stored = false;
      realm.IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const request = realPut.apply(this, args);
        request.addEventListener('success', () => (stored = true));
        return request;
      };
      const reader = await openInTab(page, dbName);
      expect(await reader.load()).to.deep.equal({ facts: ['survey:nps:answered'] });
      expect(stored, 'answered before the journal is written to IndexedDB').to.equal(false);
      await reader.flush();
      expect(stored).to.equal(true);
      expect(Object.keys(localStorage).filter((k) => k.includes(dbName)), 'journal folded into IndexedDB and removed').to.deep.equal([]);
      expect(await open(dbName).load(), 'now in IndexedDB').to.deep.equal({ facts: ['survey:nps:answered'] });
    });

    it('keeps memory-only progress across a reload when IndexedDB failed', async () => {
      const dbName = uniqueDbName();
      const page = await tab();
      const realm = page.frame.contentWindow as Window & typeof globalThis;
      realm.IDBFactory.prototype.open = () => {
        throw new DOMException('denied for the test', 'SecurityError');
      };
      const writer = page.store.createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts });
      await writer.load();
      writer.write({ facts: ['in-memory'] });
      await writer.flush();
      expect(writer.mode).to.equal('memory');
      await page.reload(); // the new page has a working IndexedDB again

      const reader = await openInTab(page, dbName);
      expect(await reader.load()).to.deep.equal({ facts: ['in-memory'] });
      expect(reader.mode).to.equal('indexeddb');
    });

    it('migrates an old record on load and merges new writes into it', async () => {
      const dbName = uniqueDbName();
      const raw = createDurableStore<unknown>({ key: KEY, dbName, migrate: (r) => r, merge: (_, b) => b });
      raw.write({ v: 0, list: ['old-b', 'old-a'] });
      await raw.dispose();

      const store = open(dbName);
      expect(await store.load()).to.deep.equal({ facts: ['old-a', 'old-b'] });
      store.write({ facts: ['new'] });
      await store.dispose();
      expect(await open(dbName).load()).to.deep.equal({ facts: ['new', 'old-a', 'old-b'] });
    });

    it('reports a corrupt record once and replaces it on the next write', async () => {
      const dbName = uniqueDbName();
      const raw = createDurableStore<unknown>({ key: KEY, dbName, migrate: (r) => r, merge: (_, b) => b });
      raw.write('garbage');
      await raw.dispose();

      const warnings: StoreWarning[] = [];
      const store = open(dbName, { onWarning: (w) => warnings.push(w) });
      expect(await store.load()).to.equal(undefined);
      store.write({ facts: ['fresh'] });
      await store.flush();
      expect(warnings.map((w) => w.code)).to.deep.equal(['corrupt-record']);
      expect(store.mode).to.equal('indexeddb');
      expect(await open(dbName).load()).to.deep.equal({ facts: ['fresh'] });
    });

    it('opens a database a newer schema version already upgraded', async () => {
      const dbName = uniqueDbName();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName, 7);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('state');
          request.result.createObjectStore('outbox');
          request.result.createObjectStore('added-later');
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const warnings: StoreWarning[] = [];
      const store = open(dbName, { onWarning: (w) => warnings.push(w) });
      store.write({ facts: ['a'] });
      await store.flush();
      expect(warnings).to.deep.equal([]);
      expect(store.mode).to.equal('indexeddb');
      expect(await open(dbName).load()).to.deep.equal({ facts: ['a'] });
    });
  });

  describe('across tabs', () => {
    it("delivers one tab's write to the other tab's subscriber, never to its own", async () => {
      const dbName = uniqueDbName();
      const here = open(dbName);
      const other = await openInTab(await tab(), dbName);
      const observer = open(dbName); // a third instance: proves the writer's message is out before we check
      await Promise.all([here.load(), other.load(), observer.load()]);
      const ownNotifications: Facts[] = [];
      here.subscribe((state) => ownNotifications.push(state));
      const inOtherTab = deferred<Facts>();
      other.subscribe((state) => inOtherTab.resolve(state));
      const inObserver = deferred<Facts>();
      observer.subscribe((state) => inObserver.resolve(state));

      here.write({ facts: ['hint:export:seen'] });
      await here.flush();
      expect(await inOtherTab.promise).to.deep.equal({ facts: ['hint:export:seen'] });
      expect(await inObserver.promise).to.deep.equal({ facts: ['hint:export:seen'] });
      expect(ownNotifications).to.deep.equal([]);
    });

    it('never loses an update when two tabs write different facts at the same moment', async () => {
      const dbName = uniqueDbName();
      const left = open(dbName);
      const right = await openInTab(await tab(), dbName);
      const expected: string[] = [];
      for (let round = 0; round < 15; round++) {
        left.write({ facts: [`left-${round}`] });
        right.write({ facts: [`right-${round}`] });
        expected.push(`left-${round}`, `right-${round}`);
        // Both read-modify-write transactions are in flight together; a plain put would drop one side.
        await Promise.all([left.flush(), right.flush()]);
      }
      expect(await open(dbName).load()).to.deep.equal({ facts: expected.sort() });
    });

    it("tells other tabs when the record is cleared, and a cleared record loads as new", async () => {
      const dbName = uniqueDbName();
      const here = open(dbName);
      const other = await openInTab(await tab(), dbName);
      here.write({ facts: ['done'] });
      await here.flush();
      const cleared = deferred();
      other.subscribe(() => undefined, () => cleared.resolve());
      await here.clear();
      await cleared.promise;
      expect(await open(dbName).load()).to.equal(undefined);
    });

    it('keeps tabs in sync through the channel even when both run in memory', async () => {
      const dbName = uniqueDbName();
      const a = open(dbName, { window: fakeWindow({ indexedDB: undefined }).window });
      const b = open(dbName, { window: fakeWindow({ indexedDB: undefined }).window });
      const received = deferred<Facts>();
      b.subscribe((state) => received.resolve(state));
      a.write({ facts: ['memory-fact'] });
      await a.flush();
      expect(await received.promise).to.deep.equal({ facts: ['memory-fact'] });
      expect(a.mode).to.equal('memory');
    });
  });

  describe('write timing', () => {
    it('coalesces writes within the debounce window into one IndexedDB put', async () => {
      const dbName = uniqueDbName();
      const fake = fakeWindow();
      const store = open(dbName, { window: fake.window, debounceMs: 150 });
      await store.load();
      const originalPut = IDBObjectStore.prototype.put;
      let puts = 0;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        puts++;
        return originalPut.apply(this, args);
      };
      cleanups.push(() => (IDBObjectStore.prototype.put = originalPut));

      const written = nextBroadcast(dbName);
      // The open's own timeout may still be pending (a new database's read does not wait for its creation).
      const before = fake.clock.pending();
      for (const fact of ['a', 'b', 'c', 'd', 'e']) store.write({ facts: [fact] });
      fake.clock.advance(149);
      expect(fake.clock.pending(), 'the debounce timer is still waiting').to.equal(before + 1);
      fake.clock.advance(1);
      expect(await written).to.deep.include({ kind: 'written', state: { facts: ['a', 'b', 'c', 'd', 'e'] } });
      await store.flush();
      expect(puts).to.equal(1);
    });

    it('flushes on pagehide without waiting for the debounce', async () => {
      const dbName = uniqueDbName();
      const fake = fakeWindow();
      const store = open(dbName, { window: fake.window });
      const written = nextBroadcast(dbName);
      store.write({ facts: ['leaving'] });
      fake.events.dispatchEvent(new Event('pagehide'));
      expect(fake.clock.pending(), 'the debounce was replaced by the flush').to.equal(0);
      await written;
      expect(await open(dbName).load()).to.deep.equal({ facts: ['leaving'] });
    });

    it('flushes when the page becomes hidden, not when it becomes visible', async () => {
      const dbName = uniqueDbName();
      const fake = fakeWindow();
      const store = open(dbName, { window: fake.window });
      store.write({ facts: ['backgrounded'] });
      fake.documentEvents.dispatchEvent(new Event('visibilitychange'));
      expect(fake.clock.pending(), 'visible: the debounce still waits').to.equal(1);

      const written = nextBroadcast(dbName);
      fake.setVisibility('hidden');
      fake.documentEvents.dispatchEvent(new Event('visibilitychange'));
      expect(fake.clock.pending()).to.equal(0);
      await written;
      expect(await open(dbName).load()).to.deep.equal({ facts: ['backgrounded'] });
    });

    it('dispose flushes the last write and releases every listener, timer and connection', async () => {
      const dbName = uniqueDbName();
      const fake = fakeWindow();
      const store = createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts, window: fake.window });
      expect(fake.listeners().sort()).to.deep.equal(['pagehide', 'visibilitychange']);
      store.write({ facts: ['last'] });
      await store.dispose();
      expect(fake.listeners()).to.deep.equal([]);
      expect(fake.clock.pending()).to.equal(0);
      store.write({ facts: ['after-dispose'] }); // ignored, and no throw
      expect(await open(dbName).load()).to.deep.equal({ facts: ['last'] });
    });
  });

  describe('when IndexedDB fails', () => {
    it('works in memory when opening throws, with one warning and no data lost', async () => {
      const originalOpen = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function () {
        throw new DOMException('denied for the test', 'SecurityError');
      };
      cleanups.push(() => (IDBFactory.prototype.open = originalOpen));
      const warnings: StoreWarning[] = [];
      const store = open(uniqueDbName(), { onWarning: (w) => warnings.push(w) });

      expect(await store.load()).to.equal(undefined);
      expect(store.mode).to.equal('memory');
      store.write({ facts: ['a'] });
      await store.flush();
      store.write({ facts: ['b'] });
      await store.flush();
      expect(await store.load()).to.deep.equal({ facts: ['a', 'b'] });
      expect(warnings.map((w) => w.code)).to.deep.equal(['idb-unavailable']);
      expect(warnings[0].cause).to.be.instanceOf(Error);
    });

    it('switches to memory when a write hits QuotaExceededError, keeping what it had', async () => {
      const dbName = uniqueDbName();
      const warnings: StoreWarning[] = [];
      const store = open(dbName, { onWarning: (w) => warnings.push(w) });
      store.write({ facts: ['stored'] });
      await store.flush();
      expect(store.mode).to.equal('indexeddb');

      const originalPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('storage full', 'QuotaExceededError');
      };
      cleanups.push(() => (IDBObjectStore.prototype.put = originalPut));
      store.write({ facts: ['only-in-memory'] });
      await store.flush();
      store.write({ facts: ['also-in-memory'] });
      await store.flush();

      expect(store.mode).to.equal('memory');
      expect(warnings.map((w) => w.code)).to.deep.equal(['idb-write-failed']);
      expect((warnings[0].cause as DOMException).name).to.equal('QuotaExceededError');
      expect(await store.load()).to.deep.equal({ facts: ['also-in-memory', 'only-in-memory', 'stored'] });
    });

    it('works in memory when the browser has no IndexedDB at all', async () => {
      const warnings: StoreWarning[] = [];
      const store = open(uniqueDbName(), { window: fakeWindow({ indexedDB: undefined }).window, onWarning: (w) => warnings.push(w) });
      expect(store.mode).to.equal('memory');
      expect(await store.load()).to.equal(undefined);
      store.write({ facts: ['x'] });
      await store.flush();
      expect(await store.load()).to.deep.equal({ facts: ['x'] });
      expect(warnings.map((w) => w.code)).to.deep.equal(['idb-unavailable']);
    });
  });
});
