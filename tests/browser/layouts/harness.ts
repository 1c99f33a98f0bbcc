/**
 * Test harness for Waymark's UI in real Chromium: a renderer wired to a tiny fake engine (next,
 * back, complete, dismiss, step-missing move the tour the way the real engine would), plus
 * geometry helpers that say what a user would see.
 */
import { contrast as themeContrast } from '../../../src/ui/shared/theme.js';
import { createRenderer, type ExperienceRenderer, type UiContext } from '../../../src/ui/index.js';
import type { Article, Experience, HostSettings, ThemeTokens, TourExperience } from '../../../src/config/types.js';
import type { UserAction } from '../../../src/engine/contract.js';
import type { WmTour } from '../../../src/ui/tour/tour.js';
import type { WmHint } from '../../../src/ui/hint/hint.js';
import type { WmBeacon } from '../../../src/ui/beacon/beacon.js';
import { createPageTargets } from '../../../src/platform/targets/index.js';

export interface HarnessOptions {
  locale?: string;
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  articles?: Article[];
  /** Move tours on user actions like the engine would (default true). */
  engine?: boolean;
  /** config.host: the page's own modals and drawers, and its main landmark. */
  host?: HostSettings;
}

export interface Harness {
  renderer: ExperienceRenderer;
  actions: Array<{ id: string; action: UserAction }>;
  errors: Array<{ error: unknown; where: string }>;
  show(experience: Experience, step?: number): void;
  tour(id: string): Promise<WmTour>;
  hint(id: string): Promise<WmHint>;
  beacon(id: string): Promise<WmBeacon>;
  dispose(): void;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const actions: Harness['actions'] = [];
  const errors: Harness['errors'] = [];
  const experiences = new Map<string, Experience>();
  const steps = new Map<string, number>();
  const engine = options.engine ?? true;

  const show = (experience: Experience, step = 0) => {
    experiences.set(experience.id, experience);
    steps.set(experience.id, step);
    renderer.show({ experience, step });
  };
  const hide = (id: string, reason: string) => {
    steps.delete(id);
    renderer.hide(id, reason);
  };

  const ctx: UiContext = {
    window,
    locale: options.locale ?? 'en',
    strings: options.strings,
    theme: options.theme,
    articles: new Map((options.articles ?? []).map((a) => [a.id, a])),
    // As the runtime does: the platform's resolver (open shadow roots, accessible text).
    targets: createPageTargets(window),
    host: options.host,
    act(id, action) {
      actions.push({ id, action });
      if (!engine) return;
      const experience = experiences.get(id);
      const step = steps.get(id);
      if (!experience || step === undefined) return;
      const total = experience.type === 'tour' ? (experience as TourExperience).steps.length : 1;
      // Like the engine: a button whose action moves the tour acts as that move.
      const move = action.type === 'button' && ['next', 'back', 'complete', 'dismiss'].includes(action.action.type) ? (action.action as UserAction) : action;
      switch (move.type) {
        case 'next':
          return step + 1 < total ? show(experience, step + 1) : hide(id, 'completed');
        case 'back':
          return show(experience, Math.max(0, step - 1));
        case 'go-to':
          if (typeof move.step !== 'number') return;
          return move.step < total ? show(experience, move.step) : hide(id, 'completed');
        case 'complete':
          return hide(id, 'completed');
        case 'dismiss':
          return hide(id, 'dismissed');
        case 'step-missing':
          if (move.type !== action.type) return;
          if (action.policy === 'end') return hide(id, 'ended');
          if (action.policy === 'skip') return step + 1 < total ? show(experience, step + 1) : hide(id, 'ended');
          return;
        default:
          return;
      }
    },
    reportError(error, where) {
      errors.push({ error, where });
    },
  };
  const renderer = createRenderer(ctx);
  const find = async <T extends Element>(id: string): Promise<T> => {
    let element: T | null = null;
    await until(() => (element = document.querySelector<T>(`[data-waymark-ui][data-experience="${id}"]`)) !== null, `experience ${id} mounted`);
    await (element! as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return element!;
  };
  return {
    renderer,
    actions,
    errors,
    show,
    tour: (id) => find<WmTour>(id),
    hint: (id) => find<WmHint>(id),
    beacon: (id) => find<WmBeacon>(id),
    dispose: () => renderer.dispose(),
  };
}

/**
 * Wait for a condition, checking once per animation frame (no fixed sleeps). A page running in a
 * background tab (wtr runs two at once) gets no frames, so a short timer stands in for them.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 6000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A popover is shown (top layer) and placed: visible, with a real size. */
export function isShown(element: Element | null | undefined): boolean {
  if (!element) return false;
  const open = element.matches(':popover-open') || element.matches(':modal');
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  return open && style.visibility === 'visible' && rect.width > 0 && rect.height > 0;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * Which side of `target` the popover sits on, and the gap between them. The popover must not
 * overlap the target and must overlap it on the other axis (it points at it, not somewhere else).
 */
export function adjacency(popover: DOMRect, target: DOMRect): { side: Side | null; gap: number; crossOverlap: number } {
  const gaps: Record<Side, number> = {
    bottom: popover.top - target.bottom,
    top: target.top - popover.bottom,
    right: popover.left - target.right,
    left: target.left - popover.right,
  };
  let side: Side | null = null;
  for (const candidate of ['bottom', 'top', 'right', 'left'] as const) {
    if (gaps[candidate] >= -1 && (side === null || gaps[candidate] < gaps[side])) side = candidate;
  }
  if (!side) return { side: null, gap: NaN, crossOverlap: 0 };
  const vertical = side === 'top' || side === 'bottom';
  const crossOverlap = vertical
    ? Math.min(popover.right, target.right) - Math.max(popover.left, target.left)
    : Math.min(popover.bottom, target.bottom) - Math.max(popover.top, target.top);
  return { side, gap: gaps[side], crossOverlap };
}

/** Nothing of the page covers the popover: hit-testing its centre lands on our host element. */
export function isOnTop(host: Element, popover: Element): boolean {
  const rect = popover.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 20));
  return hit === host;
}

export function withinViewport(rect: DOMRect, slack = 1): boolean {
  return rect.left >= -slack && rect.top >= -slack && rect.right <= innerWidth + slack && rect.bottom <= innerHeight + slack;
}

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
}

/** Run axe-core on an element (shadow DOM included); resolves with "id: help" per violation. */
export async function axeViolations(element: Element): Promise<string[]> {
  await import('axe-core');
  const axe = (window as unknown as { axe: { run(context: Element, options?: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(element, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
}

/** The deepest focused element (through shadow roots). */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** WCAG contrast ratio of two computed `rgb(…)` colors (the theme's own formula). */
export function contrast(a: string, b: string): number {
  const rgb = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number) as [number, number, number];
  return themeContrast(rgb(a), rgb(b));
}
