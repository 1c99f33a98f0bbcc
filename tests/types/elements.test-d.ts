/**
 * Type-level tests for the components' public typings: tag names, event maps and event fields.
 * Nothing here runs; `npm run typecheck` (tsconfig.json includes tests/**) fails when a typing breaks:
 * a positive assertion stops holding, or an `@ts-expect-error` line stops being an error.
 */
import type { UserAction } from '../../src/engine/contract.js';
import type { MissingTargetPolicy } from '../../src/config/types.js';
import type { WmAnnouncement } from '../../src/ui/announcement/announcement.js';
import type { WmBeacon } from '../../src/ui/beacon/beacon.js';
import type { WmChecklist } from '../../src/ui/checklist/checklist.js';
import type { WmHelp } from '../../src/ui/help/help.js';
import type { WmHint } from '../../src/ui/hint/hint.js';
import type { WmNudge } from '../../src/ui/nudge/nudge.js';
import type { WmSurvey } from '../../src/ui/survey/survey.js';
import type { WmTour } from '../../src/ui/tour/tour.js';
import type {
  WmActionEvent,
  WmElementEventMaps,
  WmOpenChangeEvent,
  WmStepChangeEvent,
  WmTargetMissingEvent,
  WmTourEventMap,
} from '../../src/ui/index.js';

/** `true` only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
function assert<T extends true>(..._: T extends true ? [] : [never]): void {}

// ---- tag names ---------------------------------------------------------------------------------

assert<Equal<HTMLElementTagNameMap['wm-tour'], WmTour>>();
assert<Equal<HTMLElementTagNameMap['wm-hint'], WmHint>>();
assert<Equal<HTMLElementTagNameMap['wm-beacon'], WmBeacon>>();
assert<Equal<HTMLElementTagNameMap['wm-checklist'], WmChecklist>>();
assert<Equal<HTMLElementTagNameMap['wm-announcement'], WmAnnouncement>>();
assert<Equal<HTMLElementTagNameMap['wm-survey'], WmSurvey>>();
assert<Equal<HTMLElementTagNameMap['wm-nudge'], WmNudge>>();
assert<Equal<HTMLElementTagNameMap['wm-help'], WmHelp>>();
declare const doc: Document;
const created = doc.createElement('wm-tour');
assert<Equal<typeof created, WmTour>>();
const found = doc.querySelector('wm-checklist');
assert<Equal<typeof found, WmChecklist | null>>();

// ---- which element fires what ------------------------------------------------------------------

assert<Equal<keyof WmElementEventMaps['wm-tour'], 'wm-step-change' | 'wm-target-missing' | 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-hint'], 'wm-open-change' | 'wm-target-missing' | 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-beacon'], 'wm-open-change' | 'wm-target-missing' | 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-checklist'], 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-announcement'], 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-survey'], 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-nudge'], 'wm-action'>>();
assert<Equal<keyof WmElementEventMaps['wm-help'], never>>();
// Every element of HTMLElementTagNameMap named wm-* has an event map, and the other way round.
assert<Equal<keyof WmElementEventMaps, Extract<keyof HTMLElementTagNameMap, `wm-${string}`>>>();

/** Every event of every element map is in the global map with the same class. */
type AllEvents = { [Tag in keyof WmElementEventMaps]: WmElementEventMaps[Tag][keyof WmElementEventMaps[Tag]] }[keyof WmElementEventMaps];
type Globally<M> = { [K in keyof M]: K extends keyof GlobalEventHandlersEventMap ? Equal<GlobalEventHandlersEventMap[K], M[K]> : false };
type EveryGlobally = { [Tag in keyof WmElementEventMaps]: Globally<WmElementEventMaps[Tag]>[keyof WmElementEventMaps[Tag]] }[keyof WmElementEventMaps];
assert<Equal<EveryGlobally, true>>();
assert<Equal<Globally<WmTourEventMap>[keyof WmTourEventMap], true>>();
assert<Equal<AllEvents, WmStepChangeEvent | WmTargetMissingEvent | WmActionEvent | WmOpenChangeEvent>>();

// ---- listeners are typed -----------------------------------------------------------------------

declare const tour: WmTour;
declare const hint: WmHint;
declare const beacon: WmBeacon;
declare const survey: WmSurvey;

tour.addEventListener('wm-step-change', (event) => {
  assert<Equal<typeof event, WmStepChangeEvent>>();
  const step: number = event.step;
  const total: number = event.total;
  const id: string = event.stepId;
  void [step, total, id, event.experienceId];
  // The fields are on the event itself; there is no CustomEvent detail.
  // @ts-expect-error WmStepChangeEvent has no `detail`
  void event.detail;
  // @ts-expect-error `step` is a number
  const wrong: string = event.step;
  void wrong;
});

tour.addEventListener('wm-target-missing', (event) => {
  const policy: MissingTargetPolicy = event.policy;
  const target: string = event.targetDescription;
  void [policy, target];
  // @ts-expect-error the description is `targetDescription`
  void event.target.description;
});

hint.addEventListener('wm-open-change', (event) => {
  const open: boolean = event.open;
  void open;
  // @ts-expect-error `open` is a boolean
  event.open.toUpperCase();
});

beacon.addEventListener('wm-open-change', (event) => {
  assert<Equal<typeof event, WmOpenChangeEvent>>();
});

survey.addEventListener('wm-action', (event) => {
  assert<Equal<typeof event, WmActionEvent>>();
  const action: UserAction = event.action;
  if (action.type === 'answer') {
    const score: number = action.score;
    void score;
  }
  // cancelable: the host may veto an action
  event.preventDefault();
  // @ts-expect-error `action` is read-only
  event.action = { type: 'dismiss' };
});

// Listening on the document (events bubble and are composed) is typed too.
document.addEventListener('wm-action', (event) => {
  const id: string = event.experienceId;
  void id;
  // @ts-expect-error an action event has no `step`
  void event.step;
});

// A wrong event name gets a plain Event, whose fields are unknown.
tour.addEventListener('wm-step-changed', (event) => {
  // @ts-expect-error not a Waymark event type, so no `step`
  void event.step;
});
