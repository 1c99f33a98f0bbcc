/** The visible part of the viewport around an element, after every clipping scroll container. */
import { platform } from '@floating-ui/dom';
import type { Box } from './geometry.js';

type ClippingPlatform = typeof platform & { _c: Map<Element, Element[]> };

/** floating-ui's own clipping rect (same rules as its placement), in viewport px. */
export async function clippingRect(element: Element): Promise<Box> {
  // floating-ui's DOM platform keeps a per-computation cache on `this._c`.
  const withCache: ClippingPlatform = { ...platform, _c: new Map() };
  const rect = await withCache.getClippingRect.call(withCache, {
    element,
    boundary: 'clippingAncestors',
    rootBoundary: 'viewport',
    strategy: 'fixed',
  });
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}
