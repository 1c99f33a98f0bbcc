import type { ConfigIssue } from '../config/validate.js';
import type { WaymarkConfig, Experience, Target } from '../config/types.js';
import type { AnalyticsEvent, AnalyticsEventType, Json, Traits, UserAction, Why } from '../engine/contract.js';
import type { ChecklistView, UserState } from '../engine/index.js';
import type { RemoteAdapter } from '../platform/store/index.js';
import type { SinkSpec } from '../platform/analytics/index.js';
import type { WaymarkError } from './errors.js';

export interface WaymarkOptions {
  /**
   * The config document. Written inline (or through `defineConfig()`) it is type-checked and
   * autocompleted; it is validated at run time too, problems reported through `on('error')`.
   * JSON of unknown shape (imported, fetched, built elsewhere): pass `json as WaymarkConfig`,
   * the run-time validation still applies, or let Waymark fetch it with `configUrl`.
   */
  config?: WaymarkConfig;
  /** Or a URL to fetch it from. */
  configUrl?: string;
  /** How long fetching and reading `configUrl` may take before Waymark runs with an empty config (default 10 000 ms; reported as `config-timeout`). */
  configTimeoutMs?: number;
  /**
   * Validate the config in full even when it is in the checked form `waymark validate --out` writes (default: a checked
   * config is trusted after a cheap structural check, and the validator is not loaded; debug mode validates in full).
   */
  validate?: boolean;
  /** The signed-in user. Without an id, an anonymous id is generated and kept. */
  user?: { id?: string; traits?: Traits };
  /** UI and content locale. Default: the first of `navigator.languages` the config's `locale.supported` has (exact tag, then language), else `locale.default`. */
  locale?: string;
  storage?: {
    /** `indexeddb` (default) or `memory` (nothing persisted). */
    kind?: 'indexeddb' | 'memory';
    /** Database name (default `waymark`). */
    dbName?: string;
    /** Sync progress across devices through your backend. */
    remote?: RemoteAdapter<UserState>;
    /** How long loading from `remote` may take before Waymark continues with the local state (default 10 000 ms; reported as `storage-remote-timeout`). */
    remoteTimeoutMs?: number;
  };
  /** Analytics sinks that receive every Waymark event. */
  analytics?: SinkSpec[];
  /** Show the debug overlay (every experience with `why()`, user state, recent activity, an element picker) and log decisions to the console (also `?waymark-debug` in the URL). */
  debug?: boolean;
  /** Render experiences with Waymark's components (default true). `false`: headless, listen to `on('show')`. */
  ui?: boolean;
  /** Show Waymark's floating help launcher (default true); false when the app's own help button calls `openHelp()`. */
  helpLauncher?: boolean;
  /**
   * Animate Waymark's layers (default true). `false`: no transitions or animations, as under the OS
   * `prefers-reduced-motion: reduce` setting, which is honoured either way.
   */
  animation?: boolean;
  /** Injected for tests and embedding; defaults to the real browser. */
  window?: Window;
  clock?: () => number;
  random?: () => number;
}

export interface ShowEvent {
  experience: Experience;
  step?: number;
  level?: number;
  /** Checklists: item states and progress. */
  checklist?: ChecklistView;
}

export interface HideEvent {
  experienceId: string;
  reason: string;
}

/** Everything `on()` can listen to. Analytics event types receive the event itself. */
export type WaymarkEventMap = { [K in AnalyticsEventType]: AnalyticsEvent } & {
  /** Every analytics event. */
  event: AnalyticsEvent;
  error: WaymarkError;
  /** Config, user state and sensors are loaded. */
  ready: { userId: string; issues: ConfigIssue[] };
  show: ShowEvent;
  hide: HideEvent;
  stage: { from: string | null; to: string };
  /** A checklist's progress changed. */
  checklist: { experienceId: string };
  /** A button or item asked to open the help panel / chat, or go to a URL. */
  'open-help': { query?: string; articleId?: string };
  /** A handoff to a human for the app to carry out (chat `provider: "callback"`, or no chat configured), with the operator's context. */
  'open-chat': { message?: string; context?: Partial<import('../core/chat/contract.js').ChatContext> };
};

/** Why `start()` did not show an experience. */
export type StartRefusal =
  /** No experience with this id (in the config or added with `addExperience`). */
  | 'unknown'
  /** The experience is switched off (`enabled: false`). */
  | 'disabled'
  /** The user is in the experience's control group. */
  | 'control-group'
  /** It waits for its page, its target, or a free slot (another blocking experience is on screen). */
  | 'waiting'
  /** It was taken off the screen before it became visible (dismissed, its target lost, replaced). */
  | 'hidden'
  /** The instance was destroyed first. */
  | 'destroyed'
  /** `start()` was called with something that is not an experience id (reported through `on('error')`). */
  | 'invalid-argument';

/** What `start()` resolves with: the step on screen, or why nothing is. */
export type StartOutcome =
  | { shown: true; experienceId: string; /** Tours: the 0-based step on screen. */ step?: number }
  | { shown: false; experienceId: string; reason: StartRefusal; /** One line for a person, e.g. `blocked by tour 'welcome'`. */ message: string };

/**
 * An experience given from code to `addExperience()`: the config's shape, where a target may also be
 * an `Element` (used as is, never turned into a selector).
 */
export type CodeExperience = Experience | WithElementTargets<Experience>;
type WithElementTargets<T> = T extends Target ? T | Element : T extends Array<infer Item> ? Array<WithElementTargets<Item>> : T extends object ? { [K in keyof T]: WithElementTargets<T[K]> } : T;

export interface Waymark {
  /** Resolves once config and the user's state are loaded (never rejects). */
  readonly ready: Promise<void>;
  readonly userId: string;
  identify(userId: string, traits?: Traits): void;
  track(name: string, props?: Record<string, Json>): void;
  /** Report a page view; the route sensor does this for SPA navigations already. */
  page(url?: string): void;
  setStage(stage: string): void;
  /**
   * Start an experience now, bypassing its trigger (not its `enabled`, its control group or the one-at-a-time slot).
   * Resolves once it is visible (`{ shown: true, step }`), or with the reason it is not (`{ shown: false, reason }`);
   * never rejects.
   */
  start(experienceId: string): Promise<StartOutcome>;
  dismiss(experienceId: string): void;
  /** The tour on screen goes to its next step (completes on the last). Nothing happens without a tour on screen. */
  next(): void;
  /** The tour on screen goes back one step. */
  back(): void;
  /** The tour on screen goes to a step: its 0-based index or its `id`. */
  goTo(step: number | string): void;
  /**
   * Add an experience (or replace the one with the same id) at run time. It is validated like the config:
   * problems are reported through `on('error')` and an invalid experience is not added. Targets may be Elements.
   */
  addExperience(experience: CodeExperience): void;
  /** Remove an experience added in code or by the config: taken off the screen if shown; its stored progress is kept. */
  removeExperience(experienceId: string): void;
  /** Why an experience is or is not showing (null before ready or for an unknown id). */
  why(experienceId: string): Why | null;
  openHelp(query?: string): void;
  openChat(message?: string): void;
  /** Report a user action on a shown experience (used by Waymark's components and custom renderers). */
  act(experienceId: string, action: UserAction): void;
  on<K extends keyof WaymarkEventMap>(type: K, handler: (payload: WaymarkEventMap[K]) => void): () => void;
  /** Forget the current user's progress (stored and in memory). */
  reset(): void;
  /** Remove every listener, observer, element and style Waymark added. */
  destroy(): void;
}
