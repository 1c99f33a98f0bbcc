import { expect } from '@open-wc/testing';
import { anchorFloating, placedRects, type PlacedRects } from './anchor.js';
import { clippingRect } from './clipping.js';

/** A scroll container with a reference inside and a fixed card anchored to it. */
function fixture() {
  const box = document.createElement('div');
  box.style.cssText = 'position: absolute; top: 100px; left: 50px; width: 300px; height: 200px; overflow: auto;';
  const spacer = document.createElement('div');
  spacer.style.height = '1200px';
  const reference = document.createElement('button');
  reference.textContent = 'Reference';
  reference.style.cssText = 'position: absolute; top: 400px; left: 20px;';
  box.style.position = 'absolute';
  spacer.style.position = 'relative';
  spacer.append(reference);
  box.append(spacer);
  const card = document.createElement('div');
  card.style.cssText = 'position: fixed; width: 120px; height: 60px;';
  card.textContent = 'Card';
  document.body.append(box, card);
  return { box, reference, card, remove: () => (box.remove(), card.remove()) };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('anchorFloating: the rects a placement measured', () => {
  it('hands the reference rect and its clipping rect to onPlaced, so a spotlight need not measure again', async () => {
    const { box, reference, card, remove } = fixture();
    const seen: Array<PlacedRects | null> = [];
    const stop = anchorFloating({ reference, floating: card, onPlaced: (result) => seen.push(placedRects(result)) });
    try {
      box.scrollTop = 300; // the reference (top 400) in view: 100 px below the container's top
      await frame();
      await frame();
      const last = seen.at(-1)!;
      expect(last, 'placedRects after a placement').to.not.equal(null);
      const clip = clippingRect(reference);
      expect(last.clip).to.deep.equal(clip);
      const rect = reference.getBoundingClientRect();
      expect(last.reference).to.deep.equal({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
      expect(last.hidden).to.equal(false);
      expect(card.classList.contains('detached')).to.equal(false);

      box.scrollTop = 0; // the reference below the container's bottom edge: hidden
      await frame();
      await frame();
      expect(seen.at(-1)!.hidden).to.equal(true);
      expect(card.classList.contains('detached')).to.equal(true);
    } finally {
      stop();
      remove();
    }
  });
});
