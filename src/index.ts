/**
 * Waymark: in-app onboarding and proactive support.
 * Importing this module has no side effect; call `createWaymark()` to start.
 */
export { createWaymark } from './runtime/create.js';
export type { Waymark, WaymarkOptions, WaymarkEventMap, ShowEvent, HideEvent } from './runtime/types.js';
export type { WaymarkError } from './runtime/errors.js';
export * from './config/index.js';
export type * from './engine/contract.js';
/** NPS, CSAT and CES from exported `survey_answered` events (formulas in docs/surveys.md). */
export { computeScores, type SurveyScores } from './platform/surveys/scores.js';
