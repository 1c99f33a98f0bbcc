import type { ChatSettings } from '../../config/types.js';
import type { SharedContext } from '../../core/chat/contract.js';

/** The context keys a config may pass to operators (`chat.context`). */
export type ChatContextField = NonNullable<ChatSettings['context']>[number];

/** Providers whose widget lives on the page. */
export type WidgetProvider = Exclude<ChatSettings['provider'], 'callback' | 'url' | 'none'>;

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
