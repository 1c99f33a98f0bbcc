/**
 * The UI layer's seam with the runtime: `createRenderer(ctx)` renders the experiences the
 * engine decided to show and reports what the user does through `ctx.act`. Each experience
 * type's component is loaded with `import()` the first time one is shown, so a page pays
 * only for what it shows. Importing this module defines nothing and listens to nothing.
 */
import type { Article, Experience, ThemeTokens } from '../config/types.js';
import type { UserAction } from '../engine/contract.js';
import type { ChecklistView } from '../engine/index.js';
import type { ComponentContext, TargetResolver } from './shared/context.js';
import { createDismissibleStack } from './shared/dismissible-stack.js';
import { createTranslator } from './shared/i18n.js';
import { createSelectorTargets } from './shared/selector-targets.js';

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
  /** A surface that holds some views itself instead of the renderer mounting them (the resource center holds the checklist). */
  host?: ViewHost;
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

/** One lazy chunk per component; each registering module exports the tag it defined. */
const LOADERS: Record<RenderedType, () => Promise<{ tagName: string }>> = {
  tour: () => import('./tour/define.js'),
  hint: () => import('./hint/define.js'),
  beacon: () => import('./beacon/define.js'),
  announcement: () => import('./announcement/define.js'),
  survey: () => import('./survey/define.js'),
  nudge: () => import('./nudge/define.js'),
  checklist: () => import('./checklist/define.js'),
};

function isRendered(type: Experience['type']): type is RenderedType {
  return type === 'tour' || type === 'hint' || type === 'beacon' || type === 'announcement' || type === 'survey' || type === 'nudge' || type === 'checklist';
}

/** Lazy: each experience type's component is loaded with import() only when first shown. */
export function createRenderer(ctx: UiContext): ExperienceRenderer {
  const doc = ctx.window.document;
  // Shared with the help panel when the runtime passes one, so Escape closes only the topmost Waymark layer.
  const ownStack = ctx.stack ? null : createDismissibleStack(ctx.window);
  const stack = ctx.stack ?? ownStack!;
  const reportError = (error: unknown, where: string) => {
    try {
      ctx.reportError(error, where);
    } catch {
      // The error channel itself failed: nothing left to tell.
    }
  };
  let component: ComponentContext = {
    window: ctx.window,
    translator: createTranslator(ctx.locale, ctx.strings),
    theme: ctx.theme,
    articles: ctx.articles,
    stack,
    targets: ctx.targets ?? createSelectorTargets(doc),
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
  let disposed = false;

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
    apply(element, view);
    (doc.body ?? doc.documentElement).append(element);
    mounted.set(id, element);
  };

  return {
    show(view) {
      if (disposed) return;
      const { experience } = view;
      if (!isRendered(experience.type)) return;
      const type = experience.type;
      const id = experience.id;
      wanted.set(id, view);
      if (ctx.host?.show(view, component)) return;
      const existing = mounted.get(id);
      if (existing) {
        try {
          apply(existing, view);
        } catch (error) {
          reportError(error, `ui:show:${id}`);
        }
        return;
      }
      if (loading.has(id)) return;
      loading.add(id);
      LOADERS[type]()
        .then(({ tagName }) => mount(id, type, tagName))
        .catch((error: unknown) => reportError(error, `ui:load:${type}`))
        .finally(() => loading.delete(id));
    },
    hide(experienceId) {
      ctx.host?.hide(experienceId);
      wanted.delete(experienceId);
      const element = mounted.get(experienceId);
      if (!element) return;
      mounted.delete(experienceId);
      try {
        element.remove();
      } catch (error) {
        reportError(error, `ui:hide:${experienceId}`);
      }
    },
    setLocale(locale) {
      if (disposed) return;
      // A new context object: each component sees the change and renders again.
      component = { ...component, translator: createTranslator(locale, ctx.strings) };
      for (const [id, view] of wanted) if (!mounted.has(id) && !loading.has(id)) ctx.host?.show(view, component);
      for (const [id, element] of mounted) {
        const view = wanted.get(id);
        try {
          if (view) apply(element, view);
        } catch (error) {
          reportError(error, `ui:locale:${id}`);
        }
      }
    },
    dispose() {
      disposed = true;
      wanted.clear();
      for (const element of mounted.values()) element.remove();
      mounted.clear();
      ownStack?.dispose();
    },
  };
}

export { compileDeclarative, compileDeclarativeAll, type DeclarativeIssue, type DeclarativeResult } from './declarative.js';
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
export { createTranslator, type Translator, type StringKey } from './shared/i18n.js';
