import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { MessageIssue } from '../../core/chat/contract.js';
import type { ArticleHit, HelpArticle } from '../../core/help/types.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { surfacesOf } from '../shared/coordinator/coordinator.js';
import { captureFocus } from '../shared/focus.js';
import { launcherPanelStyles } from '../shared/panel.styles.js';
import { baseStyles } from '../shared/styles.js';
import { applyTheme, themeTokens } from '../shared/theme.js';
import { HelpStrings } from './help-strings.js';
import { helpStyles } from './help.styles.js';
import type { ArticleOpenedFrom, HelpContext, HelpEvent, HelpInput, HelpSearch } from './types.js';
import { articleList, articleReader, contactView, messageOf, withoutEmpty, type ContactState, type MessageDraft } from './views.js';

const DEFAULT_SEARCH_DELAY_MS = 200;
const SUGGESTION_LIMIT = 5;
const RESULT_LIMIT = 10;

type View = 'list' | 'article' | 'contact';

/**
 * The help center: a launcher button and a non-modal panel with articles suggested for where the
 * user is (page, stage, tour step), knowledge-base search, an in-panel article reader, the current
 * checklist's progress, and "Contact us" (live chat within operator hours, a leave-a-message form
 * otherwise).
 *
 * The panel is a non-modal dialog in the top layer: opening it moves focus to the search field,
 * Tab may leave it, Escape closes it when it is the topmost Waymark layer, and closing gives
 * focus back to where it was (the launcher, or the host's own help button). It renders what it
 * is given in `input` and reports what happens through `input.onEvent`; it never persists.
 *
 * It dispatches no DOM events: searches and opened articles are reported through `input.onEvent`
 * (the runtime turns them into analytics events). Whether a human can be reached, the chat handoff
 * and storing a message are the runtime's: the panel calls `input.contact()` and `input.leaveMessage()`.
 *
 * @summary The help center: a launcher and a panel with suggested articles, search, a reader and "Contact us".
 * @tag wm-help
 *
 * @csspart launcher - The floating help button (absent with `launcher: false`).
 * @csspart panel - The help panel (`role=dialog`, non-modal, in the top layer).
 * @csspart title - The panel heading.
 * @csspart close - The close (×) button.
 * @csspart search - The search field.
 * @csspart progress - The current checklist's progress bar.
 * @csspart articles - A list of articles (suggested, or search results).
 * @csspart article - One article: a button that opens the reader, or a link to its page.
 * @csspart reader - The in-panel article reader.
 * @csspart body - The article text in the reader.
 * @csspart link - Links in the reader (and the link to the article's page).
 * @csspart contact - The "Contact us" button.
 * @csspart form - The leave-a-message form.
 *
 * @cssprop --wm-accent - Accent color (launcher, primary buttons, progress). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Article and link color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Panel background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - Secondary text (summaries, hints) and field borders.
 * @cssprop --wm-border - Borders.
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Launcher and panel shadow.
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-danger - Form error text and invalid field borders. Default #b42318 (#ff8a80 dark).
 * @cssprop --wm-help-width - Panel width. Default 24rem.
 * @cssprop --wm-z-index - The launcher's z-index (it is not in the top layer); set by config `theme.zIndex`, or inherited from the page. Default 2147483000.
 * @cssprop --wm-safe-top - How far down the page's own fixed header reaches: the panel never grows over it. Measured and set on the element by Waymark. Default 0px.
 */
export class WmHelp extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  static override styles = [themeTokens, baseStyles, launcherPanelStyles, helpStyles];

  /** Everything the panel shows or calls: locale and strings, theme, the article index, search, contact and leave-a-message, the user's context, the Escape stack, `onEvent`. Set by the runtime. */
  @property({ attribute: false }) input?: HelpInput;

  @state() private open = false;
  @state() private view: View = 'list';
  @state() private query = '';
  /** Hits for the current query; null while the query is empty (suggestions show instead). */
  @state() private results: ArticleHit[] | null = null;
  @state() private reading: { article: HelpArticle; body: string } | null = null;
  @state() private contactState: ContactState = 'form';
  @state() private issues: MessageIssue[] = [];
  @state() private sending = false;
  /** What the form starts with: the user's email, a message carried from `openChat(message)`, or a refused message given back. */
  @state() private draft: MessageDraft = {};
  /** The endpoint refused the last message: the form says it was not sent. */
  @state() private notSent = false;
  /** Polite announcement (result counts, chat opened, message sent). */
  @state() private announcement = '';

  @query('.panel') private panel?: HTMLElement;
  @query('input[type="search"]') private searchField?: HTMLInputElement;

  /** The built-in strings of the input's locale: nothing shows before they are in. */
  private readonly strings = new HelpStrings(this);
  private suggestions: ArticleHit[] = [];
  /** Nothing is scoped to where the user is: the list is the stage's articles, under a generic heading. */
  private suggestionsAreGeneral = false;
  private openCleanups: Array<() => void> = [];
  private removeTheme: (() => void) | null = null;
  private searchTimer: number | undefined;
  private searchAbort: AbortController | null = null;
  private searchRun = 0;
  /** The article whose reader is open, to give focus back to its link on "Back". */
  private returnToArticle: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hide();
    this.removeTheme?.();
    this.removeTheme = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('input') || !this.input) return;
    const input = this.input;
    const previous = changed.get('input') as HelpInput | undefined;
    if (!previous || previous.locale !== input.locale || previous.strings !== input.strings) this.strings.use(input);
    if (!previous || previous.theme !== input.theme) {
      this.removeTheme?.();
      this.removeTheme = applyTheme(this, input.theme);
    }
    this.suggestions = this.suggest(input.context);
  }

  /** Resolves once the strings of the input's locale are in and drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.strings.loading) {
      await this.strings.loading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Open the panel; with a query, search for it straight away. */
  async show(searchFor?: string): Promise<void> {
    // The panel is drawn once the locale's strings are in.
    await this.updateComplete;
    const input = this.input;
    if (!input) return;
    if (!this.open) {
      // Opened at load (by `openHelp()`) focus was on <body>: closing gives it to the host's main landmark instead.
      const restoreFocus = captureFocus(input.window.document, () => surfacesOf(input.stack).fallbackFocus());
      this.open = true;
      await this.updateComplete;
      const panel = this.panel;
      if (!panel || !this.open) return;
      panel.showPopover();
      const surface = surfacesOf(input.stack).register(this, { kind: 'corner', boxes: () => [panel], besideOpener: true });
      this.openCleanups.push(
        input.stack.push({ dismiss: () => this.hide(), element: this }),
        () => surface.dispose(),
        () => {
          if (panel.matches(':popover-open')) panel.hidePopover();
        },
        () => restoreFocus(this),
      );
    }
    this.view = 'list';
    if (searchFor !== undefined) {
      this.query = searchFor;
      await this.runSearch(searchFor);
    }
    await this.updateComplete;
    this.searchField?.focus();
  }

  /** Open the panel at one article (its reader when it has a body, else its page in a new tab). */
  async showArticle(id: string): Promise<void> {
    await this.show();
    const article = this.input?.index.get(id);
    if (article) await this.openArticle(article, 'action');
  }

  /**
   * Open the panel straight at the leave-a-message form (outside operator hours "Chat with us" leads here, not to
   * the panel's home), with the user's email and `message` filled in.
   */
  async showContact(message?: string): Promise<void> {
    const input = this.input;
    if (!input) return;
    await this.show();
    if (!this.open) return;
    this.notSent = false;
    await this.openForm(input.leaveMessage ? 'form' : 'unavailable', message === undefined ? {} : { message });
  }

  /** The team's endpoint refused a message for good: the form says it was not sent and gives the text back. */
  async messageNotSent(message: MessageDraft): Promise<void> {
    if (!this.input) return;
    await this.show();
    if (!this.open) return;
    this.notSent = true;
    this.announcement = this.strings.translator.t('messageNotSent');
    await this.openForm('form', message);
  }

  /** Close the panel and give focus back. */
  hide(): void {
    this.cancelSearch();
    if (!this.open) return;
    this.open = false;
    for (const cleanup of this.openCleanups.splice(0).reverse()) cleanup();
  }

  protected override render(): unknown {
    const input = this.input;
    if (!input || this.strings.loading) return nothing;
    const t = this.strings.translator;
    const launcher = input.launcher ?? true;
    return html`
      ${launcher
        ? html`<button type="button" class="launcher" part="launcher" dir=${t.dir} lang=${t.locale}
            aria-expanded=${this.open ? 'true' : 'false'} aria-controls="wm-help-panel" @click=${this.toggle}>
            <span class="mark" aria-hidden="true">?</span>${t.t('helpLabel')}
          </button>`
        : nothing}
      <div id="wm-help-panel" class="panel ${launcher ? '' : 'no-launcher'}" part="panel" popover="manual" role="dialog"
        aria-labelledby="wm-help-title" dir=${t.dir} lang=${t.locale}>
        <header>
          <h2 class="title" part="title" id="wm-help-title" tabindex="-1">${t.t('helpLabel')}</h2>
          <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${this.hide}>×</button>
        </header>
        <div class="content">${this.open ? this.renderView() : nothing}</div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderView(): TemplateResult {
    const t = this.strings.translator;
    if (this.view === 'article' && this.reading) {
      return articleReader(t, this.reading.article, this.reading.body, this.input!.window.location.origin, this.backToList, this.contact);
    }
    if (this.view === 'contact') {
      const backAt = this.input!.operatorsBackAt?.() ?? null;
      return contactView(t, {
        state: this.contactState,
        issues: this.issues,
        sending: this.sending,
        backAt,
        draft: this.draft,
        notSent: this.notSent,
        onBack: this.backToList,
        onSubmit: this.submit,
      });
    }
    return this.renderList();
  }

  private renderList(): TemplateResult {
    const t = this.strings.translator;
    const checklist = this.input!.context.checklist;
    const results = this.results;
    return html`
      <div role="search">
        <label for="wm-help-query">${t.t('helpSearch')}</label>
        <input id="wm-help-query" part="search" type="search" role="searchbox" autocomplete="off" spellcheck="false"
          .value=${this.query} @input=${this.onQueryInput} @keydown=${this.onQueryKeyDown} />
      </div>
      ${checklist && checklist.total > 0
        ? html`<div class="checklist">
            <p id="wm-help-checklist">${t.t('helpChecklist', { title: checklist.title, done: checklist.done, total: checklist.total })}</p>
            <progress part="progress" max=${checklist.total} .value=${checklist.done} aria-labelledby="wm-help-checklist"></progress>
          </div>`
        : nothing}
      ${results === null
        ? this.suggestions.length > 0
          ? html`<h3 id="wm-help-suggested">${t.t(this.suggestionsAreGeneral ? 'helpGeneral' : 'helpSuggested')}</h3>${this.renderArticles(this.suggestions, 'wm-help-suggested', 'suggested')}`
          : nothing
        : results.length > 0
          ? html`<h3 id="wm-help-results">${t.t('helpResults', { count: results.length })}</h3>${this.renderArticles(results, 'wm-help-results', 'search')}`
          : html`<p class="empty">${t.t('helpNoResults')}</p>`}
      <div class="contact">
        <button type="button" class="btn primary" part="contact" @click=${this.contact}>${t.t('contactUs')}</button>
      </div>
    `;
  }

  private renderArticles(hits: readonly HelpArticle[], labelledBy: string, from: ArticleOpenedFrom): TemplateResult {
    return articleList(this.strings.translator, hits, {
      labelledBy,
      from,
      readable: (hit) => hit.source === 'local' && this.input!.index.body(hit.id) !== undefined,
      read: (hit, source) => void this.openArticle(hit, source),
      followed: (hit, source) => this.report({ type: 'article_opened', articleId: hit.id, title: hit.title, source, kb: hit.source, inPanel: false }),
    });
  }

  // ---- search -------------------------------------------------------------------------------

  private suggest(context: HelpContext): ArticleHit[] {
    const situation: Parameters<HelpInput['index']['suggest']>[0] = { limit: SUGGESTION_LIMIT };
    if (context.page !== undefined) situation.page = context.page;
    if (context.stage !== undefined) situation.stage = context.stage;
    if (context.stepArticles) situation.stepArticles = context.stepArticles;
    try {
      const index = this.input!.index;
      const fitting = index.suggest(situation);
      // Never an empty panel: where nothing is scoped to this page, the articles for this stage.
      this.suggestionsAreGeneral = fitting.length === 0;
      return fitting.length > 0 ? fitting : index.forStage(context.stage, SUGGESTION_LIMIT);
    } catch (error) {
      this.input!.reportError?.(error, 'help:suggest');
      return [];
    }
  }

  private readonly onQueryInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.query = value;
    this.cancelSearch();
    if (!value.trim()) {
      this.results = null;
      this.announcement = '';
      return;
    }
    // Debounced: a search (and a remote request) per pause in typing, not per keystroke.
    this.searchTimer = this.input!.window.setTimeout(() => {
      this.searchTimer = undefined;
      void this.runSearch(value);
    }, this.input!.searchDelayMs ?? DEFAULT_SEARCH_DELAY_MS);
  };

  private readonly onQueryKeyDown = (event: KeyboardEvent): void => {
    // Enter searches now instead of waiting for the debounce.
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.cancelSearch();
    if (this.query.trim()) void this.runSearch(this.query);
  };

  private async runSearch(text: string): Promise<void> {
    const input = this.input;
    if (!input) return;
    this.cancelSearch();
    if (!text.trim()) {
      this.results = null;
      return;
    }
    const run = ++this.searchRun;
    const abort = new AbortController();
    this.searchAbort = abort;
    const search: HelpSearch = input.search ?? (async (q, options) => ({ hits: input.index.search(q, options), remote: 'none' }));
    const options: Parameters<HelpSearch>[1] = { locale: input.locale, limit: RESULT_LIMIT, signal: abort.signal };
    if (input.context.page !== undefined) options.page = input.context.page;
    if (input.context.stage !== undefined) options.stage = input.context.stage;
    let result: Awaited<ReturnType<HelpSearch>>;
    try {
      result = await search(text, options);
    } catch (error) {
      input.reportError?.(error, 'help:search');
      result = { hits: input.index.search(text, options), remote: 'failed' };
    }
    if (run !== this.searchRun) return;
    this.searchAbort = null;
    this.results = result.hits;
    const t = this.strings.translator;
    this.announcement = result.hits.length > 0 ? t.t('helpResults', { count: result.hits.length }) : t.t('helpNoResults');
    this.report({ type: 'help_searched', query: text, results: result.hits.length, remote: result.remote });
  }

  private cancelSearch(): void {
    if (this.searchTimer !== undefined) this.input?.window.clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchAbort?.abort();
    this.searchAbort = null;
    this.searchRun++;
  }

  // ---- articles -----------------------------------------------------------------------------

  private async openArticle(article: HelpArticle, from: ArticleOpenedFrom): Promise<void> {
    const input = this.input!;
    const body = article.source === 'local' ? input.index.body(article.id) : undefined;
    if (body === undefined) {
      // No body to show here: its page opens in a new tab, without giving it our window.
      input.window.open(article.url, '_blank', 'noopener,noreferrer');
      this.report({ type: 'article_opened', articleId: article.id, title: article.title, source: from, kb: article.source, inPanel: false });
      return;
    }
    this.returnToArticle = article.id;
    this.reading = { article, body };
    this.view = 'article';
    this.report({ type: 'article_opened', articleId: article.id, title: article.title, source: from, kb: article.source, inPanel: true });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#wm-help-article')?.focus();
  }

  private readonly backToList = async (): Promise<void> => {
    const returnTo = this.view === 'contact' ? 'contact' : this.returnToArticle;
    this.view = 'list';
    this.reading = null;
    await this.updateComplete;
    const target =
      returnTo === 'contact'
        ? this.renderRoot.querySelector<HTMLElement>('[part="contact"]')
        : this.renderRoot.querySelector<HTMLElement>(`[data-article="${CSS.escape(returnTo ?? '')}"]`);
    (target ?? this.searchField)?.focus();
  };

  // ---- contact ------------------------------------------------------------------------------

  private readonly contact = async (): Promise<void> => {
    const input = this.input!;
    let outcome: ContactState | 'chat' = input.leaveMessage ? 'form' : 'unavailable';
    try {
      if (input.contact) outcome = await input.contact();
    } catch (error) {
      input.reportError?.(error, 'help:contact');
    }
    if (outcome === 'chat') {
      this.announcement = this.strings.translator.t('chatOpened');
      // The provider's widget takes over; our panel would only cover it.
      this.hide();
      return;
    }
    this.notSent = false;
    await this.openForm(outcome === 'form' && input.leaveMessage ? 'form' : 'unavailable', {});
  };

  /** The contact view, with the form's fields prefilled: the user's email (from their traits) unless `draft` has one. */
  private async openForm(state: ContactState, draft: MessageDraft): Promise<void> {
    let email: string | undefined;
    try {
      email = this.input?.draftEmail?.();
    } catch (error) {
      this.input?.reportError?.(error, 'help:draft');
    }
    this.draft = { ...(email ? { email } : {}), ...withoutEmpty(draft) };
    this.contactState = state;
    this.issues = [];
    this.view = 'contact';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#wm-help-contact')?.focus();
  }

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = this.input!;
    if (!input.leaveMessage || this.sending) return;
    this.sending = true;
    try {
      const result = await input.leaveMessage(messageOf(event.currentTarget as HTMLFormElement));
      if (!result.ok) {
        this.issues = result.issues;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#wm-help-${result.issues[0]!.field}`)?.focus();
        return;
      }
      this.issues = [];
      this.notSent = false;
      this.draft = {};
      this.contactState = 'sent';
      this.announcement = this.strings.translator.t('messageSent');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#wm-help-contact')?.focus();
    } catch (error) {
      input.reportError?.(error, 'help:send-message');
    } finally {
      this.sending = false;
    }
  };

  // ---- misc ---------------------------------------------------------------------------------

  private readonly toggle = (): void => {
    if (this.open) this.hide();
    else void this.show();
  };

  private report(event: HelpEvent): void {
    try {
      this.input?.onEvent?.(event);
    } catch (error) {
      this.input?.reportError?.(error, `help:event:${event.type}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-help': WmHelp;
  }
}
