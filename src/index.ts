/**
 * Waymark: in-app onboarding and proactive support.
 * Importing this module has no side effect; call `createWaymark()` to start. It returns the instance at once and
 * loads the runtime (a chunk of its own) in the background: the app's entry pays only for this small facade.
 */
export { createWaymark } from './runtime/facade.js';
export { defineConfig } from './runtime/define-config.js';
export type { Waymark, WaymarkOptions, WaymarkEventMap, ShowEvent, HideEvent } from './runtime/types.js';
export type { WaymarkError } from './runtime/errors.js';
export * from './config/index.js';
export type * from './engine/contract.js';
/** NPS, CSAT and CES from exported `survey_answered` events (formulas in docs/surveys.md). */
export { computeScores, type SurveyScores } from './core/surveys/scores.js';
/**
 * The elements' types and their events, for apps that use `<wm-*>` directly (React, Vue, plain DOM).
 * Type-only: importing them loads no UI; they also bring the `HTMLElementTagNameMap` and event-map
 * augmentations, so `document.querySelector('wm-tour')` and `addEventListener('wm-action', …)` are typed.
 */
export type {
  WmActionEvent,
  WmOpenChangeEvent,
  WmStepChangeEvent,
  WmTargetMissingEvent,
  WmTourEventMap,
  WmHintEventMap,
  WmBeaconEventMap,
  WmChecklistEventMap,
  WmAnnouncementEventMap,
  WmSurveyEventMap,
  WmNudgeEventMap,
  WmHelpEventMap,
  WmElementEventMaps,
} from './ui/shared/events.js';
export type { WmTour } from './ui/tour/tour.js';
export type { WmHint } from './ui/hint/hint.js';
export type { WmBeacon } from './ui/beacon/beacon.js';
export type { WmChecklist } from './ui/checklist/checklist.js';
export type { WmAnnouncement } from './ui/announcement/announcement.js';
export type { WmSurvey } from './ui/survey/survey.js';
export type { WmNudge } from './ui/nudge/nudge.js';
export type { WmHelp } from './ui/help/help.js';
