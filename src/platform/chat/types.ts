import type { ChatSettings, StruggleKind } from '../../config/types.js';
import type { Traits } from '../../engine/contract.js';

/** The context keys a config may pass to operators (`chat.context`). */
export type ChatContextField = NonNullable<ChatSettings['context']>[number];

/** Providers whose widget lives on the page. */
export type WidgetProvider = Exclude<ChatSettings['provider'], 'callback' | 'url' | 'none'>;

/** Everything Waymark knows that helps an operator: who, where, what they tried, what went wrong. */
export interface ChatContext {
  user: { id: string; traits: Traits };
  stage: string | null;
  /** Current URL or path. */
  page: string;
  /** The tour step in progress (`step` is 0-based). */
  step?: { experienceId: string; step: number; title: string };
  /** The checklist item in progress. */
  checklistItem?: { experienceId: string; item: string; title: string };
  /** The struggle signal that fired. */
  struggle?: { kind: StruggleKind; detail?: string };
  articlesOpened: Array<{ id: string; title: string }>;
  recentErrors: string[];
}

/** The context after `chat.context` filtering: only the allowed parts are present. */
export type SharedContext = Partial<ChatContext>;

/** Flat values every provider accepts as custom attributes. */
export type AttributeValue = string | number | boolean;

export interface AdapterOpenResult {
  /** Whether the user's message was put in the composer (some providers have no API for that). */
  prefilled: boolean;
}

/** One chat provider's widget: is it on the page, and open it with context the way that provider supports. */
export interface ChatAdapter {
  readonly provider: WidgetProvider;
  detect(win: Window): boolean;
  /** Call only after `detect` said yes. May throw whatever the vendor's code throws. */
  open(context: SharedContext, message: string | undefined, win: Window): AdapterOpenResult;
}
