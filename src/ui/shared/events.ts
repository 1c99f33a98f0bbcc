/**
 * Typed DOM events dispatched by Waymark components. All bubble and are composed, so a host
 * page can listen on `document`; `wm-action` is cancelable so the host may veto an action.
 */
import type { UserAction } from '../../engine/contract.js';
import type { MissingTargetPolicy } from '../../config/types.js';

/**
 * A tour moved to a step (including the first).
 *
 * @property {string} experienceId - The tour's id.
 * @property {number} step - The step's 0-based index.
 * @property {string} stepId - The step's `id`, or its index as text.
 * @property {number} total - How many steps the tour has.
 */
export class WmStepChangeEvent extends Event {
  static readonly eventName = 'wm-step-change';
  constructor(
    readonly experienceId: string,
    readonly step: number,
    readonly stepId: string,
    readonly total: number,
  ) {
    super(WmStepChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A step's target did not appear within its wait; `policy` says what happens next.
 *
 * @property {string} experienceId - The tour, hint or beacon's id.
 * @property {number} step - The step's 0-based index (0 for a hint or beacon).
 * @property {string} targetDescription - A readable description of the missing target, e.g. `#save`.
 * @property {'skip' | 'center' | 'end'} policy - What happens next: skip the step, show it centred, or end the tour (hints and beacons: `skip`).
 */
export class WmTargetMissingEvent extends Event {
  static readonly eventName = 'wm-target-missing';
  constructor(
    readonly experienceId: string,
    readonly step: number,
    /** A readable description of the missing target, e.g. `#save` or `[data-waymark="billing"]`. */
    readonly targetDescription: string,
    readonly policy: MissingTargetPolicy,
  ) {
    super(WmTargetMissingEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The user acted on an experience. Cancel it to stop the action from reaching Waymark.
 *
 * @property {string} experienceId - The experience's id.
 * @property {UserAction} action - What the user did, e.g. `{type: 'next'}`, `{type: 'dismiss'}`, `{type: 'answer', score}`.
 */
export class WmActionEvent extends Event {
  static readonly eventName = 'wm-action';
  constructor(
    readonly experienceId: string,
    readonly action: UserAction,
  ) {
    super(WmActionEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * A hint or beacon popover opened or closed.
 *
 * @property {string} experienceId - The hint or beacon's id.
 * @property {boolean} open - Whether it is open now.
 */
export class WmOpenChangeEvent extends Event {
  static readonly eventName = 'wm-open-change';
  constructor(
    readonly experienceId: string,
    readonly open: boolean,
  ) {
    super(WmOpenChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/*
 * Which element dispatches which event, by type: for framework wrappers and typed listeners
 * (`(type: keyof WmTourEventMap) => …`). Listening is typed already through the global map below:
 * `tour.addEventListener('wm-step-change', (event) => event.step)` and
 * `document.addEventListener('wm-action', (event) => event.action)` both type-check.
 * tests/unit/manifest.test.ts checks these against what each component dispatches.
 */

/** The DOM events `<wm-tour>` dispatches. */
export interface WmTourEventMap {
  'wm-step-change': WmStepChangeEvent;
  'wm-target-missing': WmTargetMissingEvent;
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-hint>` dispatches. */
export interface WmHintEventMap {
  'wm-open-change': WmOpenChangeEvent;
  'wm-target-missing': WmTargetMissingEvent;
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-beacon>` dispatches. */
export interface WmBeaconEventMap {
  'wm-open-change': WmOpenChangeEvent;
  'wm-target-missing': WmTargetMissingEvent;
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-checklist>` dispatches. */
export interface WmChecklistEventMap {
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-announcement>` dispatches. */
export interface WmAnnouncementEventMap {
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-survey>` dispatches. */
export interface WmSurveyEventMap {
  'wm-action': WmActionEvent;
}

/** The DOM events `<wm-nudge>` dispatches. */
export interface WmNudgeEventMap {
  'wm-action': WmActionEvent;
}

/** `<wm-help>` dispatches no DOM events: it reports through its `input.onEvent`. */
export type WmHelpEventMap = Record<never, never>;

/** `<wm-debug>` dispatches no DOM events: its actions go to its `source`. */
export type WmDebugEventMap = Record<never, never>;

/** `<wm-resource-center>` dispatches no DOM events: what the user picks goes to its `input` callbacks. */
export type WmResourceCenterEventMap = Record<never, never>;

/** The event maps by tag name. */
export interface WmElementEventMaps {
  'wm-tour': WmTourEventMap;
  'wm-hint': WmHintEventMap;
  'wm-beacon': WmBeaconEventMap;
  'wm-checklist': WmChecklistEventMap;
  'wm-announcement': WmAnnouncementEventMap;
  'wm-survey': WmSurveyEventMap;
  'wm-nudge': WmNudgeEventMap;
  'wm-help': WmHelpEventMap;
  'wm-debug': WmDebugEventMap;
  'wm-resource-center': WmResourceCenterEventMap;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wm-step-change': WmStepChangeEvent;
    'wm-target-missing': WmTargetMissingEvent;
    'wm-action': WmActionEvent;
    'wm-open-change': WmOpenChangeEvent;
  }
}
