import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Action, NudgeExperience, NudgeLevel } from '../../config/types.js';
import { localizedText } from '../shared/text-locale.js';
import { richTextToPlain } from '../../config/rich-text.js';
import { WaymarkElement } from '../shared/base-element.js';
import { renderArticles, renderBody } from '../shared/content.js';
import type { ComponentContext } from '../shared/context.js';
import { LayerController } from '../shared/controllers/layer.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { nudgeStyles } from './nudge.styles.js';

/** Articles listed by an `articles` level when it sets no `max`. */
const DEFAULT_ARTICLE_COUNT = 3;

/**
 * A struggle nudge: the current level of a nudge's escalation (`level` indexes
 * `experience.escalation`). A `hint` level sits next to its target (or in the corner when it has
 * none or the target is missing); an `articles` level lists the best-matching articles it was
 * given; a `chat` level offers live chat. The engine picks the level; "Still stuck?" asks it for
 * the next one (`nudge-level`).
 *
 * It is proactive, so it never takes focus: it is a non-modal dialog in the top layer whose text
 * is announced through a polite live region. Escape (when it is the topmost Waymark layer) and
 * the close button report `dismiss`.
 *
 * Reports `shown`, `dismiss`, `{type: 'nudge-level', level}` and
 * `{type: 'button', action: {type: 'open-article' | 'open-help' | 'open-chat'}}`.
 *
 * @summary A struggle nudge: a hint, suggested articles or a live-chat offer, escalating level by level.
 * @tag wm-nudge
 *
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown`, `dismiss`, `{type: 'nudge-level', level}`, or `{type: 'button', action}` with `open-article`, `open-help` or `open-chat`). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 *
 * @csspart popover - The nudge card (`role=dialog`, non-modal, in the top layer).
 * @csspart arrow - The arrow (a `hint` level anchored to its target).
 * @csspart title - The title.
 * @csspart close - The close (×) button.
 * @csspart body - The text (`hint` and `chat` levels).
 * @csspart link - Links in the text.
 * @csspart articles - The article list (`articles` level).
 * @csspart article - One article button.
 * @csspart footer - The row of buttons.
 * @csspart button - Every button in the footer.
 * @csspart button-primary - "Chat with us" (`chat` level).
 * @csspart button-secondary - "Still stuck?" (the next level), and "Not now" (`chat` level).
 * @csspart button-link - "Search help" (`articles` level).
 *
 * @cssprop --wm-accent - Accent color (primary button). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Link, article and link-button color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Card background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - The close button.
 * @cssprop --wm-border - Card and arrow border.
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Card shadow.
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-max-width - Card max width. Default 22rem.
 */
export class WmNudge extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, nudgeStyles];

  /** The nudge to render (set by the renderer). */
  @property({ attribute: false }) override experience?: NudgeExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, targets, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;
  /** The escalation level to show (0-based; clamped to the last level). */
  @property({ type: Number }) level = 0;

  /** Anchored to a target, or in the corner. */
  @state() private placement: 'anchored' | 'corner' = 'corner';
  @state() private announcement = '';
  /** Hidden until floating-ui has placed it, so it never flashes at the wrong spot. */
  @state() private placed = false;

  @query('.card') private card?: HTMLElement;
  @query('.arrow') private arrowElement?: HTMLElement;

  /** Theme, the card in the top layer, on the Escape stack, anchored: while a level is shown. */
  private readonly layer = new LayerController(this);
  private shownReported = false;
  private run = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  /** The escalation level on screen, or undefined before there is one. */
  get currentLevel(): NudgeLevel | undefined {
    const levels = this.experience?.escalation ?? [];
    return levels[this.levelIndex()];
  }

  /** The nudge card (for tests and the debug overlay). */
  get panel(): HTMLElement | null {
    return this.card ?? null;
  }

  /** The element the current level points at, resolved before rendering so the card renders placed right. */
  private target: Element | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('experience') || changed.has('context') || changed.has('level')) || !this.context) return;
    const level = this.currentLevel;
    this.target = level?.kind === 'hint' && level.target !== undefined ? this.context.targets.resolve(level.target) : null;
    this.placement = this.target ? 'anchored' : 'corner';
    this.placed = !this.target;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('experience') || changed.has('context') || changed.has('level')) && this.experience && this.context) void this.present();
  }

  protected override render(): unknown {
    const nudge = this.experience;
    const context = this.context;
    const level = this.currentLevel;
    if (!nudge || !context || !level) return nothing;
    const t = context.translator;
    const title = t.text(level.title) ? localizedText(context, level.title) : t.t('nudgeTitle');
    return html`
      <div class="card ${this.placement === 'corner' ? 'corner' : ''} ${this.placed ? '' : 'unplaced'}" part="popover" popover="manual" role="dialog"
        tabindex="-1" dir=${t.dir} lang=${t.locale} aria-labelledby="wm-title" data-kind=${level.kind}>
        <div class="arrow" part="arrow"></div>
        <h2 class="title" part="title" id="wm-title">${title}</h2>
        <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${this.dismiss}>×</button>
        ${this.renderLevel(context, level)}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderLevel(context: ComponentContext, level: NudgeLevel): TemplateResult {
    const t = context.translator;
    const button = (action: Action) => this.act({ type: 'button', action });
    const more = this.hasNextLevel()
      ? html`<button type="button" class="btn secondary" part="button button-secondary" @click=${this.escalate}>${t.t('moreHelp')}</button>`
      : nothing;
    switch (level.kind) {
      case 'hint':
        return html`${renderBody(context, level.body, 'wm-body')}
          ${more === nothing ? nothing : html`<div class="footer" part="footer">${more}</div>`}`;
      case 'articles':
        return html`${renderArticles(context, this.articleIds(level), button)}
          <div class="footer" part="footer">
            <button type="button" class="btn link" part="button button-link" @click=${() => button({ type: 'open-help' })}>${t.t('searchHelp')}</button>
            ${more}
          </div>`;
      case 'chat': {
        const chat: Action = level.message === undefined ? { type: 'open-chat' } : { type: 'open-chat', message: level.message };
        return html`${renderBody(context, level.body, 'wm-body')}
          <div class="footer" part="footer">
            <button type="button" class="btn primary" part="button button-primary" @click=${() => this.openChat(chat)}>${t.t('chatOffer')}</button>
            <button type="button" class="btn secondary" part="button button-secondary" @click=${this.dismiss}>${t.t('notNow')}</button>
          </div>`;
      }
    }
  }

  /** Open (or move) the card for the current level: next to its target when there is one. */
  private async present(): Promise<void> {
    const context = this.context!;
    const nudge = this.experience!;
    const level = this.currentLevel;
    this.teardown();
    if (!level) return;
    const run = ++this.run;
    this.layer.theme(context.theme);
    const target = this.target;
    await this.updateComplete;
    const card = this.card;
    if (!card || run !== this.run) return;
    this.layer.showPopover(card);
    this.layer.escape(context.stack, () => this.dismiss());
    // A level without a target sits in the corner: drop the coordinates the previous level was anchored at.
    if (!target) for (const side of ['top', 'left', 'right', 'bottom', 'transform']) card.style.removeProperty(side);
    if (target) {
      this.layer.anchor({
        reference: target,
        floating: card,
        arrow: this.arrowElement,
        gap: 10,
        onPlaced: () => (this.placed = true),
        onError: (error) => context.reportError(error, `nudge:${nudge.id}:position`),
      });
    }
    this.announcement = this.spokenText(level);
    if (!this.shownReported) {
      this.shownReported = true;
      this.act({ type: 'shown' });
    }
  }

  private teardown(): void {
    this.run++;
    this.layer.close();
  }

  private levelIndex(): number {
    const count = this.experience?.escalation.length ?? 0;
    const level = Number.isInteger(this.level) ? this.level : 0;
    return Math.min(Math.max(0, level), Math.max(0, count - 1));
  }

  private hasNextLevel(): boolean {
    return this.levelIndex() + 1 < (this.experience?.escalation.length ?? 0);
  }

  private articleIds(level: Extract<NudgeLevel, { kind: 'articles' }>): string[] {
    const known = (level.articles ?? []).filter((id) => this.context!.articles.has(id));
    return known.slice(0, level.max ?? DEFAULT_ARTICLE_COUNT);
  }

  private spokenText(level: NudgeLevel): string {
    const t = this.context!.translator;
    const title = t.text(level.title) || t.t('nudgeTitle');
    const body = level.kind === 'articles' ? '' : richTextToPlain(t.text(level.body));
    if (!body) return title;
    // "Not responding?" already ends a sentence: no stray full stop after it.
    return /[.!?…:;。？！]$/.test(title.trim()) ? `${title.trim()} ${body}` : `${title}. ${body}`;
  }

  private readonly escalate = (): void => {
    this.act({ type: 'nudge-level', level: this.levelIndex() + 1 });
  };

  /** The runtime opens chat (or the message form); the nudge has done its job and ends. */
  private openChat(chat: Action): void {
    this.act({ type: 'button', action: chat });
    this.teardown();
    this.act({ type: 'complete' });
  }

  private readonly dismiss = (): void => {
    this.teardown();
    this.act({ type: 'dismiss' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-nudge': WmNudge;
  }
}
