import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Action, SurveyExperience } from '../../config/types.js';
import { localizedText } from '../shared/text-locale.js';
import { renderBody, renderButtons } from '../shared/content.js';
import type { ComponentContext } from '../shared/context.js';
import { WaymarkElement } from '../shared/base-element.js';
import { FocusEscapeController } from '../shared/controllers/focus-escape.js';
import { LayerController } from '../shared/controllers/layer.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { surveyStyles } from './survey.styles.js';
import { buildScale, followUpFor, type Scale, type ScalePoint } from './scale.js';

type Phase = 'ask' | 'thanks';

/**
 * A micro-survey: NPS (0–10), CSAT (1–5 as numbers, stars or faces) or CES (1–7), as a
 * non-modal card in the bottom corner (inline-end), in the top layer.
 *
 * The scale is a radio group (APG pattern: one tab stop, arrow keys move and select, mirrored in
 * RTL, Home/End jump to the ends); the end radios are named with their labels ("0 = Not at all
 * likely"). An optional labelled "why?" field follows. Send reports `{type: 'answer', score,
 * comment}`; the card then thanks the user and shows the follow-up whose score range holds the
 * score (its buttons report `{type: 'button', action}`). Closing reports `dismiss`. It does not
 * take focus when it appears; Escape dismisses it only while focus is inside it.
 *
 * @summary A micro-survey card (NPS, CSAT or CES) with an optional comment and a score-based follow-up.
 * @tag wm-survey
 *
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown`, `{type: 'answer', score, comment?}`, `dismiss`, or `{type: 'button', action}` from the follow-up). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 *
 * @csspart popover - The survey card (`role=region`, in the top layer).
 * @csspart close - The close (×) button.
 * @csspart question - The question.
 * @csspart scale - The radio group.
 * @csspart option - Each score.
 * @csspart option-checked - The chosen score.
 * @csspart ends - The row with the two end labels.
 * @csspart error - "Choose a score first."
 * @csspart why - The "why?" text field.
 * @csspart footer - The row of buttons.
 * @csspart button - Every button; also `button-primary`, `button-secondary` or `button-link` by its variant.
 * @csspart button-primary - Send, and primary follow-up buttons.
 * @csspart button-secondary - A secondary follow-up button (the default variant).
 * @csspart button-link - A link-style follow-up button.
 * @csspart thanks - The thank-you heading.
 * @csspart follow-up - The follow-up block (title, text, buttons).
 * @csspart body - The follow-up text.
 * @csspart link - Links in the follow-up text.
 *
 * @cssprop --wm-accent - Accent color (Send button). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Link and link-button color, and the chosen score's fill (it stays readable on the card). Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - End labels, score borders, unselected stars and faces, the field border, the close button.
 * @cssprop --wm-border - Card border.
 * @cssprop --wm-danger - Error text ("Choose a score first."). Default #b42318 (#ff8a80 dark).
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Card shadow.
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-star - Filled star color. Default #b45309.
 */
export class WmSurvey extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, surveyStyles];

  /** The survey to render (set by the renderer). */
  @property({ attribute: false }) override experience?: SurveyExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;

  @state() private phase: Phase = 'ask';
  @state() private score: number | null = null;
  @state() private comment = '';
  @state() private missingScore = false;

  @query('.card') private card?: HTMLElement;

  private openedFor: string | null = null;
  /** Theme and the card in the top layer, while it is open. */
  private readonly layer = new LayerController(this);
  /** While focus is inside the survey it is the topmost layer: Escape dismisses it, and only then. */
  private readonly focusEscape = new FocusEscapeController(this, {
    stack: () => this.context?.stack,
    container: () => this.card,
    dismiss: () => this.act({ type: 'dismiss' }),
  });

  /** The survey card, once open. */
  get panel(): HTMLElement | null {
    return this.card ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different survey starts from the question again.
    if (changed.has('experience') && this.experience?.id !== this.openedFor) {
      this.phase = 'ask';
      this.score = null;
      this.comment = '';
      this.missingScore = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('experience') && !changed.has('context')) return;
    const survey = this.experience;
    const context = this.context;
    if (!survey || !context || !this.isConnected || this.openedFor === survey.id) return;
    this.close();
    this.openedFor = survey.id;
    try {
      this.layer.theme(context.theme);
      this.layer.showPopover(this.card!);
      this.act({ type: 'shown' });
    } catch (error) {
      context.reportError(error, `survey:${survey.id}`);
    }
  }

  protected override render(): unknown {
    const survey = this.experience;
    const context = this.context;
    if (!survey || !context) return nothing;
    const t = context.translator;
    return html`<section
      class="card corner"
      part="popover"
      popover="manual"
      role="region"
      aria-label=${t.t('surveyLabel')}
      dir=${t.dir}
      lang=${t.locale}
      @focusin=${this.focusEscape.onFocusIn}
      @focusout=${this.focusEscape.onFocusOut}
    >
      <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${() => this.act({ type: 'dismiss' })}>×</button>
      ${this.phase === 'ask' ? this.renderQuestion(survey, context) : this.renderThanks(survey, context)}
    </section>`;
  }

  private renderQuestion(survey: SurveyExperience, context: ComponentContext): TemplateResult {
    const t = context.translator;
    const scale = buildScale(survey, t);
    const why = survey.askWhy ? (typeof survey.askWhy === 'boolean' ? t.t('whyLabel') : localizedText(context, survey.askWhy)) : '';
    // One tab stop: the chosen score, or the first one.
    const tabStop = this.score ?? scale.points[0]!.value;
    return html`
      <h2 class="question" part="question" id="wm-question">${localizedText(context, survey.question)}</h2>
      <div
        class="scale ${scale.display}"
        part="scale"
        role="radiogroup"
        aria-labelledby="wm-question"
        aria-describedby=${this.missingScore ? 'wm-error' : nothing}
        aria-required="true"
        @keydown=${(event: KeyboardEvent) => this.onScaleKeyDown(event, scale)}
      >
        ${scale.points.map((point) => this.renderOption(scale, point, point.value === tabStop))}
      </div>
      <div class="ends" part="ends" aria-hidden="true"><span>${scale.lowEnd}</span><span>${scale.highEnd}</span></div>
      ${this.missingScore ? html`<p class="error" part="error" id="wm-error" role="alert">${t.t('chooseScore')}</p>` : nothing}
      ${why
        ? html`<label class="why" for="wm-why">${why}</label>
            <textarea id="wm-why" part="why" maxlength="2000" .value=${this.comment}
              @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}></textarea>`
        : nothing}
      <div class="footer" part="footer">
        <button type="button" class="btn primary" part="button button-primary" @click=${this.submit}>${t.t('submit')}</button>
      </div>
    `;
  }

  private renderOption(scale: Scale, point: ScalePoint, tabbable: boolean): TemplateResult {
    const checked = point.value === this.score;
    const filled = scale.display === 'stars' && this.score !== null && point.value <= this.score;
    return html`<button
      type="button"
      class="option ${filled ? 'filled' : ''}"
      part=${checked ? 'option option-checked' : 'option'}
      role="radio"
      aria-checked=${checked ? 'true' : 'false'}
      aria-label=${point.name}
      tabindex=${tabbable ? '0' : '-1'}
      data-value=${point.value}
      @click=${() => this.choose(point.value, false)}
    >
      ${scale.display === 'stars' ? starIcon(filled) : scale.display === 'faces' ? faceIcon(point.value) : point.text}
    </button>`;
  }

  private renderThanks(survey: SurveyExperience, context: ComponentContext): TemplateResult {
    const t = context.translator;
    const followUp = this.score === null ? undefined : followUpFor(survey, this.score);
    return html`
      <h2 class="thanks" part="thanks" id="wm-thanks" tabindex="-1">${t.text(survey.thankYou) ? localizedText(context, survey.thankYou) : t.t('thankYou')}</h2>
      ${followUp
        ? html`<div class="follow-up" part="follow-up">
            ${followUp.title ? html`<h3>${localizedText(context, followUp.title)}</h3>` : nothing}
            ${renderBody(context, followUp.body, 'wm-follow-up')}
            ${followUp.buttons?.length
              ? html`<div class="footer" part="footer">${renderButtons(context, followUp.buttons, (action: Action) => this.act({ type: 'button', action }))}</div>`
              : nothing}
          </div>`
        : nothing}
    `;
  }

  // ---- user input ---------------------------------------------------------------------------

  private choose(value: number, focus: boolean): void {
    this.score = value;
    this.missingScore = false;
    if (!focus) return;
    void this.updateComplete.then(() => this.optionFor(value)?.focus());
  }

  private optionFor(value: number): HTMLElement | null {
    return this.card?.querySelector<HTMLElement>(`.option[data-value="${value}"]`) ?? null;
  }

  private onScaleKeyDown(event: KeyboardEvent, scale: Scale): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const values = scale.points.map((point) => point.value);
    const origin = event.composedPath()[0];
    const current = origin instanceof HTMLElement ? Number(origin.dataset.value) : NaN;
    const index = Math.max(0, values.indexOf(current));
    const rtl = this.context?.translator.dir === 'rtl';
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = index + 1;
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'ArrowRight':
        next = rtl ? index - 1 : index + 1;
        break;
      case 'ArrowLeft':
        next = rtl ? index + 1 : index - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = values.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    // Wrap around, as the ARIA radio group pattern does.
    const wrapped = (next + values.length) % values.length;
    this.choose(values[wrapped]!, true);
  }

  private readonly submit = (): void => {
    if (this.score === null) {
      this.missingScore = true;
      void this.updateComplete.then(() => this.card?.querySelector<HTMLElement>('.option[tabindex="0"]')?.focus());
      return;
    }
    const comment = this.comment.trim();
    this.act(comment ? { type: 'answer', score: this.score, comment } : { type: 'answer', score: this.score });
    this.phase = 'thanks';
    // The button that had focus is gone: move focus to the thank-you, which also announces it.
    void this.updateComplete.then(() => this.card?.querySelector<HTMLElement>('.thanks')?.focus());
  };

  private close(): void {
    this.focusEscape.release();
    this.layer.close();
    this.openedFor = null;
  }
}

function starIcon(filled: boolean): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true">${svg`<path
    d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
    fill=${filled ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"></path>`}</svg>`;
}

/** Five faces from very unhappy (1) to very happy (5): the mouth's curve carries the feeling. */
function faceIcon(value: number): TemplateResult {
  const curve = [-7, -3, 0, 3, 7][value - 1] ?? 0;
  return html`<svg viewBox="0 0 24 24" aria-hidden="true">${svg`
    <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6"></circle>
    <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor"></circle>
    <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor"></circle>
    <path d=${`M7.5 ${15.5 - curve / 2} Q12 ${15.5 + curve} 16.5 ${15.5 - curve / 2}`} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"></path>`}</svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-survey': WmSurvey;
  }
}
