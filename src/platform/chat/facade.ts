/**
 * `createChat`: the one entry the runtime and UI use to hand a stuck user to a human. It picks the configured
 * provider's widget when it is on the page, otherwise falls back to the configured URL (a page, or `mailto:`
 * with the message and context in the body), and reports which path it took and why. Operator hours are
 * answered here too, so the UI can offer the leave-a-message form instead.
 */
import type { ChatSettings } from '../../config/types.js';
import { isSafeUrl } from '../../config/rich-text.js';
import { CHAT_ADAPTERS } from './adapters.js';
import { contextSummary, filterContext } from './context.js';
import { isOpen, nextOpening } from './hours.js';
import type { ChatContext, ChatPath, SharedContext } from '../../core/chat/contract.js';
import type { ChatAdapter, WidgetProvider } from './types.js';

export interface ChatRequest {
  context: SharedContext;
  message?: string;
}

export interface ChatEnv {
  window: Window;
  /** For `provider: 'callback'`: the app opens its own support channel. */
  callback?: (request: ChatRequest) => void | Promise<void>;
  /** Replace or configure built-in adapters (e.g. `zendesk: createZendeskAdapter({ fields })`). */
  adapters?: Partial<Record<WidgetProvider, ChatAdapter>>;
  /** How a fallback URL is opened; default: `mailto:` in place, pages in a new tab without an opener. */
  openUrl?: (url: string) => void;
  /** Subject line of the fallback mail (default "Help request"). */
  mailSubject?: string;
}

export type ChatFallbackReason = 'widget-missing' | 'widget-failed' | 'callback-missing' | 'callback-failed' | 'no-url' | 'unsafe-url' | 'disabled';

export interface ChatOpenReport {
  /** What actually happened. */
  path: ChatPath;
  /** The configured provider. */
  provider: ChatSettings['provider'];
  /** The user's message is waiting in the composer (or in the mail body). */
  prefilled: boolean;
  /** Why the configured path was not taken (or, for `none`, why nothing opened). */
  reason?: ChatFallbackReason;
  /** What the widget or callback threw. */
  error?: unknown;
  /** The URL opened on the `url` path. */
  url?: string;
}

export interface Chat {
  readonly provider: ChatSettings['provider'];
  /** The path `open` would take right now (the widget may load late). */
  route(): ChatPath;
  /** Hand over to a human. The context is filtered by `chat.context` first. Never rejects. */
  open(context: ChatContext, message?: string): Promise<ChatOpenReport>;
  /** What of `context` the team may see (`chat.context`): for a leave-a-message form as for a chat. */
  share(context: ChatContext): SharedContext;
  /** Within operator hours at `at` (always true without `hours`). */
  withinHours(at: number): boolean;
  /** When operators are next on duty: `at` when open now (or no hours are set), null when nothing opens within a year. */
  nextOpening(at: number): number | null;
}

function mailtoWithBody(url: string, subject: string, body: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function createChat(settings: ChatSettings, env: ChatEnv): Chat {
  const win = env.window;
  const provider = settings.provider;
  const adapter: ChatAdapter | undefined =
    provider === 'callback' || provider === 'url' || provider === 'none' ? undefined : env.adapters?.[provider] ?? CHAT_ADAPTERS[provider];
  const openUrl =
    env.openUrl ??
    ((url: string) => {
      if (/^mailto:/i.test(url)) win.location.assign(url);
      else win.open(url, '_blank', 'noopener,noreferrer');
    });

  function urlPath(context: SharedContext, message: string | undefined, reason: ChatFallbackReason | undefined, error?: unknown): ChatOpenReport {
    const base: ChatOpenReport = { path: 'url', provider, prefilled: false };
    if (reason) base.reason = reason;
    if (error !== undefined) base.error = error;
    const configured = settings.url;
    if (!configured) return { ...base, path: 'none', reason: reason ?? 'no-url' };
    if (!isSafeUrl(configured)) return { ...base, path: 'none', reason: 'unsafe-url' };
    let url = configured;
    if (/^mailto:/i.test(configured)) {
      const body = [message ?? '', contextSummary(context)].filter(Boolean).join('\n\n---\n');
      url = mailtoWithBody(configured, env.mailSubject ?? 'Help request', body);
      base.prefilled = !!message;
    }
    try {
      openUrl(url);
    } catch (thrown) {
      return { ...base, path: 'none', reason: reason ?? 'no-url', error: thrown };
    }
    return { ...base, url };
  }

  function route(): ChatPath {
    if (provider === 'none') return settings.url && isSafeUrl(settings.url) ? 'url' : 'none';
    if (provider === 'callback' && env.callback) return 'callback';
    if (adapter && adapter.detect(win)) return 'widget';
    return settings.url && isSafeUrl(settings.url) ? 'url' : 'none';
  }

  return {
    provider,
    route,
    share: (full) => filterContext(full, settings.context),

    async open(full, message) {
      const context = filterContext(full, settings.context);
      const text = message?.trim() || undefined;
      if (provider === 'none') return settings.url ? urlPath(context, text, undefined) : { path: 'none', provider, prefilled: false, reason: 'disabled' };
      if (provider === 'url') return urlPath(context, text, undefined);
      if (provider === 'callback') {
        if (!env.callback) return urlPath(context, text, 'callback-missing');
        try {
          await env.callback(text === undefined ? { context } : { context, message: text });
          return { path: 'callback', provider, prefilled: text !== undefined };
        } catch (error) {
          return urlPath(context, text, 'callback-failed', error);
        }
      }
      let detected = false;
      try {
        detected = adapter!.detect(win);
      } catch {
        detected = false;
      }
      if (!detected) return urlPath(context, text, 'widget-missing');
      try {
        const result = adapter!.open(context, text, win);
        return { path: 'widget', provider, prefilled: result.prefilled };
      } catch (error) {
        return urlPath(context, text, 'widget-failed', error);
      }
    },

    withinHours(at) {
      return settings.hours ? isOpen(settings.hours, at) : true;
    },

    nextOpening(at) {
      return settings.hours ? nextOpening(settings.hours, at) : at;
    },
  };
}
