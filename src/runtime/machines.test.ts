import { describe, expect, it } from 'vitest';
import { ALL_MACHINES } from '../engine/index.js';
import { createMachineLoader } from './machines.js';

describe('engine machines per experience type', () => {
  it('loads only the machines of the types asked for; types without a machine need nothing', async () => {
    const reported: string[] = [];
    const machines = createMachineLoader((_error, where) => reported.push(where));
    await machines.load(['tour', 'hint', 'beacon', 'announcement', 'tour']);
    expect(Object.keys(machines.table)).toEqual(['tour']);
    expect(machines.table.tour).toBe(ALL_MACHINES.tour);
    await machines.load(['checklist', 'survey']);
    expect(Object.keys(machines.table).sort()).toEqual(['checklist', 'survey', 'tour']);
    expect(machines.table.nudge).toBeUndefined();
    expect(reported).toEqual([]);
  });

  it('two instances fill two tables: nothing is shared between them', async () => {
    const first = createMachineLoader(() => {});
    const second = createMachineLoader(() => {});
    await first.load(['nudge']);
    expect(first.table.nudge).toBe(ALL_MACHINES.nudge);
    expect(second.table.nudge).toBeUndefined();
  });

  it('ignores type names that are not machines, even Object.prototype ones', async () => {
    const machines = createMachineLoader(() => {});
    await machines.load(['constructor', '__proto__', 'toString']);
    expect(Object.keys(machines.table)).toEqual([]);
  });
});
