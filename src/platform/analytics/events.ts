/**
 * The documented analytics event schema as vendors see it: event names per naming convention and
 * the flat, snake_case properties each event forwards. `docs/analytics-events.md` describes the
 * same table; `events.test.ts` keeps the two in step.
 */
import type { AnalyticsEvent, AnalyticsEventType } from '../../engine/contract.js';

export type FlatValue = string | number | boolean | null;
/** A vendor payload: one level, scalar values, snake_case keys. */
export type FlatProps = Record<string, FlatValue>;

/**
 * Per event type, the `props` keys forwarded to vendor sinks (camelCase here, snake_case on the
 * wire). Anything else in `props` stays out, notably free text a user typed (a search query, a
 * survey comment): vendors get only what this table names.
 */
export const VENDOR_PROPS: Readonly<Record<AnalyticsEventType, readonly string[]>> = Object.freeze({
  experience_shown: ['step', 'stepId', 'stepCount', 'level'],
  experience_would_have_shown: ['group'],
  step_viewed: ['step', 'stepId', 'stepCount'],
  step_target_missing: ['step', 'stepId', 'policy'],
  experience_completed: ['step', 'stepCount', 'durationMs'],
  experience_dismissed: ['step', 'stepId', 'stepCount', 'durationMs'],
  checklist_item_completed: ['item', 'itemsDone', 'itemsTotal'],
  stage_changed: ['from', 'to'],
  article_opened: ['articleId', 'source'],
  help_searched: ['results'],
  chat_opened: ['provider', 'online', 'source'],
  message_left: ['provider'],
  resource_center_opened: ['guides', 'tasksLeft'],
  guide_replayed: ['status'],
  survey_answered: ['metric', 'score', 'hasComment', 'answerId'],
  struggle_detected: ['kind', 'target', 'count'],
  sdk_error: ['code', 'where'],
});

export const EVENT_TYPES = Object.freeze(Object.keys(VENDOR_PROPS)) as readonly AnalyticsEventType[];

/** `experience_shown` → `waymark_experience_shown` (GA4, PostHog: snake_case). */
export function snakeEventName(type: AnalyticsEventType): string {
  return `waymark_${type}`;
}

/** `experience_shown` → `Waymark Experience Shown` (Segment, Amplitude, Mixpanel: "Object Action" in Title Case). */
export function wordsEventName(type: AnalyticsEventType): string {
  const words = type.split('_').map((word) => (word === 'sdk' ? 'SDK' : word.charAt(0).toUpperCase() + word.slice(1)));
  return `Waymark ${words.join(' ')}`;
}

/** `stepId` → `step_id`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function isFlatValue(value: unknown): value is FlatValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The vendor payload for one event: experience id and type, then the documented props of its
 * type. User and session ids stay out: each vendor ties events to the user and session it
 * already tracks (and GA4 reserves `session_id`).
 */
export function vendorProperties(event: AnalyticsEvent): FlatProps {
  const flat: FlatProps = {};
  if (isFlatValue(event.experienceId)) flat.experience_id = event.experienceId;
  if (isFlatValue(event.experienceType)) flat.experience_type = event.experienceType;
  const allowed = Object.hasOwn(VENDOR_PROPS, event.type) ? VENDOR_PROPS[event.type] : [];
  const props = event.props;
  if (!props) return flat;
  for (const key of allowed) {
    const value = Object.hasOwn(props, key) ? props[key] : undefined;
    if (isFlatValue(value)) flat[snakeCase(key)] = value;
  }
  return flat;
}
