/**
 * Help and chat, the self-service and human layers, as the runtime uses them: the help panel (created on
 * first use), and the context an operator receives — who the user is, where, on which step, what they read,
 * what went wrong.
 */
import type { Experience, Text, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEvent, Json, Signal } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import type { ChatOpenedFrom, HelpEvent } from '../ui/help/types.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';
import { localize } from '../config/rich-text.js';
import type { Emitter } from './emitter.js';
import { createHelpWiring, helpEventProps, type HelpWiring, type HelpWiringOptions } from './help.js';
import type { WaymarkError } from './errors.js';
import type { WaymarkEventMap } from './types.js';
import type { StruggleMemory } from './support-loading.js';

export type SupportContext = ReturnType<HelpWiringOptions['context']>;

export interface SupportOptions {
  window: Window;
  /** What went wrong on the page so far (kept by the runtime from the start, before this code loaded). */
  struggles: StruggleMemory;
  now(): number;
  sessionId: string;
  stack: DismissibleStack;
  /** `ui: false`: no panel; handoffs go to `on('open-chat')` only. */
  ui: boolean;
  /** Waymark's own floating help launcher (off when the app opted out, or help lives in the resource center). */
  helpLauncher(): boolean;
  dbName?: string;
  config(): WaymarkConfig;
  locale(): string;
  userId(): string;
  engine(): Engine | null;
  experience(id: string): Experience | undefined;
  emitter: Emitter<WaymarkEventMap>;
  deliver(event: AnalyticsEvent): void;
  send(signal: Signal): void;
  report(error: WaymarkError): void;
  reportError(error: unknown, where: string): void;
}

export interface Support {
  /** The launcher, if the config has anything to help with and the app did not opt out. */
  offerLauncher(): void;
  openHelp(query?: string): void;
  /** A button of `fromExperience` opened an article: the panel's `article_opened` is credited to it. */
  openArticle(articleId: string, fromExperience: string): void;
  /** `message` may be a button's localized text: the operator gets its first locale's. */
  openChat(message: Text | undefined, source: ChatOpenedFrom): void;
  /** The user moved (page, stage, step): suggestions and context follow. */
  refresh(): void;
  /** The panel takes its locale when created: an open one is made again in the new one. */
  setLocale(): void;
  dispose(): void;
}

/** A localized string's text for the operator (the first locale's, for a map). */
const plainText = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? String(Object.values(value)[0] ?? '') : '';

export function createSupport(options: SupportOptions): Support {
  const { emitter, now } = options;
  let disposed = false;
  let help: HelpWiring | null = null;
  /** The experience whose button opened an article, until the panel reports it opened. */
  let articleOpener: { articleId: string; experienceId: string } | null = null;

  /** Config text in the UI locale, else the config's default locale (never another language picked at random). */
  const localText = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object') return '';
    return localize(value as Record<string, string>, options.locale(), options.config().locale?.default ?? 'en');
  };

  /** The nudge that offered help has done its job once a human (or the message form) takes over: it leaves the screen. */
  function endNudges(): void {
    // After the effects being applied now (a nudge's own button may be what asked for the chat).
    void Promise.resolve().then(() => {
      if (!disposed) endActiveNudges();
    });
  }
  function endActiveNudges(): void {
    for (const active of options.engine()?.active() ?? []) {
      if (options.experience(active.experienceId)?.type === 'nudge') {
        options.send({ type: 'action', at: now(), experienceId: active.experienceId, action: { type: 'complete' } });
      }
    }
  }

  /** The leave-a-message form starts with the email of the user's trait named by `chat.emailTrait`. */
  function draftEmail(): string | undefined {
    const trait = options.config().chat?.emailTrait;
    const value = trait ? options.engine()?.state.traits[trait]?.v : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  function context(): SupportContext {
    const engine = options.engine();
    const traits: Record<string, Json> = {};
    for (const [key, register] of Object.entries(engine?.state.traits ?? {})) traits[key] = register.v;
    const win = options.window;
    const result: SupportContext = {
      user: { id: options.userId(), traits },
      stage: engine?.stage ?? null,
      page: win.location.pathname + win.location.search,
      recentErrors: [...options.struggles.errors],
    };
    if (options.struggles.last) result.struggle = options.struggles.last;
    for (const active of engine?.active() ?? []) {
      const experience = options.experience(active.experienceId);
      if (experience?.type === 'tour' && active.step !== undefined) {
        const step = experience.steps[active.step];
        result.step = { experienceId: experience.id, step: active.step, title: plainText(step?.title) };
        if (step?.articles) result.stepArticles = [...step.articles];
      }
      if (experience?.type === 'checklist') {
        const progress = engine?.checklist(experience.id);
        // One language per screen: the panel shows it in the UI locale (the operator's context below is the same text).
        if (progress) result.checklist = { title: localText(experience.title), done: progress.done, total: progress.total };
      }
    }
    return result;
  }

  /** What the panel reports goes out as an analytics event, and back in as a signal conditions can use ("a CSAT survey after a chat"). */
  function onHelpEvent(event: HelpEvent): void {
    const config = options.config();
    const props = helpEventProps(event, config.chat?.provider);
    const analytics: AnalyticsEvent = { type: event.type, at: now(), userId: options.userId(), sessionId: options.sessionId, props };
    if (event.type === 'chat_opened') endNudges();
    if (event.type === 'article_opened') {
      if (event.source === 'action' && articleOpener?.articleId === event.articleId) {
        const opener = options.experience(articleOpener.experienceId);
        if (opener) Object.assign(analytics, { experienceId: opener.id, experienceType: opener.type });
        articleOpener = null;
      }
    }
    options.deliver(analytics);
    options.send({ type: 'track', at: now(), name: event.type, props });
  }

  function center(): HelpWiring | null {
    if (!options.ui || disposed) return null;
    help ??= createHelpWiring({
      window: options.window,
      config: options.config(),
      locale: options.locale(),
      launcher: options.helpLauncher(),
      stack: options.stack,
      dbName: options.dbName,
      now,
      context,
      draftEmail,
      onChatRequest: ({ message, context: shared }) => emitter.emit('open-chat', { message, context: shared }),
      onEvent: onHelpEvent,
      onMessageRejected: (status) =>
        options.report({
          code: 'message-rejected',
          severity: 'error',
          where: 'help:messages',
          message: `the message endpoint refused a message (HTTP ${status}); it is kept on this device and the user was told it was not sent`,
        }),
      reportError: (error) => options.reportError(error, 'help'),
    });
    return help;
  }

  return {
    offerLauncher() {
      const config = options.config();
      if (options.helpLauncher() && (config.articles?.length || config.chat)) center();
    },
    openHelp(query) {
      emitter.emit('open-help', { query });
      center()?.open(query);
    },
    openArticle(articleId, fromExperience) {
      articleOpener = { articleId, experienceId: fromExperience };
      emitter.emit('open-help', { articleId });
      center()?.openArticle(articleId);
    },
    openChat(given, source) {
      const message = given === undefined ? undefined : plainText(given);
      endNudges();
      const wiring = center();
      if (wiring) wiring.openChat(message, source);
      else emitter.emit('open-chat', { message, context: context() });
    },
    refresh() {
      help?.refresh();
    },
    setLocale() {
      if (!help) return;
      help.dispose();
      help = null;
      center();
    },
    dispose() {
      disposed = true;
      help?.dispose();
      help = null;
    },
  };
}
