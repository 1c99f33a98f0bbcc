// The floor for a step card that follows its target: floating-ui alone (computePosition + autoUpdate with the
// middleware Waymark's anchor uses), a plain card, no spotlight, no framework. Not a tour library: a reference row.
import { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';

export function createAdapter(steps) {
  let card = null;
  let stop = null;
  let index = 0;
  const show = () => {
    stop?.();
    const step = steps[index];
    const target = document.querySelector(step.selector);
    card.querySelector('.title').textContent = step.title;
    card.querySelector('.body').textContent = step.text;
    const place = () =>
      computePosition(target, card, { strategy: 'fixed', placement: 'right', middleware: [offset(12), flip({ padding: 8 }), shift({ padding: 8 }), hide()] }).then(({ x, y, middlewareData }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
      });
    stop = autoUpdate(target, card, place);
  };
  return {
    start() {
      card = document.createElement('div');
      card.className = 'fui-card';
      card.style.cssText = 'position:fixed;left:0;top:0;width:280px;padding:12px;background:#fff;border:1px solid #888;border-radius:8px;box-shadow:0 4px 16px #0003;z-index:10';
      card.innerHTML = '<h3 class="title" style="margin:0 0 6px"></h3><p class="body" style="margin:0"></p>';
      document.body.append(card);
      index = 0;
      show();
    },
    next() {
      index = Math.min(index + 1, steps.length - 1);
      show();
    },
    destroy() {
      stop?.();
      stop = null;
      card?.remove();
      card = null;
    },
    cards: () => (card ? [card] : []),
    titleOf: (element) => element.querySelector('.title')?.textContent ?? null,
  };
}
