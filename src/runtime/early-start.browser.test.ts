/**
 * The instance's first I/O begins before the runtime is in (early-start.ts): `createWaymark()` and the script tag
 * start the config request and the IndexedDB open at once, and the runtime takes them over, once, only when they were
 * made for its own options; whatever it does not take is aborted or closed, and nothing it does is visible to the app
 * except that it is sooner.
 */
import { expect } from '@open-wc/testing';
import { uniqueDb, until } from '../../tests/browser/helpers.js';
import { createWaymark as createRuntime } from './create.js';
import { startEarly } from './early-start.js';
import type { WaymarkError } from './errors.js';
import { createWaymark } from './facade.js';
import { loadConfig } from './config-loading.js';
import { startEarlyForScript } from './script-tag.js';
import { createDurableStore } from '../platform/store/durable-store.js';
import type { StoreWarning } from '../platform/store/types.js';

const commented = new URL('../cli/fixtures/commented.json', import.meta.url).href;
const good = new URL('../cli/fixtures/good.json', import.meta.url).href;
const missing = new URL('../cli/fixtures/no-such-config.json', import.meta.url).href;
const databases = async () => (await indexedDB.databases()).map((db) => db.name);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readRecord = (dbName: string, key: string) =>
  new Promise<unknown>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => {
      const read = request.result.transaction('state').objectStore('state').get(key);
      read.onsuccess = () => {
        request.result.close();
        resolve(read.result);
      };
    };
    request.onerror = () => reject(request.error);
  });

/** Every `fetch` and `indexedDB.open` the page makes, in order, with the request's abort signal. */
function spyIo() {
  const fetches: Array<{ url: string; signal?: AbortSignal | null }> = [];
  const opens: string[] = [];
  const realFetch = window.fetch;
  const realOpen = IDBFactory.prototype.open;
  window.fetch = (input, init) => {
    fetches.push({ url: String(input), signal: init?.signal });
    return realFetch.call(window, input, init);
  };
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    opens.push(args[0]);
    return realOpen.apply(this, args);
  };
  return {
    fetches,
    opens,
    restore() {
      window.fetch = realFetch;
      IDBFactory.prototype.open = realOpen;
    },
  };
}

describe('the first I/O begins before the runtime is in', () => {
  let io: ReturnType<typeof spyIo>;
  beforeEach(() => (io = spyIo()));
  afterEach(() => io.restore());

  it('createWaymark() requests the config and opens IndexedDB at once; the runtime takes both over, progress survives a reload', async () => {
    const dbName = uniqueDb('wm-early');
    const wm = createWaymark({ configUrl: commented, user: { id: 'u-early' }, storage: { dbName } });
    // Synchronously: the runtime chunk cannot be in yet.
    expect(io.fetches.map((each) => each.url)).to.deep.equal([commented]);
    expect(io.opens).to.deep.equal([dbName]);
    const errors: WaymarkError[] = [];
    wm.on('error', (error) => errors.push(error));
    await wm.ready;
    expect(wm.why('welcome')).to.not.equal(null);
    wm.setStage('setup');
    wm.destroy();
    // Taken over, not repeated: one request, and the store's connection is the early one.
    expect(io.fetches).to.have.length(1);
    expect(io.opens).to.deep.equal([dbName]);
    await settle(300);

    // Written through the connection the early open made; a reload reads it through the next early open.
    expect(JSON.stringify(((await readRecord(dbName, 'user:u-early')) as { stage?: unknown } | undefined)?.stage)).to.contain('"setup"');
    const opensBefore = io.opens.length;
    const again = createWaymark({ configUrl: commented, user: { id: 'u-early' }, storage: { dbName } });
    expect(io.opens.slice(opensBefore)).to.deep.equal([dbName]);
    again.on('error', (error) => errors.push(error));
    await again.ready;
    again.destroy();
    expect(errors).to.deep.equal([]);
  });

  it('destroy() before load aborts the request and leaves no database behind; nothing is reported', async () => {
    const dbName = uniqueDb('wm-early-gone');
    const wm = createWaymark({ configUrl: commented, user: { id: 'u-early-gone' }, storage: { dbName } });
    const errors: WaymarkError[] = [];
    wm.on('error', (error) => errors.push(error));
    wm.destroy();
    await wm.ready;
    expect(io.fetches[0]!.signal?.aborted).to.equal(true);
    await settle(300);
    expect(await databases()).to.not.include(dbName);
    expect(io.fetches).to.have.length(1);
    expect(errors).to.deep.equal([]);
  });

  it('an instance with other options uses none of it: the other request is aborted, the other database never created', async () => {
    const early = startEarly(window, { configUrl: commented, storage: { dbName: uniqueDb('wm-early-other') } });
    const [prefetched] = io.fetches;
    const [otherDb] = io.opens;
    const dbName = uniqueDb('wm-early-own');
    const wm = createRuntime({ configUrl: good, user: { id: 'u-early-own' }, storage: { dbName } }, early);
    await wm.ready;
    expect(prefetched!.signal?.aborted).to.equal(true);
    expect(io.fetches.map((each) => each.url)).to.deep.equal([commented, good]);
    expect(io.opens).to.deep.equal([otherDb, dbName]);
    await settle(200);
    expect(await databases()).to.not.include(otherDb);
    expect(await databases()).to.include(dbName);
    wm.destroy();
  });

  it('is handed over once, each part only to an instance that wants the same: a second hand-over gets nothing', async () => {
    const dbName = uniqueDb('wm-early-once');
    const other = startEarly(window, { configUrl: commented, storage: { dbName: uniqueDb('wm-early-never') } });
    expect(other({ configUrl: good, dbName: 'another' })).to.deep.equal({});
    expect(io.fetches[0]!.signal?.aborted).to.equal(true);
    const early = startEarly(window, { configUrl: commented, storage: { dbName } });
    const taken = early({ configUrl: commented, dbName });
    expect(taken.fetched?.abort.signal.aborted).to.equal(false);
    expect(taken.opened?.request).to.be.instanceOf(IDBOpenDBRequest);
    expect(early({ configUrl: commented, dbName })).to.deep.equal({});
    // Taken: neither aborted nor closed by the second call.
    expect(taken.fetched?.abort.signal.aborted).to.equal(false);
    expect((await taken.fetched!.response).ok).to.equal(true);
    taken.opened!.request.onsuccess = () => taken.opened!.request.result.close();
  });

  it('memory storage or a config given in code: nothing is opened or fetched', () => {
    startEarly(window, { configUrl: commented, config: { version: '1', experiences: [] }, storage: { kind: 'memory' } })(null);
    expect(io.fetches).to.deep.equal([]);
    expect(io.opens).to.deep.equal([]);
  });

  it('config failures are reported exactly as without it (HTTP error, unreachable)', async () => {
    const unreachable = 'http://127.0.0.1:9/waymark.json';
    for (const url of [missing, unreachable]) {
      const plain: WaymarkError[] = [];
      await loadConfig({ window, configUrl: url, report: (error) => plain.push(error) });
      const early: WaymarkError[] = [];
      const started = startEarly(window, { configUrl: url, storage: { kind: 'memory' } });
      await loadConfig({ window, configUrl: url, early: started({ configUrl: url }).fetched, report: (error) => early.push(error) });
      expect(early.map(({ code, message, where }) => ({ code, message, where }))).to.deep.equal(plain.map(({ code, message, where }) => ({ code, message, where })));
      expect(plain).to.have.length(1);
    }
  });
});

/** An instance taking `early` over sets a stage; the record is in the database afterwards, and nothing was reported. */
async function expectStageKept(dbName: string, userId: string, early: ReturnType<typeof startEarly>): Promise<void> {
  const errors: WaymarkError[] = [];
  const wm = createRuntime({ config: { version: '1', stages: [{ id: 'a' }], experiences: [] }, user: { id: userId }, storage: { dbName } }, early);
  wm.on('error', (error) => errors.push(error));
  await wm.ready;
  wm.setStage('a');
  wm.destroy();
  await settle(300);
  const record = await readRecord(dbName, `user:${userId}`);
  expect(JSON.stringify((record as { stage?: unknown } | undefined)?.stage)).to.contain('"a"');
  expect(errors).to.deep.equal([]);
}

describe('an early open the store takes over, whatever it came to', () => {
  const openAt = (dbName: string, version: number, stores: string[]) =>
    new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, version);
      request.onupgradeneeded = () => stores.forEach((name) => request.result.createObjectStore(name));
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });

  it('a database a newer Waymark upgraded (the early open fails with VersionError): opened at its version, progress kept', async () => {
    const dbName = uniqueDb('wm-early-newer');
    await openAt(dbName, 5, ['state', 'outbox']);
    const early = startEarly(window, { storage: { dbName } });
    await settle(100);
    // The record is in the newer database, where the next page finds it.
    await expectStageKept(dbName, 'u-newer', early);
  });

  it('another tab upgrades the database before the runtime takes the early connection over: not blocked, and the store opens anew', async () => {
    const dbName = uniqueDb('wm-early-superseded');
    const early = startEarly(window, { storage: { dbName } });
    await settle(150);
    // A newer Waymark in another tab (here: this page) upgrades while the runtime chunk is still on its way.
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, 7);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
      setTimeout(() => reject(new Error('the upgrade waited on the early connection')), 2000);
    });
    expect(blocked, 'the early connection let the upgrade through').to.equal(false);
    await expectStageKept(dbName, 'u-superseded', early);
  });

  it('taken over while its upgrade is still creating the database: loads as new without reading it, then writes', async () => {
    const dbName = uniqueDb('wm-early-upgrading');
    const realOpen = IDBFactory.prototype.open;
    const realGet = IDBObjectStore.prototype.get;
    let gets = 0;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      gets++;
      return realGet.apply(this, args);
    };
    let request: IDBOpenDBRequest | undefined;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      request = realOpen.apply(this, args);
      return request;
    };
    const early = startEarly(window, { storage: { dbName } });
    IDBFactory.prototype.open = realOpen;
    const warnings: StoreWarning[] = [];
    const store = await new Promise<ReturnType<typeof createDurableStore<{ n: number }>>>((resolve) =>
      // During the upgrade the request is already `done`, with its result, but the database is not usable yet.
      request!.addEventListener('upgradeneeded', () => {
        expect(request!.readyState).to.equal('done');
        const taken = createDurableStore<{ n: number }>({
          key: 'k',
          dbName,
          opening: early({ dbName }).opened,
          migrate: (raw) => raw as { n: number },
          merge: (a, b) => ({ n: Math.max(a.n, b.n) }),
          onWarning: (warning) => warnings.push(warning),
          window,
        });
        resolve(taken);
      }),
    );
    expect(await store.load()).to.equal(undefined);
    IDBObjectStore.prototype.get = realGet;
    expect(gets, 'the early open was creating it: nothing to read').to.equal(0);
    store.write({ n: 1 });
    await store.flush();
    store.write({ n: 2 });
    await store.flush();
    expect(store.mode).to.equal('indexeddb');
    expect(warnings).to.deep.equal([]);
    await store.dispose();
    expect(await readRecord(dbName, 'k')).to.deep.equal({ n: 2 });
  });

  it("a database without Waymark's stores: memory, with one warning, as without it", async () => {
    const dbName = uniqueDb('wm-early-foreign');
    await openAt(dbName, 5, ['something-else']);
    const early = startEarly(window, { storage: { dbName } });
    const errors: WaymarkError[] = [];
    const wm = createRuntime({ config: { version: '1', experiences: [] }, user: { id: 'u-foreign' }, storage: { dbName } }, early);
    wm.on('error', (error) => errors.push(error));
    await wm.ready;
    await until(() => errors.length > 0, 'the warning');
    expect(errors.map((error) => [error.code, error.severity])).to.deep.equal([['storage-idb-unavailable', 'warning']]);
    wm.destroy();
  });
});

describe('script tag: the first I/O for the instance the page creates', () => {
  let io: ReturnType<typeof spyIo>;
  let stub: unknown;
  beforeEach(() => {
    io = spyIo();
    stub = (window as unknown as { waymark?: unknown }).waymark;
  });
  afterEach(() => {
    io.restore();
    (window as unknown as { waymark?: unknown }).waymark = stub;
  });

  it("a queued init's options win over the tag's, and no getter of them runs", () => {
    const dbName = uniqueDb('wm-early-init');
    let reads = 0;
    const init = {
      configUrl: good,
      storage: { dbName },
      get locale() {
        reads++;
        return 'en';
      },
    };
    (window as unknown as { waymark: unknown }).waymark = { q: [['identify', 'u1'], ['init', init]] };
    const early = startEarlyForScript(window, { configUrl: commented });
    expect(io.fetches.map((each) => each.url)).to.deep.equal([good]);
    expect(io.opens).to.deep.equal([dbName]);
    expect(reads).to.equal(0);
    early?.(null);
  });

  it('nothing when the bundle is loaded twice, without data-config and init, or destroyed before it loaded', () => {
    (window as unknown as { waymark: unknown }).waymark = { version: '0.0.1' };
    expect(startEarlyForScript(window, { configUrl: commented })).to.equal(undefined);
    (window as unknown as { waymark: unknown }).waymark = { q: [['track', 'x']] };
    expect(startEarlyForScript(window, null)).to.equal(undefined);
    (window as unknown as { waymark: unknown }).waymark = { q: [['track', 'x'], ['destroy']] };
    expect(startEarlyForScript(window, { configUrl: commented })).to.equal(undefined);
    expect(io.fetches).to.deep.equal([]);
    expect(io.opens).to.deep.equal([]);
  });
});
