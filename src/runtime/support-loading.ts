/**
 * Help, chat handoff and the resource center, loaded only when something needs them: a config with articles,
 * a search provider, chat or a resource center loads them while it is being read (before `ready`, so the
 * launchers appear as early as before); otherwise the first `openHelp()`, `openChat()` or button that asks for
 * help loads them. A tour-only page never downloads them. What went wrong on the page is remembered here, from
 * the start, so an operator reached later still hears about it.
 */
import type { WaymarkConfig } from '../config/types.js';
import type { ChatContext } from '../core/chat/contract.js';
import type { AnalyticsEvent } from '../engine/contract.js';
import { resourceCenterView } from '../engine/settings.js';
import type { Support, SupportOptions } from './support.js';

/** The last struggle and the last few errors, for the operator's context. */
export interface StruggleMemory {
  last?: ChatContext['struggle'];
  /** Oldest first, at most `RECENT_ERRORS`. */
  errors: string[];
}

const RECENT_ERRORS = 5;

/** Loads help, chat and the resource center (a chunk of their own in the script-tag build). */
export type LoadSupport = () => Promise<typeof import('./support-chunk.js')>;
export type SupportParts = Awaited<ReturnType<LoadSupport>>;

export const loadSupportParts: LoadSupport = () => import('./support-chunk.js');

/**
 * The help panel opens beside the control that opened it and the resource center's launcher stacks in its corner:
 * what places them (the coordinator's arrangement, a chunk a tour page never loads) is in before either can open,
 * so neither shows a frame out of place; so is the resource center's Escape handling, a part it shares with other
 * cards (not with tours), fetched alongside instead of after its chunk. Never rejects: without them they still
 * show, only unstacked.
 */
const prepareSurfaces = (stack: SupportOptions['stack']): Promise<void> =>
  Promise.all([
    import('../ui/shared/coordinator/coordinator.js').then(({ surfacesOf }) => surfacesOf(stack).prepare({ kind: 'corner', besideOpener: true })),
    import('../ui/shared/controllers/focus-escape.js'),
  ]).then(
    () => undefined,
    () => undefined,
  );

/** Whether this config shows help or a resource center from the start: then their code loads while it is read. */
export function configNeedsSupport(config: WaymarkConfig): boolean {
  return Boolean(config.articles?.length || config.search || config.chat) || resourceCenterView(config).enabled;
}

export interface LazySupport extends Support {
  /** A `struggle_detected` event: the operator hears about it. */
  rememberStruggle(event: AnalyticsEvent): void;
  /** Load the code now; settles with it once it is in (null when it could not load or the instance is gone). */
  load(): Promise<SupportParts | null>;
}

export interface LazySupportOptions extends Omit<SupportOptions, 'struggles'> {
  /** Settles once the config and stored progress are in: calls made earlier wait for it. */
  whenReady(): Promise<unknown>;
}

export function createLazySupport(options: LazySupportOptions, load: LoadSupport = loadSupportParts): LazySupport {
  const struggles: StruggleMemory = { errors: [] };
  let disposed = false;
  let loading: Promise<SupportParts | null> | null = null;
  let support: Support | null = null;
  /** Calls made before the code (or the config) is in: replayed in order once both are. */
  let waiting: Array<(support: Support) => void> = [];

  function start(): Promise<SupportParts | null> {
    loading ??= Promise.all([load(), prepareSurfaces(options.stack)]).then(
      ([parts]) => {
        if (disposed) return null;
        support = parts.createSupport({ ...options, struggles });
        return parts;
      },
      (error: unknown) => {
        // Tried again on the next call: a chunk that failed once (offline) may load later, so Help is no dead end.
        loading = null;
        options.reportError(error, 'help:load');
        return null;
      },
    );
    return loading;
  }

  const run = (call: (support: Support) => void, loaded: Support) => {
    try {
      call(loaded);
    } catch (error) {
      options.reportError(error, 'help');
    }
  };

  function use(call: (support: Support) => void): void {
    if (disposed) return;
    if (support && waiting.length === 0) return run(call, support);
    waiting.push(call);
    if (waiting.length > 1) return;
    void Promise.all([start(), options.whenReady()]).then(() => {
      const calls = waiting;
      waiting = [];
      if (!support || disposed) return;
      for (const call of calls) run(call, support);
    });
  }

  return {
    rememberStruggle(event) {
      const kind = event.props?.['kind'] as NonNullable<ChatContext['struggle']>['kind'];
      const detail = typeof event.props?.['detail'] === 'string' ? (event.props['detail'] as string) : undefined;
      struggles.last = detail ? { kind, detail } : { kind };
      if (kind === 'error' && detail) {
        struggles.errors.push(detail);
        if (struggles.errors.length > RECENT_ERRORS) struggles.errors.shift();
      }
    },
    load: start,
    // Called once the config is in: the code is loaded by then when the config has anything to help with.
    offerLauncher: () => support?.offerLauncher(),
    openHelp: (query) => use((loaded) => loaded.openHelp(query)),
    openArticle: (articleId, fromExperience) => use((loaded) => loaded.openArticle(articleId, fromExperience)),
    openChat: (message, source) => use((loaded) => loaded.openChat(message, source)),
    // Nothing to follow or re-create before the panel exists.
    refresh: () => support?.refresh(),
    setLocale: () => support?.setLocale(),
    dispose() {
      if (disposed) return;
      disposed = true;
      waiting = [];
      support?.dispose();
    },
  };
}
