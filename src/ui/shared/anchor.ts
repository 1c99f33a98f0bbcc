/**
 * Keep a top-layer element attached to a reference with @floating-ui/dom: computePosition with
 * offset/flip/shift/arrow/hide, re-run by autoUpdate on scroll (every scroll ancestor, nested
 * containers included), resize and layout shift. Returns its disposer.
 *
 * Placed in document coordinates (`position: absolute` in the top layer, whose containing block is the initial one):
 * when the window scrolls, the element moves with the page on the compositor, in the same frame as its target, and
 * nothing is written. A reference pinned to the viewport (in a fixed or sticky header) gets viewport coordinates
 * (`position: fixed`) instead, for the same reason. Only a scrolled container (or a target that moves) costs a write.
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
import { intersect, type Box } from './geometry.js';
import { pinnedToViewport } from './pinned.js';

export interface AnchorOptions {
  reference: Element;
  floating: HTMLElement;
  arrow?: HTMLElement | null;
  /** Config placement (default bottom, flipping); `auto` picks the side with most room. */
  placement?: Placement;
  /** Gap between reference and floating element, in px. */
  gap?: number;
  /** Page (`absolute`) or viewport (`fixed`) coordinates; by default those the reference stays put in (`pinnedToViewport`). */
  strategy?: 'absolute' | 'fixed';
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
  const strategy = options.strategy ?? (pinnedToViewport(reference) ? 'fixed' : 'absolute');
  const arrowElement = options.arrow ?? null;
  let disposed = false;
  let lastX = NaN;
  let lastY = NaN;
  let lastArrow = '';
  floating.style.position = strategy;

  const update = () => {
    computePosition(reference, floating, {
      strategy,
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
        const hidden = placedRects(result)?.hidden ?? false;
        // Hidden with its target, it stays where it was last seen: following a target scrolled deep into a container
        // could take it past the page's end, and make the page longer.
        if ((x !== lastX || y !== lastY) && (!hidden || Number.isNaN(lastX))) {
          // A transform moves the element without a layout pass (left/top would lay it out again on every
          // scrolled frame); its left/top stay at the styles' 0.
          floating.style.transform = `translate(${x}px, ${y}px)`;
          lastX = x;
          lastY = y;
        }
        const side = result.placement.split('-')[0]!;
        if (floating.dataset.placement !== result.placement) floating.dataset.placement = result.placement;
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
    floating.style.removeProperty('position');
  };
}

/** Where the reference was, and what of the viewport its scroll containers leave visible, at this placement. */
export interface PlacedRects {
  /** The reference's border box, in viewport px. */
  reference: Box;
  /** The visible part of the viewport around it, after every clipping ancestor (floating-ui's rules), in viewport px. */
  clip: Box;
  /** What its scroll containers leave visible, the viewport not counted (a hole drawn in the page is clipped by them only). */
  containers: Box;
  /** The reference is scrolled fully out of its clipping ancestors or the viewport. */
  hidden: boolean;
  /** The window's scroll offsets: viewport px + these = px in the page (where an absolutely placed layer is drawn). */
  scroll: { x: number; y: number };
  /** The viewport's size, scrollbars not counted, in px. */
  viewport: { width: number; height: number };
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
    const containers = await platform.getClippingRect({ element: reference, boundary: 'clippingAncestors', rootBoundary: EVERYWHERE, strategy });
    const rects = placed(reference, containers);
    rects.zoom = effectiveZoom(elements.floating);
    return { data: rects };
  },
};

/** A root boundary that clips nothing: the clipping rect of the reference's containers alone. */
export const EVERYWHERE = { x: -1e7, y: -1e7, width: 2e7, height: 2e7 };

/** The reference's rects, from the clipping rect of its containers alone (`EVERYWHERE`); read before anything is written. */
export function placed(reference: Element, containers: Box): PlacedRects {
  const view = reference.ownerDocument.defaultView!;
  const root = reference.ownerDocument.documentElement;
  const box = reference.getBoundingClientRect();
  const viewport = { width: root.clientWidth, height: root.clientHeight };
  const clip = intersect(containers, { x: 0, y: 0, ...viewport }) ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    reference: { x: box.x, y: box.y, width: box.width, height: box.height },
    clip,
    containers: { x: containers.x, y: containers.y, width: containers.width, height: containers.height },
    hidden: box.bottom <= clip.y || box.top >= clip.y + clip.height || box.right <= clip.x || box.left >= clip.x + clip.width || clip.width === 0,
    scroll: { x: view.scrollX, y: view.scrollY },
    viewport,
    zoom: 1,
  };
}

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
