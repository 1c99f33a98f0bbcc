// Waymark as a developer drives a tour from code: createWaymark, addExperience, start() (which resolves
// when the step is visible), next(), dismiss. The engine, the store (memory) and the runtime are in the loop.
import { createWaymark } from '../../../../src/index.js';
import type { BenchStep, TourAdapter } from '../harness.js';

export function createAdapter(steps: BenchStep[]): TourAdapter {
  const wm = createWaymark({ config: { version: '1', experiences: [] }, storage: { kind: 'memory' }, helpLauncher: false });
  wm.addExperience({
    id: 'bench',
    type: 'tour',
    // Started from code only.
    when: { event: 'bench-never-sent' },
    spotlight: true,
    steps: steps.map((s) => ({ target: s.selector, title: s.title, body: s.text, placement: 'right' as const })),
  });
  wm.on('error', (error) => console.error(error.where, error.message));
  return {
    ready: () => wm.ready,
    start() {
      void wm.start('bench');
    },
    next: () => wm.next(),
    destroy: () => wm.dismiss('bench'),
    cards() {
      const host = document.querySelector<HTMLElement & { panel: HTMLElement | null }>('wm-tour[data-experience="bench"]');
      return host?.panel ? [host.panel] : [];
    },
    titleOf: (card) => card.querySelector('.title')?.textContent ?? null,
  };
}
