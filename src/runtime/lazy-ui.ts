import type { WaymarkConfig } from '../config/types.js';
import type { UserAction } from '../engine/contract.js';
import { createPageTargets } from '../platform/targets/page.js';
import type { TextMatching } from '../platform/targets/text.js';
import type { ExperienceRenderer, ExperienceView, TargetResolver, ViewHost } from '../ui/index.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';
import { describeError, type WaymarkError } from './errors.js';

export interface LazyUiOptions {
  window: Window;
  /** Read when the components first load. */
  config(): WaymarkConfig;
  locale(): string;
  stack: DismissibleStack;
  /** Text targets' matching, once the config's text targets had it loaded (config-parts.ts). */
  textMatching(): TextMatching | null;
  /** False: no transitions or animations (`animation: false`). */
  animation: boolean;
  act(experienceId: string, action: UserAction): void;
  /** A surface that holds some views itself (the resource center holds the checklist). */
  viewHost?: ViewHost;
  report(error: WaymarkError): void;
  reportError(error: unknown, where: string): void;
}

/** Waymark's components, as the effects see them; the chunks load on the first show. */
export interface LazyUi {
  show(view: ExperienceView): void;
  /** Takes the experience off the screen (nothing to do, and nothing loaded, if it was never shown). */
  hide(experienceId: string, reason: string): void;
  setLocale(locale: string): void;
  /** Start loading the components now (the config has something to show), while the user's state is still being read. */
  preload?(): void;
  dispose(): void;
}

/** Element targets given in code (`addExperience`) reach the components as they are; the rest resolve in the page. */
function elementsAsGiven(win: Window, page: TargetResolver): TargetResolver {
  const given = (target: unknown): Element | null => (target instanceof (win as Window & typeof globalThis).Element ? target : null);
  return {
    resolve: (target) => given(target) ?? page.resolve(target),
    wait: (target, timeoutMs, signal) => {
      const element = given(target);
      return element ? Promise.resolve(element.isConnected ? element : null) : page.wait(target, timeoutMs, signal);
    },
    describe: (target) => {
      const element = given(target);
      return element ? `<${element.localName}${element.id ? `#${element.id}` : ''}>` : page.describe(target);
    },
  };
}

export function createLazyUi(options: LazyUiOptions): LazyUi {
  const win = options.window;
  let disposed = false;
  let renderer: Promise<ExperienceRenderer | null> | null = null;

  function load(): Promise<ExperienceRenderer | null> {
    return import('../ui/index.js').then(
      ({ createRenderer }) => {
        if (disposed) return null;
        const config = options.config();
        return createRenderer({
          window: win,
          locale: options.locale(),
          strings: config.strings,
          theme: config.theme,
          articles: new Map((config.articles ?? []).map((article) => [article.id, article])),
          act: options.act,
          reportError: options.reportError,
          // One Escape stack for every Waymark layer (experiences, help, the debug picker): Escape closes the topmost.
          stack: options.stack,
          targets: elementsAsGiven(win, createPageTargets(win, { textMatching: options.textMatching })),
          animation: options.animation,
          // The host's own modals and drawers to step aside for, and its main landmark for focus.
          host: config.host,
          viewHost: options.viewHost,
        });
      },
      (error: unknown) => {
        options.report({ code: 'ui-unavailable', severity: 'error', where: 'ui', message: `could not load the UI: ${describeError(error)}`, cause: error });
        return null;
      },
    );
  }

  /** Calls keep their order: each waits on the same promise. */
  function whenLoaded(loading: Promise<ExperienceRenderer | null> | null, use: (renderer: ExperienceRenderer) => void): void {
    void loading?.then((loaded) => {
      if (loaded && !disposed) use(loaded);
    });
  }

  return {
    show(view) {
      if (disposed) return;
      renderer ??= load();
      whenLoaded(renderer, (loaded) => loaded.show(view));
    },
    hide(experienceId, reason) {
      whenLoaded(renderer, (loaded) => loaded.hide(experienceId, reason));
    },
    setLocale(locale) {
      whenLoaded(renderer, (loaded) => loaded.setLocale(locale));
    },
    preload() {
      if (!disposed) renderer ??= load();
    },
    dispose() {
      disposed = true;
      void renderer?.then((loaded) => loaded?.dispose());
    },
  };
}
