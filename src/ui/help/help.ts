import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { MessageIssue } from '../../platform/chat/offline-message.js';
import type { ChatContext } from '../../platform/chat/types.js';
import type { ArticleHit, HelpArticle } from '../../platform/help/types.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { captureFocus } from '../shared/focus.js';
import { createTranslator, type StringKey, type Translator } from '../shared/i18n.js';
import { renderRichText } from '../shared/rich-text.js';
import { baseStyles } from '../shared/styles.js';
import { applyTheme, themeTokens } from '../shared/theme.js';
import type { ArticleOpenedFrom, HelpContext, HelpEvent, HelpInput, HelpSearch } from './types.js';

const DEFAULT_SEARCH_DELAY_MS = 200;
const SUGGESTION_LIMIT = 5;
const RESULT_LIMIT = 10;
/** The queue's length limits (MESSAGE_LIMITS in platform/chat), for the localized "too long" text. */
const FIELD_MAX_LENGTH: Record<MessageIssue['field'], number> = { name: 200, email: 254, message: 5000 };

type View = 'list' | 'article' | 'contact';
type ContactState = 'form' | 'sent' | 'unavailable';
type Field = MessageIssue['field'];

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
 * It dispatches no DOM events: searches, opened articles, chat handoffs and left messages are
 * reported through `input.onEvent` (the runtime turns them into analytics events).
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
 * @cssprop --wm-danger - Form error text and invalid field borders. Default #b42318 (#ff8f85 dark).
 * @cssprop --wm-help-width - Panel width. Default 24rem.
 * @cssprop --wm-z-index - The launcher's z-index (it is not in the top layer); set by config `theme.zIndex`, or inherited from the page. Default 2147483000.
 */
export class WmHelp extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  static override styles = [
    themeTokens,
    baseStyles,
    css`
      :host {
        --wm-help-width: 24rem;
        --wm-danger: #b42318;
      }
      :host([data-mode='dark']) {
        --wm-danger: #ff8f85;
      }
      .launcher {
        position: fixed;
        bottom: 20px;
        inset-inline-end: 20px;
        z-index: var(--wm-z-index, 2147483000);
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 44px;
        padding: 0 18px;
        border: 0;
        border-radius: 22px;
        background: var(--wm-accent);
        color: var(--wm-accent-contrast);
        box-shadow: var(--wm-shadow);
        font: 600 15px/1 var(--wm-font);
        cursor: pointer;
      }
      .launcher .mark {
        display: inline-grid;
        place-items: center;
        width: 20px;
        height: 20px;
        border: 2px solid currentColor;
        border-radius: 50%;
        font-size: 13px;
      }
      .panel {
        box-sizing: border-box;
        position: fixed;
        inset: auto;
        bottom: 76px;
        inset-inline-end: 20px;
        margin: 0;
        width: min(var(--wm-help-width), calc(100vw - 24px));
        max-height: min(40rem, calc(100vh - 96px));
        overflow: auto;
        padding: 0;
        border: 1px solid var(--wm-border);
        border-radius: var(--wm-radius);
        background: var(--wm-bg);
        color: var(--wm-fg);
        box-shadow: var(--wm-shadow);
        font: 14px/1.5 var(--wm-font);
      }
      .panel.no-launcher {
        bottom: 20px;
      }
      .panel:popover-open {
        display: flex;
        flex-direction: column;
      }
      header {
        position: sticky;
        top: 0;
        display: flex;
        align-items: center;
        padding: 12px 16px;
        border-bottom: 1px solid var(--wm-border);
        background: var(--wm-bg);
      }
      header .title {
        margin: 0;
      }
      header .close {
        position: static;
        margin-inline-start: auto;
      }
      .content {
        padding: 12px 16px 16px;
      }
      h3 {
        margin: 16px 0 6px;
        font-size: 14px;
        font-weight: 600;
      }
      h2:focus,
      h3:focus {
        outline: none;
      }
      label {
        display: block;
        margin: 0 0 4px;
        font-weight: 600;
      }
      input,
      textarea {
        box-sizing: border-box;
        width: 100%;
        padding: 8px 10px;
        border: 1px solid var(--wm-muted);
        border-radius: calc(var(--wm-radius) - 4px);
        background: var(--wm-bg);
        color: var(--wm-fg);
        font: inherit;
      }
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
      input:focus-visible,
      textarea:focus-visible,
      .launcher:focus-visible {
        outline: 2px solid var(--wm-focus-ring);
        outline-offset: 2px;
      }
      [aria-invalid='true'] {
        border-color: var(--wm-danger);
      }
      .error,
      .errors {
        margin: 4px 0 0;
        color: var(--wm-danger);
      }
      .errors {
        margin-bottom: 8px;
      }
      .errors:empty {
        display: none;
      }
      .field {
        margin: 0 0 12px;
      }
      .articles li {
        padding: 6px 0;
        border-bottom: 1px solid var(--wm-border);
      }
      .articles li:last-child {
        border-bottom: 0;
      }
      .article {
        display: block;
        padding: 0;
        border: 0;
        background: none;
        color: var(--wm-link);
        font: inherit;
        font-weight: 600;
        text-align: start;
        text-decoration: underline;
        cursor: pointer;
      }
      .summary {
        margin: 2px 0 0;
        color: var(--wm-muted);
      }
      .empty,
      .muted {
        color: var(--wm-muted);
      }
      .checklist {
        margin: 12px 0 0;
      }
      .checklist p {
        margin: 0 0 4px;
      }
      progress {
        width: 100%;
        height: 8px;
        accent-color: var(--wm-accent);
      }
      .contact {
        margin-top: 16px;
        padding-top: 12px;
        border-top: 1px solid var(--wm-border);
      }
      .reader .body {
        margin: 8px 0 12px;
      }
      button.btn.back {
        padding-inline: 0;
      }
      .sent {
        font-size: 16px;
      }
    `,
  ];

  /** Everything the panel shows or calls: locale and strings, theme, the article index and search, chat, the message queue, the user's context, the Escape stack, `onEvent`. Set by the runtime. */
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
  /** Polite announcement (result counts, chat opened, message sent). */
  @state() private announcement = '';

  @query('.panel') private panel?: HTMLElement;
  @query('input[type="search"]') private searchField?: HTMLInputElement;

  private translator: Translator = createTranslator('en');
  private suggestions: ArticleHit[] = [];
  /** Nothing is scoped to where the user is: the list is the stage's articles, under a generic heading. */
  private suggestionsAreGeneral = false;
  private readonly articlesOpened = new Map<string, string>();
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
    if (!previous || previous.locale !== input.locale || previous.strings !== input.strings) {
      this.translator = createTranslator(input.locale, input.strings);
    }
    if (!previous || previous.theme !== input.theme) {
      this.removeTheme?.();
      this.removeTheme = applyTheme(this, input.theme);
    }
    this.suggestions = this.suggest(input.context);
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Open the panel; with a query, search for it straight away. */
  async show(searchFor?: string): Promise<void> {
    const input = this.input;
    if (!input) return;
    if (!this.open) {
      const restoreFocus = captureFocus(input.window.document);
      this.open = true;
      await this.updateComplete;
      const panel = this.panel;
      if (!panel || !this.open) return;
      panel.showPopover();
      this.openCleanups.push(
        input.stack.push({ dismiss: () => this.hide() }),
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

  /** Close the panel and give focus back. */
  hide(): void {
    this.cancelSearch();
    if (!this.open) return;
    this.open = false;
    for (const cleanup of this.openCleanups.splice(0).reverse()) cleanup();
  }

  protected override render(): unknown {
    const input = this.input;
    if (!input) return nothing;
    const t = this.translator;
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
    if (this.view === 'article' && this.reading) return this.renderReader(this.reading.article, this.reading.body);
    if (this.view === 'contact') return this.renderContact();
    return this.renderList();
  }

  private renderList(): TemplateResult {
    const t = this.translator;
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
    const t = this.translator;
    return html`<ul class="articles" part="articles" aria-labelledby=${labelledBy}>
      ${hits.map((hit) => {
        const inPanel = this.input!.index.body(hit.id) !== undefined && hit.source === 'local';
        const title = inPanel
          ? html`<button type="button" class="article" part="article" data-article=${hit.id} @click=${() => void this.openArticle(hit, from)}>${hit.title}</button>`
          : html`<a class="article" part="article" data-article=${hit.id} href=${hit.url} target="_blank" rel="noopener noreferrer"
              @click=${() => this.report({ type: 'article_opened', articleId: hit.id, source: from, kb: hit.source, inPanel: false }, hit)}
              >${hit.title}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a>`;
        return html`<li>${title}${hit.summary ? html`<p class="summary">${hit.summary}</p>` : nothing}</li>`;
      })}
    </ul>`;
  }

  private renderReader(article: HelpArticle, body: string): TemplateResult {
    const t = this.translator;
    return html`
      <button type="button" class="btn link back" @click=${this.backToList}>${t.dir === 'rtl' ? '→' : '←'} ${t.t('helpBack')}</button>
      <article class="reader" part="reader" aria-labelledby="wm-help-article">
        <h3 id="wm-help-article" tabindex="-1">${article.title}</h3>
        <div class="body" part="body">${renderRichText(body, { newTabLabel: t.t('opensInNewTab'), origin: this.input!.window.location.origin })}</div>
        <a part="link" href=${article.url} target="_blank" rel="noopener noreferrer">${article.url}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a>
      </article>
    `;
  }

  private renderContact(): TemplateResult {
    const t = this.translator;
    const back = html`<button type="button" class="btn link back" @click=${this.backToList}>${t.dir === 'rtl' ? '→' : '←'} ${t.t('helpBack')}</button>`;
    if (this.contactState === 'sent') {
      return html`${back}<h3 class="sent" id="wm-help-contact" tabindex="-1">${t.t('messageSent')}</h3>`;
    }
    if (this.contactState === 'unavailable') {
      return html`${back}<h3 id="wm-help-contact" tabindex="-1">${t.t('contactUs')}</h3>
        <p>${t.t('contactUnavailable')}</p>${this.renderBackAt()}`;
    }
    const error = (field: Field) => this.issues.find((issue) => issue.field === field);
    const field = (name: Field, label: StringKey, control: (invalid: boolean, describedBy: string | typeof nothing) => TemplateResult) => {
      const issue = error(name);
      const errorId = `wm-help-${name}-error`;
      return html`<div class="field">
        <label for="wm-help-${name}">${t.t(label)}</label>
        ${control(issue !== undefined, issue ? errorId : nothing)}
        ${issue ? html`<p class="error" id=${errorId}>${this.issueText(issue)}</p>` : nothing}
      </div>`;
    };
    return html`${back}
      <form part="form" novalidate aria-labelledby="wm-help-contact" @submit=${this.submit}>
        <h3 id="wm-help-contact" tabindex="-1">${t.t('offlineTitle')}</h3>
        <p class="muted">${t.t('offlineIntro')}</p>
        ${this.renderBackAt()}
        <p class="errors" role="alert">${this.issues.length > 0 ? t.t('formErrors', { count: this.issues.length }) : ''}</p>
        ${field('name', 'nameLabel', (invalid, describedBy) =>
          html`<input id="wm-help-name" name="name" autocomplete="name" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />`)}
        ${field('email', 'emailLabel', (invalid, describedBy) =>
          html`<input id="wm-help-email" name="email" type="email" autocomplete="email" aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />`)}
        ${field('message', 'messageLabel', (invalid, describedBy) =>
          html`<textarea id="wm-help-message" name="message" aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>`)}
        <button type="submit" class="btn primary" ?disabled=${this.sending}>${t.t('submit')}</button>
      </form>`;
  }

  private renderBackAt(): TemplateResult | typeof nothing {
    const chat = this.input?.chat;
    if (!chat) return nothing;
    const now = this.now();
    const next = chat.nextOpening(now);
    if (next === null || next <= now) return nothing;
    let time: string;
    try {
      time = new Intl.DateTimeFormat(this.translator.locale, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(next);
    } catch {
      time = new Date(next).toISOString();
    }
    return html`<p class="muted">${this.translator.t('offlineBackAt', { time })}</p>`;
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
    const t = this.translator;
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
      this.report({ type: 'article_opened', articleId: article.id, source: from, kb: article.source, inPanel: false }, article);
      return;
    }
    this.returnToArticle = article.id;
    this.reading = { article, body };
    this.view = 'article';
    this.report({ type: 'article_opened', articleId: article.id, source: from, kb: article.source, inPanel: true }, article);
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
    const chat = input.chat;
    if (chat && chat.withinHours(this.now()) && chat.route() !== 'none') {
      const report = await chat.open(this.chatContext());
      if (report.path !== 'none') {
        this.report({ type: 'chat_opened', path: report.path, source: 'help' });
        this.announcement = this.translator.t('chatOpened');
        // The provider's widget takes over; our panel would only cover it.
        this.hide();
        return;
      }
    }
    this.contactState = input.messages ? 'form' : 'unavailable';
    this.issues = [];
    this.view = 'contact';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#wm-help-contact')?.focus();
  };

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = this.input!;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: Field) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
    if (!input.messages || this.sending) return;
    this.sending = true;
    try {
      // The team sees what `chat.context` allows, whether the user chats or leaves a message.
      const context = input.chat ? input.chat.share(this.chatContext()) : this.chatContext();
      const result = await input.messages.send({ name: value('name'), email: value('email'), message: value('message'), context });
      if (!result.ok) {
        this.issues = result.issues;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#wm-help-${result.issues[0]!.field}`)?.focus();
        return;
      }
      this.issues = [];
      this.contactState = 'sent';
      this.announcement = this.translator.t('messageSent');
      this.report({ type: 'message_left', messageId: result.id });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#wm-help-contact')?.focus();
    } catch (error) {
      input.reportError?.(error, 'help:send-message');
    } finally {
      this.sending = false;
    }
  };

  private issueText(issue: MessageIssue): string {
    const t = this.translator;
    if (issue.code === 'too-long') return t.t('fieldTooLong', { max: FIELD_MAX_LENGTH[issue.field] });
    if (issue.field === 'email') return t.t(issue.code === 'required' ? 'emailRequired' : 'emailInvalid');
    return t.t('messageRequired');
  }

  private chatContext(): ChatContext {
    const context = this.input!.context;
    const chat: ChatContext = {
      user: context.user ?? { id: '', traits: {} },
      stage: context.stage ?? null,
      page: context.page ?? this.input!.window.location.href,
      articlesOpened: [...this.articlesOpened].map(([id, title]) => ({ id, title })),
      recentErrors: context.recentErrors ?? [],
    };
    if (context.step) chat.step = context.step;
    if (context.checklistItem) chat.checklistItem = context.checklistItem;
    if (context.struggle) chat.struggle = context.struggle;
    return chat;
  }

  // ---- misc ---------------------------------------------------------------------------------

  private readonly toggle = (): void => {
    if (this.open) this.hide();
    else void this.show();
  };

  private now(): number {
    return (this.input?.now ?? Date.now)();
  }

  private report(event: HelpEvent, article?: HelpArticle): void {
    if (article) this.articlesOpened.set(article.id, article.title);
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
