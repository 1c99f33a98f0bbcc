/**
 * `createHelpCenter(options)`: mount a `<wm-help>` launcher and panel, wired to the knowledge
 * base, a remote search provider (with local fallback), the chat facade and the leave-a-message
 * queue. This is the seam the runtime calls; nothing happens until it is called.
 */
import type { Article, ThemeTokens } from '../../config/types.js';
import type { Chat } from '../../platform/chat/facade.js';
import type { MessageQueue } from '../../platform/chat/offline-message.js';
import { searchWithFallback, type RemoteSearchProvider } from '../../platform/help/providers.js';
import { createSearchIndex, type SearchIndex } from '../../platform/help/search-index.js';
import { defineElement } from '../shared/define.js';
import { createDismissibleStack, type DismissibleStack } from '../shared/dismissible-stack.js';
import { WmHelp } from './help.js';
import type { HelpContext, HelpEvent, HelpInput } from './types.js';

export interface HelpCenterOptions {
  window: Window;
  locale: string;
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  /** The config's articles; indexed for `locale` unless `index` is given. */
  articles?: readonly Article[];
  index?: SearchIndex;
  /** A remote knowledge base searched after the local one; its failures fall back to local hits. */
  provider?: RemoteSearchProvider;
  chat?: Chat;
  messages?: MessageQueue;
  context?: HelpContext;
  /** Show the floating launcher (default true). False: the host's own help button calls `open()`. */
  launcher?: boolean;
  /** Where the element goes (default `document.body`). */
  container?: Element;
  /** Share the renderer's stack so Escape closes only the topmost Waymark layer (default: its own). */
  stack?: DismissibleStack;
  now?: () => number;
  searchDelayMs?: number;
  onEvent?(event: HelpEvent): void;
  reportError?(error: unknown, where: string): void;
}

export interface HelpCenter {
  /** The mounted element (for tests and styling). */
  readonly element: WmHelp;
  /** Open the panel; with a query, search for it. */
  open(query?: string): Promise<void>;
  /** Open the panel at an article (its reader, or its page in a new tab). */
  openArticle(articleId: string): Promise<void>;
  close(): void;
  /** Where the user is now: suggestions, checklist progress and chat context follow it. */
  update(context: HelpContext): void;
  /** Remove the element, its listeners and its layer. */
  dispose(): void;
}

export function createHelpCenter(options: HelpCenterOptions): HelpCenter {
  const win = options.window;
  const doc = win.document;
  const tag = defineElement(win.customElements, 'wm-help', WmHelp);
  const ownStack = options.stack ? null : createDismissibleStack(win);
  const index = options.index ?? createSearchIndex(options.articles ?? [], { locale: options.locale });
  const provider = options.provider;
  const input: HelpInput = {
    window: win,
    locale: options.locale,
    index,
    context: options.context ?? {},
    stack: options.stack ?? ownStack!,
  };
  if (options.strings) input.strings = options.strings;
  if (options.theme) input.theme = options.theme;
  if (provider) input.search = (query, searchOptions) => searchWithFallback(index, provider, query, searchOptions);
  if (options.chat) input.chat = options.chat;
  if (options.messages) input.messages = options.messages;
  if (options.now) input.now = options.now;
  if (options.launcher !== undefined) input.launcher = options.launcher;
  if (options.searchDelayMs !== undefined) input.searchDelayMs = options.searchDelayMs;
  if (options.onEvent) input.onEvent = options.onEvent;
  if (options.reportError) input.reportError = options.reportError;

  const element = doc.createElement(tag) as WmHelp;
  element.dataset.waymarkUi = 'help';
  element.input = input;
  (options.container ?? doc.body ?? doc.documentElement).append(element);
  let disposed = false;

  return {
    element,
    open: (query) => (disposed ? Promise.resolve() : element.show(query)),
    openArticle: (id) => (disposed ? Promise.resolve() : element.showArticle(id)),
    close: () => element.hide(),
    update(context) {
      if (disposed) return;
      element.input = { ...element.input!, context };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      element.hide();
      element.remove();
      ownStack?.dispose();
    },
  };
}
