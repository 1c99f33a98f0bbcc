import { describe, expect, it } from 'vitest';
import type { ChecklistExperience } from '../../config/types.js';
import { blockingItem, progressChanges, resolveView, ringStroke } from './progress.js';

const list: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: 'Setup',
  items: [
    { id: 'a', title: 'A', initiallyDone: true },
    { id: 'b', title: 'B' },
    { id: 'c', title: 'C', dependsOn: ['a', 'b'] },
    { id: 'd', title: 'D' },
  ],
};

const view = (done: string[], locked: string[] = []) => {
  const items = list.items.map((item) => ({ id: item.id, done: done.includes(item.id), locked: locked.includes(item.id) }));
  return { items, done: done.length, total: items.length, complete: done.length === items.length };
};

describe('checklist progress helpers', () => {
  it('derives a view from the config when the engine has not sent one', () => {
    expect(resolveView(list, undefined)).toEqual(view(['a']));
    const given = view(['a', 'b']);
    expect(resolveView(list, given)).toBe(given);
  });

  it('names the first unfinished dependency, or the first unfinished earlier item under strict order', () => {
    expect(blockingItem(list, view(['a'], ['c']), 'c')?.id).toBe('b');
    expect(blockingItem(list, view([], ['c']), 'c')?.id).toBe('a');
    expect(blockingItem(list, view(['a'], ['d']), 'd')).toBeUndefined();
    expect(blockingItem({ ...list, strictOrder: true }, view(['a'], ['d']), 'd')?.id).toBe('b');
    expect(blockingItem(list, view([]), 'missing')).toBeUndefined();
  });

  it('lists items that became done or undone, then completion', () => {
    expect(progressChanges(undefined, view(['a']))).toEqual([]);
    expect(progressChanges(view(['a', 'c']), view(['a', 'b']))).toEqual([
      { kind: 'done', item: 'b' },
      { kind: 'undone', item: 'c' },
    ]);
    expect(progressChanges(view(['a', 'b', 'c']), view(['a', 'b', 'c', 'd']))).toEqual([{ kind: 'done', item: 'd' }, { kind: 'complete' }]);
    expect(progressChanges(view(['a', 'b', 'c', 'd']), view(['a', 'b', 'c', 'd']))).toEqual([]);
  });

  it('strokes the ring by the done fraction, clamped', () => {
    const circumference = 2 * Math.PI * 10;
    expect(ringStroke(0, 4, 10)).toEqual({ circumference, offset: circumference, fraction: 0 });
    expect(ringStroke(1, 4, 10).offset).toBeCloseTo(circumference * 0.75);
    expect(ringStroke(4, 4, 10).offset).toBeCloseTo(0);
    expect(ringStroke(9, 4, 10).fraction).toBe(1);
    expect(ringStroke(0, 0, 10).fraction).toBe(0);
  });
});
