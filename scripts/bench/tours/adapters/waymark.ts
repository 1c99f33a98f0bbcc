// Waymark's tour path as the runtime drives it: a renderer shown step by step (the engine's part,
// moving between steps, is done here directly).
import { createRenderer, type ExperienceRenderer, type UiContext } from '../../../../src/ui/index.js';
import type { TourExperience } from '../../../../src/config/types.js';
import type { BenchStep, TourAdapter } from '../harness.js';

export function createAdapter(steps: BenchStep[], options: { spotlight?: boolean } = {}): TourAdapter {
  const experience: TourExperience = {
    id: 'bench',
    type: 'tour',
    spotlight: options.spotlight ?? true,
    steps: steps.map((s) => ({ target: s.selector, title: s.title, body: s.text, placement: 'right' })),
  };
  let renderer: ExperienceRenderer | null = null;
  let step = 0;
  const ctx: UiContext = {
    window,
    locale: 'en',
    articles: new Map(),
    act(_id, action) {
      if (action.type === 'next') next();
      else if (action.type === 'dismiss' || action.type === 'complete') destroy();
    },
    reportError(error, where) {
      console.error(where, error);
    },
  };
  const next = () => {
    step = Math.min(step + 1, steps.length - 1);
    renderer?.show({ experience, step });
  };
  const destroy = () => {
    renderer?.dispose();
    renderer = null;
  };
  return {
    start() {
      renderer = createRenderer(ctx);
      step = 0;
      renderer.show({ experience, step });
    },
    next,
    destroy,
    cards() {
      const host = document.querySelector<HTMLElement & { panel: HTMLElement | null }>('wm-tour[data-experience="bench"]');
      return host?.panel ? [host.panel] : [];
    },
    titleOf: (card) => card.querySelector('.title')?.textContent ?? null,
  };
}
