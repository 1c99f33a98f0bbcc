/**
 * Keep a top-layer element attached to a reference with @floating-ui/dom: computePosition with
 * offset/flip/shift/arrow/hide, re-run by autoUpdate on scroll (every scroll ancestor, nested
 * containers included), resize and layout shift. Returns its disposer.
 */
import {
  arrow,
  autoPlacement,
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  type Padding,
  type Placement as FloatingPlacement,
  type ComputePositionReturn,
  type Middleware,
} from '@floating-ui/dom';
import type { Placement } from '../../config/types.js';
import type { Box } from './geometry.js';

export interface AnchorOptions {
  reference: Element;
  floating: HTMLElement;
  arrow?: HTMLElement | null;
  /** Config placement (default bottom, flipping); `auto` picks the side with most room. */
  placement?: Placement;
  /** Gap between reference and floating element, in px. */
  gap?: number;
  /** Viewport insets to keep clear (e.g. a fixed header at the top), in px. */
  insets?: { top?: number; bottom?: number };
  /**
   * Run after flip and shift, with the same viewport padding: e.g. a hint's `fitHeight`, which caps
   * the card to the room left beside its target. Kept out of here so the tour pays nothing for it.
   */
  fit?: (padding: Padding) => Middleware;
  /** Called after every placement, in the same frame (e.g. to move a spotlight). */
  onPlaced?(result: ComputePositionReturn): void;
  onError?(error: unknown): void;
}

const ARROW_SIZE = 10;

/**
 * Config placement → floating-ui placement; `undefined` means "the side with most room". `rtl`: the target is laid out
 * right to left, where the page is mirrored and so are `left` and `right` (`right` is the side the text reads towards,
 * in either direction); `-start`/`-end` already follow the direction.
 */
export function toFloatingPlacement(placement: Placement | undefined, rtl = false): FloatingPlacement | undefined {
  if (placement === 'auto') return undefined;
  // Absent: below, flipping when there is no room ('center' never reaches here).
  if (!placement || placement === 'center') return 'bottom';
  if (!rtl) return placement;
  return placement.replace(/^(left|right)/, (side) => (side === 'left' ? 'right' : 'left')) as FloatingPlacement;
}

export function anchorFloating(options: AnchorOptions): () => void {
  const { reference, floating } = options;
  const gap = options.gap ?? 12;
  const padding: Padding = { top: 8 + (options.insets?.top ?? 0), bottom: 8 + (options.insets?.bottom ?? 0), left: 8, right: 8 };
  const view = reference.ownerDocument.defaultView;
  // Read once: a side is chosen for the target's context, not per scrolled frame.
  const rtl = /^(left|right)/.test(options.placement ?? '') && view?.getComputedStyle(reference).direction === 'rtl';
  const wanted = toFloatingPlacement(options.placement, rtl);
  const arrowElement = options.arrow ?? null;
  let disposed = false;
  let lastX = NaN;
  let lastY = NaN;
  let lastArrow = '';

  const update = () => {
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: wanted ?? 'bottom',
      middleware: [
        offset(gap),
        wanted ? flip({ padding, crossAxis: false, fallbackAxisSideDirection: 'start' }) : autoPlacement({ padding }),
        shift({ padding }),
        ...(options.fit ? [options.fit(padding)] : []),
        ...(arrowElement ? [arrow({ element: arrowElement, padding: 8 })] : []),
        referenceClip,
      ],
    })
      .then((result) => {
        if (disposed) return;
        // Coordinates are in viewport px; under CSS zoom the element's own px are scaled. Measured during the
        // placement when it could be: a read now, after the writes of an earlier callback, could force a style pass.
        const zoom = placedRects(result)?.zoom ?? effectiveZoom(floating);
        // Whole device pixels: a transform is not snapped by layout, and text between pixels blurs.
        const ratio = floating.ownerDocument.defaultView?.devicePixelRatio || 1;
        const x = Math.round(result.x * ratio) / ratio / zoom;
        const y = Math.round(result.y * ratio) / ratio / zoom;
        if (x !== lastX || y !== lastY) {
          // A transform moves the element without a layout pass (left/top would lay it out again on every
          // scrolled frame); its left/top stay at the styles' 0.
          floating.style.transform = `translate(${x}px, ${y}px)`;
          lastX = x;
          lastY = y;
        }
        const side = result.placement.split('-')[0]!;
        if (floating.dataset.placement !== result.placement) floating.dataset.placement = result.placement;
        const hidden = placedRects(result)?.hidden ?? false;
        floating.classList.toggle('detached', hidden);
        if (arrowElement) {
          const arrowAt = `${side} ${result.middlewareData.arrow?.x} ${result.middlewareData.arrow?.y} ${zoom}`;
          // Unchanged while the card follows its target: no style write.
          if (arrowAt !== lastArrow) placeArrow(arrowElement, side, result.middlewareData.arrow, zoom);
          lastArrow = arrowAt;
        }
        options.onPlaced?.(result);
      })
      .catch((error: unknown) => options.onError?.(error));
  };

  const stop = autoUpdate(reference, floating, update);
  return () => {
    disposed = true;
    stop();
    // The same element may next be laid out by its styles (a centred step, a phone sheet, a corner card).
    if (!Number.isNaN(lastX)) floating.style.removeProperty('transform');
  };
}

/** Where the reference was, and what of the viewport its scroll containers leave visible, at this placement. */
export interface PlacedRects {
  /** The reference's border box, in viewport px. */
  reference: Box;
  /** The visible part of the viewport around it, after every clipping ancestor (floating-ui's rules), in viewport px. */
  clip: Box;
  /** The reference is scrolled fully out of its clipping ancestors. */
  hidden: boolean;
  /** The floating element's effective CSS zoom (its spotlight shares it), read before anything is written. */
  zoom: number;
}

/**
 * floating-ui's `hide({ strategy: 'referenceHidden' })`, keeping what it measured: the reference's clipping rect. A
 * spotlight that follows the reference takes it from here instead of measuring again after the card was moved
 * (a second clipping walk, and a forced style+layout, on every scrolled frame).
 */
const referenceClip: Middleware = {
  name: 'referenceClip',
  async fn({ elements, platform, strategy }) {
    const reference = elements.reference as Element;
    const clip = await platform.getClippingRect({ element: reference, boundary: 'clippingAncestors', rootBoundary: 'viewport', strategy });
    const box = reference.getBoundingClientRect();
    const rects: PlacedRects = {
      reference: { x: box.x, y: box.y, width: box.width, height: box.height },
      clip: { x: clip.x, y: clip.y, width: clip.width, height: clip.height },
      hidden: box.bottom <= clip.y || box.top >= clip.y + clip.height || box.right <= clip.x || box.left >= clip.x + clip.width,
      zoom: effectiveZoom(elements.floating),
    };
    return { data: rects };
  },
};

/** The reference's rect and clipping rect measured during this placement (null for a virtual reference). */
export function placedRects(result: ComputePositionReturn): PlacedRects | null {
  return (result.middlewareData.referenceClip as PlacedRects | undefined) ?? null;
}

const OPPOSITE: Record<string, string> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

function placeArrow(element: HTMLElement, side: string, data: { x?: number; y?: number } | undefined, zoom: number): void {
  const style = element.style;
  style.left = data?.x != null ? `${data.x / zoom}px` : '';
  style.top = data?.y != null ? `${data.y / zoom}px` : '';
  style.right = '';
  style.bottom = '';
  style.setProperty(OPPOSITE[side]!, `${-ARROW_SIZE / 2 - 1}px`);
  element.dataset.side = side;
}

/** The element's effective CSS zoom (`zoom` on it or an ancestor); 1 where unsupported. */
export function effectiveZoom(element: Element): number {
  const zoom = (element as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
}
