import { describe, expect, it, vi } from 'vitest';
import type { AnalyticsEvent } from '../engine/contract.js';
import type { Analytics, AnalyticsEnv, SinkSpec } from '../platform/analytics/types.js';
import { createLazyAnalytics, loadAnalyticsSinks, type LoadAnalytics } from './analytics-loading.js';

const env = (reported: string[] = []): AnalyticsEnv => ({ window: {} as Window, now: () => 0, reportError: (_error, where) => reported.push(where) });
const event = (type: string) => ({ type, at: 0, userId: 'u', sessionId: 's' }) as unknown as AnalyticsEvent;
const specs: SinkSpec[] = [{ type: 'callback', fn: () => {} }];

/** A loader whose chunk arrives when the test says so, and the sinks it would build. */
function deferredLoader() {
  const sent: string[] = [];
  const calls: string[] = [];
  let arrive!: () => void;
  let fail!: (error: unknown) => void;
  const sinks: Analytics = { send: (e) => sent.push(e.type), flush: () => calls.push('flush'), dispose: () => calls.push('dispose') };
  const createAnalytics = vi.fn(() => sinks);
  const load: LoadAnalytics = vi.fn(() => new Promise<Awaited<ReturnType<LoadAnalytics>>>((resolve, reject) => {
    arrive = () => resolve({ createAnalytics });
    fail = reject;
  }));
  return { load, createAnalytics, sent, calls, arrive: () => arrive(), fail: (error: unknown) => fail(error) };
}

describe('analytics sinks load only when configured', () => {
  it('without sinks, loads nothing and ignores events', () => {
    const loader = deferredLoader();
    for (const none of [undefined, []]) createLazyAnalytics(none, env(), loader.load).send(event('experience_shown'));
    expect(loader.load).not.toHaveBeenCalled();
  });

  it('events sent while the chunk loads reach the sinks in order, then flush', async () => {
    const loader = deferredLoader();
    const analytics = createLazyAnalytics(specs, env(), loader.load);
    analytics.send(event('experience_shown'));
    analytics.send(event('step_viewed'));
    analytics.flush();
    expect(loader.sent).toEqual([]);
    loader.arrive();
    await vi.waitFor(() => expect(loader.sent).toEqual(['experience_shown', 'step_viewed']));
    expect(loader.calls).toEqual(['flush']);
    analytics.send(event('experience_completed'));
    expect(loader.sent.at(-1)).toBe('experience_completed');
    analytics.dispose();
    expect(loader.calls).toEqual(['flush', 'dispose']);
  });

  it('disposed before the chunk arrives: no sink is ever created', async () => {
    const loader = deferredLoader();
    const analytics = createLazyAnalytics(specs, env(), loader.load);
    analytics.send(event('experience_shown'));
    analytics.dispose();
    loader.arrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.createAnalytics).not.toHaveBeenCalled();
    expect(loader.sent).toEqual([]);
  });

  it('a chunk that fails to load is reported, never thrown', async () => {
    const loader = deferredLoader();
    const reported: string[] = [];
    createLazyAnalytics(specs, env(reported), loader.load).send(event('experience_shown'));
    loader.fail(new Error('offline'));
    await vi.waitFor(() => expect(reported).toEqual(['analytics:load']));
  });

  it('the default loader is the sinks module', async () => {
    expect(typeof (await loadAnalyticsSinks()).createAnalytics).toBe('function');
  });
});

describe('ready', () => {
  it('settles once the sinks are started, or when their chunk failed', async () => {
    const loaded = deferredLoader();
    const analytics = createLazyAnalytics(specs, env(), loaded.load);
    let settled = false;
    void analytics.ready.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    loaded.arrive();
    await analytics.ready;
    expect(loaded.createAnalytics).toHaveBeenCalledTimes(1);
    const failed = deferredLoader();
    const broken = createLazyAnalytics(specs, env(), failed.load);
    failed.fail(new Error('offline'));
    await expect(broken.ready).resolves.toBeUndefined();
    await expect(createLazyAnalytics(undefined, env()).ready).resolves.toBeUndefined();
  });
});
