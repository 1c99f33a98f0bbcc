import { parseDuration } from '../config/duration.js';
import type { Json } from './contract.js';

/** A config duration in ms. The config is validated before it reaches the engine; 0 is the safe reading of anything else. */
export function durationMs(value: string): number {
  return parseDuration(value) ?? 0;
}

const UNITS: Array<[string, number]> = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/** 93784000 → `"1d 2h"`: the two largest units, for explanations. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  if (ms < 0) ms = 0;
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS) {
    if (rest >= size) {
      const count = Math.floor(rest / size);
      parts.push(`${count}${unit}`);
      rest -= count * size;
      if (parts.length === 2) break;
    } else if (parts.length === 1) {
      break;
    }
  }
  return parts.join(' ');
}

/** An ISO date string or epoch ms as epoch ms; `undefined` when it is not a date. */
export function toTime(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Epoch ms as an ISO string without milliseconds, for explanations. */
export function formatTime(at: number): string {
  if (!Number.isFinite(at)) return String(at);
  return new Date(at).toISOString().replace('.000Z', 'Z');
}
