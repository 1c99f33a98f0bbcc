/**
 * Pure helpers for the checklist UI: the item states to render (from the engine's view, or
 * derived from the config when no view was given), why a locked item is locked, and what to
 * announce when progress changes. No DOM, so they are unit-tested in node.
 */
import type { ChecklistExperience, ChecklistItem } from '../../config/types.js';
import type { ChecklistView } from '../../engine/index.js';

export type ItemState = ChecklistView['items'][number];

/** The engine's view, or (before the engine sent one) every item as configured. */
export function resolveView(experience: ChecklistExperience, view: ChecklistView | undefined): ChecklistView {
  if (view) return view;
  const items = experience.items.map((item) => ({ id: item.id, done: item.initiallyDone === true, locked: false }));
  const done = items.filter((item) => item.done).length;
  return { items, done, total: items.length, complete: items.length > 0 && done === items.length };
}

/**
 * The item a locked item waits for: its first unfinished dependency, or under `strictOrder`
 * the first unfinished item before it. Undefined when nothing explains the lock.
 */
export function blockingItem(experience: ChecklistExperience, view: ChecklistView, itemId: string): ChecklistItem | undefined {
  const done = new Set(view.items.filter((item) => item.done).map((item) => item.id));
  const index = experience.items.findIndex((item) => item.id === itemId);
  const item = experience.items[index];
  if (!item) return undefined;
  const byId = new Map(experience.items.map((candidate) => [candidate.id, candidate]));
  for (const dependency of item.dependsOn ?? []) {
    const found = byId.get(dependency);
    if (found && !done.has(dependency)) return found;
  }
  if (experience.strictOrder) return experience.items.slice(0, index).find((earlier) => !done.has(earlier.id));
  return undefined;
}

export type ProgressChange =
  | { kind: 'done' | 'undone'; item: string }
  | { kind: 'complete' };

/**
 * What changed between two views, in item order: items that became done or undone, then
 * `complete` when the list became complete. An unknown previous view changes nothing.
 */
export function progressChanges(previous: ChecklistView | undefined, next: ChecklistView): ProgressChange[] {
  if (!previous) return [];
  const before = new Map(previous.items.map((item) => [item.id, item.done]));
  const changes: ProgressChange[] = [];
  for (const item of next.items) {
    const was = before.get(item.id);
    if (was === undefined || was === item.done) continue;
    changes.push({ kind: item.done ? 'done' : 'undone', item: item.id });
  }
  if (next.complete && !previous.complete) changes.push({ kind: 'complete' });
  return changes;
}

/** The stroke of an SVG progress ring of radius `radius`: dash length and offset for `done / total`. */
export function ringStroke(done: number, total: number, radius: number): { circumference: number; offset: number; fraction: number } {
  const circumference = 2 * Math.PI * radius;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return { circumference, offset: circumference * (1 - fraction), fraction };
}
