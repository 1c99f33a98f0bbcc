/**
 * The self-service and human layers, wired: the help panel (knowledge base, search, contact) and the
 * chat handoff with context. Loaded on first use, so a page that never needs help pays nothing for it.
 */
import type { WaymarkConfig } from '../config/types.js';
import type { Json } from '../engine/contract.js';
import type { ChatContext } from '../platform/chat/types.js';
import type { Chat } from '../platform/chat/facade.js';
import type { HelpCenter } from '../ui/help/center.js';
import type { ChatOpenedFrom, HelpContext, HelpEvent } from '../ui/help/types.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';

/** `<wm-checklist>`'s floating launcher offset (its documented custom property) and the help launcher's height plus gaps. */
const CHECKLIST_OFFSET = '--wm-checklist-bottom';
const HELP_LAUNCHER_CLEARANCE = '76px';

export interface HelpWiringOptions {
  window: Window;
  config: WaymarkConfig;
  locale: string;
  /** Show Waymark's floating help launcher (false when the app has its own help button). */
  launcher: boolean;
  stack: DismissibleStack;
  dbName?: string;
  now(): number;
  /** Where the user is, for suggestions and the operator's context. */
  context(): ChatContext & { stepArticles?: string[]; checklist?: HelpContext['checklist'] };
  /** `provider: 'callback'`: the app's own channel (and every handoff is also told to `on('open-chat')`). */
  onChatRequest(request: { message?: string; context: Partial<ChatContext> }): void;
  onEvent(event: HelpEvent): void;
  reportError(error: unknown, where: string): void;
}

export interface HelpWiring {
  open(query?: string): void;
  openArticle(articleId: string): void;
  /** Hand over to a human: live chat within operator hours, else the panel's leave-a-message form. */
  openChat(message: string | undefined, source: ChatOpenedFrom): void;
  /** The user moved (page, stage, step): suggestions and context follow. */
  refresh(): void;
  dispose(): void;
}

export function createHelpWiring(options: HelpWiringOptions): HelpWiring {
  const { config } = options;
  let disposed = false;
  let loading: Promise<{ center: HelpCenter; chat: Chat | undefined; messages: { dispose(): void } | undefined } | null> | null = null;

  const helpContext = (): HelpContext => {
    const { stepArticles, checklist, ...chat } = options.context();
    const context: HelpContext = { ...chat };
    if (stepArticles) context.stepArticles = stepArticles;
    if (checklist) context.checklist = checklist;
    return context;
  };

  function load() {
    loading ??= Promise.all([
      import('../ui/help/center.js'),
      import('../platform/chat/index.js'),
      config.search ? import('../platform/help/index.js') : Promise.resolve(null),
    ]).then(
      ([{ createHelpCenter }, chatModule, helpModule]) => {
        if (disposed) return null;
        const win = options.window;
        const chat = config.chat
          ? chatModule.createChat(config.chat, {
              window: win,
              callback: ({ message, context }) => options.onChatRequest({ message, context }),
            })
          : undefined;
        const offline = config.chat?.offline;
        const messages =
          config.chat && offline?.form !== false
            ? chatModule.createMessageQueue({
                endpoint: offline?.endpoint,
                // Without an endpoint the app receives messages through on('open-chat').
                callback: offline?.endpoint ? undefined : (payload) => options.onChatRequest({ message: payload.message, context: payload.context ?? {} }),
                env: { window: win, dbName: options.dbName, onWarning: (w) => options.reportError(new Error(w.message), 'help:messages') },
              })
            : undefined;
        const provider = config.search && helpModule ? helpModule.createSearchProvider(config.search, { fetch: (input, init) => win.fetch(input, init) }) : undefined;
        const center = createHelpCenter({
          window: win,
          locale: options.locale,
          strings: config.strings,
          theme: config.theme,
          articles: config.articles ?? [],
          provider,
          chat,
          messages,
          context: helpContext(),
          launcher: options.launcher,
          stack: options.stack,
          now: options.now,
          onEvent: options.onEvent,
          reportError: options.reportError,
        });
        // Both launchers float bottom-end by default: the checklist's stacks above the help launcher.
        if (options.launcher) win.document.documentElement.style.setProperty(CHECKLIST_OFFSET, HELP_LAUNCHER_CLEARANCE);
        return { center, chat, messages };
      },
      (error: unknown) => {
        options.reportError(error, 'help:load');
        return null;
      },
    );
    return loading;
  }

  const withHelp = (use: (loaded: { center: HelpCenter; chat: Chat | undefined }) => unknown) =>
    void load().then((loaded) => {
      if (loaded && !disposed) return use(loaded);
    }).catch((error: unknown) => options.reportError(error, 'help'));

  // A floating launcher must be on the page from the start; otherwise load on first use.
  if (options.launcher && (config.articles?.length || config.chat)) withHelp(() => {});

  return {
    open: (query) => withHelp(({ center }) => center.open(query)),
    openArticle: (articleId) => withHelp(({ center }) => center.openArticle(articleId)),
    openChat(message, source) {
      withHelp(async ({ center, chat }) => {
        const at = options.now();
        if (chat && chat.withinHours(at) && chat.route() !== 'none') {
          const report = await chat.open(options.context(), message);
          if (report.path !== 'none') {
            options.onEvent({ type: 'chat_opened', path: report.path, source });
            return;
          }
        } else if (!config.chat) {
          // No chat configured: the app may still handle it itself.
          options.onChatRequest({ message, context: options.context() });
        }
        // Outside hours or no way to reach a human now: never a dead end — articles and the message form.
        await center.open();
      });
    },
    refresh() {
      if (!loading || disposed) return;
      withHelp(({ center }) => center.update(helpContext()));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      void loading?.then((loaded) => {
        if (loaded && options.launcher) {
          const root = options.window.document.documentElement;
          root.style.removeProperty(CHECKLIST_OFFSET);
          if (root.getAttribute('style') === '') root.removeAttribute('style');
        }
        loaded?.center.dispose();
        loaded?.messages?.dispose();
      });
    },
  };
}

/**
 * A panel or handoff event as its documented analytics props (docs/analytics-events.md). The search
 * query is the user's own text: it stays in the full event, and vendor sinks never receive it.
 */
export function helpEventProps(event: HelpEvent, chatProvider: string | undefined): Record<string, Json> {
  switch (event.type) {
    case 'article_opened':
      return { articleId: event.articleId, source: event.source, kb: event.kb, inPanel: event.inPanel };
    case 'help_searched':
      return { query: event.query, results: event.results, remote: event.remote };
    case 'chat_opened':
      // A chat opens only within operator hours; outside them the user gets the message form.
      return { provider: chatProvider ?? 'none', online: true, source: event.source, path: event.path };
    case 'message_left':
      return { provider: chatProvider ?? 'none', messageId: event.messageId };
  }
}
