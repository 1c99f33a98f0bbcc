// Shepherd with its modal overlay (the spotlight equivalent), each step attached on the right.
import Shepherd from 'shepherd.js';

export function createAdapter(steps) {
  let tour = null;
  return {
    start() {
      tour = new Shepherd.Tour({ useModalOverlay: true });
      for (const s of steps) {
        tour.addStep({ title: s.title, text: s.text, attachTo: { element: s.selector, on: 'right' }, buttons: [{ text: 'Next', action: () => tour.next() }] });
      }
      void tour.start();
    },
    next: () => tour.next(),
    destroy() {
      void tour.cancel();
      tour = null;
    },
    cards: () => document.querySelectorAll('.shepherd-element'),
    titleOf: (card) => card.querySelector('.shepherd-title')?.textContent ?? null,
  };
}
