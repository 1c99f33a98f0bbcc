// Diagnostic only (TOURS_BENCH_DIAGNOSE): Waymark's tour without its spotlight, to split the costs.
import type { BenchStep, TourAdapter } from '../harness.js';
import { createAdapter as createWaymarkAdapter } from './waymark.js';

export const createAdapter = (steps: BenchStep[]): TourAdapter => createWaymarkAdapter(steps, { spotlight: false });
