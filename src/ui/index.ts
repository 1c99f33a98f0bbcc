/**
 * The UI layer's seam with the runtime: `createRenderer(ctx)` renders the experiences the
 * engine decided to show and reports what the user does through `ctx.act`. Each experience
 * type's component is loaded with `import()` the first time one is shown, so a page pays
 * only for what it shows. Importing this module defines nothing and listens to nothing.
 */
import { isSafeUrl } from '../config/rich-text.js';
import type { Article, Experience, HostSettings, ThemeTokens } from '../config/types.js';
import type { UserAction } from '../engine/contract.js';
import type { ChecklistView } from '../engine/index.js';
import type { ComponentContext, TargetResolver } from './shared/context.js';
import { surfacesOf, type SurfaceOptions, type SurfaceSlot } from './shared/coordinator/coordinator.js';
import { createDismissibleStack } from './shared/dismissible-stack.js';
import { createTranslatorFrom, loadBuiltInStrings, type Catalogs } from './shared/i18n-core.js';
import { strings as english } from './shared/i18n-en.js';

export interface UiContext {
  window: Window;
  /** e.g. 'en', 'ru', 'lt', 'ar'. */
  locale: string;
  /** config.strings overrides. */
  strings?: Record<string, Record<string, string>>;
  /** config.theme */
  theme?: ThemeTokens;
  articles: ReadonlyMap<string, Article>;
  /** Report a user action on a shown experience (next, back, dismiss, complete, step-missing, button …). */
  act(experienceId: string, action: UserAction): void;
  reportError(error: unknown, where: string): void;
  /** The Escape stack to share with other Waymark layers (default: the renderer's own). */
  stack?: import('./shared/dismissible-stack.js').DismissibleStack;
  /** Where targets are found: the platform's resolver, injected by the runtime; without it, plain CSS selectors and anchors. */
  targets?: TargetResolver;
  /** False: the components neither transition nor animate (reduced motion is honoured either way). */
  animation?: boolean;
  /** config.host: the host's own modals and drawers to step aside for, and its main landmark for focus. */
  host?: HostSettings;
  /** A surface that holds some views itself instead of the renderer mounting them (the resource center holds the checklist). */
  viewHost?: ViewHost;
}

export interface ViewHost {
  /** True when the host took the view (then the renderer mounts nothing for it). */
  show(view: ExperienceView, context: ComponentContext): boolean;
  hide(experienceId: string): void;
}

export interface ExperienceView {
  experience: Experience;
  step?: number;
  level?: number;
  /** Checklists: each item's state and the progress, from the engine (re-sent whenever it changes). */
  checklist?: ChecklistView;
}

export interface ExperienceRenderer {
  /** First show, or re-render at a new step. */
  show(view: ExperienceView): void;
  hide(experienceId: string, reason: string): void;
  /** Render every shown experience again in another locale (strings, content, direction). */
  setLocale(locale: string): void;
  /** Removes every element, listener and style it added. */
  dispose(): void;
}

/** The properties every rendered component takes. */
interface RenderedElement extends HTMLElement {
  experience?: Experience;
  context?: ComponentContext;
  step?: number;
  level?: number;
  checklist?: ChecklistView;
}

type RenderedType = 'tour' | 'hint' | 'beacon' | 'announcement' | 'survey' | 'nudge' | 'checklist';

/** A component's chunk, with a part it shares with other components (not with the tour) fetched alongside, not after it. */
const withPart = (component: Promise<{ tagName: string }>, part: Promise<unknown>) => Promise.all([component, part]).then(([loaded]) => loaded);

/** One lazy chunk per component; each registering module exports the tag it defined. */
const LOADERS: Record<RenderedType, () => Promise<{ tagName: string }>> = {
  tour: () => import('./tour/define.js'),
  hint: () => withPart(import('./hint/define.js'), import('./shared/hint-card.js')),
  beacon: () => withPart(import('./beacon/define.js'), import('./shared/hint-card.js')),
  announcement: () => withPart(import('./announcement/define.js'), import('./shared/controllers/focus-escape.js')),
  survey: () => withPart(import('./survey/define.js'), import('./shared/controllers/focus-escape.js')),
  nudge: () => import('./nudge/define.js'),
  checklist: () => import('./checklist/define.js'),
};

/** Where each experience goes on screen, for the coordinator (a component may refine it with its own slot). */
function surfaceOf(view: ExperienceView): SurfaceOptions {
  const experience = view.experience;
  switch (experience.type) {
    case 'announcement':
      return { kind: experience.display === 'modal' ? 'modal' : 'banner' };
    case 'survey':
      return { kind: 'corner', corner: 'bottom-end' };
    case 'tour':
      // One blocking experience at a time: the tour owns the screen while it runs.
      return { kind: 'modal' };
    case 'nudge':
      // Its first level is a hint beside the target; the later ones are cards in a corner.
      return (view.level ?? 0) > 0 ? { kind: 'corner', corner: 'bottom-end' } : { kind: 'popover' };
    case 'checklist':
      return experience.launcher === 'inline' ? { kind: 'popover', boxes: () => [] } : { kind: 'corner', corner: experience.position ?? 'bottom-end' };
    default:
      return { kind: 'popover' };
  }
}

/** Until the plain-selector fallback is in: nothing mounts before it (see `targetsReady`), so nothing asks this. */
const NO_TARGETS: TargetResolver = { resolve: () => null, wait: () => Promise.resolve(null), describe: () => '' };

/** How long a surface waits for its images before showing anyway. */
const IMAGE_WAIT_MS = 1500;

/** The images an experience shows (a tour's on every step). */
function imagesOf(experience: Experience): string[] {
  const images = experience.type === 'tour' ? experience.steps.map((step) => step.image) : experience.type === 'announcement' ? [experience.image] : [];
  return images.flatMap((image) => (image && isSafeUrl(image.src) ? [image.src] : []));
}

/**
 * Fetch and decode an experience's images before it is shown: a centred card whose image
 * arrived after it was drawn would grow and move (a layout shift). Never rejects; gives up after
 * `IMAGE_WAIT_MS`. The returned images are kept while the surface is up, so they stay decoded.
 */
function preloadImages(win: Window, experience: Experience): { ready: Promise<void>; images: HTMLImageElement[] } {
  const images = imagesOf(experience).map((src) => {
    const image = new (win as Window & typeof globalThis).Image();
    image.src = src;
    return image;
  });
  if (images.length === 0) return { ready: Promise.resolve(), images };
  const decoded = Promise.allSettled(images.map((image) => image.decode())).then(() => undefined);
  const timeout = new Promise<void>((resolve) => win.setTimeout(resolve, IMAGE_WAIT_MS));
  return { ready: Promise.race([decoded, timeout]), images };
}

/** The types whose English strings are a chunk of their own (i18n-en-more.ts): the first one shown loads them. */
const MORE_STRINGS: ReadonlySet<RenderedType> = new Set(['survey', 'nudge', 'checklist']);

function isRendered(type: Experience['type']): type is RenderedType {
  return type === 'tour' || type === 'hint' || type === 'beacon' || type === 'announcement' || type === 'survey' || type === 'nudge' || type === 'checklist';
}

/** Lazy: each experience type's component is loaded with import() only when first shown. */
export function createRenderer(ctx: UiContext): ExperienceRenderer {
  const doc = ctx.window.document;
  // Shared with the help panel when the runtime passes one, so Escape closes only the topmost Waymark layer.
  const ownStack = ctx.stack ? null : createDismissibleStack(ctx.window);
  const stack = ctx.stack ?? ownStack!;
  // One coordinator for every surface sharing this stack: it also keeps focus off <body> when one closes.
  const surfaces = surfacesOf(stack);
  surfaces.setHost(ctx.host);
  const stopGuardingFocus = surfaces.guardFocus();
  const slots = new Map<string, { options: SurfaceOptions; slot: SurfaceSlot }>();
  /** Register again when the kind of surface changes (a nudge moving from its hint to a corner card). */
  const placeOnScreen = (id: string, element: HTMLElement, view: ExperienceView) => {
    const options = surfaceOf(view);
    const current = slots.get(id);
    if (current && current.options.kind === options.kind) return current.slot.update();
    current?.slot.dispose();
    slots.set(id, { options, slot: surfaces.register(element, options) });
  };
  const reportError = (error: unknown, where: string) => {
    try {
      ctx.reportError(error, where);
    } catch {
      // The error channel itself failed: nothing left to tell.
    }
  };
  // English until the locale's own strings are in; nothing mounts before they are (see `stringsReady`).
  let component: ComponentContext = {
    window: ctx.window,
    translator: createTranslatorFrom({ en: english }, ctx.locale, ctx.strings),
    theme: ctx.theme,
    articles: ctx.articles,
    stack,
    // Replaced by plain CSS selectors before anything mounts when the caller injects no resolver (see `targetsReady`).
    targets: ctx.targets ?? NO_TARGETS,
    act(experienceId, action) {
      try {
        ctx.act(experienceId, action);
      } catch (error) {
        reportError(error, `ui:act:${experienceId}`);
      }
    },
    reportError,
  };
  const mounted = new Map<string, RenderedElement>();
  /** The latest view asked for, per experience, including ones whose chunk is still loading. */
  const wanted = new Map<string, ExperienceView>();
  const loading = new Set<string>();
  /** Each shown experience's images, decoded before it mounted (held so they stay decoded). */
  const decodedImages = new Map<string, HTMLImageElement[]>();
  let disposed = false;

  /** Each locale asked for gets a number: strings that arrive after a newer request are dropped. */
  let localeRequest = 0;
  let currentLocale = ctx.locale;
  /** A survey, nudge or checklist was shown: English is loaded whole from then on; `moreStringsIn` once it is. */
  let moreStringsWanted = false;
  let moreStringsIn = false;
  /** Load the built-in strings of `locale` (English if its chunk fails), then give every surface the new context. */
  const useLocale = (locale: string): Promise<void> => {
    const request = ++localeRequest;
    const allEnglish = moreStringsWanted;
    currentLocale = locale;
    return loadBuiltInStrings(locale, allEnglish)
      .catch((error: unknown): Catalogs | Promise<Catalogs> => {
        reportError(error, `ui:strings:${locale}`);
        // English, whole when a survey, nudge or checklist wants it: its chunk may load though the locale's did not.
        return allEnglish ? loadBuiltInStrings('en', true).catch(() => ({ en: english })) : { en: english };
      })
      .then((catalogs) => {
        if (disposed || request !== localeRequest) return;
        // Even when that chunk failed (reported above): waiting again would not bring it.
        if (allEnglish) moreStringsIn = true;
        // A new context object: each component sees the change and renders again.
        component = { ...component, translator: createTranslatorFrom(catalogs, locale, ctx.strings) };
        for (const [id, view] of wanted) if (!mounted.has(id) && !loading.has(id)) ctx.viewHost?.show(view, component);
        for (const [id, element] of mounted) {
          const view = wanted.get(id);
          try {
            if (view) apply(element, view);
          } catch (error) {
            reportError(error, `ui:locale:${id}`);
          }
        }
      });
  };
  /** The locale's strings start loading with the renderer; a surface mounts only once they are in, in its own language. */
  let stringsReady = useLocale(ctx.locale);
  /** The runtime always injects its resolver: the plain-selector fallback is a chunk only other callers load. */
  const targetsReady: Promise<unknown> = ctx.targets
    ? Promise.resolve()
    : import('./shared/selector-targets.js').then(({ createSelectorTargets }) => {
        component = { ...component, targets: createSelectorTargets(doc) };
      });

  const apply = (element: RenderedElement, view: ExperienceView) => {
    element.context = component;
    element.experience = view.experience;
    if (view.experience.type === 'tour') element.step = view.step ?? 0;
    if (view.experience.type === 'nudge') element.level = view.level ?? 0;
    if (view.experience.type === 'checklist') element.checklist = view.checklist;
  };

  const mount = (id: string, type: RenderedType, tagName: string) => {
    const view = wanted.get(id);
    if (!view || disposed || mounted.has(id)) return;
    const element = doc.createElement(tagName) as RenderedElement;
    element.dataset.waymarkUi = type;
    element.dataset.experience = id;
    if (ctx.animation === false) element.dataset.waymarkMotion = 'off';
    apply(element, view);
    (doc.body ?? doc.documentElement).append(element);
    mounted.set(id, element);
    placeOnScreen(id, element, view);
  };

  const renderer: ExperienceRenderer = {
    show(view) {
      if (disposed) return;
      const { experience } = view;
      if (!isRendered(experience.type)) return;
      const type = experience.type;
      const id = experience.id;
      wanted.set(id, view);
      if (MORE_STRINGS.has(type) && !moreStringsIn) {
        // Its English strings first (a small chunk, fetched alongside its component's): it is never shown with a
        // string missing, and a page that shows only tours, hints, beacons or announcements never loads them.
        if (!moreStringsWanted) {
          moreStringsWanted = true;
          stringsReady = useLocale(currentLocale);
        }
        void LOADERS[type]().catch(() => undefined); // failures are reported by the load that mounts it
        void stringsReady.then(() => {
          if (wanted.get(id) === view) renderer.show(view);
        });
        return;
      }
      if (ctx.viewHost?.show(view, component)) return;
      const existing = mounted.get(id);
      if (existing) {
        try {
          apply(existing, view);
          placeOnScreen(id, existing, view);
        } catch (error) {
          reportError(error, `ui:show:${id}`);
        }
        return;
      }
      if (loading.has(id)) return;
      loading.add(id);
      const preloaded = preloadImages(ctx.window, experience);
      decodedImages.set(id, preloaded.images);
      // A nudge's later levels are corner cards: what places them loads with its first level.
      const placement = surfaces.prepare(type === 'nudge' ? { kind: 'corner' } : surfaceOf(view));
      Promise.all([LOADERS[type](), preloaded.ready, stringsReady, placement, targetsReady])
        .then(([{ tagName }]) => mount(id, type, tagName))
        .catch((error: unknown) => reportError(error, `ui:load:${type}`))
        .finally(() => loading.delete(id));
    },
    hide(experienceId) {
      ctx.viewHost?.hide(experienceId);
      wanted.delete(experienceId);
      decodedImages.delete(experienceId);
      const element = mounted.get(experienceId);
      if (!element) return;
      mounted.delete(experienceId);
      slots.get(experienceId)?.slot.dispose();
      slots.delete(experienceId);
      try {
        element.remove();
      } catch (error) {
        reportError(error, `ui:hide:${experienceId}`);
      }
    },
    setLocale(locale) {
      if (disposed) return;
      stringsReady = useLocale(locale);
    },
    dispose() {
      disposed = true;
      wanted.clear();
      decodedImages.clear();
      for (const element of mounted.values()) element.remove();
      mounted.clear();
      for (const { slot } of slots.values()) slot.dispose();
      slots.clear();
      stopGuardingFocus();
      ownStack?.dispose();
    },
  };
  return renderer;
}

export type { TargetResolver } from './shared/context.js';
export { WmActionEvent, WmOpenChangeEvent, WmStepChangeEvent, WmTargetMissingEvent } from './shared/events.js';
export type {
  WmAnnouncementEventMap,
  WmBeaconEventMap,
  WmChecklistEventMap,
  WmElementEventMaps,
  WmHelpEventMap,
  WmHintEventMap,
  WmNudgeEventMap,
  WmSurveyEventMap,
  WmTourEventMap,
} from './shared/events.js';
export type { Translator, StringKey } from './shared/i18n-core.js';
