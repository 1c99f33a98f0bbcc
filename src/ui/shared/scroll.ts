/**
 * Scroll a target into view with a margin that accounts for fixed and sticky headers (and for a
 * bottom sheet covering the lower part of the viewport). Instant, so positioning never races
 * a smooth scroll, and a no-op when the target is already comfortably visible.
 */
import { scrollDeltaToFit } from './geometry.js';

export interface ScrollOptions {
  /** Space to keep between the target and any obstruction, in px (default 16). */
  margin?: number;
  /** Height covered at the bottom of the viewport (a bottom sheet), in px. */
  bottomInset?: number;
  /** Elements of our own to ignore when looking for fixed headers. */
  ignore?: Element;
}

/** Height covered at the top of the viewport by fixed or sticky elements (not containing `target`). */
export function obstructedTop(win: Window, target: Element, ignore?: Element): number {
  const doc = win.document;
  const width = win.innerWidth;
  let covered = 0;
  for (const x of [width * 0.25, width * 0.5, width * 0.75]) {
    for (const element of doc.elementsFromPoint(x, 1)) {
      if (ignore && (element === ignore || ignore.contains(element))) continue;
      const fixed = fixedAncestor(win, element);
      if (!fixed || fixed.contains(target)) continue;
      const rect = fixed.getBoundingClientRect();
      // A "header" is near the top and not most of the screen (a full-screen app shell is not one).
      if (rect.top <= 1 && rect.bottom < win.innerHeight * 0.5) covered = Math.max(covered, rect.bottom);
    }
  }
  return covered;
}

function fixedAncestor(win: Window, element: Element): Element | null {
  for (let current: Element | null = element; current && current !== win.document.documentElement; current = current.parentElement) {
    const position = win.getComputedStyle(current).position;
    if (position === 'fixed' || position === 'sticky') return current;
  }
  return null;
}

/** Returns the top inset it found, so placement can avoid the header too. */
export function scrollTargetIntoView(win: Window, target: Element, options: ScrollOptions = {}): number {
  const margin = options.margin ?? 16;
  const headerBottom = obstructedTop(win, target, options.ignore);
  const top = headerBottom + margin;
  const bottom = win.innerHeight - (options.bottomInset ?? 0) - margin;
  const rect = target.getBoundingClientRect();
  const offscreenX = rect.right < 0 || rect.left > win.innerWidth;
  if (scrollDeltaToFit(rect, top, bottom) === 0 && !offscreenX) return headerBottom;
  // Let the browser scroll every scroll container between the target and the page...
  target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  // ...then correct the page scroll for the header and the sheet.
  const delta = scrollDeltaToFit(target.getBoundingClientRect(), top, bottom);
  if (delta !== 0) win.scrollBy({ top: delta, behavior: 'instant' });
  return headerBottom;
}
