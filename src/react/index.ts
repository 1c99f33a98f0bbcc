/**
 * React wrappers for Waymark's elements (`import { WmHint } from 'waymark/react'`), made with
 * `@lit/react`'s `createComponent`: element properties are set as properties, and each event has a
 * typed `on…` prop (`onWmAction={(event) => event.action}`). React 19 can also render the bare tags
 * (`<wm-hint>`), typed by `import 'waymark/jsx'`; the wrappers add camelCase props and typed events.
 *
 * Needs `react` and `@lit/react` (optional peer dependencies). Importing this module defines no
 * element: Waymark's runtime registers what it renders, and compiles declarative markup it finds.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { WmActionEvent, WmOpenChangeEvent, WmStepChangeEvent, WmTargetMissingEvent } from '../ui/shared/events.js';
import { WmTour as WmTourElement } from '../ui/tour/tour.js';
import { WmHint as WmHintElement } from '../ui/hint/hint.js';
import { WmBeacon as WmBeaconElement } from '../ui/beacon/beacon.js';
import { WmChecklist as WmChecklistElement } from '../ui/checklist/checklist.js';
import { WmAnnouncement as WmAnnouncementElement } from '../ui/announcement/announcement.js';
import { WmSurvey as WmSurveyElement } from '../ui/survey/survey.js';
import { WmNudge as WmNudgeElement } from '../ui/nudge/nudge.js';
import { WmHelp as WmHelpElement } from '../ui/help/help.js';

const onAction = { onWmAction: 'wm-action' as EventName<WmActionEvent> };
const onTargetMissing = { onWmTargetMissing: 'wm-target-missing' as EventName<WmTargetMissingEvent> };
const onOpenChange = { onWmOpenChange: 'wm-open-change' as EventName<WmOpenChangeEvent> };

/** `<wm-tour>`: declare a tour with `<wm-step>` children; `onWmStepChange`, `onWmTargetMissing`, `onWmAction`. */
export const WmTour = createComponent({
  react: React,
  tagName: 'wm-tour',
  elementClass: WmTourElement,
  events: { onWmStepChange: 'wm-step-change' as EventName<WmStepChangeEvent>, ...onTargetMissing, ...onAction },
  displayName: 'WmTour',
});

/** `<wm-hint>`: a hint declared in the page (its text is the body); `onWmOpenChange`, `onWmTargetMissing`, `onWmAction`. */
export const WmHint = createComponent({
  react: React,
  tagName: 'wm-hint',
  elementClass: WmHintElement,
  events: { ...onOpenChange, ...onTargetMissing, ...onAction },
  displayName: 'WmHint',
});

/** `<wm-beacon>`: a hotspot declared in the page; `onWmOpenChange`, `onWmTargetMissing`, `onWmAction`. */
export const WmBeacon = createComponent({
  react: React,
  tagName: 'wm-beacon',
  elementClass: WmBeaconElement,
  events: { ...onOpenChange, ...onTargetMissing, ...onAction },
  displayName: 'WmBeacon',
});

/** `<wm-checklist>`: where an inline checklist renders (`experienceId`), or one declared with `<wm-task>` children; `onWmAction`. */
export const WmChecklist = createComponent({
  react: React,
  tagName: 'wm-checklist',
  elementClass: WmChecklistElement,
  events: onAction,
  displayName: 'WmChecklist',
});

/** `<wm-announcement>` (rendered by Waymark; for custom renderers); `onWmAction`. */
export const WmAnnouncement = createComponent({
  react: React,
  tagName: 'wm-announcement',
  elementClass: WmAnnouncementElement,
  events: onAction,
  displayName: 'WmAnnouncement',
});

/** `<wm-survey>` (rendered by Waymark; for custom renderers); `onWmAction`. */
export const WmSurvey = createComponent({
  react: React,
  tagName: 'wm-survey',
  elementClass: WmSurveyElement,
  events: onAction,
  displayName: 'WmSurvey',
});

/** `<wm-nudge>` (rendered by Waymark; for custom renderers); `onWmAction`. */
export const WmNudge = createComponent({
  react: React,
  tagName: 'wm-nudge',
  elementClass: WmNudgeElement,
  events: onAction,
  displayName: 'WmNudge',
});

/** `<wm-help>` (rendered by Waymark: open it with `openHelp()`); it dispatches no DOM events. */
export const WmHelp = createComponent({
  react: React,
  tagName: 'wm-help',
  elementClass: WmHelpElement,
  displayName: 'WmHelp',
});
