/** Every machine: what an engine made without a table gets, so it answers every experience type. */
import { checklistMachine } from './checklist.js';
import { nudgeMachine } from './nudge.js';
import { surveyMachine } from './survey.js';
import type { MachineTable } from './table.js';
import { tourMachine } from './tour.js';

export const ALL_MACHINES: MachineTable = /*#__PURE__*/ Object.freeze({
  tour: tourMachine,
  checklist: checklistMachine,
  nudge: nudgeMachine,
  survey: surveyMachine,
});
