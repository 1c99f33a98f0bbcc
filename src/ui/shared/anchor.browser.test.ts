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

describe('anchorFloating: page or viewport coordinates, as its reference', () => {
  it('places beside a reference in a fixed header in the viewport, so the window scroll writes nothing; beside one in the page, in the page', async () => {
    const header = document.createElement('header');
    header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; height: 48px;';
    const pinnedReference = document.createElement('button');
    pinnedReference.textContent = 'Help';
    header.append(pinnedReference);
    const flowReference = document.createElement('button');
    flowReference.textContent = 'Save';
    flowReference.style.cssText = 'margin-top: 100px;';
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    const cards = [0, 1].map(() => {
      const card = document.createElement('div');
      card.popover = 'manual';
      card.style.cssText = 'inset: auto; top: 0; left: 0; margin: 0; width: 120px; height: 60px;';
      return card;
    });
    document.body.append(header, flowReference, tall, ...cards);
    cards.forEach((card) => card.showPopover());
    const [pinnedCard, flowCard] = [cards[0]!, cards[1]!];
    const stops = [anchorFloating({ reference: pinnedReference, floating: pinnedCard, placement: 'bottom' }), anchorFloating({ reference: flowReference, floating: flowCard, placement: 'bottom' })];
    const writes: string[] = [];
    const observer = new MutationObserver((records) => writes.push(...records.map((record) => `${(record.target as HTMLElement).textContent || 'card'} ${record.attributeName}`)));
    try {
      await frame();
      expect(pinnedCard.style.position, 'beside the fixed header').to.equal('fixed');
      expect(flowCard.style.position, 'beside the page').to.equal('absolute');
      cards.forEach((card) => observer.observe(card, { attributes: true }));
      for (let i = 0; i < 5; i++) {
        document.scrollingElement!.scrollTop += 7;
        await frame();
        const below = (card: HTMLElement, reference: Element) => Math.abs(card.getBoundingClientRect().top - (reference.getBoundingClientRect().bottom + 12));
        expect(below(pinnedCard, pinnedReference), `below the header's button after ${i + 1} scrolls`).to.be.lessThan(1);
        expect(below(flowCard, flowReference), `below the page's button after ${i + 1} scrolls`).to.be.lessThan(1);
      }
      expect(document.scrollingElement!.scrollTop).to.equal(35);
      expect(writes, 'written while the window scrolled').to.deep.equal([]);
    } finally {
      observer.disconnect();
      stops.forEach((stop) => stop());
      [header, flowReference, tall, ...cards].forEach((element) => element.remove());
      document.scrollingElement!.scrollTop = 0;
    }
  });
});
