/**
 * A hint-style card that never runs off a small or zoomed viewport (400 % zoom is 320 × 256 CSS
 * px): the anchor caps it to the room left beside its target, and its content (`.scroll` in
 * shared/hint-card.ts) scrolls inside while the arrow and × stay put. Used by the hint and the
 * beacon card; kept out of the shared chunk, so a page with only a tour pays nothing for it.
 */
import { css } from 'lit';
import { detectOverflow, type Middleware, type Padding } from '@floating-ui/dom';
import { effectiveZoom } from '../shared/anchor.js';

/**
 * floating-ui middleware, after flip and shift: hands the height left on the chosen side to CSS as
 * `--wm-fit-height` (px). Beside the target (left or right) shift moves the card along the
 * side, so the whole clipping height is the room. Measures again when the card's size changed.
 */
export function fitHeight(padding: Padding): Middleware {
  return {
    name: 'fitHeight',
    async fn(state) {
      const overflow = await detectOverflow(state, { padding });
      const { floating } = state.elements;
      const height = state.rects.floating.height;
      const side = state.placement.split('-')[0];
      const clipped = height - overflow.top - overflow.bottom;
      const room = side === 'top' || side === 'bottom' ? Math.min(height - overflow[side], clipped) : clipped;
      const value = `${Math.max(0, Math.floor(room / effectiveZoom(floating)))}px`;
      if (floating.style.getPropertyValue('--wm-fit-height') === value) return {};
      floating.style.setProperty('--wm-fit-height', value);
      const next = await state.platform.getDimensions(floating);
      return next.height === height ? {} : { reset: { rects: true } };
    },
  };
}

/** The card is no taller than `--wm-fit-height`; its `.scroll` scrolls, with a shade at the edge that has more. */
export const fitHeightCardStyles = css`
  .card:popover-open {
    display: flex;
    flex-direction: column;
    max-height: var(--wm-fit-height, none);
  }
  .card > .scroll {
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Room for the focus ring of a control at the scroller's edge, which would be clipped. */
    margin: -4px;
    padding: 4px;
    /* A long URL wraps instead of scrolling the card sideways. */
    overflow-wrap: anywhere;
  }
  /* Overflowing (see syncScrollStop): a shade at the edge that has more to scroll to (covered where it has not). */
  .card > .scroll[tabindex] {
    background:
      linear-gradient(var(--wm-bg) 35%, transparent) top / 100% 40px no-repeat local,
      linear-gradient(transparent, var(--wm-bg) 65%) bottom / 100% 40px no-repeat local,
      radial-gradient(farthest-side at 50% 0, color-mix(in srgb, var(--wm-fg) 25%, transparent), transparent) top / 100% 10px no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, color-mix(in srgb, var(--wm-fg) 25%, transparent), transparent) bottom / 100% 10px no-repeat scroll;
  }
  .card > .scroll:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: -2px;
  }
  /* No title: the × (placed against the card) would sit on the first line of what follows, so that line flows
     around a spacer where the × is. The spacer floats in the first paragraph or list item itself: a float before a
     block is left out of the card's fitted width, and a short text would wrap beside it. */
  .scroll > .close:first-child + .body > p:first-child::before,
  .scroll > .close:first-child + .body > ul:first-child > li:first-child::before,
  .scroll > .close:first-child + .articles > li:first-child::before {
    content: '';
    float: inline-end;
    width: 24px;
    height: 20px;
  }
  @media (max-width: 480px), (pointer: coarse) {
    .scroll > .close:first-child + .body > p:first-child::before,
    .scroll > .close:first-child + .body > ul:first-child > li:first-child::before,
    .scroll > .close:first-child + .articles > li:first-child::before {
      width: 34px;
      height: 30px;
    }
  }
`;

/**
 * A scrolled card's text must be scrollable by keyboard too: while its content overflows, the
 * scroller is a Tab stop (a group named like the card); otherwise it is no stop at all.
 */
export function syncScrollStop(card: HTMLElement): void {
  const scroller = card.querySelector<HTMLElement>(':scope > .scroll');
  if (!scroller) return;
  const overflowing = scroller.scrollHeight > scroller.clientHeight + 1;
  if (overflowing === scroller.hasAttribute('tabindex')) return;
  if (overflowing) {
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'group');
    if (card.querySelector('#wm-title')) scroller.setAttribute('aria-labelledby', 'wm-title');
    else scroller.setAttribute('aria-label', card.getAttribute('aria-label') ?? '');
  } else {
    for (const name of ['tabindex', 'role', 'aria-labelledby', 'aria-label']) scroller.removeAttribute(name);
  }
}
