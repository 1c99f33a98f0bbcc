// driver.js with its defaults (overlay, animation), popovers on the right.
import { driver } from 'driver.js';

export function createAdapter(steps) {
  let instance = null;
  return {
    start() {
      instance = driver({ steps: steps.map((s) => ({ element: s.selector, popover: { title: s.title, description: s.text, side: 'right' } })) });
      instance.drive();
    },
    next: () => instance.moveNext(),
    destroy() {
      instance.destroy();
      instance = null;
    },
    cards: () => document.querySelectorAll('.driver-popover'),
    titleOf: (card) => card.querySelector('.driver-popover-title')?.textContent ?? null,
  };
}
