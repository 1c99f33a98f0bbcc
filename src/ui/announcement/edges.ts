/**
 * How much of the viewport's top and bottom edges the host page covers with fixed or sticky
 * bars (a header, a bottom navigation), so a banner can sit beside them instead of on top.
 */
import { obstructedTop } from '../shared/scroll.js';

export interface EdgeInsets {
  top: number;
  bottom: number;
}

/** Insets taken by the page's own fixed bars, ignoring `own` (our element) and its shadow tree. */
export function pageEdgeInsets(win: Window, own: Element): EdgeInsets {
  return { top: obstructedTop(win, own, own), bottom: obstructedBottom(win, own) };
}

function obstructedBottom(win: Window, own: Element): number {
  const height = win.innerHeight;
  const width = win.innerWidth;
  let covered = 0;
  for (const x of [width * 0.25, width * 0.5, width * 0.75]) {
    for (const element of win.document.elementsFromPoint(x, height - 2)) {
      if (element === own || own.contains(element)) continue;
      const fixed = fixedAncestor(win, element);
      if (!fixed) continue;
      const rect = fixed.getBoundingClientRect();
      // A bottom bar hugs the bottom edge and is not most of the screen.
      if (rect.bottom >= height - 1 && rect.top > height * 0.5) covered = Math.max(covered, height - rect.top);
    }
  }
  return covered;
}

function fixedAncestor(win: Window, element: Element): Element | null {
  for (let current: Element | null = element; current && current !== win.document.documentElement; current = current.parentElement) {
    if (win.getComputedStyle(current).position === 'fixed') return current;
  }
  return null;
}
