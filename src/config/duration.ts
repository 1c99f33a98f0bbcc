import type { Duration } from './types.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** `"7d"` → 604800000. Returns `undefined` for anything that is not a duration. */
export function parseDuration(value: Duration): number | undefined {
  const match = DURATION_PATTERN.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
