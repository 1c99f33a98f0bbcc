import { describe, expect, it } from 'vitest';
import type { Condition, ExperienceStatus } from '../config/types.js';
import type { Json } from './contract.js';
import { ConditionCompiler, type ElementFact, type StruggleFact, type World } from './conditions.js';
import { MORE_CONDITIONS } from './conditions-more.js';
import type { EventEntry, StageValue } from './state.js';
import { parseLocation, type Location } from './url.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A hand-built world: every fact a condition can read, set directly. */
class FakeWorld implements World {
  at = T0;
  horizon = Infinity;
  userId = 'user-1';
  location: Location | null = parseLocation('/');
  pageSince: number | null = T0;
  sessionSince: number | null = T0;
  idleSince: number | null = null;
  struggles: StruggleFact[] = [];
  stage: StageValue = { id: null, since: T0 };
  visited: Record<string, number> = {};
  stages = ['signup', 'setup', 'active'];
  events = new Map<string, EventEntry[]>();
  totals = new Map<string, number>();
  traits = new Map<string, Json>();
  elements = new Map<string, ElementFact>();
  clicks = new Set<string>();
  statuses = new Map<string, ExperienceStatus[]>();

  stageIndex(id: string | null): number {
    return id === null ? -1 : this.stages.indexOf(id);
  }
  eventCount(name: string): number {
    return this.totals.get(name) ?? this.events.get(name)?.length ?? 0;
  }
  eventLog(name: string): readonly EventEntry[] {
    return this.events.get(name) ?? [];
  }
  trait(name: string): Json | undefined {
    return this.traits.get(name);
  }
  element(key: string): ElementFact | undefined {
    return this.elements.get(key);
  }
  clicked(key: string): boolean {
    return this.clicks.has(key);
  }
  experienceIs(id: string, status: ExperienceStatus): boolean {
    return this.statuses.get(id)?.includes(status) ?? status === 'not-seen';
  }
  describeExperience(id: string): string {
    return (this.statuses.get(id) ?? ['not-seen']).join(', ');
  }
  track(name: string, at: number, props?: Record<string, Json>): void {
    const log = this.events.get(name) ?? [];
    const entry: EventEntry = { at, o: 'o', n: log.length + 1 };
    if (props) entry.p = props;
    log.push(entry);
    this.events.set(name, log);
  }
}

/** A compiler with every condition kind, as `createEngine` makes it. */
function compile(condition: Condition) {
  const compiler = new ConditionCompiler(undefined, MORE_CONDITIONS);
  const deps = new Set<string>();
  const compiled = compiler.compile(condition, deps);
  return { compiled, deps, compiler };
}

/** Test at a time and return the answer with the wake-up time it reported. */
function check(condition: Condition, world: FakeWorld, at = world.at): { result: boolean; horizon: number } {
  world.at = at;
  world.horizon = Infinity;
  const result = compile(condition).compiled.test(world);
  return { result, horizon: world.horizon };
}

describe('event conditions', () => {
  it('counts occurrences with gte / lte / eq, default at least once', () => {
    const world = new FakeWorld();
    expect(check({ event: 'saved' }, world).result).toBe(false);
    world.track('saved', T0 - 1000);
    expect(check({ event: 'saved' }, world).result).toBe(true);
    world.track('saved', T0 - 500);
    expect(check({ event: 'saved', count: { gte: 3 } }, world).result).toBe(false);
    expect(check({ event: 'saved', count: { lte: 2 } }, world).result).toBe(true);
    expect(check({ event: 'saved', count: { eq: 2 } }, world).result).toBe(true);
    expect(check({ event: 'saved', count: { eq: 1 } }, world).result).toBe(false);
    expect(check({ event: 'saved', count: { gte: 1, lte: 1 } }, world).result).toBe(false);
  });

  it('uses exact totals beyond the kept log when there is no window', () => {
    const world = new FakeWorld();
    world.track('saved', T0);
    world.totals.set('saved', 120);
    expect(check({ event: 'saved', count: { gte: 100 } }, world).result).toBe(true);
  });

  it('counts within a window inclusively and wakes when the oldest occurrence leaves it', () => {
    const world = new FakeWorld();
    world.track('project_created', T0 - 7 * DAY);
    world.track('project_created', T0 - 2 * DAY);
    world.track('project_created', T0 - HOUR);
    const condition: Condition = { event: 'project_created', count: { gte: 3 }, within: '7d' };
    const now = check(condition, world);
    expect(now.result).toBe(true);
    expect(now.horizon).toBe(T0 + 1);
    expect(check(condition, world, T0 + 1).result).toBe(false);
  });

  it('filters on stored properties with scalars and Compare operators', () => {
    const world = new FakeWorld();
    world.track('invite', T0 - 3, { role: 'admin', seats: 2 });
    world.track('invite', T0 - 2, { role: 'viewer', seats: 10 });
    world.track('invite', T0 - 1, { seats: 5 });
    expect(check({ event: 'invite', where: { role: 'admin' } }, world).result).toBe(true);
    expect(check({ event: 'invite', where: { role: 'owner' } }, world).result).toBe(false);
    expect(check({ event: 'invite', where: { seats: { gte: 5 } }, count: { eq: 2 } }, world).result).toBe(true);
    expect(check({ event: 'invite', where: { role: { in: ['admin', 'viewer'] }, seats: { lt: 3 } } }, world).result).toBe(true);
    expect(check({ event: 'invite', where: { role: { exists: false } }, count: { eq: 1 } }, world).result).toBe(true);
  });

  it('records which properties are worth storing', () => {
    const { compiler, deps } = compile({ all: [{ event: 'invite', where: { role: 'admin' } }, { event: 'invite', where: { seats: { gt: 1 } } }] });
    expect([...compiler.eventProps.get('invite')!].sort()).toEqual(['role', 'seats']);
    expect([...deps]).toEqual(['event:invite']);
  });
});

describe('page and visited conditions', () => {
  it('matches the current page and depends on page signals', () => {
    const world = new FakeWorld();
    world.location = parseLocation('https://app.example.com/projects/42?tab=billing');
    expect(check({ page: '/projects/*' }, world).result).toBe(true);
    expect(check({ page: '/projects' }, world).result).toBe(false);
    expect(check({ page: { path: '/projects/*', query: { tab: 'billing' } } }, world).result).toBe(true);
    expect(check({ page: { path: '/projects/*', query: { tab: 'team' } } }, world).result).toBe(false);
    world.location = null;
    expect(check({ page: '/**' }, world).result).toBe(false);
    expect([...compile({ page: '/x' }).deps]).toEqual(['page']);
  });

  it('visited looks at every page seen, ignoring the current one', () => {
    const world = new FakeWorld();
    world.visited = { '/': T0, '/settings/billing': T0 - DAY };
    expect(check({ visited: '/settings/**' }, world).result).toBe(true);
    expect(check({ visited: '/reports' }, world).result).toBe(false);
  });
});

describe('trait conditions', () => {
  it('supports every Compare operator', () => {
    const world = new FakeWorld();
    world.traits.set('plan', 'pro');
    world.traits.set('seats', 12);
    world.traits.set('tags', ['beta', 'eu']);
    world.traits.set('email', 'ann@example.com');
    world.traits.set('trialEnds', '2026-02-01');
    const cases: Array<[Condition, boolean]> = [
      [{ trait: 'plan', equals: 'pro' }, true],
      [{ trait: 'plan', equals: 'free' }, false],
      [{ trait: 'plan', notEquals: 'free' }, true],
      [{ trait: 'missing', notEquals: 'free' }, true],
      [{ trait: 'plan', in: ['pro', 'team'] }, true],
      [{ trait: 'plan', in: ['team'] }, false],
      [{ trait: 'seats', gt: 12 }, false],
      [{ trait: 'seats', gte: 12 }, true],
      [{ trait: 'seats', lt: 12 }, false],
      [{ trait: 'seats', lte: 12 }, true],
      [{ trait: 'seats', gt: 10, lt: 20 }, true],
      [{ trait: 'plan', gt: 1 }, false],
      [{ trait: 'trialEnds', after: '2026-01-15' }, true],
      [{ trait: 'trialEnds', before: '2026-01-15' }, false],
      [{ trait: 'email', contains: '@example.com' }, true],
      [{ trait: 'tags', contains: 'beta' }, true],
      [{ trait: 'tags', contains: 'us' }, false],
      [{ trait: 'plan', exists: true }, true],
      [{ trait: 'missing', exists: false }, true],
      [{ trait: 'missing', equals: 'pro' }, false],
      [{ trait: 'plan' }, true],
      [{ trait: 'missing' }, false],
    ];
    for (const [condition, expected] of cases) expect([condition, check(condition, world).result]).toEqual([condition, expected]);
  });

  it('olderThan / newerThan are relative to the signal time and report when they flip', () => {
    const world = new FakeWorld();
    world.traits.set('signedUpAt', new Date(T0 - 29 * DAY).toISOString());
    const older = check({ trait: 'signedUpAt', olderThan: '30d' }, world);
    expect(older).toEqual({ result: false, horizon: T0 + DAY });
    expect(check({ trait: 'signedUpAt', olderThan: '30d' }, world, T0 + DAY).result).toBe(true);
    const newer = check({ trait: 'signedUpAt', newerThan: '30d' }, world);
    expect(newer).toEqual({ result: true, horizon: T0 + DAY + 1 });
    expect(check({ trait: 'signedUpAt', newerThan: '30d' }, world, T0 + DAY + 1).result).toBe(false);
    world.traits.set('signedUpAt', T0 - 40 * DAY);
    expect(check({ trait: 'signedUpAt', olderThan: '30d' }, world).result).toBe(true);
    world.traits.set('signedUpAt', 'not a date');
    expect(check({ trait: 'signedUpAt', olderThan: '30d' }, world).result).toBe(false);
  });
});

describe('stage conditions', () => {
  it('is / atLeast / before / forAtLeast', () => {
    const world = new FakeWorld();
    expect(check({ stage: { is: 'setup' } }, world).result).toBe(false);
    expect(check({ stage: { before: 'setup' } }, world).result).toBe(true);
    expect(check({ stage: { atLeast: 'signup' } }, world).result).toBe(false);
    world.stage = { id: 'setup', since: T0 - HOUR };
    expect(check({ stage: { is: ['signup', 'setup'] } }, world).result).toBe(true);
    expect(check({ stage: { atLeast: 'setup' } }, world).result).toBe(true);
    expect(check({ stage: { atLeast: 'active' } }, world).result).toBe(false);
    expect(check({ stage: { before: 'setup' } }, world).result).toBe(false);
    expect(check({ stage: { before: 'active' } }, world).result).toBe(true);
    expect(check({ stage: { is: 'setup', forAtLeast: '2h' } }, world)).toEqual({ result: false, horizon: T0 + HOUR });
    expect(check({ stage: { is: 'setup', forAtLeast: '2h' } }, world, T0 + HOUR).result).toBe(true);
  });
});

describe('element conditions', () => {
  it('present / absent / visible / clicked, keyed by target', () => {
    const world = new FakeWorld();
    const { deps, compiler } = compile({ element: { anchor: 'new' }, state: 'visible' });
    expect([...deps]).toEqual(['target:anchor:new']);
    expect([...compiler.sensors]).toEqual(['element']);
    expect(check({ element: '#x' }, world).result).toBe(false);
    expect(check({ element: '#x', state: 'absent' }, world).result).toBe(true);
    world.elements.set('css:#x', { present: true, visible: false });
    expect(check({ element: '#x' }, world).result).toBe(true);
    expect(check({ element: { selector: '#x' }, state: 'visible' }, world).result).toBe(false);
    expect(check({ element: '#x', state: 'absent' }, world).result).toBe(false);
    world.elements.set('css:#x', { present: true, visible: true });
    expect(check({ element: '#x', state: 'visible' }, world).result).toBe(true);
    expect(check({ element: '#x', state: 'clicked' }, world).result).toBe(false);
    world.clicks.add('css:#x');
    expect(check({ element: '#x', state: 'clicked' }, world).result).toBe(true);
    expect([...compile({ element: '#x', state: 'clicked' }).deps].sort()).toEqual(['page', 'target:css:#x']);
  });
});

describe('time-based conditions', () => {
  it('delay since page, stage and session', () => {
    const world = new FakeWorld();
    world.pageSince = T0 - 10_000;
    expect(check({ delay: '30s' }, world)).toEqual({ result: false, horizon: T0 + 20_000 });
    expect(check({ delay: '30s' }, world, T0 + 20_000).result).toBe(true);
    world.at = T0;
    expect(check({ delay: '1m', since: 'stage' }, world).result).toBe(false);
    world.stage = { id: 'setup', since: T0 - 2 * MIN };
    expect(check({ delay: '1m', since: 'stage' }, world).result).toBe(true);
    world.sessionSince = null;
    expect(check({ delay: '1s', since: 'session' }, world)).toEqual({ result: false, horizon: Infinity });
  });

  it('idle needs the user idle for the whole duration', () => {
    const world = new FakeWorld();
    expect(check({ idle: '30s' }, world).result).toBe(false);
    world.idleSince = T0 - 5_000;
    expect(check({ idle: '30s' }, world)).toEqual({ result: false, horizon: T0 + 25_000 });
    expect(check({ idle: '30s' }, world, T0 + 25_000).result).toBe(true);
  });

  it('date windows include from and exclude until', () => {
    const world = new FakeWorld();
    const dateWindow: Condition = { date: { from: '2026-01-11T00:00:00Z', until: '2026-01-12T00:00:00Z' } };
    const from = Date.parse('2026-01-11T00:00:00Z');
    const until = Date.parse('2026-01-12T00:00:00Z');
    expect(check(dateWindow, world)).toEqual({ result: false, horizon: from });
    expect(check(dateWindow, world, from)).toEqual({ result: true, horizon: until });
    expect(check(dateWindow, world, until - 1).result).toBe(true);
    expect(check(dateWindow, world, until).result).toBe(false);
  });
});

describe('struggle conditions', () => {
  it('counts a kind within a window (default 1m), optionally on a target', () => {
    const world = new FakeWorld();
    const rage = (at: number, keys: string[] = []) => world.struggles.push({ kind: 'rage-click', at, keys });
    expect(check({ struggle: 'rage-click' }, world).result).toBe(false);
    rage(T0 - 50_000);
    world.struggles.push({ kind: 'dead-click', at: T0 - 10_000, keys: [] });
    expect(check({ struggle: 'rage-click' }, world)).toEqual({ result: true, horizon: T0 + 10_001 });
    expect(check({ struggle: 'rage-click' }, world, T0 + 10_001).result).toBe(false);
    world.at = T0;
    rage(T0 - 1000, ['css:#save']);
    expect(check({ struggle: 'rage-click', count: 2 }, world).result).toBe(true);
    expect(check({ struggle: 'rage-click', count: 2, within: '30s' }, world).result).toBe(false);
    expect(check({ struggle: 'rage-click', on: '#save' }, world).result).toBe(true);
    expect(check({ struggle: 'rage-click', on: '#cancel' }, world).result).toBe(false);
    const { compiler, deps } = compile({ struggle: 'form-error' });
    expect([...compiler.sensors]).toEqual(['form-error']);
    expect([...deps]).toEqual(['struggle:form-error']);
  });
});

describe('experience and rollout conditions', () => {
  it('reads other experiences through the world', () => {
    const world = new FakeWorld();
    expect(check({ experience: 'welcome', state: 'not-seen' }, world).result).toBe(true);
    world.statuses.set('welcome', ['seen', 'completed']);
    expect(check({ experience: 'welcome', state: 'completed' }, world).result).toBe(true);
    expect(check({ experience: 'welcome', state: 'dismissed' }, world).result).toBe(false);
    expect([...compile({ experience: 'welcome', state: 'seen' }).deps]).toEqual(['exp:welcome']);
  });

  it('rollout is deterministic per user and salt', () => {
    const world = new FakeWorld();
    const first = check({ rollout: 50, salt: 'a' }, world).result;
    for (let i = 0; i < 5; i++) expect(check({ rollout: 50, salt: 'a' }, world).result).toBe(first);
    expect(check({ rollout: 100 }, world).result).toBe(true);
    expect(check({ rollout: 0 }, world).result).toBe(false);
    // Different salts deal different buckets: over many users the two 50% groups differ.
    let differ = 0;
    for (let i = 0; i < 200; i++) {
      world.userId = `user-${i}`;
      if (check({ rollout: 50, salt: 'a' }, world).result !== check({ rollout: 50, salt: 'b' }, world).result) differ++;
    }
    expect(differ).toBeGreaterThan(50);
  });

  it('splits 10,000 ids within ±2% of the percentage', () => {
    const world = new FakeWorld();
    for (const percentage of [1, 10, 25, 50, 90]) {
      let inside = 0;
      for (let i = 0; i < 10_000; i++) {
        world.userId = `user-${i}@example.com`;
        if (check({ rollout: percentage, salt: 'spread' }, world).result) inside++;
      }
      expect(Math.abs(inside / 100 - percentage)).toBeLessThanOrEqual(2);
    }
  });
});

describe('composition and explanations', () => {
  it('all / any / not', () => {
    const world = new FakeWorld();
    world.traits.set('plan', 'pro');
    expect(check({ all: [{ trait: 'plan', equals: 'pro' }, { event: 'x' }] }, world).result).toBe(false);
    expect(check({ any: [{ trait: 'plan', equals: 'pro' }, { event: 'x' }] }, world).result).toBe(true);
    expect(check({ not: { event: 'x' } }, world).result).toBe(true);
    expect(check({ all: [] }, world).result).toBe(true);
    expect(check({ any: [] }, world).result).toBe(false);
  });

  it('labels each node in plain words with its observed value', () => {
    const world = new FakeWorld();
    world.location = parseLocation('/home');
    const { compiled } = compile({
      all: [
        { event: 'project_created', count: { gte: 1 }, within: '7d' },
        { not: { trait: 'plan', equals: 'free' } },
        { page: '/projects/*' },
      ],
    });
    const node = compiled.explain(world);
    expect(node).toEqual({
      label: 'all of',
      result: false,
      children: [
        { label: 'event "project_created" ≥ 1 within 7d', result: false, detail: 'seen 0 times' },
        { label: 'not', result: true, children: [{ label: 'trait "plan" = "free"', result: false, detail: 'not set' }] },
        { label: 'page is "/projects/*"', result: false, detail: 'current page "/home"' },
      ],
    });
  });
});

describe('condition kinds loaded per config', () => {
  it('without the compilers of the other kinds, pages, events and experience states still work; the others never hold and are named', () => {
    const world = new FakeWorld();
    world.location = parseLocation('/home');
    world.traits.set('plan', 'pro');
    world.track('saved', world.at, { size: 3 });
    const compiler = new ConditionCompiler();
    const test = (condition: Condition) => {
      world.horizon = Infinity;
      return compiler.compile(condition, new Set()).test(world);
    };
    expect(test({ page: '/home' })).toBe(true);
    expect(test({ event: 'saved' })).toBe(true);
    expect(test({ trait: 'plan', equals: 'pro' })).toBe(false);
    expect(test({ event: 'saved', where: { size: 3 } })).toBe(false);
    expect(test({ delay: '0s' })).toBe(false);
    expect([...compiler.kindsWithoutCompiler]).toEqual(['trait', 'event where', 'delay']);
    // With them, the same conditions hold.
    expect(check({ trait: 'plan', equals: 'pro' }, world).result).toBe(true);
    expect(check({ event: 'saved', where: { size: 3 } }, world).result).toBe(true);
  });
});
