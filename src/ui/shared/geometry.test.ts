import { describe, expect, it } from 'vitest';
import { intersect, pad, scrollDeltaToFit, spotlightPath, spotlightShape } from './geometry.js';

describe('geometry', () => {
  it('intersects rectangles and returns null when they do not overlap', () => {
    expect(intersect({ x: 0, y: 0, width: 100, height: 100 }, { x: 50, y: 60, width: 100, height: 100 })).toEqual({ x: 50, y: 60, width: 50, height: 40 });
    expect(intersect({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBeNull();
  });

  it('pads a box on every side', () => {
    expect(pad({ x: 10, y: 20, width: 30, height: 40 }, 8)).toEqual({ x: 2, y: 12, width: 46, height: 56 });
  });

  it('draws the viewport with a rounded hole, clamping the radius to the hole', () => {
    const viewport = { width: 800, height: 600 };
    expect(spotlightPath(viewport, null, 8)).toBe('M0 0H800V600H0Z');
    const square = spotlightPath(viewport, { x: 10, y: 20, width: 30, height: 40 }, 0);
    expect(square).toBe('M0 0H800V600H0ZM10 20H40V60H10Z');
    const rounded = spotlightPath(viewport, { x: 10, y: 20, width: 30, height: 10 }, 8);
    // Radius clamped to half the height (5).
    expect(rounded).toContain('A5 5 0 0 1');
    expect(rounded.startsWith('M0 0H800V600H0ZM15 20H35')).toBe(true);
  });

  it('makes the spotlight a fixed-size shape that moving the hole only offsets', () => {
    const here = spotlightShape({ x: 100, y: 50, width: 30, height: 20 }, 1000, 4);
    expect(here.size).toEqual({ width: 2030, height: 2020 });
    expect(here.hole).toEqual({ x: 1000, y: 1000, width: 30, height: 20 });
    expect(here.offset).toEqual({ x: -900, y: -950 });
    expect(here.path).toBe(spotlightPath({ width: 2030, height: 2020 }, { x: 1000, y: 1000, width: 30, height: 20 }, 4));
    // Scrolled: the same path and size, only the offset moves.
    const there = spotlightShape({ x: 100.5, y: 10, width: 30, height: 20 }, 1000, 4);
    expect(there.path).toBe(here.path);
    expect(there.size).toEqual(here.size);
    expect(there.offset).toEqual({ x: -899.5, y: -990 });
    // No hole: the whole square is shade, from the viewport's origin.
    const none = spotlightShape(null, 1000, 4);
    expect(none.path).toBe('M0 0H1000V1000H0Z');
    expect(none.offset).toEqual({ x: 0, y: 0 });
    expect(none.hole.width).toBe(0);
  });

  it('computes the scroll needed to fit a box between a header and a sheet', () => {
    expect(scrollDeltaToFit({ x: 0, y: 100, width: 10, height: 20 }, 80, 500)).toBe(0);
    expect(scrollDeltaToFit({ x: 0, y: 40, width: 10, height: 20 }, 80, 500)).toBe(-40);
    expect(scrollDeltaToFit({ x: 0, y: 600, width: 10, height: 20 }, 80, 500)).toBe(120);
    // Taller than the band: align the top.
    expect(scrollDeltaToFit({ x: 0, y: 300, width: 10, height: 1000 }, 80, 500)).toBe(220);
  });
});
