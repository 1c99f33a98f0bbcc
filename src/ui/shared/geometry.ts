/** Pure rectangle math for the spotlight and placement (no DOM reads: callers pass rects in). */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) return null;
  return { x, y, width: right - x, height: bottom - y };
}

export function pad(box: Box, padding: number): Box {
  return { x: box.x - padding, y: box.y - padding, width: box.width + 2 * padding, height: box.height + 2 * padding };
}

/**
 * An SVG path covering the viewport with a rounded-rect hole (even-odd fill). With no hole the
 * whole viewport is shaded.
 */
export function spotlightPath(viewport: { width: number; height: number }, hole: Box | null, radius: number): string {
  const outer = `M0 0H${n(viewport.width)}V${n(viewport.height)}H0Z`;
  if (!hole) return outer;
  const r = Math.max(0, Math.min(radius, hole.width / 2, hole.height / 2));
  const { x, y, width: w, height: h } = hole;
  if (r === 0) return `${outer}M${n(x)} ${n(y)}H${n(x + w)}V${n(y + h)}H${n(x)}Z`;
  return (
    `${outer}M${n(x + r)} ${n(y)}H${n(x + w - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w)} ${n(y + r)}` +
    `V${n(y + h - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w - r)} ${n(y + h)}` +
    `H${n(x + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)}` +
    `V${n(y + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)}Z`
  );
}

/**
 * The spotlight as a shape of fixed size that scrolling only moves: a rounded hole the size of `hole`
 * with `margin` px of shade around it on every side (the margin must reach across the viewport), to be
 * drawn at `offset` (viewport px). Its `path` and `size` change only when the hole's size does, so a
 * scrolled frame moves one element (a transform) instead of rewriting a viewport-sized path. With no
 * hole (the target scrolled away), a hole-less square of `margin` px at the viewport's origin.
 */
export function spotlightShape(hole: Box | null, margin: number, radius: number): { path: string; size: { width: number; height: number }; hole: Box; offset: { x: number; y: number } } {
  if (!hole) {
    const size = { width: margin, height: margin };
    return { path: spotlightPath(size, null, radius), size, hole: { x: 0, y: 0, width: 0, height: 0 }, offset: { x: 0, y: 0 } };
  }
  const size = { width: hole.width + 2 * margin, height: hole.height + 2 * margin };
  const local = { x: margin, y: margin, width: hole.width, height: hole.height };
  return { path: spotlightPath(size, local, radius), size, hole: local, offset: { x: hole.x - margin, y: hole.y - margin } };
}

/** Rounded to 0.01 px: written positions and paths stay short, and identical frames give identical strings. */
export function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

function n(value: number): string {
  return String(hundredths(value));
}

/**
 * How far `box` must move vertically to sit inside `[top, bottom]` (negative: up). Zero when it
 * already fits; when it is taller than the band, its top is aligned with `top`.
 */
export function scrollDeltaToFit(box: Box, top: number, bottom: number): number {
  if (box.y >= top && box.y + box.height <= bottom) return 0;
  if (box.height > bottom - top) return box.y - top;
  if (box.y < top) return box.y - top;
  return box.y + box.height - bottom;
}
