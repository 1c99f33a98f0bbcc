/**
 * The tour's step card: its template (the spotlight layer, then the `<dialog>` with title, content,
 * progress and buttons), its keys, and opening it in the top layer. Stateless: what is on screen
 * and what each control does come from the tour element, which owns the step and its lifecycle.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Action, TourExperience } from '../../config/types.js';
import { localizedText } from '../shared/text-locale.js';
import type { UserAction } from '../../engine/contract.js';
import { trapTab } from '../shared/focus.js';
import { renderArticles, renderBody, renderButtons, renderImage } from '../shared/content.js';
import type { ComponentContext } from '../shared/context.js';

/** How the card is laid out: not on screen, beside its target, centred, or as a bottom sheet. */
export type Layout = 'hidden' | 'anchored' | 'centered' | 'sheet';

export interface StepCardView {
  tour: TourExperience;
  /** The step's index (0-based). */
  index: number;
  context: ComponentContext;
  layout: Layout;
  /** The screen is narrow: an anchored step shows as a bottom sheet. */
  sheet: boolean;
  modal: boolean;
  /** Whether the spotlight layer is rendered, and whether clicks go through its cut-out. */
  spotlight: boolean;
  /** The spotlight layer shows only a ring around the target (no shade, no blocker). */
  ring: boolean;
  spotlightInteractive: boolean;
  /** The target stays put when the window scrolls: the hole is placed in the viewport, not in the page. */
  pinned: boolean;
  /** The polite live region's text. */
  announcement: string;
}

export interface StepCardHandlers {
  act(action: UserAction): void;
  /** Next / Done (and Enter on the card, the forward arrow key): may follow the step's link first. */
  forward(): void;
  onCancel(event: Event): void;
  onClose(event: Event): void;
}

export function renderStepCard(view: StepCardView, on: StepCardHandlers): TemplateResult | typeof nothing {
  const { tour, index, context, layout } = view;
  const step = tour.steps[index];
  if (!step) return nothing;
  const t = context.translator;
  const total = tour.steps.length;
  const current = index + 1;
  const last = index === total - 1;
  // A custom button for next, back or dismiss replaces the built-in one, so no action is offered twice.
  const custom = new Set((step.buttons ?? []).map((button) => button.action.type));
  const titleId = 'wm-title';
  const bodyId = 'wm-body';
  const hasBody = Boolean(t.text(step.body));
  const classes = {
    card: true,
    centered: layout === 'centered',
    sheet: (view.sheet && layout === 'anchored') || layout === 'sheet',
    spotlit: view.spotlight && !view.ring,
  };
  return html`
    ${view.spotlight
      ? html`<div class="spotlight ${view.ring ? 'ring' : view.spotlightInteractive ? 'interactive' : ''} ${view.pinned ? 'pinned' : ''}" part="spotlight" popover="manual" aria-hidden="true">
          <div class="frame"><div class="shape"><svg width="0" height="0">${svg`<path class="shade" fill-rule="evenodd" d=""></path>`}</svg></div></div>
          <div class="hole"></div>
        </div>`
      : nothing}
    <dialog
      class=${classMap(classes)}
      part="popover"
      popover=${view.modal ? nothing : 'manual'}
      tabindex="-1"
      dir=${t.dir}
      lang=${t.locale}
      aria-labelledby=${titleId}
      aria-describedby=${hasBody ? bodyId : nothing}
      aria-roledescription=${t.t('tourLabel')}
      @keydown=${(event: KeyboardEvent) => onStepKey(event, view, on)}
      @cancel=${on.onCancel}
      @close=${on.onClose}
    >
      <div class="arrow" part="arrow"></div>
      <h2 class="title" part="title" id=${titleId}>${localizedText(context, step.title)}</h2>
      <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${() => on.act({ type: 'dismiss' })}>×</button>
      ${renderImage(context, step.image)} ${renderBody(context, step.body, bodyId)}
      ${renderArticles(context, step.articles, (action) => on.act({ type: 'button', action }))}
      <div class="footer" part="footer">
        ${tour.showProgress !== false && total > 1
          ? html`<span class="progress" part="progress">${t.t('progress', { current, total })}</span>`
          : nothing}
        ${tour.skippable !== false && !last && !custom.has('dismiss')
          ? html`<button type="button" class="btn link" part="button button-link" @click=${() => on.act({ type: 'dismiss' })}>${t.t('skip')}</button>`
          : nothing}
        ${renderButtons(context, step.buttons, (action: Action) => on.act({ type: 'button', action }))}
        ${index > 0 && !custom.has('back')
          ? html`<button type="button" class="btn" part="button button-secondary" @click=${() => on.act({ type: 'back' })}>${t.t('back')}</button>`
          : nothing}
        ${custom.has('next') || custom.has('complete')
          ? nothing
          : html`<button type="button" class="btn primary" part="button button-primary" @click=${on.forward}>${last ? t.t('done') : t.t('next')}</button>`}
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${view.announcement}</div>
    </dialog>
  `;
}

/** Tab stays inside a modal step; Right/Left go forward/back (mirrored in RTL); Enter on the card itself goes forward. */
function onStepKey(event: KeyboardEvent, view: StepCardView, on: StepCardHandlers): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  const card = event.currentTarget as HTMLDialogElement;
  if (event.key === 'Tab') {
    if (view.modal) trapTab(event, card);
    return;
  }
  const origin = event.composedPath()[0];
  if (origin instanceof HTMLElement && (origin.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName))) return;
  const rtl = view.context.translator.dir === 'rtl';
  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    const forward = (event.key === 'ArrowRight') !== rtl;
    event.preventDefault();
    if (forward) on.forward();
    else if (view.index > 0) on.act({ type: 'back' });
  } else if (event.key === 'Enter' && origin === card) {
    // Enter on a button activates that button; on the step itself it goes forward.
    event.preventDefault();
    on.forward();
  }
}

type CardMode = 'modal' | 'popover';

export interface TopLayerWanted {
  /** How the card should be open, or null for closed. */
  card: CardMode | null;
  /** Whether the spotlight should be open (when it is rendered). */
  spotlight: boolean;
  /** Closes a modal card through its dialog controller (so closing it is not taken for a dismissal). */
  closeModal(card: HTMLDialogElement): void;
}

/** Open or close the spotlight and card in the top layer, in stacking order. */
export function syncTopLayer(card: HTMLDialogElement | undefined, spot: HTMLElement | undefined, want: TopLayerWanted): void {
  if (!card) return;
  const wantSpot = want.spotlight && spot !== undefined;
  const spotOpen = spot?.matches(':popover-open') ?? false;
  const mode = cardMode(card);
  // The card must be opened after the spotlight to stack above it.
  if (mode && (mode !== want.card || (wantSpot && !spotOpen))) closeCard(card, want.closeModal);
  if (spot && spotOpen && !wantSpot) spot.hidePopover();
  if (wantSpot && !spotOpen) spot!.showPopover();
  if (want.card && !cardMode(card)) {
    if (want.card === 'modal') card.showModal();
    else card.showPopover();
  }
}

/** Take the card out of the top layer, however it is open. */
export function closeCard(card: HTMLDialogElement | undefined, closeModal: (card: HTMLDialogElement) => void): void {
  if (!card) return;
  if (card.matches(':modal')) closeModal(card);
  else if (card.matches(':popover-open')) card.hidePopover();
}

function cardMode(card: HTMLDialogElement): CardMode | null {
  if (card.matches(':modal')) return 'modal';
  if (card.matches(':popover-open')) return 'popover';
  return null;
}
