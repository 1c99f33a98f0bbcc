import { expect } from '@open-wc/testing';
import type { AnalyticsEvent } from '../../engine/contract.js';
import { createAnalytics, type SinkSpec } from './index.js';

type FakeWindow = Window & Record<string, unknown>;

function setup(specs: SinkSpec[]) {
  const scheduled = new Set<number>();
  let nextId = 1;
  const listeners = new Set<string>();
  const document = {
    visibilityState: 'visible',
    addEventListener: (type: string) => void listeners.add(`document:${type}`),
    removeEventListener: (type: string) => void listeners.delete(`document:${type}`),
  };
  const beacons: string[] = [];
  const win = {
    document,
    navigator: { sendBeacon: (_url: string, body: string) => beacons.push(body) > 0 },
    location: { href: 'https://app.example.com/' },
    addEventListener: (type: string) => void listeners.add(`window:${type}`),
    removeEventListener: (type: string) => void listeners.delete(`window:${type}`),
    setTimeout: () => {
      scheduled.add(nextId);
      return nextId++;
    },
    clearTimeout: (id: number) => void scheduled.delete(id),
  } as unknown as FakeWindow;
  const errors: Array<{ where: string; error: unknown }> = [];
  const analytics = createAnalytics(specs, { window: win, now: () => 0, reportError: (error, where) => void errors.push({ error, where }) });
  return { win, analytics, errors, beacons, listeners, scheduled };
}

const shown = (experienceId: string): AnalyticsEvent => ({ type: 'experience_shown', at: 1, userId: 'u', experienceId, experienceType: 'tour' });

describe('createAnalytics', () => {
  it('delivers every event to every sink, in the order the specs list them', () => {
    const order: string[] = [];
    const { win, analytics } = setup([
      { type: 'callback', fn: (e) => order.push(`first:${e.experienceId}`) },
      { type: 'segment' },
      { type: 'callback', fn: (e) => order.push(`third:${e.experienceId}`) },
    ]);
    win.analytics = { track: (name: string) => order.push(`segment:${name}`) };
    analytics.send(shown('a'));
    analytics.send(shown('b'));
    expect(order).to.deep.equal([
      'first:a', 'segment:Waymark Experience Shown', 'third:a',
      'first:b', 'segment:Waymark Experience Shown', 'third:b',
    ]);
  });

  it('gives the callback the full event as emitted', () => {
    const received: AnalyticsEvent[] = [];
    const { analytics } = setup([{ type: 'callback', fn: (e) => received.push(e) }]);
    const event: AnalyticsEvent = { type: 'help_searched', at: 9, userId: 'u', sessionId: 's', props: { query: 'invite teammates', results: 2 } };
    analytics.send(event);
    expect(received).to.deep.equal([event]);
  });

  it('a throwing sink does not stop the others and is reported once', () => {
    const failure = new Error('callback broke');
    const delivered: string[] = [];
    const { win, analytics, errors } = setup([
      { type: 'callback', fn: () => { throw failure; } },
      { type: 'posthog' },
      { type: 'callback', fn: (e) => delivered.push(e.experienceId ?? '') },
    ]);
    const captured: unknown[][] = [];
    win.posthog = { capture: (...args: unknown[]) => captured.push(args) };
    expect(() => {
      analytics.send(shown('a'));
      analytics.send(shown('b'));
      analytics.send(shown('c'));
    }).not.to.throw();
    expect(delivered).to.deep.equal(['a', 'b', 'c']);
    expect(captured).to.have.length(3);
    expect(errors).to.deep.equal([{ where: 'sink:callback:send', error: failure }]);
  });

  it('names two sinks of one type apart in reports', () => {
    const { analytics, errors } = setup([
      { type: 'callback', fn: () => { throw new Error('one'); } },
      { type: 'callback', fn: () => { throw new Error('two'); } },
      { type: 'callback', name: 'warehouse', fn: () => { throw new Error('three'); } },
    ]);
    analytics.send(shown('a'));
    expect(errors.map((e) => e.where)).to.deep.equal(['sink:callback:send', 'sink:callback#2:send', 'sink:warehouse:send']);
  });

  it('reports invalid specs as config errors and keeps the valid sinks working', () => {
    const delivered: string[] = [];
    const { analytics, errors } = setup([
      { type: 'heap' } as unknown as SinkSpec,
      { type: 'callback', fn: 'not a function' } as unknown as SinkSpec,
      { type: 'beacon', url: 'ftp://example.com/collect' },
      null as unknown as SinkSpec,
      { type: 'callback', fn: (e) => delivered.push(e.type) },
    ]);
    analytics.send(shown('a'));
    expect(errors.map((e) => e.where)).to.deep.equal(['sink:heap:config', 'sink:callback:config', 'sink:beacon:config', 'sink:unknown:config']);
    expect(delivered).to.deep.equal(['experience_shown']);
  });

  it('survives an error channel that throws', () => {
    const delivered: string[] = [];
    const analytics = createAnalytics(
      [{ type: 'callback', fn: () => { throw new Error('sink'); } }, { type: 'callback', fn: (e) => delivered.push(e.type) }],
      { window, now: () => 0, reportError: () => { throw new Error('reporter'); } },
    );
    expect(() => analytics.send(shown('a'))).not.to.throw();
    expect(delivered).to.deep.equal(['experience_shown']);
  });

  it('flush() sends what sinks hold; dispose() flushes, detaches everything and ignores later events', () => {
    const delivered: string[] = [];
    const { win, analytics, beacons, listeners, scheduled } = setup([
      { type: 'beacon', url: '/collect' },
      { type: 'mixpanel' },
      { type: 'callback', fn: (e) => delivered.push(e.experienceId ?? '') },
    ]);
    expect([...listeners].sort()).to.deep.equal(['document:visibilitychange', 'window:pagehide']);
    analytics.send(shown('a'));
    analytics.flush();
    expect(beacons).to.have.length(1);
    analytics.send(shown('b'));
    expect(scheduled.size).to.equal(2); // the beacon's flush timer and mixpanel's poll
    analytics.dispose();
    expect(beacons).to.have.length(2);
    expect(listeners.size).to.equal(0);
    expect(scheduled.size).to.equal(0);
    win.mixpanel = { track: () => delivered.push('mixpanel') };
    analytics.send(shown('c'));
    analytics.flush();
    analytics.dispose();
    expect(delivered).to.deep.equal(['a', 'b']);
    expect(beacons).to.have.length(2);
  });
});
