/**
 * What a component needs from the renderer that created it. Components render what they are
 * given and report user actions; they never decide eligibility or persist anything.
 */
import type { Article, ThemeTokens } from '../../config/types.js';
import type { UserAction } from '../../engine/contract.js';
import type { DismissibleStack } from './dismissible-stack.js';
import type { Translator } from './i18n.js';
import type { TargetResolver } from './targets.js';

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
