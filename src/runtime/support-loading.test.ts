import { describe, expect, it, vi } from 'vitest';
import type { WaymarkConfig } from '../config/types.js';
import type { AnalyticsEvent } from '../engine/contract.js';
import { Emitter } from './emitter.js';
import type { Support, SupportOptions } from './support.js';
import { configNeedsSupport, createLazySupport, type LazySupportOptions, type LoadSupport, type SupportParts } from './support-loading.js';
import type { WaymarkEventMap } from './types.js';

const struggle = (kind: string, detail?: string) => ({ type: 'struggle_detected', at: 0, userId: 'u', sessionId: 's', props: detail ? { kind, detail } : { kind } }) as unknown as AnalyticsEvent;

/** The help code arrives when the test says so; what the runtime asked of it is recorded. */
function deferredSupport() {
  const calls: string[] = [];
  const made: SupportOptions[] = [];
  let arrive!: () => void;
  let fail!: (error: unknown) => void;
  const support: Support = {
    offerLauncher: () => calls.push('offerLauncher'),
    openHelp: (query) => calls.push(`openHelp:${query}`),
    openArticle: (articleId, from) => calls.push(`openArticle:${articleId}:${from}`),
    openChat: (message, source) => calls.push(`openChat:${String(message)}:${source}`),
    refresh: () => calls.push('refresh'),
    setLocale: () => calls.push('setLocale'),
    dispose: () => calls.push('dispose'),
  };
  const createSupport = vi.fn((options: SupportOptions) => {
    made.push(options);
    return support;
  });
  const load: LoadSupport = vi.fn(
    () =>
      new Promise<SupportParts>((resolve, reject) => {
        arrive = () => resolve({ createSupport, createResourceCenterWiring: vi.fn() } as unknown as SupportParts);
        fail = reject;
      }),
  );
  return { load, createSupport, calls, made, arrive: () => arrive(), fail: (error: unknown) => fail(error) };
}

function options(ready: Promise<unknown>, reported: string[] = []): LazySupportOptions {
  return {
    window: {} as Window,
    now: () => 0,
    sessionId: 's',
    stack: {} as LazySupportOptions['stack'],
    ui: true,
    helpLauncher: () => true,
    config: () => ({ version: '1', experiences: [] }),
    locale: () => 'en',
    userId: () => 'u',
    engine: () => null,
    experience: () => undefined,
    emitter: new Emitter<WaymarkEventMap>(() => {}),
    deliver: () => {},
    send: () => {},
    report: () => {},
    reportError: (_error, where) => reported.push(where),
    whenReady: () => ready,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('help, chat and the resource center load only when needed', () => {
  it('a tour-only config needs none of it; articles, search, chat or a resource center do', () => {
    const tour: WaymarkConfig = { version: '1', experiences: [{ id: 't', type: 'tour', steps: [{ title: 'Hi' }] }] };
    expect(configNeedsSupport(tour)).toBe(false);
    expect(configNeedsSupport({ ...tour, articles: [{ id: 'a', title: 'A', url: 'https://help.example/a' }] })).toBe(true);
    expect(configNeedsSupport({ ...tour, chat: { provider: 'callback' } })).toBe(true);
    expect(configNeedsSupport({ ...tour, resourceCenter: { enabled: true } })).toBe(true);
    // A checklist puts the resource center on by default.
    expect(configNeedsSupport({ version: '1', experiences: [{ id: 'c', type: 'checklist', title: 'Setup', items: [{ id: 'i', title: 'Do it', doneWhen: { event: 'done' } }] }] })).toBe(true);
  });

  it('calls made before the code and the config are in wait, then run in order; later calls run at once', async () => {
    const loader = deferredSupport();
    let ready!: () => void;
    const support = createLazySupport(options(new Promise<void>((resolve) => (ready = resolve))), loader.load);
    support.refresh();
    support.offerLauncher();
    support.openHelp('keys');
    support.openArticle('api-keys', 'tour');
    support.openChat('Hello', 'api');
    expect(loader.load).toHaveBeenCalledTimes(1);
    loader.arrive();
    await tick();
    // The code is in, the config is not yet read: still waiting.
    expect(loader.calls).toEqual([]);
    ready();
    await vi.waitFor(() => expect(loader.calls).toEqual(['openHelp:keys', 'openArticle:api-keys:tour', 'openChat:Hello:api']));
    support.openHelp(undefined);
    support.refresh();
    expect(loader.calls.slice(3)).toEqual(['openHelp:undefined', 'refresh']);
    support.dispose();
    expect(loader.calls.at(-1)).toBe('dispose');
  });

  it('what went wrong before the code loaded still reaches the operator: the last struggle and the last five errors', async () => {
    const loader = deferredSupport();
    const support = createLazySupport(options(Promise.resolve()), loader.load);
    for (let i = 1; i <= 6; i++) support.rememberStruggle(struggle('error', `TypeError ${i}`));
    support.rememberStruggle(struggle('rage-click'));
    expect(loader.load).not.toHaveBeenCalled();
    const loading = support.load();
    loader.arrive();
    await loading;
    const { struggles } = loader.made[0]!;
    expect(struggles.last).toEqual({ kind: 'rage-click' });
    expect(struggles.errors).toEqual(['TypeError 2', 'TypeError 3', 'TypeError 4', 'TypeError 5', 'TypeError 6']);
    // The memory is shared, not copied: later struggles reach the loaded code too.
    support.rememberStruggle(struggle('dead-click'));
    expect(struggles.last).toEqual({ kind: 'dead-click' });
  });

  it('disposed before the code arrives: nothing is created and waiting calls are dropped', async () => {
    const loader = deferredSupport();
    const support = createLazySupport(options(Promise.resolve()), loader.load);
    support.openHelp('keys');
    support.dispose();
    loader.arrive();
    await tick();
    expect(loader.createSupport).not.toHaveBeenCalled();
    expect(loader.calls).toEqual([]);
  });

  it('code that fails to load is reported, never thrown; the next call tries again', async () => {
    const loader = deferredSupport();
    const reported: string[] = [];
    const support = createLazySupport(options(Promise.resolve(), reported), loader.load);
    support.openChat(undefined, 'api');
    loader.fail(new Error('offline'));
    await vi.waitFor(() => expect(reported).toEqual(['help:load']));
    expect(loader.calls).toEqual([]);
    // Back online: the user presses Help again and gets it.
    support.openHelp('deploy');
    await vi.waitFor(() => expect(loader.load).toHaveBeenCalledTimes(2));
    loader.arrive();
    await vi.waitFor(() => expect(loader.calls).toEqual(['openHelp:deploy']));
  });
});
