import { expect } from '@open-wc/testing';
import { createOutbox } from './outbox.js';
import type { Outbox, OutboxOptions, StoreWarning } from './types.js';
import { deferred, fakeWindow, openTab, uniqueDbName, type Deferred } from './test-support.js';

interface Answer {
  survey: string;
  score: number;
}

/** A receiver that records every delivery and can be switched off (deliveries then reject). */
function receiver(expected = 0) {
  const deliveries: Array<{ id: string; message: Answer }> = [];
  const all: Deferred<void> = deferred();
  const state = {
    up: true,
    deliveries,
    /** Resolves once `expected` deliveries arrived. */
    arrived: all.promise,
    deliver: async (message: Answer, id: string): Promise<void> => {
      if (!state.up) throw new TypeError('Failed to fetch');
      deliveries.push({ id, message });
      if (deliveries.length === expected) all.resolve();
    },
  };
  return state;
}

describe('outbox', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function open(options: Partial<OutboxOptions<Answer>> & Pick<OutboxOptions<Answer>, 'deliver' | 'dbName'>): Outbox<Answer> {
    const outbox = createOutbox<Answer>({ name: 'survey-answers', ...options });
    cleanups.push(() => outbox.dispose());
    return outbox;
  }

  it('stores messages while delivery fails and delivers each exactly once when back online', async () => {
    const dbName = uniqueDbName();
    const fake = fakeWindow();
    const inbox = receiver(3);
    inbox.up = false;
    const outbox = open({ dbName, deliver: inbox.deliver, window: fake.window, retry: { minMs: 1000, maxMs: 4000 } });

    const ids = [];
    for (const score of [9, 3, 7]) ids.push(await outbox.enqueue({ survey: 'nps', score }));
    await outbox.flush();
    const waiting = await outbox.pending();
    expect(waiting.map((e) => e.id)).to.deep.equal(ids);
    expect(waiting.map((e) => e.message.score)).to.deep.equal([9, 3, 7]);
    expect(waiting[0].attempts).to.be.greaterThan(0);
    expect(fake.listeners(), 'waiting for the network').to.deep.equal(['online']);

    inbox.up = true;
    fake.events.dispatchEvent(new Event('online'));
    await inbox.arrived;
    await outbox.flush();
    expect(inbox.deliveries.map((d) => d.id), 'in order, each once').to.deep.equal(ids);
    expect(inbox.deliveries.map((d) => d.message.score)).to.deep.equal([9, 3, 7]);
    expect(await outbox.pending()).to.deep.equal([]);
    expect(fake.clock.pending(), 'no retry left').to.equal(0);
  });

  it('retries on its backoff timer too', async () => {
    const dbName = uniqueDbName();
    const fake = fakeWindow();
    const inbox = receiver(1);
    inbox.up = false;
    const outbox = open({ dbName, deliver: inbox.deliver, window: fake.window, retry: { minMs: 1000, maxMs: 4000 } });
    const id = await outbox.enqueue({ survey: 'csat', score: 2 });
    await outbox.flush();
    inbox.up = true;
    fake.clock.advance(4000);
    await inbox.arrived;
    expect(inbox.deliveries.map((d) => d.id)).to.deep.equal([id]);
  });

  it('keeps undelivered messages across a real page reload, and the next page delivers them', async () => {
    const dbName = uniqueDbName();
    const page = await openTab();
    cleanups.push(() => page.close());
    const offline = receiver();
    offline.up = false;
    const before = page.store.createOutbox<Answer>({ name: 'survey-answers', dbName, deliver: offline.deliver });
    const id = await before.enqueue({ survey: 'ces', score: 5 });
    await before.flush();
    await page.reload(); // no dispose: the page just goes away

    const inbox = receiver(1);
    const after = page.store.createOutbox<Answer>({ name: 'survey-answers', dbName, deliver: inbox.deliver });
    cleanups.push(() => after.dispose());
    await inbox.arrived;
    await after.flush();
    expect(inbox.deliveries).to.deep.equal([{ id, message: { survey: 'ces', score: 5 } }]);
    expect(await after.pending()).to.deep.equal([]);
  });

  for (const locks of ['Web Locks', 'leases (no Web Locks)'] as const) {
    it(`two outboxes on one database deliver each message once, with ${locks}`, async () => {
      const dbName = uniqueDbName();
      const window = locks === 'Web Locks' ? undefined : fakeWindow({ navigator: {} }).window;
      const seeder = receiver();
      seeder.up = false;
      const seed = createOutbox<Answer>({ name: 'survey-answers', dbName, deliver: seeder.deliver, window });
      const ids = await Promise.all(Array.from({ length: 20 }, (_, score) => seed.enqueue({ survey: 'nps', score })));
      await seed.flush();
      seed.dispose();

      // Both start a delivery pass at creation; more passes are asked for on top.
      const inbox = receiver(20);
      const first = open({ dbName, deliver: inbox.deliver, window });
      const second = open({ dbName, deliver: inbox.deliver, window });
      await Promise.all([first.flush(), second.flush(), first.flush(), second.flush()]);
      await inbox.arrived;
      await Promise.all([first.flush(), second.flush()]);

      expect(inbox.deliveries.map((d) => d.id).sort()).to.deep.equal([...ids].sort());
      expect(new Set(inbox.deliveries.map((d) => d.id)).size).to.equal(20);
      expect(await first.pending()).to.deep.equal([]);
    });
  }

  it('an outbox in another tab does not deliver what this one is delivering', async () => {
    const dbName = uniqueDbName();
    const page = await openTab();
    cleanups.push(() => page.close());
    const inbox = receiver(10);
    const here = open({ dbName, deliver: inbox.deliver });
    const there = page.store.createOutbox<Answer>({ name: 'survey-answers', dbName, deliver: inbox.deliver });
    cleanups.push(() => there.dispose());
    const ids = await Promise.all([
      ...Array.from({ length: 5 }, (_, score) => here.enqueue({ survey: 'here', score })),
      ...Array.from({ length: 5 }, (_, score) => there.enqueue({ survey: 'there', score })),
    ]);
    await Promise.all([here.flush(), there.flush()]);
    await inbox.arrived;
    await Promise.all([here.flush(), there.flush()]);
    expect(inbox.deliveries.map((d) => d.id).sort()).to.deep.equal([...ids].sort());
  });

  it('keeps queues with different names apart', async () => {
    const dbName = uniqueDbName();
    const answers = receiver(1);
    const messages = receiver(1);
    const a = open({ dbName, deliver: answers.deliver });
    const b = createOutbox<Answer>({ name: 'leave-a-message', dbName, deliver: messages.deliver });
    cleanups.push(() => b.dispose());
    const idA = await a.enqueue({ survey: 'nps', score: 10 });
    const idB = await b.enqueue({ survey: 'message', score: 0 });
    await Promise.all([answers.arrived, messages.arrived]);
    expect(answers.deliveries.map((d) => d.id)).to.deep.equal([idA]);
    expect(messages.deliveries.map((d) => d.id)).to.deep.equal([idB]);
  });

  it('works in memory when IndexedDB cannot be opened: one warning, messages still delivered once', async () => {
    const originalOpen = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('denied for the test', 'SecurityError');
    };
    cleanups.push(() => (IDBFactory.prototype.open = originalOpen));
    const fake = fakeWindow();
    const warnings: StoreWarning[] = [];
    const inbox = receiver(2);
    inbox.up = false;
    const outbox = open({ dbName: uniqueDbName(), deliver: inbox.deliver, window: fake.window, onWarning: (w) => warnings.push(w) });
    const ids = [await outbox.enqueue({ survey: 'nps', score: 1 }), await outbox.enqueue({ survey: 'nps', score: 2 })];
    await outbox.flush();
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(ids);
    inbox.up = true;
    fake.events.dispatchEvent(new Event('online'));
    await inbox.arrived;
    await outbox.flush();
    expect(inbox.deliveries.map((d) => d.id)).to.deep.equal(ids);
    expect(await outbox.pending()).to.deep.equal([]);
    expect(warnings.map((w) => w.code)).to.deep.equal(['idb-unavailable']);
  });

  it('dispose releases the retry timer and the online listener', async () => {
    const fake = fakeWindow();
    const inbox = receiver();
    inbox.up = false;
    const outbox = createOutbox<Answer>({ name: 'survey-answers', dbName: uniqueDbName(), deliver: inbox.deliver, window: fake.window });
    await outbox.enqueue({ survey: 'nps', score: 4 });
    await outbox.flush();
    expect(fake.clock.pending()).to.equal(1);
    outbox.dispose();
    expect(fake.clock.pending()).to.equal(0);
    expect(fake.listeners()).to.deep.equal([]);
  });
});
