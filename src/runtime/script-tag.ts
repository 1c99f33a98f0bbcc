import { startEarly, type EarlyStart } from './early-start.js';
import type { WaymarkOptions } from './types.js';

/**
 * The script-tag entry's side of the install, which runs before the runtime chunk is in: read the tag's options,
 * begin the instance's first I/O, hint the chunks it loads next. The global itself is installed by global.ts, in the
 * runtime chunk. Pages without a bundler add (the stub may be inline or, under a strict CSP, its own file):
 *
 *   <script>window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)}</script>
 *   <script type="module" src="https://…/waymark.js" data-config="/onboarding.json"></script>
 *
 * Calls made before the SDK loads (`waymark('identify', 'u1', {plan: 'pro'})`, `waymark('track', 'signup')`)
 * are queued by the stub and replayed in order. Afterwards `waymark('track', …)` and `waymark.track(…)` both work.
 */

/** Find the `<script>` that loaded this bundle, to read its `data-*` options. */
export function findOwnScript(doc: Document, moduleUrl: string): HTMLScriptElement | null {
  for (const script of Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]'))) {
    if (script.src === moduleUrl) return script;
  }
  return doc.querySelector<HTMLScriptElement>('script[data-config][src*="waymark"]');
}

/** Options from the script tag: `data-config`, `data-user-id`, `data-locale`, `data-debug`, `data-help-launcher`. */
export function optionsFromScript(script: HTMLScriptElement | null): WaymarkOptions | null {
  const data = script?.dataset;
  if (!data?.config) return null;
  return {
    configUrl: data.config,
    user: data.userId ? { id: data.userId } : undefined,
    locale: data.locale,
    debug: data.debug !== undefined && data.debug !== 'false',
    helpLauncher: data.helpLauncher !== 'false',
  };
}

/**
 * Ask the browser to fetch the modules an instance needs next (`<link rel="modulepreload">`), so they
 * download while the config and the stored progress load instead of after. Returns the disposer that
 * removes the hints it added.
 */
export function preloadModules(doc: Document, urls: readonly string[]): () => void {
  const present = new Set(Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (link) => link.href));
  const added = urls
    .filter((url) => !present.has(url))
    .map((url) => {
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.href = url;
      (doc.head ?? doc.documentElement).append(link);
      return link;
    });
  return () => added.forEach((link) => link.remove());
}


/**
 * Begin the config request and the database open of the instance the page creates, while the runtime chunk downloads:
 * with the tag's options, overridden by those of an `init` call in the stub's queue (the first one, which is the one
 * that creates it). Only plain data properties of those are read, never a getter: the install reads them properly.
 * `onConfigShows`: called once the config is known to have experiences (given inline, or the early request's answer),
 * unless the instance has no UI, so the entry can hint the UI chunk while the runtime chunk still loads. Never throws.
 */
export function startEarlyForScript(win: Window, options: WaymarkOptions | null, onConfigShows?: () => void): EarlyStart | undefined {
  try {
    const stub = (win as unknown as { waymark?: { q?: unknown; version?: string } }).waymark;
    // Loaded twice: the first install's instance is the one.
    if (stub?.version) return undefined;
    const queued = Array.isArray(stub?.q) ? Array.from(stub.q as ArrayLike<unknown>[]) : [];
    const init = queued.find((call) => call?.[0] === 'init');
    // Destroyed before it loaded: nothing is to be fetched or created.
    if ((!init && !options) || queued.some((call) => call?.[0] === 'destroy')) return undefined;
    const given = init?.[1];
    const storage = dataOf(given, 'storage');
    const config = dataOf(given, 'config') ?? options?.config;
    const early = startEarly(win, {
      config,
      configUrl: dataOf(given, 'configUrl') ?? options?.configUrl,
      storage: storage === undefined ? options?.storage : { kind: dataOf(storage, 'kind'), dbName: dataOf(storage, 'dbName') },
    });
    const experiences = dataOf(config, 'experiences');
    if (onConfigShows && dataOf(given, 'ui') !== false) {
      const shows = Array.isArray(experiences)
        ? Promise.resolve(experiences.length > 0)
        : // A clone, taken before the runtime (which takes the response over later) reads the body.
          early.response?.then((response) => (response.ok ? response.clone().text() : '')).then((text) => SHOWS_SOMETHING.test(text));
      // A hint that fails is only a hint lost: never the early start, never an error on the page.
      shows?.then((yes) => yes && onConfigShows()).catch(() => undefined);
    }
    return early;
  } catch {
    return undefined;
  }
}

/**
 * A config with experiences: the UI chunk is needed (the runtime loads it once the config is in). Tested on the text,
 * as the runtime reads it (comments allowed), not parsed: the entry stays small and the config is parsed once.
 */
const SHOWS_SOMETHING = /"experiences"\s*:\s*\[\s*[^\s\]]/;

/** `object[key]` when it is a plain data property (no getter runs), else undefined. */
function dataOf(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object') return undefined;
  return Object.getOwnPropertyDescriptor(object, key)?.value;
}
