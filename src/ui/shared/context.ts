/**
 * What a component needs from the renderer that created it. Components render what they are
 * given and report user actions; they never decide eligibility or persist anything.
 */
import type { Article, Target, ThemeTokens } from '../../config/types.js';
import type { UserAction } from '../../engine/contract.js';
import type { DismissibleStack } from './dismissible-stack.js';
import type { Translator } from './i18n.js';

export interface ComponentContext {
  readonly window: Window;
  readonly translator: Translator;
  readonly theme?: ThemeTokens;
  readonly articles: ReadonlyMap<string, Article>;
  /** Shared by every layer of one renderer: Escape closes only the top one. */
  readonly stack: DismissibleStack;
  readonly targets: TargetResolver;
  act(experienceId: string, action: UserAction): void;
  reportError(error: unknown, where: string): void;
}

/**
 * Where targets are found. The runtime injects the platform's resolver (accessible-text matching,
 * open shadow roots, visible-first); without it the renderer falls back to plain selectors.
 */
export interface TargetResolver {
  /** The element now, or null. Never throws (an invalid selector is "not found"). */
  resolve(target: Target): Element | null;
  /** The element once it appears, or null after `timeoutMs` or when `signal` aborts. Observes the DOM; never polls. */
  wait(target: Target, timeoutMs: number, signal?: AbortSignal): Promise<Element | null>;
  /** A short readable description for messages, e.g. `#save` or `[data-waymark="save"]`. */
  describe(target: Target): string;
}
