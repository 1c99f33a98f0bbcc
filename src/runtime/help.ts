/**
 * The self-service and human layers, wired in one place: the knowledge base (local index, remote provider with
 * fallback), the chat facade, the leave-a-message queue, whether a human can be reached now, the operator's
 * context and the articles opened. The `<wm-help>` panel is handed the results as functions (`search`,
 * `contact`, `leaveMessage`). Loaded on first use, so a page that never needs help pays nothing for it.
 */
import type { WaymarkConfig } from '../config/types.js';
import type { ChatContext, Contact, LeaveMessage } from '../core/chat/contract.js';
import type { HelpSearch } from '../core/help/types.js';
import type { Json } from '../engine/contract.js';
import type { Chat } from '../platform/chat/facade.js';
import type { WmHelp } from '../ui/help/help.js';
import type { ChatOpenedFrom, HelpContext, HelpEvent, HelpInput } from '../ui/help/types.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';

/** `<wm-checklist>`'s floating launcher offset (its documented custom property) and the help launcher's height plus gaps. */
const CHECKLIST_OFFSET = '--wm-checklist-bottom';
const HELP_LAUNCHER_CLEARANCE = '76px';

/** Where the user is, as the runtime knows it: the operator's context (the articles opened are tracked here) and what picks suggestions. */
export type HelpWhereabouts = Omit<ChatContext, 'articlesOpened'> & { stepArticles?: string[]; checklist?: HelpContext['checklist'] };

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
  context(): HelpWhereabouts;
  /** The email the leave-a-message form starts with (the trait `chat.emailTrait` names). */
  draftEmail?(): string | undefined;
  /** `provider: 'callback'`: the app's own channel (and every handoff is also told to `on('open-chat')`). */
  onChatRequest(request: { message?: string; context: Partial<ChatContext> }): void;
  onEvent(event: HelpEvent): void;
  /** The message endpoint refused a message for good (it was kept aside, not delivered). */
  onMessageRejected?(status: number): void;
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

interface Loaded {
  element: WmHelp;
  chat: Chat | undefined;
  dispose(): void;
}

export function createHelpWiring(options: HelpWiringOptions): HelpWiring {
  const { config } = options;
  const win = options.window;
  let disposed = false;
  let loading: Promise<Loaded | null> | null = null;
  /** Articles the user opened, in order, with the title they saw: for the operator. */
  const articlesOpened = new Map<string, string>();

  const chatContext = (): ChatContext => {
    const { stepArticles: _articles, checklist: _checklist, ...where } = options.context();
    return { ...where, articlesOpened: [...articlesOpened].map(([id, title]) => ({ id, title })) };
  };

  const panelContext = (): HelpContext => {
    const { page, stage, stepArticles, checklist } = options.context();
    const context: HelpContext = { page, stage };
    if (stepArticles) context.stepArticles = stepArticles;
    if (checklist) context.checklist = checklist;
    return context;
  };

  const report = (event: HelpEvent): void => {
    if (event.type === 'article_opened' && !articlesOpened.has(event.articleId)) articlesOpened.set(event.articleId, event.title);
    options.onEvent(event);
  };

  /** The one answer to "can a human take this now?": within operator hours, with a way to reach them on this page. */
  const humanReachable = (chat: Chat | undefined): chat is Chat => chat !== undefined && chat.withinHours(options.now()) && chat.route() !== 'none';

  /** Open the chat when a human can be reached; false when nothing opened (then the panel offers the message form). */
  async function handOver(chat: Chat | undefined, message: string | undefined, source: ChatOpenedFrom): Promise<boolean> {
    if (!humanReachable(chat)) return false;
    const result = await chat.open(chatContext(), message);
    if (result.path === 'none') return false;
    report({ type: 'chat_opened', path: result.path, source });
    return true;
  }

  function load(): Promise<Loaded | null> {
    loading ??= Promise.all([
      // The registering entry, as for every other component: defined once, guarded against a second copy.
      import('../ui/help/define.js'),
      import('../core/help/search-index.js'),
      import('../platform/chat/index.js'),
      config.search ? import('../platform/help/providers.js') : Promise.resolve(null),
    ]).then(
      ([{ tagName }, { createSearchIndex }, chatModule, providers]): Loaded | null => {
        if (disposed) return null;
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
                env: {
                  window: win,
                  dbName: options.dbName,
                  onWarning: (w) => options.reportError(new Error(w.message), 'help:messages'),
                  // Refused for good (4xx): kept aside by the queue, reported, and the user told in the form, with their text back.
                  onRejected: (rejection) => {
                    options.onMessageRejected?.(rejection.status);
                    void loading?.then((loaded) => {
                      if (loaded && !disposed) void loaded.element.messageNotSent({ name: rejection.message.name, email: rejection.message.email, message: rejection.message.message });
                    });
                  },
                },
              })
            : undefined;

        const index = createSearchIndex(config.articles ?? [], { locale: options.locale });
        const provider = config.search && providers ? providers.createSearchProvider(config.search, { fetch: (input, init) => win.fetch(input, init) }) : undefined;
        const search: HelpSearch =
          provider && providers
            ? (query, searchOptions) => providers.searchWithFallback(index, provider, query, searchOptions)
            : async (query, searchOptions) => ({ hits: index.search(query, searchOptions), remote: 'none' });

        const contact: Contact = async () => ((await handOver(chat, undefined, 'help')) ? 'chat' : messages ? 'form' : 'unavailable');
        const leaveMessage: LeaveMessage | undefined = messages
          ? async (draft) => {
              // The team sees what `chat.context` allows, whether the user chats or leaves a message.
              const context = chat ? chat.share(chatContext()) : chatContext();
              const result = await messages.send({ ...draft, context });
              if (result.ok) report({ type: 'message_left', messageId: result.id });
              return result;
            }
          : undefined;

        const input: HelpInput = {
          window: win,
          locale: options.locale,
          index,
          search,
          contact,
          context: panelContext(),
          stack: options.stack,
          launcher: options.launcher,
          onEvent: report,
          reportError: options.reportError,
        };
        if (config.strings) input.strings = config.strings;
        if (config.theme) input.theme = config.theme;
        if (leaveMessage) input.leaveMessage = leaveMessage;
        if (options.draftEmail) input.draftEmail = options.draftEmail;
        if (chat) {
          input.operatorsBackAt = () => {
            const now = options.now();
            const next = chat.nextOpening(now);
            return next !== null && next > now ? next : null;
          };
        }

        const doc = win.document;
        const element = doc.createElement(tagName) as WmHelp;
        element.dataset.waymarkUi = 'help';
        element.input = input;
        (doc.body ?? doc.documentElement).append(element);
        // Both launchers float bottom-end by default: the checklist's stacks above the help launcher.
        if (options.launcher) doc.documentElement.style.setProperty(CHECKLIST_OFFSET, HELP_LAUNCHER_CLEARANCE);
        return {
          element,
          chat,
          dispose() {
            element.hide();
            element.remove();
            messages?.dispose();
          },
        };
      },
      (error: unknown) => {
        options.reportError(error, 'help:load');
        return null;
      },
    );
    return loading;
  }

  const withHelp = (use: (loaded: Loaded) => unknown) =>
    void load()
      .then((loaded) => {
        if (loaded && !disposed) return use(loaded);
      })
      .catch((error: unknown) => options.reportError(error, 'help'));

  // A floating launcher must be on the page from the start; otherwise load on first use.
  if (options.launcher && (config.articles?.length || config.chat)) withHelp(() => {});

  return {
    open: (query) => withHelp(({ element }) => element.show(query)),
    openArticle: (articleId) => withHelp(({ element }) => element.showArticle(articleId)),
    openChat(message, source) {
      withHelp(async ({ element, chat }) => {
        if (await handOver(chat, message, source)) return;
        // No chat configured: the app may still handle it itself.
        if (!config.chat) options.onChatRequest({ message, context: chatContext() });
        // Outside hours or no way to reach a human now: never a dead end — the message form, with what the user wrote.
        if (element.input?.leaveMessage) await element.showContact(message);
        else await element.show();
      });
    },
    refresh() {
      if (!loading || disposed) return;
      withHelp(({ element }) => {
        element.input = { ...element.input!, context: panelContext() };
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      void loading?.then((loaded) => {
        if (loaded && options.launcher) {
          const root = win.document.documentElement;
          root.style.removeProperty(CHECKLIST_OFFSET);
          if (root.getAttribute('style') === '') root.removeAttribute('style');
        }
        loaded?.dispose();
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
