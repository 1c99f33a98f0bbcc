/**
 * Drawing the tour's spotlight. The shade is the box-shadow of a hole placed in the page's coordinates (an absolutely
 * placed top-layer box): when the window scrolls it moves with the page on the compositor, and nothing is written; a
 * shadow is drawn outside the box without making the page longer. A target pinned to the viewport (a fixed or sticky
 * header) gets its hole in viewport coordinates (`.pinned`, a fixed box), which the window's scroll does not move either. A fixed frame under it blocks the page's clicks
 * (and is the whole shade while the target is scrolled away). A step that lets the user use its target blocks
 * clicks only outside the hole: there the frame holds a transparent fixed-size shape with a hole (`spotlightShape`),
 * moved with a transform (an SVG element whose style changes is restyled in full; the HTML box around it gets only its
 * changed inline style). On a phone sheet without a spotlight, the hole is a ring that blocks nothing (`.ring`).
 */
import { hundredths, spotlightShape, type Box } from '../shared/geometry.js';

export interface SpotlightElements {
  /** The top-layer popover: `.covered` while there is no hole. */
  layer: HTMLElement;
  /** The hole, in page coordinates; its shadow is the shade. */
  hole: HTMLElement;
  /** The box that moves the blocking shape (interactive steps): it holds the SVG. */
  mover: HTMLElement;
  svg: SVGSVGElement;
  shade: SVGPathElement;
}

export interface SpotlightFrame {
  /** Where the cut-out goes, in viewport px; null: the target is scrolled away, all is shaded. */
  hole: Box | null;
  /** Viewport px + these = the layer's px: the window's scroll offsets when `hole` was measured (0 for a pinned layer). */
  scroll: { x: number; y: number };
  radius: number;
  /** The viewport's size, in px. */
  viewport: { width: number; height: number };
  /** The layer's effective CSS zoom (its px are scaled by it). */
  zoom: number;
  /** Clicks inside the hole reach the page: the blocking shape is drawn. */
  interactive: boolean;
}

/** Paints one spotlight layer; remembers what it wrote, so an unchanged frame writes nothing. */
export class SpotlightPainter {
  private layer: HTMLElement | null = null;
  private covered: boolean | null = null;
  private size = '';
  private at = '';
  private path = '';
  private shapeSize = '';
  private shapeAt = '';

  paint(elements: SpotlightElements, frame: SpotlightFrame): void {
    const { layer, hole: holeBox, mover, svg, shade } = elements;
    const { hole, scroll, radius, zoom } = frame;
    if (layer !== this.layer) {
      // A new layer (the spotlight was rendered again): nothing of it is written yet.
      this.layer = layer;
      this.covered = null;
      this.size = this.at = this.path = this.shapeSize = this.shapeAt = '';
    }
    const covered = hole === null;
    if (covered !== this.covered) {
      this.covered = covered;
      layer.classList.toggle('covered', covered);
    }
    if (hole) {
      const size = `${hundredths(hole.width / zoom)}px ${hundredths(hole.height / zoom)}px ${hundredths(radius / zoom)}px`;
      if (size !== this.size) {
        this.size = size;
        const [width, height, corner] = size.split(' ') as [string, string, string];
        holeBox.style.width = width;
        holeBox.style.height = height;
        holeBox.style.borderRadius = corner;
      }
      const at = `translate(${hundredths((hole.x + scroll.x) / zoom)}px, ${hundredths((hole.y + scroll.y) / zoom)}px)`;
      if (at !== this.at) {
        this.at = at;
        holeBox.style.transform = at;
      }
    }
    if (frame.interactive) this.paintShape(mover, svg, shade, frame);
  }

  /** The transparent shape that blocks clicks outside the hole, in the fixed frame (viewport coordinates). */
  private paintShape(mover: HTMLElement, svg: SVGSVGElement, shade: SVGPathElement, frame: SpotlightFrame): void {
    const { hole, radius, viewport, zoom } = frame;
    // Reaching across the whole viewport from a hole anywhere in it.
    const shape = spotlightShape(hole, Math.ceil(Math.max(viewport.width, viewport.height)), radius);
    const { width, height } = shape.size;
    const size = `${width} ${height} ${zoom}`;
    if (size !== this.shapeSize) {
      this.shapeSize = size;
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.setAttribute('width', String(width / zoom));
      svg.setAttribute('height', String(height / zoom));
    }
    if (shape.path !== this.path) {
      this.path = shape.path;
      shade.setAttribute('d', shape.path);
    }
    const at = `translate(${hundredths(shape.offset.x / zoom)}px, ${hundredths(shape.offset.y / zoom)}px)`;
    if (at !== this.shapeAt) {
      this.shapeAt = at;
      mover.style.transform = at;
    }
  }
}
