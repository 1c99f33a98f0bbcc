/**
 * Scroll a target into view with a margin that accounts for fixed and sticky headers (and for a
 * bottom sheet covering the lower part of the viewport). Instant, so positioning never races
 * a smooth scroll, and a no-op when the target is already comfortably visible.
 */
import { clippingRect } from './clipping.js';
import { scrollDeltaToFit, type Box } from './geometry.js';

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
  // Inside the viewport is not enough: a scroll container (a sidebar, a table) may clip the target out of sight.
  const clipped = hiddenPart(rect, clippingRect(target));
  if (scrollDeltaToFit(rect, top, bottom) === 0 && !offscreenX && !clipped) return headerBottom;
  // Let the browser scroll every scroll container between the target and the page...
  target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  // ...then correct the page scroll for the header and the sheet.
  const delta = scrollDeltaToFit(target.getBoundingClientRect(), top, bottom);
  if (delta !== 0) win.scrollBy({ top: delta, behavior: 'instant' });
  return headerBottom;
}

/**
 * Whether part of `box` is cut off by `clip` (the viewport and every scroll container around it): less of it shows
 * than could. A box larger than the clip counts as shown when it fills it.
 */
function hiddenPart(box: Box, clip: Box): boolean {
  const shown = (start: number, size: number, clipStart: number, clipSize: number) =>
    Math.max(0, Math.min(start + size, clipStart + clipSize) - Math.max(start, clipStart));
  return (
    shown(box.y, box.height, clip.y, clip.height) < Math.min(box.height, clip.height) - 1 ||
    shown(box.x, box.width, clip.x, clip.width) < Math.min(box.width, clip.width) - 1
  );
}
