export type * from './contract.js';
export { STATE_VERSION, initialState } from './state.js';
export type { UserState, ExperienceRecord, EventLog, EventEntry, Register, Stamp, RunState, ItemState, SurveyAnswer, StageValue } from './state.js';
export { migrateState } from './migrate.js';
export type { StateV0 } from './migrate.js';
export { mergeStates } from './merge.js';
export { targetKey } from './target.js';
export { createEngine } from './engine.js';
export type { Engine, EngineOptions, ChecklistView } from './engine.js';
