/**
 * The machine table: what each experience type adds to the run every experience shares (run.ts).
 * The engine's other parts reach a type's transitions only through this table, so a runtime can load
 * the machines of the types its config has. An engine without a type's machine still shows, starts
 * and ends that type's experiences; it does not walk a tour's steps, escalate a nudge, tick a
 * checklist's items or record a survey's answer.
 */
import type { CompiledExperience, CompiledItem } from '../catalog.js';
import type { EngineCore } from '../core.js';
import type { ExperienceRecord } from '../state.js';
import type { ChecklistView } from './checklist.js';
import type { ActionTable } from './run.js';

export interface TourMachine {
  readonly actions: ActionTable;
  /** Move the running tour by `delta` steps (buttons' next and back). */
  advance(core: EngineCore, x: CompiledExperience, delta: number): void;
  /** Keep a shown tour on its run's step, and off pages the step does not belong to. */
  reconcile(core: EngineCore, x: CompiledExperience, shownStep: number | undefined, step: number): void;
  /** Put stored runs back on steps this config has. */
  repairSteps(core: EngineCore): void;
  advanceOnEvent(core: EngineCore, name: string): void;
  advanceOnElement(core: EngineCore, key: string): void;
  advanceOnClick(core: EngineCore, keys: readonly string[]): void;
}

export interface ChecklistMachine {
  readonly actions: ActionTable;
  isComplete(core: EngineCore, x: CompiledExperience): boolean;
  /** Notice the list becoming complete: record it once, report it, move the stage on. */
  updateCompletion(core: EngineCore, x: CompiledExperience): void;
  /** Re-evaluate one item's `doneWhen`. */
  evaluateItem(core: EngineCore, item: CompiledItem): void;
  view(core: EngineCore, x: CompiledExperience): ChecklistView;
}

export interface NudgeMachine {
  readonly actions: ActionTable;
  /** Record the trigger's answer; true when a firing awaits a show. */
  trackTrigger(core: EngineCore, x: CompiledExperience, trigger: boolean): boolean;
  awaitingNewFiring(core: EngineCore, x: CompiledExperience): boolean;
  /** The level a new run opens at. */
  openingLevel(core: EngineCore, x: CompiledExperience, rec: ExperienceRecord): number;
  /** The trigger fired again while on screen: one level up. */
  escalate(core: EngineCore, x: CompiledExperience): void;
}

export interface SurveyMachine {
  readonly actions: ActionTable;
}

/** The machine of each experience type that has one (hints, beacons and announcements need only the shared run). */
export interface MachineTable {
  readonly tour?: TourMachine;
  readonly checklist?: ChecklistMachine;
  readonly nudge?: NudgeMachine;
  readonly survey?: SurveyMachine;
}

/** The experience types that have a machine. */
export type MachineType = keyof MachineTable;
