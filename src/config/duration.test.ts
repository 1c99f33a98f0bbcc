import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads every unit', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
  });
  it('rejects what is not a duration', () => {
    for (const bad of ['', '7', 'd', '7 days', '-1d', '1y', '1e3s']) expect(parseDuration(bad)).toBeUndefined();
  });
});
