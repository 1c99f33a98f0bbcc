// intro.js tours with their defaults (overlay, helper layer), tooltips on the right.
import introJs from 'intro.js';

export function createAdapter(steps) {
  let tour = null;
  return {
    start() {
      tour = introJs.tour().setOptions({ steps: steps.map((s) => ({ element: document.querySelector(s.selector), title: s.title, intro: s.text, position: 'right' })) });
      void tour.start();
    },
    next: () => void tour.nextStep(),
    destroy() {
      void tour.exit(true);
      tour = null;
    },
    cards: () => document.querySelectorAll('.introjs-tooltip'),
    titleOf: (card) => card.querySelector('.introjs-tooltip-title')?.textContent ?? null,
  };
}
