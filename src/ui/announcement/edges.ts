/**
 * How much of the viewport's edges the host page covers with fixed or sticky bars (a header, a
 * bottom navigation, a sidebar column), so a banner can sit beside them instead of on top.
 */
import { obstructedTop } from '../shared/scroll.js';

export interface EdgeInsets {
  top: number;
  bottom: number;
  /** Physical left and right: a sidebar column beside the edge the banner runs along. */
  left: number;
  right: number;
}

/** Insets taken by the page's own fixed bars beside `edge`, ignoring `own` (our element) and its shadow tree. */
export function pageEdgeInsets(win: Window, own: Element, edge: 'top' | 'bottom' = 'top'): EdgeInsets {
  const top = obstructedTop(win, own, own);
  const bottom = obstructedBottom(win, own);
  // The row the banner occupies: just inside the bars along its edge.
  const y = edge === 'top' ? top + 2 : win.innerHeight - bottom - 2;
  return { top, bottom, ...obstructedSides(win, own, y) };
}

function obstructedBottom(win: Window, own: Element): number {
  const height = win.innerHeight;
  const width = win.innerWidth;
  let covered = 0;
  for (const x of [width * 0.25, width * 0.5, width * 0.75]) {
    for (const element of win.document.elementsFromPoint(x, height - 2)) {
      if (element === own || own.contains(element)) continue;
      const fixed = fixedAncestor(win, element, ['fixed']);
      if (!fixed) continue;
      const rect = fixed.getBoundingClientRect();
      // A bottom bar hugs the bottom edge and is not most of the screen.
      if (rect.bottom >= height - 1 && rect.top > height * 0.5) covered = Math.max(covered, height - rect.top);
    }
  }
  return covered;
}

/**
 * A navigation column the page pins beside the edge (fixed, or sticky for the viewport's height):
 * a banner running along the edge stops at it, so the host's navigation stays uncovered.
 */
function obstructedSides(win: Window, own: Element, y: number): { left: number; right: number } {
  const width = win.innerWidth;
  const height = win.innerHeight;
  const sides = { left: 0, right: 0 };
  for (const [side, x] of [['left', 2], ['right', width - 2]] as const) {
    for (const element of win.document.elementsFromPoint(x, y)) {
      if (element === own || own.contains(element)) continue;
      const pinned = fixedAncestor(win, element, ['fixed', 'sticky']);
      if (!pinned) continue;
      const rect = pinned.getBoundingClientRect();
      // A column: tall (most of the screen), narrow (not the whole width), against that side.
      if (rect.height < height * 0.5 || rect.width > width * 0.5) continue;
      if (side === 'left' && rect.left <= 1) sides.left = Math.max(sides.left, Math.ceil(rect.right));
      if (side === 'right' && rect.right >= width - 1) sides.right = Math.max(sides.right, Math.ceil(width - rect.left));
    }
  }
  return sides;
}

function fixedAncestor(win: Window, element: Element, positions: readonly string[]): Element | null {
  for (let current: Element | null = element; current && current !== win.document.documentElement; current = current.parentElement) {
    if (positions.includes(win.getComputedStyle(current).position)) return current;
  }
  return null;
}
