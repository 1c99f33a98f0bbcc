import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkError } from '../../src/index.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

const tourConfig: WaymarkConfig = {
  version: '1',
  experiences: [
    {
      id: 'welcome',
      type: 'tour',
      steps: [
        { title: 'Welcome' },
        { title: 'Projects' },
        { title: 'Done' },
      ],
    },
  ],
};

describe('createWaymark runtime', () => {
  const instances: Waymark[] = [];
  const make = (options: Parameters<typeof createWaymark>[0]) => {
    const wm = createWaymark(options);
    instances.push(wm);
    return wm;
  };
  afterEach(() => {
    for (const wm of instances.splice(0)) wm.destroy();
  });

  it('shows an eligible tour and reports the step it is on', async () => {
    const wm = make({ config: tourConfig, user: { id: 'u-show' }, storage: { dbName: uniqueDb() } });
    const shown = await nextEvent(wm, 'show');
    expect(shown.experience.id).to.equal('welcome');
    expect(shown.step ?? 0).to.equal(0);
  });

  it('keeps tour progress across a reload (a new instance on the same database)', async () => {
    const dbName = uniqueDb();
    const first = make({ config: tourConfig, user: { id: 'u-reload' }, storage: { dbName } });
    await nextEvent(first, 'show');
    const atStep1 = nextEvent(first, 'show', (e) => e.step === 1);
    first.act('welcome', { type: 'next' });
    await atStep1;
    first.destroy(); // flushes on the way out

    const second = make({ config: tourConfig, user: { id: 'u-reload' }, storage: { dbName } });
    const resumed = await nextEvent(second, 'show');
    expect(resumed.experience.id).to.equal('welcome');
    expect(resumed.step).to.equal(1);
  });

  it('keeps two pages of one browser consistent, also when both write at once', async () => {
    const dbName = uniqueDb();
    const config: WaymarkConfig = {
      version: '1',
      experiences: [
        { id: 'a', type: 'announcement', display: 'banner', title: 'A' },
        { id: 'b', type: 'announcement', display: 'banner', title: 'B' },
      ],
    };
    const tab1 = make({ config, user: { id: 'u-tabs' }, storage: { dbName } });
    const tab2 = make({ config, user: { id: 'u-tabs' }, storage: { dbName } });
    await Promise.all([tab1.ready, tab2.ready]);
    // Simultaneous writes of different facts in two tabs.
    tab1.dismiss('a');
    tab2.dismiss('b');
    await until(() => tab1.why('b')?.reason !== undefined && !tab1.why('b')!.active && !tab2.why('a')!.active, 'both dismissals in both tabs');
    tab1.destroy();
    tab2.destroy();
    const tab3 = make({ config, user: { id: 'u-tabs' }, storage: { dbName } });
    await tab3.ready;
    expect(tab3.why('a')!.active, 'a stays dismissed').to.equal(false);
    expect(tab3.why('b')!.active, 'b stays dismissed').to.equal(false);
    expect(tab3.why('a')!.eligible).to.equal(false);
    expect(tab3.why('b')!.eligible).to.equal(false);
  });

  it('falls back to memory with a reported warning when IndexedDB fails', async () => {
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('blocked for the test', 'InvalidStateError');
    };
    try {
      const errors: WaymarkError[] = [];
      const wm = make({ config: tourConfig, user: { id: 'u-noidb' }, storage: { dbName: uniqueDb() } });
      wm.on('error', (e) => errors.push(e));
      const shown = await nextEvent(wm, 'show');
      expect(shown.experience.id).to.equal('welcome');
      await until(() => errors.some((e) => e.where === 'store'), 'a storage warning');
      const warning = errors.find((e) => e.where === 'store')!;
      expect(warning.severity).to.equal('warning');
      // Progress still works in memory.
      const next = nextEvent(wm, 'show', (e) => e.step === 1);
      wm.act('welcome', { type: 'next' });
      await next;
    } finally {
      IDBFactory.prototype.open = original;
    }
  });

  it('reports config problems and still runs the valid experiences', async () => {
    const errors: WaymarkError[] = [];
    const wm = createWaymark({
      config: {
        version: '1',
        experiences: [
          { id: 'broken', type: 'tour', steps: 'not an array' },
          { id: 'fine', type: 'hint', target: '#x', body: 'Hello' },
          { id: 'typo', type: 'announcement', display: 'banner', title: 'Hi', trigerr: {} },
        ],
      } as unknown as WaymarkConfig, // broken on purpose: the types would refuse it
      user: { id: 'u-bad' },
      storage: { kind: 'memory' },
    });
    instances.push(wm);
    wm.on('error', (e) => errors.push(e));
    await wm.ready;
    expect(errors.some((e) => e.where === 'config' && JSON.stringify(e.path).includes('steps'))).to.equal(true);
    expect(errors.some((e) => e.where === 'config' && e.message.includes('trigerr'))).to.equal(true);
    expect(wm.why('fine')).to.not.equal(null);
    expect(wm.why('broken')).to.equal(null);
  });

  it('never throws into the page, whatever it is given', async () => {
    const nested: Record<string, unknown> = {};
    let cursor = nested;
    for (let i = 0; i < 5000; i++) cursor = (cursor.all = [{}])[0] as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { version: '1' };
    cyclic.experiences = [cyclic];
    const hostile: unknown[] = [
      null, 42, 'x', [], { version: '99' },
      JSON.parse('{"version":"1","experiences":[{"__proto__":{"polluted":true},"id":"p","type":"hint","target":"#a","body":"b"}],"__proto__":{"polluted":true}}'),
      { version: '1', experiences: Array.from({ length: 20000 }, (_, i) => ({ id: `e${i}`, type: 'hint', target: '#a', body: 'b' })) },
      { version: '1', experiences: [{ id: 'deep', type: 'hint', target: '#a', body: 'b', when: nested }] },
      cyclic,
      { version: '1', get experiences() { throw new Error('getter'); } },
    ];
    for (const config of hostile) {
      const wm = createWaymark({ config: config as WaymarkConfig, storage: { kind: 'memory' }, user: { id: 'u-hostile' } });
      instances.push(wm);
      await wm.ready;
      wm.track('x', { a: 1, f: (() => 1) as unknown as number });
      wm.start('nope');
      expect(wm.why('nope')).to.equal(null);
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
    // Bad API arguments are reported, not thrown.
    const errors: WaymarkError[] = [];
    const wm = make({ storage: { kind: 'memory' }, user: { id: 'u-args' } });
    wm.on('error', (e) => errors.push(e));
    (wm.track as (n: unknown) => void)(undefined);
    (wm.identify as (n: unknown) => void)(null);
    expect(errors.map((e) => e.where)).to.include.members(['track', 'identify']);
  });

  it('a throwing listener is reported and does not stop the others', async () => {
    const wm = make({ config: tourConfig, user: { id: 'u-listener' }, storage: { kind: 'memory' } });
    const errors: WaymarkError[] = [];
    wm.on('error', (e) => errors.push(e));
    wm.on('show', () => {
      throw new Error('host bug');
    });
    const shown = await nextEvent(wm, 'show');
    expect(shown.experience.id).to.equal('welcome');
    await until(() => errors.some((e) => e.code === 'listener-failed'), 'the listener error');
  });

  it('delivers analytics events to on() listeners and sinks', async () => {
    const sent: string[] = [];
    const wm = make({
      config: tourConfig,
      user: { id: 'u-analytics' },
      storage: { kind: 'memory' },
      analytics: [{ type: 'callback', fn: (e) => sent.push(e.type) }],
    });
    const events = record(wm, 'event');
    await nextEvent(wm, 'experience_shown');
    expect(events.map((e) => e.type)).to.include('experience_shown');
    expect(sent).to.include('experience_shown');
    expect(events.every((e) => e.userId === 'u-analytics')).to.equal(true);
  });

  it('identify switches to the other user\'s progress; an anonymous user\'s progress carries over', async () => {
    const dbName = uniqueDb();
    const wm = make({ config: tourConfig, storage: { dbName } });
    await nextEvent(wm, 'show');
    expect(wm.userId.startsWith('anon-')).to.equal(true);
    const advanced = nextEvent(wm, 'show', (e) => e.step === 1);
    wm.act('welcome', { type: 'next' });
    await advanced;
    const resumed = nextEvent(wm, 'show', (e) => e.step === 1);
    wm.identify('u-known', { plan: 'pro' });
    await resumed;
    expect(wm.userId).to.equal('u-known');
    wm.reset();
    const fresh = await nextEvent(wm, 'show');
    expect(fresh.step ?? 0).to.equal(0);
  });
});
