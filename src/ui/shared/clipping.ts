/** The visible part of the viewport around an element, after every clipping scroll container. */
import { platform, type Rect } from '@floating-ui/dom';
import type { Box } from './geometry.js';

type ClippingPlatform = typeof platform & { _c: Map<Element, Element[]> };

/**
 * floating-ui's own clipping rect (same rules as its placement), in viewport px. At once: its DOM platform answers
 * synchronously (its type allows a promise for other platforms). `rootBoundary` a rect that clips nothing: the containers'
 * clip alone.
 */
export function clippingRect(element: Element, rootBoundary: 'viewport' | Rect = 'viewport'): Box {
  // floating-ui's DOM platform keeps a per-computation cache on `this._c`.
  const withCache: ClippingPlatform = { ...platform, _c: new Map() };
  const rect = withCache.getClippingRect.call(withCache, {
    element,
    boundary: 'clippingAncestors',
    rootBoundary,
    strategy: 'fixed',
  }) as Rect;
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}
