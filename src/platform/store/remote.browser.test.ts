import { expect } from '@open-wc/testing';
import { createDurableStore } from './durable-store.js';
import { fetchRemoteAdapter } from './remote.js';
import type { DurableStore, StoreWarning } from './types.js';
import { deferred, fakeWindow, mergeFacts, migrateFacts, uniqueDbName, type Deferred, type Facts, type FakeWindow } from './test-support.js';

const URL_BASE = 'https://api.example.test/waymark/state/';
const KEY = 'user:42';
const RECORD_URL = 'https://api.example.test/waymark/state/user%3A42';

interface SeenRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Headers;
  keepalive: boolean;
  /** Sent while the server was offline (it never arrived). */
  failed: boolean;
}

/** An in-memory backend behind a fake `fetch` that can be taken offline. */
function fakeServer() {
  const records = new Map<string, string>();
  const requests: SeenRequest[] = [];
  const waiting: Array<{ match: (r: SeenRequest) => boolean; done: Deferred<SeenRequest> }> = [];
  const server = {
    online: true,
    records,
    requests,
    /** Successful PUTs only. */
    puts: () => requests.filter((r) => r.method === 'PUT' && !r.failed),
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      const method = init.method ?? 'GET';
      const request: SeenRequest = {
        method,
        url,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: new Headers(init.headers),
        keepalive: init.keepalive === true,
        failed: !server.online,
      };
      if (!server.online) {
        requests.push(request);
        throw new TypeError('Failed to fetch');
      }
      let response: Response;
      if (method === 'GET') response = records.has(url) ? new Response(records.get(url), { status: 200 }) : new Response('', { status: 404 });
      else if (method === 'PUT') {
        records.set(url, init.body as string);
        response = new Response(null, { status: 204 });
      } else {
        records.delete(url);
        response = new Response(null, { status: 204 });
      }
      requests.push(request);
      for (const waiter of [...waiting]) {
        if (waiter.match(request)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.done.resolve(request);
        }
      }
      return response;
    }) as typeof fetch,
    /** The next successful request that matches. */
    next(match: (r: SeenRequest) => boolean): Promise<SeenRequest> {
      const done = deferred<SeenRequest>();
      waiting.push({ match, done });
      return done.promise;
    },
  };
  return server;
}

describe('remote adapter', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function adapterFor(server: ReturnType<typeof fakeServer>, fake: FakeWindow, headers?: Record<string, string>) {
    const adapter = fetchRemoteAdapter<Facts>({ url: URL_BASE, fetch: server.fetch, window: fake.window, headers, retry: { minMs: 1000, maxMs: 8000 } });
    cleanups.push(() => adapter.dispose());
    return adapter;
  }

  function storeWith(server: ReturnType<typeof fakeServer>, fake: FakeWindow, dbName: string, warnings: StoreWarning[] = []): DurableStore<Facts> {
    const store = createDurableStore<Facts>({
      key: KEY,
      dbName,
      migrate: migrateFacts,
      merge: mergeFacts,
      remote: adapterFor(server, fake),
      window: fake.window,
      onWarning: (w) => warnings.push(w),
    });
    cleanups.push(() => store.dispose());
    return store;
  }

  it('speaks plain HTTP: GET/PUT/DELETE on the encoded key, JSON body, caller headers, keepalive', async () => {
    const server = fakeServer();
    const adapter = adapterFor(server, fakeWindow(), { authorization: 'Bearer t0k' });
    expect(await adapter.load(KEY)).to.equal(undefined);
    await adapter.save(KEY, { facts: ['a'] });
    expect(await adapter.load(KEY)).to.deep.equal({ facts: ['a'] });
    await adapter.delete!(KEY);
    expect(await adapter.load(KEY)).to.equal(undefined);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
      `GET ${RECORD_URL}`,
      `PUT ${RECORD_URL}`,
      `GET ${RECORD_URL}`,
      `DELETE ${RECORD_URL}`,
      `GET ${RECORD_URL}`,
    ]);
    const put = server.requests[1];
    expect(put.headers.get('authorization')).to.equal('Bearer t0k');
    expect(put.headers.get('content-type')).to.equal('application/json');
    expect(put.keepalive).to.equal(true);
  });

  it('rejects a failed save, then retries only the latest state on backoff and on `online`', async () => {
    const server = fakeServer();
    const fake = fakeWindow();
    const adapter = adapterFor(server, fake);
    server.online = false;
    await adapter.save(KEY, { facts: ['v1'] }).then(
      () => expect.fail('save should reject while offline'),
      (error: unknown) => expect(error).to.be.instanceOf(TypeError),
    );
    await adapter.save(KEY, { facts: ['v1', 'v2'] }).catch(() => undefined);
    expect(fake.clock.pending(), 'a retry is scheduled').to.equal(1);

    // Still offline when the timer fires: the retry fails and backs off again.
    const attempts = server.requests.length;
    expect(attempts).to.equal(2);
    fake.clock.advance(8000);
    await until(() => server.requests.length > attempts && fake.clock.pending() === 1);
    server.online = true;
    const arrived = server.next((r) => r.method === 'PUT');
    fake.events.dispatchEvent(new Event('online'));
    const put = await arrived;
    expect(put.body).to.deep.equal({ facts: ['v1', 'v2'] });
    expect(server.puts().length, 'exactly one successful PUT').to.equal(1);
    expect(fake.clock.pending(), 'nothing left to retry').to.equal(0);
    expect(fake.listeners(), 'no online listener left').to.deep.equal([]);
  });

  it('dispose stops the retry timer and the online listener', async () => {
    const server = fakeServer();
    server.online = false;
    const fake = fakeWindow();
    const adapter = adapterFor(server, fake);
    await adapter.save(KEY, { facts: ['x'] }).catch(() => undefined);
    expect(fake.clock.pending()).to.equal(1);
    expect(fake.listeners()).to.deep.equal(['online']);
    adapter.dispose();
    expect(fake.clock.pending()).to.equal(0);
    expect(fake.listeners()).to.deep.equal([]);
  });

  describe('with a durable store', () => {
    it('load merges the remote record into the local one, and both sides end with the union', async () => {
      const dbName = uniqueDbName();
      const local = createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts });
      local.write({ facts: ['on-this-device'] });
      await local.dispose();
      const server = fakeServer();
      server.records.set(RECORD_URL, JSON.stringify({ facts: ['on-another-device'] }));

      const fake = fakeWindow();
      const store = storeWith(server, fake, dbName);
      expect(await store.load()).to.deep.equal({ facts: ['on-another-device', 'on-this-device'] });
      const saved = server.next((r) => r.method === 'PUT');
      await store.flush();
      expect((await saved).body).to.deep.equal({ facts: ['on-another-device', 'on-this-device'] });
      const reopened = createDurableStore<Facts>({ key: KEY, dbName, migrate: migrateFacts, merge: mergeFacts });
      cleanups.push(() => reopened.dispose());
      expect(await reopened.load()).to.deep.equal({ facts: ['on-another-device', 'on-this-device'] });
    });

    it('offline at start: never overwrites the remote, and the state arrives once back online', async () => {
      const server = fakeServer();
      server.records.set(RECORD_URL, JSON.stringify({ facts: ['remote-only'] }));
      server.online = false;
      const fake = fakeWindow();
      const warnings: StoreWarning[] = [];
      const store = storeWith(server, fake, uniqueDbName(), warnings);

      expect(await store.load()).to.equal(undefined);
      expect(warnings.map((w) => w.code)).to.deep.equal(['remote-failed']);
      const announced = deferred<Facts>();
      store.subscribe((state) => announced.resolve(state));
      store.write({ facts: ['step-1'] });
      await store.flush();
      store.write({ facts: ['step-2'] });
      await store.flush();
      expect(server.puts(), 'nothing saved before the remote copy was merged').to.deep.equal([]);

      server.online = true;
      const saved = server.next((r) => r.method === 'PUT');
      fake.events.dispatchEvent(new Event('online'));
      expect(await announced.promise, 'the remote facts reach the app').to.deep.equal({ facts: ['remote-only', 'step-1', 'step-2'] });
      expect((await saved).body).to.deep.equal({ facts: ['remote-only', 'step-1', 'step-2'] });
      expect(warnings.length, 'reported once').to.equal(1);
    });

    it('a save that fails while offline is retried with the latest state when the backoff fires', async () => {
      const server = fakeServer();
      const fake = fakeWindow();
      const warned = deferred<StoreWarning>();
      const store = createDurableStore<Facts>({
        key: KEY,
        dbName: uniqueDbName(),
        migrate: migrateFacts,
        merge: mergeFacts,
        remote: adapterFor(server, fake),
        window: fake.window,
        onWarning: (w) => warned.resolve(w),
      });
      cleanups.push(() => store.dispose());
      await store.load();
      server.online = false;
      store.write({ facts: ['a'] });
      await store.flush();
      store.write({ facts: ['b'] });
      await store.flush();
      expect((await warned.promise).code).to.equal('remote-failed');

      server.online = true;
      const saved = server.next((r) => r.method === 'PUT');
      fake.clock.advance(8000);
      expect((await saved).body).to.deep.equal({ facts: ['a', 'b'] });
    });

    it('clear() deletes the remote record too', async () => {
      const server = fakeServer();
      const store = storeWith(server, fakeWindow(), uniqueDbName());
      await store.load();
      store.write({ facts: ['a'] });
      const saved = server.next((r) => r.method === 'PUT');
      await store.flush();
      await saved;
      await store.clear();
      expect(server.records.has(RECORD_URL)).to.equal(false);
    });
  });
});

/** Let queued promise callbacks and IndexedDB events run until `check` holds (no wall-clock timing involved). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!check()) throw new Error('condition never held');
}
