import { expect } from '@open-wc/testing';
import { deferred, deleteDatabase, fakeWindow, uniqueDbName } from '../store/test-support.js';
import { createMessageQueue, validateMessage, type MessageQueue, type MessageQueueOptions, type MessageRejection, type OfflineMessagePayload } from './offline-message.js';

const context = { stage: 'trial', page: '/billing', struggle: { kind: 'form-error' as const, detail: 'card' } };
const ENDPOINT = 'https://support.example/messages';

/** A message endpoint that can be down (503), unreachable (throws) or up, and records what it received. */
function endpoint() {
  const received: Array<{ key: string | null; body: OfflineMessagePayload }> = [];
  const attempts: string[] = [];
  let waiter = deferred();
  let expected = Infinity;
  const state = {
    mode: 'up' as 'up' | 'down' | 'unreachable' | 'reject',
    received,
    attempts,
    /** Resolves when `count` messages have been received in total. */
    until(count: number) {
      expected = count;
      waiter = deferred();
      if (received.length >= count) waiter.resolve();
      return waiter.promise;
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      attempts.push(state.mode);
      expect(String(input)).to.equal(ENDPOINT);
      expect(init?.method).to.equal('POST');
      if (state.mode === 'unreachable') throw new TypeError('Failed to fetch');
      if (state.mode === 'down') return new Response('busy', { status: 503 });
      if (state.mode === 'reject') return new Response('bad', { status: 422 });
      const headers = new Headers(init?.headers);
      expect(headers.get('Content-Type')).to.equal('application/json');
      received.push({ key: headers.get('Idempotency-Key'), body: JSON.parse(String(init?.body)) });
      if (received.length >= expected) waiter.resolve();
      return new Response(null, { status: 204 });
    }) as typeof fetch,
  };
  return state;
}

describe('offline message queue', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function open(options: MessageQueueOptions): MessageQueue {
    const queue = createMessageQueue(options);
    cleanups.push(() => queue.dispose());
    return queue;
  }

  function database(): string {
    const dbName = uniqueDbName('wm-offline');
    cleanups.push(() => deleteDatabase(dbName).catch(() => undefined));
    return dbName;
  }

  it('validates before storing anything', async () => {
    const fake = fakeWindow();
    const server = endpoint();
    const queue = open({ endpoint: ENDPOINT, env: { window: fake.window, fetch: server.fetch, dbName: database() } });
    const result = await queue.send({ email: 'not-an-email', message: '   ', name: 'x'.repeat(201), context });
    expect(result).to.deep.equal({
      ok: false,
      issues: [
        { field: 'email', code: 'invalid', message: 'Enter an email address like name@example.com' },
        { field: 'message', code: 'required', message: 'Write your message' },
        { field: 'name', code: 'too-long', message: 'A name has at most 200 characters' },
      ],
    });
    expect(await queue.pending()).to.deep.equal([]);
    expect(server.attempts).to.deep.equal([]);
    expect(validateMessage({ email: 'ona@example.lt', message: 'x'.repeat(5001) })).to.deep.equal([
      { field: 'message', code: 'too-long', message: 'A message has at most 5000 characters (this one has 5001)' },
    ]);
    expect(validateMessage({ email: '', message: 'hi' })[0]?.code).to.equal('required');
    expect(validateMessage({ email: 'a@b', message: 'hi' })[0]?.code).to.equal('invalid');
    expect(validateMessage({ email: ' ona@example.lt ', message: ' hi ' })).to.deep.equal([]);
  });

  it('keeps a message sent while the endpoint is down and delivers it once it is back, exactly once', async () => {
    const fake = fakeWindow();
    const server = endpoint();
    server.mode = 'down';
    const queue = open({ endpoint: ENDPOINT, env: { window: fake.window, fetch: server.fetch, dbName: database(), retry: { minMs: 1000, maxMs: 4000 }, now: () => 1_700_000_000_000 } });
    const sent = await queue.send({ name: ' Ona ', email: 'ona@example.lt', message: 'My card is declined', context });
    if (!sent.ok) throw new Error('expected the message to be accepted');
    await queue.flush();
    expect(server.attempts.length).to.be.greaterThan(0);
    expect(server.received).to.deep.equal([]);
    const [waiting] = await queue.pending();
    expect(waiting!.id).to.equal(sent.id);
    expect(waiting!.attempts).to.be.greaterThan(0);

    server.mode = 'unreachable';
    fake.events.dispatchEvent(new Event('online'));
    await queue.flush();
    expect(server.received).to.deep.equal([]);

    server.mode = 'up';
    const arrived = server.until(1);
    fake.clock.advance(4000);
    await arrived;
    await queue.flush();
    await queue.flush();
    expect(server.received).to.deep.equal([
      { key: sent.id, body: { id: sent.id, name: 'Ona', email: 'ona@example.lt', message: 'My card is declined', context, sentAt: 1_700_000_000_000 } },
    ]);
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('survives a reload: a new queue on the same database delivers what the old one could not', async () => {
    const dbName = database();
    const server = endpoint();
    server.mode = 'down';
    const before = createMessageQueue({ endpoint: ENDPOINT, env: { window: fakeWindow().window, fetch: server.fetch, dbName } });
    const first = await before.send({ email: 'ona@example.lt', message: 'One', context });
    const second = await before.send({ email: 'ona@example.lt', message: 'Two', context });
    await before.flush();
    before.dispose();
    expect(server.received).to.deep.equal([]);

    server.mode = 'up';
    const arrived = server.until(2);
    const after = open({ endpoint: ENDPOINT, env: { window: fakeWindow().window, fetch: server.fetch, dbName } });
    await arrived;
    await after.flush();
    expect(server.received.map((r) => [r.key, r.body.message])).to.deep.equal([
      [first.ok && first.id, 'One'],
      [second.ok && second.id, 'Two'],
    ]);
    expect(await after.pending()).to.deep.equal([]);
  });

  it('delivers once even when two tabs flush the same queue at the same time', async () => {
    const dbName = database();
    const server = endpoint();
    server.mode = 'down';
    const tabA = open({ endpoint: ENDPOINT, env: { window: fakeWindow().window, fetch: server.fetch, dbName } });
    const tabB = open({ endpoint: ENDPOINT, env: { window: fakeWindow().window, fetch: server.fetch, dbName } });
    await tabA.send({ email: 'ona@example.lt', message: 'Once', context });
    await tabA.flush();
    server.mode = 'up';
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush(), tabB.flush()]);
    expect(server.received.map((r) => r.body.message)).to.deep.equal(['Once']);
  });

  it('drops a message the endpoint rejects for good, reports it, and delivers the next one', async () => {
    const server = endpoint();
    server.mode = 'reject';
    const rejections: MessageRejection[] = [];
    const queue = open({ endpoint: ENDPOINT, env: { window: fakeWindow().window, fetch: server.fetch, dbName: database(), onRejected: (r) => rejections.push(r) } });
    const bad = await queue.send({ email: 'ona@example.lt', message: 'Rejected', context });
    await queue.flush();
    expect(rejections.map((r) => [r.id, r.status, r.message.message])).to.deep.equal([[bad.ok && bad.id, 422, 'Rejected']]);
    server.mode = 'up';
    await queue.send({ email: 'ona@example.lt', message: 'Accepted', context });
    await queue.flush();
    expect(server.received.map((r) => r.body.message)).to.deep.equal(['Accepted']);
    expect(await queue.pending()).to.deep.equal([]);
  });

  it('delivers to a callback when there is no endpoint, retrying until it resolves', async () => {
    const fake = fakeWindow();
    const delivered: OfflineMessagePayload[] = [];
    let up = false;
    const queue = open({
      callback: async (payload) => {
        if (!up) throw new Error('backend down');
        delivered.push(payload);
      },
      env: { window: fake.window, dbName: database() },
    });
    const sent = await queue.send({ email: 'ivan@example.ru', message: 'Не могу оплатить', context: {} });
    await queue.flush();
    expect(delivered).to.deep.equal([]);
    up = true;
    await queue.flush();
    expect(delivered.map((p) => [p.id, p.message])).to.deep.equal([[sent.ok && sent.id, 'Не могу оплатить']]);
    await queue.flush();
    expect(delivered).to.have.length(1);
  });
});
