import type { Experience } from '../config/types.js';
import type { StartOutcome, StartRefusal } from './types.js';

/**
 * The promises `start()` returns: each resolves when its experience becomes visible (the component
 * reported `shown`, or at once when headless), or with the reason it will not be.
 */
export interface StartWaiters {
  /** Wait for this experience; `settle` is called once. */
  expect(experienceId: string, settle: (outcome: StartOutcome) => void): void;
  /** The experience is on screen (at this tour step). */
  visible(experienceId: string, step?: number): void;
  /** The experience left the screen: waiters learn it was not shown. */
  hidden(experienceId: string): void;
  isVisible(experienceId: string): boolean;
  refuse(experienceId: string, reason: StartRefusal, message: string): void;
  /** Destroy: every waiter learns it will not be shown. */
  dispose(): void;
}

export function createStartWaiters(): StartWaiters {
  const waiting = new Map<string, Array<(outcome: StartOutcome) => void>>();
  const onScreen = new Set<string>();
  let disposed = false;

  function settleAll(experienceId: string, outcome: StartOutcome): void {
    const settlers = waiting.get(experienceId);
    if (!settlers) return;
    waiting.delete(experienceId);
    for (const settle of settlers) settle(outcome);
  }

  return {
    expect(experienceId, settle) {
      if (disposed) {
        settle({ shown: false, experienceId, reason: 'destroyed', message: 'the Waymark instance was destroyed' });
        return;
      }
      const settlers = waiting.get(experienceId) ?? [];
      settlers.push(settle);
      waiting.set(experienceId, settlers);
    },
    visible(experienceId, step) {
      onScreen.add(experienceId);
      settleAll(experienceId, step === undefined ? { shown: true, experienceId } : { shown: true, experienceId, step });
    },
    hidden(experienceId) {
      onScreen.delete(experienceId);
      settleAll(experienceId, { shown: false, experienceId, reason: 'hidden', message: `'${experienceId}' left the screen before it was visible` });
    },
    isVisible: (experienceId) => onScreen.has(experienceId),
    refuse(experienceId, reason, message) {
      settleAll(experienceId, { shown: false, experienceId, reason, message });
    },
    dispose() {
      disposed = true;
      for (const experienceId of Array.from(waiting.keys())) {
        settleAll(experienceId, { shown: false, experienceId, reason: 'destroyed', message: 'the Waymark instance was destroyed' });
      }
      onScreen.clear();
    },
  };
}

/** The attribute that lets the page sensors watch an Element target given in code (the UI uses the Element itself). */
const ELEMENT_ATTRIBUTE = 'data-waymark-element';

/**
 * An experience from code whose targets may be Elements. The engine and the validator see JSON: each Element
 * becomes a selector on a marker attribute set on it (so element sensors see it come and go); the components
 * get the experience with the Elements themselves, untouched.
 */
export interface ElementTargets {
  /** The experience as JSON, for the validator and the engine. */
  readonly json: unknown;
  /** The validated experience with its Elements back in place, for the components. */
  restore(validated: Experience): Experience;
  /** Remove the marker attributes. */
  release(): void;
}

export function withElementTargets(win: Window, experience: unknown, nextId: () => number): ElementTargets {
  const marked = new Map<string, Element>();
  const selectorFor = (element: Element): string => {
    let mark = element.getAttribute(ELEMENT_ATTRIBUTE);
    if (!mark) {
      mark = String(nextId());
      element.setAttribute(ELEMENT_ATTRIBUTE, mark);
    }
    const selector = `[${ELEMENT_ATTRIBUTE}="${mark}"]`;
    marked.set(selector, element);
    return selector;
  };
  const toJson = (value: unknown, depth: number): unknown => {
    if (value instanceof (win as Window & typeof globalThis).Element) return { selector: selectorFor(value) };
    if (depth > 64 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = toJson(item, depth + 1);
    return copy;
  };
  const fromJson = (value: unknown, depth: number): unknown => {
    if (depth > 64 || value === null || typeof value !== 'object') return typeof value === 'string' ? (marked.get(value) ?? value) : value;
    const selector = (value as { selector?: unknown }).selector;
    if (typeof selector === 'string' && Object.keys(value).length === 1 && marked.has(selector)) return marked.get(selector);
    if (Array.isArray(value)) return value.map((item) => fromJson(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = fromJson(item, depth + 1);
    return copy;
  };
  return {
    json: toJson(experience, 0),
    restore: (validated) => (marked.size === 0 ? validated : (fromJson(validated, 0) as Experience)),
    release() {
      for (const element of marked.values()) element.removeAttribute(ELEMENT_ATTRIBUTE);
      marked.clear();
    },
  };
}
