import { describe, expect, it } from 'vitest';
import { allowedTypos, boundedDistance } from './fuzzy.js';

describe('allowedTypos', () => {
  it('forgives none below 4 letters, 1 up to 7, 2 from 8', () => {
    expect(['', 'abc', 'slak', 'webhok', 'invoice', 'permision', 'integratoin'].map(allowedTypos)).toEqual([0, 0, 1, 1, 1, 2, 2]);
  });
});

describe('boundedDistance', () => {
  it.each([
    ['slak', 'slack', 1],
    ['webhok', 'webhoo', 1],
    ['integratoin', 'integration', 1], // a swap of neighbours is one edit
    ['permision', 'permissio', 2],
    ['abcd', 'abcd', 0],
    ['сёт', 'сет', 1],
    ['', 'ab', 2],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(boundedDistance(a, b, 2)).toBe(expected);
    expect(boundedDistance(b, a, 2)).toBe(expected);
  });

  it('gives up past the bound', () => {
    expect(boundedDistance('slak', 'stack', 1)).toBe(Infinity);
    expect(boundedDistance('abcdef', 'abc', 2)).toBe(Infinity);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(Infinity);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
  });
});
