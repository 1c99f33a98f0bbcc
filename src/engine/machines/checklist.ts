/**
 * The checklist machine: items are done by their `doneWhen` condition or by hand, may be locked
 * (strict order, dependencies), and the list completes when every item is done — then it may move
 * the user to a stage, and stays on screen for its closing message until closed.
 */
import type { CompiledExperience, CompiledItem } from '../catalog.js';
import type { EngineCore } from '../core.js';
import { own, put } from '../state.js';
import type { ActionTable } from './run.js';
import type { ChecklistMachine } from './table.js';

export interface ChecklistView {
  items: Array<{ id: string; done: boolean; locked: boolean }>;
  done: number;
  total: number;
  complete: boolean;
}

const NO_ITEMS: Record<string, never> = /*#__PURE__*/ Object.freeze(Object.create(null) as Record<string, never>);

export const checklistActions: ActionTable = {
  'item-done': (core, x, action) => tick(core, x, action.item, true),
  'item-undone': (core, x, action) => tick(core, x, action.item, false),
};

export function checklistView(core: EngineCore, x: CompiledExperience): ChecklistView {
  const items = x.items.map((item) => ({ id: item.id, done: itemDone(core, x, item), locked: locked(core, x, item) }));
  return { items, done: items.filter((item) => item.done).length, total: items.length, complete: isComplete(core, x) };
}

/** Done at any version counts, unless the list reopens for new item versions. */
export function itemDone(core: EngineCore, x: CompiledExperience, item: CompiledItem): boolean {
  if (item.initiallyDone) return true;
  const entry = own(core.recordOf(x)?.items ?? NO_ITEMS, item.id)?.v;
  return entry !== undefined && entry.done && (!x.reopenOnNewItems || entry.version >= item.version);
}

function locked(core: EngineCore, x: CompiledExperience, item: CompiledItem): boolean {
  if (itemDone(core, x, item)) return false;
  if (x.strictOrder && item.position > 0 && !itemDone(core, x, x.items[item.position - 1]!)) return true;
  for (const dependency of item.dependsOn) {
    const other = x.itemsById.get(dependency);
    if (other && !itemDone(core, x, other)) return true;
  }
  return false;
}

export function isComplete(core: EngineCore, x: CompiledExperience): boolean {
  if (x.items.length === 0) return false;
  const allDone = x.items.every((item) => itemDone(core, x, item));
  if (x.reopenOnNewItems) return allDone;
  return allDone || core.recordOf(x)?.completedAt != null;
}

/** Re-evaluate one item's `doneWhen`. */
export function evaluateItem(core: EngineCore, item: CompiledItem): void {
  const x = core.experience(item.checklist);
  const facts = core.facts;
  facts.horizon = Infinity;
  if (x.enabled && item.doneWhen && !itemDone(core, x, item) && item.doneWhen.test(facts)) markItem(core, x, item, true);
  core.horizons[item.unit] = itemDone(core, x, item) ? Infinity : facts.horizon;
}

/** Notice the list becoming complete: record it once, report it, move the stage on. */
export function updateCompletion(core: EngineCore, x: CompiledExperience): void {
  const now = isComplete(core, x) ? 1 : 0;
  const before = core.complete[x.index]!;
  core.complete[x.index] = now;
  if (now === 0) return;
  const rec = core.recordOf(x);
  if (before === 1 || (before === -1 && rec?.completedAt != null)) return;
  const record = core.record(x);
  if (record.completedAt === null) record.completedAt = core.facts.at;
  core.touch(x);
  core.emit('experience_completed', x, core.withDuration(x, { itemsDone: x.items.length, itemsTotal: x.items.length }));
  if (x.completeToStage !== null) core.moveStageForward(x.completeToStage, 'checklist');
  const shown = core.shown.get(x.index);
  if (shown) shown.finishing = true;
}

function tick(core: EngineCore, x: CompiledExperience, itemId: string, done: boolean): void {
  const item = x.itemsById.get(itemId);
  if (!item || !item.manual) return;
  const isDone = itemDone(core, x, item);
  if (done && !isDone && !locked(core, x, item)) markItem(core, x, item, true);
  if (!done && isDone && !item.initiallyDone) markItem(core, x, item, false);
}

function markItem(core: EngineCore, x: CompiledExperience, item: CompiledItem, done: boolean): void {
  const rec = core.record(x);
  put(rec.items, item.id, { v: { done, version: item.version, at: core.facts.at }, s: core.stamp() });
  if (done) {
    const itemsDone = x.items.filter((other) => other === item || itemDone(core, x, other)).length;
    core.emit('checklist_item_completed', x, { item: item.id, version: item.version, itemsDone, itemsTotal: x.items.length });
  }
  core.checklistsChanged.add(x.index);
  core.touch(x);
}

/** The checklist machine, as the machine table holds it. */
export const checklistMachine: ChecklistMachine = {
  actions: checklistActions,
  isComplete,
  updateCompletion,
  evaluateItem,
  view: checklistView,
};
