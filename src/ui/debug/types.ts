/**
 * What the debug overlay is given. The runtime builds it (src/runtime/debug.ts) from the live
 * instance; the overlay only renders it and calls its actions. Nothing here decides anything.
 */
import type { Target } from '../../config/types.js';
import type { Json, Why } from '../../engine/contract.js';
import type { DismissibleStack } from '../shared/dismissible-stack.js';

export interface DebugExperience {
  id: string;
  /** The config's internal label (`name`), when it has one. */
  name?: string;
  type: string;
  /** The engine's explanation now (null before the engine runs). */
  why: Why | null;
}

export interface DebugLogEntry {
  /** Increasing number, unique per instance (a stable key for rendering). */
  seq: number;
  at: number;
  kind: 'signal' | 'event';
  /** The signal's or event's type, e.g. `track`, `experience_shown`. */
  type: string;
  /** One line: `project_created {"plan":"pro"}`, `welcome-tour step 2`, … */
  summary: string;
}

export interface DebugSnapshot {
  userId: string;
  stage: { id: string | null; name?: string };
  traits: Record<string, Json>;
  locale: string;
  /** The locales the config supports (the current one first when it is not listed). */
  locales: string[];
  experiences: DebugExperience[];
  /** Most recent last. */
  log: DebugLogEntry[];
}

/** The SDK's own target resolution, so a picked selector is checked exactly the way a config target is. */
export interface DebugTargets {
  /** Every element the target points at (document and open shadow roots). */
  all(target: Target): Element[];
  roleOf(element: Element): string | null;
  accessibleText(element: Element): string;
}

export interface DebugSource {
  readonly window: Window;
  snapshot(): DebugSnapshot;
  /** Called (batched) whenever something the snapshot shows may have changed. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  start(experienceId: string): void;
  /** Forget the current user's progress. */
  reset(): void;
  setLocale(locale: string): void;
  readonly targets: DebugTargets;
  /** The Escape stack shared with Waymark's other layers (Escape leaves the picker before it closes a tour). */
  readonly stack?: DismissibleStack;
}
