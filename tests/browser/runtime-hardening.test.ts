import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkError, type WaymarkOptions } from '../../src/index.js';
import { installGlobal, type WaymarkGlobal } from '../../src/runtime/global.js';
import { loadConfig, SLICED_PARSE_FROM } from '../../src/runtime/config-loading.js';
import { runInSlices } from '../../src/runtime/time-limit.js';
import { parseJsonWithComments } from '../../src/config/jsonc.js';
import { validateConfig } from '../../src/config/validate.js';
import { record, uniqueDb, until } from './helpers.js';

/** Replace `window.fetch` for URLs starting with `prefix` until the returned restore is called. */
function interceptFetch(prefix: string, answer: (url: string, init?: RequestInit) => Response | Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return url.startsWith(prefix) ? Promise.resolve(answer(url, init)) : original(input, init);
  }) as typeof fetch;
  return () => (window.fetch = original);
}

/** Resolves with true when `promise` settles within `ms`, false otherwise. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

const tourConfig: WaymarkConfig = {
  version: '1',
  stages: [{ id: 'trial' }, { id: 'paid' }],
  experiences: [{ id: 'welcome', type: 'tour', steps: [{ title: 'Hi', body: 'Welcome' }] }],
};

/** Unhandled rejections in the page while `run` runs. */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => {
    seen.push(event.reason);
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return seen;
}

describe('hardening: no input hangs the page', () => {
  const restore: Array<() => void> = [];
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    for (const undo of restore.splice(0).reverse()) undo();
  });

  it('a config URL whose body never ends times out: error event with a code, ready resolves, queued calls run', async () => {
    restore.push(
      interceptFetch('https://config.example/stuck', (_url, init) => {
        // Headers at once, then one byte and nothing more, ever (until aborted).
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{'));
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      }),
    );
    wm = createWaymark({ configUrl: 'https://config.example/stuck', configTimeoutMs: 300, storage: { kind: 'memory' } });
    const errors = record(wm, 'error');
    const stages = record(wm, 'stage');
    wm.setStage('onboarding');
    expect(await settlesWithin(wm.ready, 3000)).to.equal(true);
    expect(errors.map((e) => e.code)).to.include('config-timeout');
    await until(() => stages.length === 1, 'the queued setStage() ran');
  });

  it('a config URL that never answers at all times out too', async () => {
    restore.push(interceptFetch('https://config.example/silent', () => new Promise<Response>(() => {})));
    wm = createWaymark({ configUrl: 'https://config.example/silent', configTimeoutMs: 300, storage: { kind: 'memory' } });
    const errors = record(wm, 'error');
    expect(await settlesWithin(wm.ready, 3000)).to.equal(true);
    expect(errors.map((e) => e.code)).to.deep.equal(['config-timeout']);
  });

  it("never silent: with no on('error') listener a config that cannot load is a console warning; with one, only the listener hears it", async () => {
    restore.push(interceptFetch('https://config.example/missing', () => new Response('not found', { status: 404 })));
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const unheard = createWaymark({ configUrl: 'https://config.example/missing', storage: { kind: 'memory' } });
      await unheard.ready;
      unheard.destroy();
      // One line, said once: the cause it already states is not printed again after it.
      expect(warned.filter((line) => line.startsWith('[waymark]'))).to.deep.equal(['[waymark] config: could not load https://config.example/missing: HTTP 404']);
      warned.length = 0;
      const heard = createWaymark({ configUrl: 'https://config.example/missing', storage: { kind: 'memory' } });
      const errors = record(heard, 'error');
      await heard.ready;
      heard.destroy();
      expect(errors.map((e) => e.code)).to.deep.equal(['config-unavailable']);
      expect(warned).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('a config URL answering null (or any non-object) is an error event and an empty config', async () => {
    for (const body of ['null', '[]', '42', '"text"']) {
      restore.push(interceptFetch('https://config.example/null', () => new Response(body, { headers: { 'content-type': 'application/json' } })));
      const instance = createWaymark({ configUrl: 'https://config.example/null', storage: { kind: 'memory' } });
      const errors = record(instance, 'error');
      await instance.ready;
      expect(errors.map((e) => e.code), body).to.deep.equal(['config-not-object']);
      expect(instance.why('welcome')).to.equal(null);
      instance.destroy();
      restore.pop()!();
    }
  });

  it('a remote storage adapter that never answers does not block ready: error event, local state used', async () => {
    const remote = { load: () => new Promise<undefined>(() => {}), save: () => new Promise<void>(() => {}) };
    wm = createWaymark({ config: tourConfig, storage: { dbName: uniqueDb(), remote, remoteTimeoutMs: 300 } as WaymarkOptions['storage'] });
    const errors = record(wm, 'error');
    expect(await settlesWithin(wm.ready, 4000)).to.equal(true);
    expect(errors.map((e) => e.code)).to.include('storage-remote-timeout');
    // The engine runs on the local state.
    expect(wm.why('welcome')).to.not.equal(null);
  });
});

describe('hardening: identify() traits are sanitized like track() props', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('functions, DOM nodes, symbols, BigInt and cycles are dropped or made JSON, with a warning; IndexedDB writes keep working', async () => {
    const dbName = uniqueDb();
    wm = createWaymark({ config: tourConfig, user: { id: 'u-traits' }, storage: { dbName } });
    const errors = record(wm, 'error');
    await wm.ready;
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const traits = { plan: 'pro', onClick: () => 1, node: document.body, sym: Symbol('x'), seats: BigInt(12), cyclic } as unknown as Record<string, never>;
    wm.identify('u-traits', traits);
    wm.dismiss('welcome');
    await new Promise((r) => setTimeout(r, 600));
    expect(errors.filter((e) => e.code.startsWith('storage-')).map((e) => e.message)).to.deep.equal([]);
    const warning = errors.find((e) => e.code === 'invalid-trait');
    expect(warning?.severity).to.equal('warning');
    expect(warning?.message).to.contain('onClick');
    wm.destroy();
    // Another page reads what was written: the dismissal and the JSON-safe traits.
    wm = createWaymark({ config: tourConfig, user: { id: 'u-traits' }, storage: { dbName } });
    const later = record(wm, 'error');
    await wm.ready;
    expect(wm.why('welcome')?.eligible).to.equal(false);
    expect(later.filter((e) => e.code.startsWith('storage-'))).to.deep.equal([]);
  });
});

describe('hardening: the public API under abuse', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('openHelp() with a symbol, a throwing toString or a number is an invalid-argument error event, never a throw or rejection', async () => {
    wm = createWaymark({ config: tourConfig, storage: { kind: 'memory' }, ui: false });
    const errors = record(wm, 'error');
    await wm.ready;
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    const rejections = await unhandledDuring(async () => {
      const api = wm as unknown as Record<string, (...args: unknown[]) => unknown>;
      api.openHelp!(Symbol('q'));
      api.openHelp!(hostile);
      api.openHelp!(5);
      api.openChat!(Symbol('m'));
      api.track!(hostile);
      api.identify!(null);
      api.setStage!(42);
      api.on!('show', 'not a function');
    });
    expect(rejections).to.deep.equal([]);
    const invalid = errors.filter((e) => e.code === 'invalid-argument');
    expect(invalid.map((e) => e.where)).to.deep.equal(['openHelp', 'openHelp', 'openHelp', 'openChat', 'track', 'identify', 'setStage', 'on']);
    expect(invalid[2]!.message).to.contain('query should be a string, got 5');
    expect(errors.filter((e) => e.code !== 'invalid-argument')).to.deep.equal([]);
  });

  it('wm.openHelp passed straight to addEventListener: the click event means "no query"', async () => {
    wm = createWaymark({ config: { ...tourConfig, articles: [{ id: 'a', title: 'A', url: 'https://help.example/a' }] }, storage: { kind: 'memory' }, helpLauncher: false });
    const errors = record(wm, 'error');
    const opened = record(wm, 'open-help');
    await wm.ready;
    const button = document.createElement('button');
    document.body.append(button);
    // Plain JS does this; TypeScript would refuse it, the runtime copes either way.
    button.addEventListener('click', wm.openHelp as unknown as EventListener);
    button.click();
    button.remove();
    await until(() => opened.length === 1, 'the help panel asked for');
    expect(opened[0]).to.deep.equal({ query: undefined });
    await until(() => document.querySelector<HTMLElement & { isOpen?: boolean }>('wm-help[data-waymark-ui]')?.isOpen === true, 'the panel open');
    expect(errors).to.deep.equal([]);
  });

  it('createWaymark(null) runs with the defaults', async () => {
    wm = createWaymark(null);
    const errors = record(wm, 'error');
    await wm.ready;
    expect(wm.userId).to.match(/^anon-/);
    expect(errors).to.deep.equal([]);
  });

  it('options with throwing getters or a throwing proxy never throw out of createWaymark(); the problem is reported', async () => {
    const getters = {
      get config(): WaymarkConfig {
        throw new Error('getter');
      },
      storage: { kind: 'memory' },
    } as unknown as WaymarkOptions;
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap }) as WaymarkOptions;
    const userProxy = { user: new Proxy({}, { get: trap }), storage: { kind: 'memory' } } as unknown as WaymarkOptions;
    const hostileConfig = { config: new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap }) as unknown as WaymarkConfig, storage: { kind: 'memory' } } as WaymarkOptions;
    for (const options of [getters, proxy, userProxy, hostileConfig, 42 as unknown as WaymarkOptions]) {
      const instance = createWaymark(options);
      const errors = record(instance, 'error');
      expect(await settlesWithin(instance.ready, 3000)).to.equal(true);
      expect(errors.length, 'the problem reported').to.be.greaterThan(0);
      instance.destroy();
    }
  });

  it('an on(\'error\') handler that throws is reported once, never re-entered recursively', async () => {
    wm = createWaymark({ config: tourConfig, storage: { kind: 'memory' }, ui: false });
    await wm.ready;
    let calls = 0;
    const seen: WaymarkError[] = [];
    wm.on('error', (error) => {
      calls++;
      seen.push(error);
      // A handler that misuses the API again and throws: the worst case for recursion.
      (wm as unknown as { track(name: unknown): void }).track(undefined);
      throw new Error('handler broke');
    });
    (wm as unknown as { track(name: unknown): void }).track(undefined);
    (wm as unknown as { track(name: unknown): void }).track(undefined);
    expect(seen.map((e) => e.code)).to.deep.equal(['invalid-argument', 'listener-failed', 'invalid-argument']);
    expect(calls).to.equal(3);
  });
});

describe('hardening: the script-tag queue', () => {
  let facade: WaymarkGlobal | undefined;
  afterEach(() => {
    facade?.instance?.destroy();
    facade = undefined;
    delete (window as unknown as { waymark?: unknown }).waymark;
  });

  it('a queued call with an unknown method is reported and skipped; the calls after it still run', async () => {
    const stub = function (...args: unknown[]) {
      (stub.q ??= []).push(args);
    } as unknown as WaymarkGlobal & { q: unknown[][] };
    (window as unknown as { waymark?: unknown }).waymark = stub;
    const errors: WaymarkError[] = [];
    const stages: string[] = [];
    stub('bogus', 1, 2);
    stub(Symbol('nope') as unknown as string);
    stub('init', { config: tourConfig, storage: { kind: 'memory' }, ui: false });
    stub('on', 'error', (e: WaymarkError) => errors.push(e));
    stub('on', 'stage', (e: { to: string }) => stages.push(e.to));
    stub('notAMethod');
    stub('setStage', 'paid');
    facade = installGlobal(window, null, async () => createWaymark);
    await until(() => facade!.instance !== undefined, 'the runtime loaded');
    await facade.instance!.ready;
    await until(() => stages.includes('paid'), 'the queued setStage() ran');
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-argument']);
    expect(errors[0]!.message).to.contain('notAMethod');
  });

  it("waymark('init', proxy) never throws", async () => {
    (window as unknown as { waymark?: unknown }).waymark = undefined;
    facade = installGlobal(window, null, async () => createWaymark);
    const trap = () => {
      throw new Error('trap');
    };
    expect(() => facade!('init', new Proxy({}, { get: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap }))).to.not.throw();
    await until(() => facade!.instance !== undefined, 'the runtime loaded');
    expect(await settlesWithin(facade.instance!.ready, 3000)).to.equal(true);
  });
});

/** The demo config plus `count` articles of 4,000 characters of rich text: 4,900 make the ~20 MB set of the benchmark. */
async function largeConfigText(count: number, extraArticles: string[] = []): Promise<string> {
  const demo = (await (await fetch('/examples/waymark.config.json')).json()) as { articles: unknown[] };
  const unit = 'Open **Projects**, pick *one* and see [the guide](/help/projects) or `code`.\n- a list item\n\n';
  const body = unit.repeat(Math.ceil(4_000 / unit.length)).slice(0, 4_000);
  const articles = [...demo.articles, ...Array.from({ length: count }, (_, i) => ({ id: `bulk${i}`, title: `Article ${i}`, url: `/help/${i}`, tags: [`t${i % 20}`], body }))];
  // Raw JSON items go at the end of the list (e.g. a `__proto__` key, which JSON.stringify cannot write).
  const text = JSON.stringify({ ...demo, articles: extraArticles.length ? [...articles, 'EXTRA'] : articles });
  return text.replace('"EXTRA"', extraArticles.join(','));
}

/** Counts the loader's turns given back to the page (`scheduler.yield()`), until restored. */
function countYields(): { count: () => number; restore: () => void } {
  const scheduler = (window as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
  const original = scheduler.yield;
  let yields = 0;
  scheduler.yield = function (this: unknown) {
    yields++;
    return original.call(this);
  };
  return { count: () => yields, restore: () => void delete (scheduler as { yield?: unknown }).yield };
}

describe('hardening: a large valid config never blocks the main thread in one long task', function () {
  // 20 MB parsed and validated twice (in slices, then in one piece to compare): seconds on a busy machine.
  this.timeout(180_000);
  const restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
  });

  it('a 20 MB config by URL is parsed and validated in hundreds of slices, with exactly the one-piece result', async () => {
    const text = await largeConfigText(4_900);
    expect(text.length).to.be.greaterThan(19_000_000);
    restore.push(interceptFetch('https://config.example/large', () => new Response(text, { headers: { 'content-type': 'application/json' } })));
    const yields = countYields();
    restore.push(yields.restore);
    const errors: WaymarkError[] = [];
    const loaded = await loadConfig({ window, configUrl: 'https://config.example/large', timeoutMs: 120_000, report: (e) => errors.push(e) });
    // A slice is at most 10 ms of work: seconds of it give the page a turn hundreds of times (one-piece code: never).
    expect(yields.count()).to.be.greaterThan(50);
    expect(errors).to.deep.equal([]);
    const oneShot = validateConfig(parseJsonWithComments(text));
    expect(loaded.issues).to.deep.equal(oneShot.issues);
    expect(loaded.config).to.deep.equal(oneShot.config);
    expect(loaded.config.articles).to.have.length(4_913);
  });

  it('a large config given inline is validated in slices too; its broken articles are reported at the same paths and skipped alone', async () => {
    const text = await largeConfigText(3_000, ['{"id": "no-title", "url": "/x"}', '{"id": "proto", "title": "P", "url": "/p", "__proto__": {"polluted": true}}']);
    const given = parseJsonWithComments(text);
    const yields = countYields();
    restore.push(yields.restore);
    const errors: WaymarkError[] = [];
    const loaded = await loadConfig({ window, config: given, report: (e) => errors.push(e) });
    expect(yields.count()).to.be.greaterThan(20);
    const oneShot = validateConfig(given);
    expect(loaded.issues).to.deep.equal(oneShot.issues);
    expect(loaded.config).to.deep.equal(oneShot.config);
    expect(loaded.issues.map((i) => `${i.code}@${i.path.join('.')}`)).to.deep.equal(['forbidden-key@articles.3014.__proto__', 'missing@articles.3013.title']);
    expect(errors.map((e) => e.path?.join('.'))).to.deep.equal(['articles.3014.__proto__', 'articles.3013.title']);
    expect(loaded.config.articles).to.have.length(3_013);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('the same large text by URL: the same issues at the same paths, no prototype polluted', async () => {
    const text = await largeConfigText(1_000, ['{"id": "no-title", "url": "/x"}', '{"id": "proto", "title": "P", "url": "/p", "__proto__": {"polluted": true}}']);
    expect(text.length).to.be.greaterThan(SLICED_PARSE_FROM);
    restore.push(interceptFetch('https://config.example/large-broken', () => new Response(text)));
    const errors: WaymarkError[] = [];
    const loaded = await loadConfig({ window, configUrl: 'https://config.example/large-broken', timeoutMs: 120_000, report: (e) => errors.push(e) });
    const oneShot = validateConfig(parseJsonWithComments(text));
    expect(loaded.issues).to.deep.equal(oneShot.issues);
    expect(loaded.config).to.deep.equal(oneShot.config);
    expect(errors.map((e) => e.path?.join('.'))).to.deep.equal(['articles.1014.__proto__', 'articles.1013.title']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('a small config (inline or by URL) is loaded without a single pause, as before', async () => {
    const yields = countYields();
    restore.push(yields.restore);
    restore.push(interceptFetch('https://config.example/small', () => new Response(JSON.stringify(tourConfig))));
    const byUrl = await loadConfig({ window, configUrl: 'https://config.example/small', report: () => {} });
    const inline = await loadConfig({ window, config: tourConfig, report: () => {} });
    expect(yields.count()).to.equal(0);
    expect(byUrl.config.experiences.map((e) => e.id)).to.deep.equal(['welcome']);
    expect(inline.config).to.deep.equal(byUrl.config);
  });

  it('the time limit still covers parsing: a large body that cannot be parsed in time is a config-timeout, and the parsing stops', async () => {
    const text = await largeConfigText(4_900);
    restore.push(interceptFetch('https://config.example/slow-parse', () => new Response(text)));
    const errors: WaymarkError[] = [];
    const loaded = await loadConfig({ window, configUrl: 'https://config.example/slow-parse', timeoutMs: 30, report: (e) => errors.push(e) });
    expect(errors.map((e) => e.code)).to.deep.equal(['config-timeout']);
    expect(loaded.config.experiences).to.deep.equal([]);
    // Nothing keeps parsing behind the page's back: no more turns are taken once the limit has passed.
    const yields = countYields();
    restore.push(yields.restore);
    await new Promise((r) => setTimeout(r, 300));
    expect(yields.count()).to.equal(0);
  });

  it('without scheduler.yield the slices are separated by posted messages', async () => {
    let channels = 0;
    const RealChannel = window.MessageChannel;
    const win = {
      performance,
      MessageChannel: class extends RealChannel {
        constructor() {
          super();
          channels++;
        }
      },
    } as unknown as Window;
    function* work(): Generator<void, string, void> {
      for (let step = 0; step < 6; step++) {
        const until = performance.now() + 3;
        while (performance.now() < until);
        yield;
      }
      return 'done';
    }
    expect(await runInSlices(win, work(), { budgetMs: 5 })).to.equal('done');
    expect(channels).to.be.within(2, 6);
  });
});

describe('hardening: misspelt declarative attributes are config issues like misspelt JSON keys', () => {
  let wm: Waymark | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    host?.remove();
  });

  it('the error event and ready\'s issues both name the attribute, with a did-you-mean', async () => {
    host = document.createElement('div');
    // Static test markup, as a developer would write it in their HTML.
    host.innerHTML = `<button id="wm-typo-target">Go</button>
      <wm-tour id="typo-tour"><wm-step target="#wm-typo-target" title="T" placment="top">x</wm-step></wm-tour>`;
    document.body.append(host);
    wm = createWaymark({ config: { version: '1', experiences: [] }, storage: { kind: 'memory' } });
    const errors = record(wm, 'error');
    const ready = await new Promise<{ issues: Array<{ code: string; path: unknown[]; message: string }> }>((resolve) => wm!.on('ready', resolve));
    const expected = 'wm-tour#typo-tour > wm-step[0]@placment: unknown attribute "placment" (ignored); did you mean "placement"?';
    expect(errors.filter((e) => e.where === 'declarative').map((e) => e.message)).to.deep.equal([expected]);
    expect(ready.issues.map((i) => [i.code, i.path, i.message])).to.deep.equal([['unknown-attribute', ['wm-tour#typo-tour > wm-step[0]@placment'], expected]]);
    // Ignored, as the JSON key would be reported: the tour still runs.
    expect(wm.why('typo-tour')).to.not.equal(null);
  });
});

describe('hardening: an experience limited to a stage ends with its stage, on screen too', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('a banner for stage "a" leaves the screen when the user moves to "b", why() agrees, and a reload does not bring it back', async () => {
    const config: WaymarkConfig = {
      version: '1',
      stages: [{ id: 'a' }, { id: 'b' }],
      limits: { minGap: '0s' },
      experiences: [{ id: 'news', type: 'announcement', display: 'banner', title: 'For stage a', stages: ['a'] }],
    };
    const dbName = uniqueDb();
    const banner = () => document.querySelector('wm-announcement[data-waymark-ui]');
    wm = createWaymark({ config, user: { id: 'u-stage' }, storage: { dbName } });
    const hides = record(wm, 'hide');
    await wm.ready;
    wm.setStage('a');
    await until(() => banner() !== null, 'the banner shows in stage a');
    wm.setStage('b');
    await until(() => banner() === null, 'the banner leaves the screen in stage b');
    expect(hides.map((h) => [h.experienceId, h.reason])).to.deep.equal([['news', 'ended']]);
    expect(wm.why('news')?.eligible).to.equal(false);
    wm.destroy();

    wm = createWaymark({ config, user: { id: 'u-stage' }, storage: { dbName } });
    await wm.ready;
    await new Promise((r) => setTimeout(r, 500));
    expect(banner()).to.equal(null);
    expect(wm.why('news')?.eligible).to.equal(false);
  });
});
