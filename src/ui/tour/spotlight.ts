/**
 * Drawing the tour's spotlight: the shade with a rounded hole around the step's target, and the blocker over
 * the hole (clicks inside it reach the target only when the step lets them, see `.interactive`; drawn as a ring
 * around the target, with no shade, on a phone sheet without a spotlight, see `.ring`). The shade is a
 * shape of fixed size (`spotlightShape`): a scrolled frame writes one transform, on the HTML box that holds the
 * SVG (an SVG element whose style changes is restyled in full; an HTML one gets only its changed inline style);
 * the path, the SVG's size and the blocker are written only when the hole's size changes (the target resized,
 * or clipped by its container).
 */
import { spotlightShape, type Box } from '../shared/geometry.js';

export interface SpotlightElements {
  /** The box that moves the shape: it holds the SVG. */
  mover: HTMLElement;
  svg: SVGSVGElement;
  shade: SVGPathElement;
  blocker: SVGRectElement;
}

/** Paints one spotlight layer; remembers what it wrote, so an unchanged frame writes nothing. */
export class SpotlightPainter {
  private mover: HTMLElement | null = null;
  private path = '';
  private size = '';
  private transform = '';

  /**
   * `hole`: where the cut-out goes, in viewport px (null: the target is scrolled away, all is shaded);
   * `viewport`: the viewport's size; `zoom`: the layer's effective CSS zoom (its px are scaled by it).
   */
  paint(elements: SpotlightElements, hole: Box | null, radius: number, viewport: { width: number; height: number }, zoom: number): void {
    const { mover, svg, shade, blocker } = elements;
    if (mover !== this.mover) {
      // A new layer (the spotlight was rendered again): nothing of it is written yet.
      this.mover = mover;
      this.path = this.size = this.transform = '';
    }
    // Shade reaching across the whole viewport from a hole anywhere in it.
    const shape = spotlightShape(hole, Math.ceil(Math.max(viewport.width, viewport.height)), radius);
    const { width, height } = shape.size;
    const size = `${width} ${height} ${zoom}`;
    if (size !== this.size) {
      this.size = size;
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.setAttribute('width', String(width / zoom));
      svg.setAttribute('height', String(height / zoom));
    }
    if (shape.path !== this.path) {
      this.path = shape.path;
      shade.setAttribute('d', shape.path);
      blocker.setAttribute('x', String(shape.hole.x));
      blocker.setAttribute('y', String(shape.hole.y));
      blocker.setAttribute('width', String(shape.hole.width));
      blocker.setAttribute('height', String(shape.hole.height));
      blocker.setAttribute('rx', String(radius));
    }
    const transform = `translate(${round(shape.offset.x / zoom)}px, ${round(shape.offset.y / zoom)}px)`;
    if (transform !== this.transform) {
      this.transform = transform;
      mover.style.transform = transform;
    }
  }
}

/** To 0.01 px: identical frames give identical strings. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
