import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import type { Action, ChecklistExperience, ChecklistItem } from '../../config/types.js';
import type { ChecklistView } from '../../engine/index.js';
import { renderBody } from '../shared/content.js';
import { localizedText } from '../shared/text-locale.js';
import type { ComponentContext } from '../shared/context.js';
import { WaymarkElement } from '../shared/base-element.js';
import { LayerController } from '../shared/controllers/layer.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { blockingItem, progressChanges, resolveView, ringStroke, type ItemState } from './progress.js';
import { checklistStyles } from './checklist.styles.js';

const RING_RADIUS = 15;
const CONFETTI_PIECES = 12;

/**
 * An onboarding checklist: a launcher with an SVG progress ring and "2 of 5", opening a panel
 * with the tasks, their state, action buttons and manual ticks, and a celebration at the end.
 *
 * Given `experience`, `checklist` (the engine's item states) and `context` by the renderer, it
 * renders them and reports what the user does (`context.act`); it never ticks an item itself.
 * Minimizing and restoring are local UI state and report nothing.
 *
 * Floating (default): a launcher pinned bottom-end (or bottom-start), its panel a non-modal
 * dialog in the top layer; Escape minimizes it when it is the topmost Waymark layer. Inline
 * (`launcher: 'inline'`): placed where the page has `<wm-checklist experience-id="…">`; the
 * element the renderer mounts forwards the experience to that placeholder and renders nothing
 * itself (floating again when the page has no placeholder).
 *
 * Declared in the page with `<wm-task>` children, `<wm-checklist experience-id="…" title="…">` is
 * itself a checklist (compiled to config by `compileDeclarative`, inline by default).
 *
 * The launcher is a button with `aria-expanded`; opening the panel moves focus into it and
 * minimizing gives focus back to the launcher. Each task is a checkbox (a real one for manual
 * tasks, a read-only `role=checkbox` otherwise), locked tasks say which task they wait for, and
 * progress changes are announced through a polite live region.
 *
 * @summary An onboarding checklist: a launcher with a progress ring and a panel of tasks.
 * @tag wm-checklist
 * @slot - Declarative: the `<wm-task>` children, one per task (read when Waymark starts, not rendered).
 *
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown`, `{type: 'item-done', item}`, `{type: 'item-undone', item}`, `{type: 'button', action}` for a task's action, `complete` from the celebration, `dismiss`). Cancelable: `preventDefault()` keeps the action from reaching Waymark (a vetoed tick is put back).
 *
 * @attr {string} title - Declarative (with `<wm-task>` children): the checklist title (required).
 * @attr {string} description - Declarative: text under the title.
 * @attr {'inline' | 'floating'} launcher - Declarative: `inline` (default when declared in the page) renders here; `floating` pins a launcher to a corner.
 * @attr {'bottom-end' | 'bottom-start'} position - Declarative: the floating launcher's corner.
 * @attr {boolean} strict-order - Declarative: tasks must be done in order (each waits for the one before).
 * @attr {boolean} celebrate - Declarative: `false` turns off the celebration animation (the "All done!" block still shows).
 * @attr {boolean} reopen-on-new-items - Declarative: reopen a finished checklist when a task (or a task version) is added.
 * @attr {string} complete-to-stage - Declarative: the journey stage a completed checklist moves the user to.
 * @attr {string} return-at-stage - Declarative: a dismissed checklist comes back when the user reaches this stage.
 * @attr {string} name - Declarative: a readable name for reports.
 * @attr {string} stages - Declarative: journey stage ids, separated by spaces or commas.
 * @attr {number} priority - Declarative: priority when several experiences compete.
 * @attr {'once' | 'session' | 'always'} show - Declarative: frequency (`frequency.show`).
 *
 * @csspart launcher - The launcher button (ring, title, "2 of 5").
 * @csspart ring - The progress ring.
 * @csspart count - "2 of 5" on the launcher.
 * @csspart panel - The panel (a `<dialog>` popover when floating, a block inline).
 * @csspart title - The checklist title.
 * @csspart minimize - The minimize (−) button.
 * @csspart dismiss - The dismiss (×) button.
 * @csspart body - The description and each task's description.
 * @csspart link - Links in those texts.
 * @csspart progress - The progress bar row.
 * @csspart items - The task list.
 * @csspart item - One task; also `item-done`, `item-locked`.
 * @csspart item-done - A done task.
 * @csspart item-locked - A task that waits for another one.
 * @csspart button - Task action ("Start") and celebration buttons.
 * @csspart button-primary - The same buttons (all are primary).
 * @csspart celebration - The "All done!" block.
 *
 * @cssprop --wm-accent - Accent color (ring, bar, Start button). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color, and the done mark.
 * @cssprop --wm-success - Done marks, the complete ring and bar, the celebration. Default #1a7f37 (#3fb950 dark).
 * @cssprop --wm-link - Link color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Launcher and panel background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - Secondary text (count, locked reasons) and empty marks.
 * @cssprop --wm-border - Borders and the ring track.
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Launcher and panel shadow.
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-max-width - Floating panel width. Default 22rem.
 * @cssprop --wm-checklist-bottom - The floating launcher's distance from the bottom edge, inherited from the page (Waymark raises it above its own help launcher). Default 16px.
 * @cssprop --wm-safe-top - How far down the page's own fixed header reaches: the panel never grows over it. Measured and set on the element by Waymark. Default 0px.
 */
export class WmChecklist extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, checklistStyles];

  /** The checklist to render (set by the renderer). */
  @property({ attribute: false }) override experience?: ChecklistExperience;
  /** Item states and progress from the engine (re-sent on every change). */
  @property({ attribute: false }) checklist?: ChecklistView;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, targets, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;
  /**
   * In the page: the id of the configured inline checklist to render here (a placeholder), or,
   * with `<wm-task>` children, the id of the checklist this markup declares.
   */
  @property({ attribute: 'experience-id', reflect: true }) experienceId?: string;

  /** Whether the panel is expanded (local UI state). */
  @state() private open = false;
  @state() private announcement = '';
  /** The list has just become complete: play the celebration once. */
  @state() private celebrating = false;

  @query('.panel') private panelElement?: HTMLElement;
  @query('.launcher') private launcherElement?: HTMLButtonElement;
  @query('.launcher-layer') private launcherLayer?: HTMLElement;

  /** The placeholder this (renderer-mounted) element forwards an inline checklist to. */
  private placeholder: WmChecklist | null = null;
  private previousView?: ChecklistView;
  private initialized = false;
  private shownReported = false;
  /** The theme, while it renders a list. */
  private readonly themed = new LayerController(this);
  /** The floating panel's place on the Escape stack, while it is open. */
  private readonly panelLayer = new LayerController(this);
  /** Watching the page for the inline placeholder, until it appears. */
  private readonly watching = new LayerController(this);
  /** Where focus goes after the next render. */
  private pendingFocus: 'panel' | 'launcher' | 'celebration' | null = null;
  /** Scroll the celebration into the panel's view after the next render. */
  private revealCelebration = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The controllers have let go of the theme, the Escape layer and the watch.
    this.release();
    this.initialized = false;
    this.shownReported = false;
  }

  /** True when this element renders an inline checklist (a placeholder in the page). */
  get inline(): boolean {
    return !this.hasAttribute('data-waymark-ui');
  }

  /** Whether the panel is expanded. */
  get expanded(): boolean {
    return this.open;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.forward()) return;
    const experience = this.experience;
    if (!experience || !this.context) {
      // Nothing to show (e.g. a placeholder whose checklist was hidden): start afresh next time.
      this.initialized = false;
      this.shownReported = false;
      this.previousView = undefined;
      this.celebrating = false;
      return;
    }
    const view = resolveView(experience, this.checklist);
    if (!this.initialized) {
      this.initialized = true;
      // Inline lists are part of the page and start open; a floating one waits for the user.
      this.open = this.inline || view.complete;
      this.previousView = view;
    } else if (changed.has('checklist') || changed.has('experience')) {
      this.onProgress(experience, view);
    }
    this.toggleAttribute('data-inline', this.inline);
  }

  protected override updated(): void {
    const context = this.context;
    if (this.placeholder || !this.experience || !context) return;
    if (!this.themed.active) this.themed.theme(context.theme);
    this.syncLayers(context);
    this.applyFocus();
    if (!this.shownReported) {
      this.shownReported = true;
      // After this update: the engine may answer with a new view, which must not land inside updated().
      queueMicrotask(() => {
        if (this.isConnected && this.shownReported) this.act({ type: 'shown' });
      });
    }
  }

  protected override render(): unknown {
    const experience = this.experience;
    const context = this.context;
    if (this.placeholder || !experience || !context) return nothing;
    const view = resolveView(experience, this.checklist);
    const t = context.translator;
    const liveRegion = html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
    if (this.inline) {
      return html`<section class="inline" dir=${t.dir} lang=${t.locale} aria-labelledby=${this.open ? 'wm-title' : 'wm-launcher-title'}>
        ${this.open ? this.renderPanel(experience, view, context, false) : this.renderLauncher(experience, view, context)} ${liveRegion}
      </section>`;
    }
    const position = experience.position ?? 'bottom-end';
    return html`
      <div class="launcher-layer ${position}" popover="manual" dir=${t.dir} lang=${t.locale}>
        ${this.renderLauncher(experience, view, context)} ${liveRegion}
      </div>
      ${this.renderPanel(experience, view, context, true)}
    `;
  }

  private renderLauncher(experience: ChecklistExperience, view: ChecklistView, context: ComponentContext): TemplateResult {
    const t = context.translator;
    return html`<button type="button" class="launcher" part="launcher" aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls=${this.inline ? nothing : 'wm-panel'} @click=${this.toggle}>
      ${renderRing(view)}
      <span class="launcher-title" id="wm-launcher-title">${localizedText(context, experience.title)}</span>
      <span class="count" part="count">${t.t('checklistProgress', { done: view.done, total: view.total })}</span>
    </button>`;
  }

  private renderPanel(experience: ChecklistExperience, view: ChecklistView, context: ComponentContext, floating: boolean): TemplateResult {
    const t = context.translator;
    const progressText = t.t('checklistProgress', { done: view.done, total: view.total });
    const fraction = view.total > 0 ? view.done / view.total : 0;
    const content = html`
      <div class="head">
        <h2 class="title" part="title" id="wm-title">${localizedText(context, experience.title)}</h2>
        <button type="button" class="icon-button" part="minimize" aria-label=${t.t('checklistMinimize')} @click=${this.minimize}>−</button>
        <button type="button" class="icon-button" part="dismiss" aria-label=${t.t('checklistDismiss')} @click=${() => this.act({ type: 'dismiss' })}>×</button>
      </div>
      ${renderBody(context, experience.description, 'wm-description')}
      <div class="bar-row" part="progress">
        <div class="bar" role="progressbar" aria-labelledby="wm-title" aria-valuemin="0" aria-valuemax=${view.total}
          aria-valuenow=${view.done} aria-valuetext=${progressText}>
          <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">${svg`<rect class="bar-fill ${view.complete ? 'complete' : ''}"
            height="6" rx="3" width=${(fraction * 100).toFixed(2)}></rect>`}</svg>
        </div>
        <span aria-hidden="true">${progressText}</span>
      </div>
      <ul class="items" part="items" role="list">
        ${experience.items.map((item, index) => this.renderItem(experience, view, item, index, context))}
      </ul>
      ${view.complete ? this.renderCelebration(experience, context) : nothing}
    `;
    if (!floating) {
      return html`<div class="panel" part="panel" id="wm-panel" tabindex="-1">${content}</div>`;
    }
    return html`<dialog class="card panel floating ${experience.position ?? 'bottom-end'}" part="panel" id="wm-panel" popover="manual"
      tabindex="-1" dir=${t.dir} lang=${t.locale} aria-labelledby="wm-title" @cancel=${(event: Event) => event.preventDefault()}>
      ${content}
    </dialog>`;
  }

  private renderItem(
    experience: ChecklistExperience,
    view: ChecklistView,
    item: ChecklistItem,
    index: number,
    context: ComponentContext,
  ): TemplateResult {
    const t = context.translator;
    const itemState: ItemState = view.items.find((candidate) => candidate.id === item.id) ?? { id: item.id, done: false, locked: false };
    const { done, locked } = itemState;
    const titleId = `wm-item-${index}-title`;
    const descriptionId = `wm-item-${index}-description`;
    const reasonId = `wm-item-${index}-reason`;
    const blocker = locked ? blockingItem(experience, view, item.id) : undefined;
    const hasDescription = Boolean(t.text(item.description));
    const describedBy = [hasDescription ? descriptionId : '', blocker ? reasonId : ''].filter(Boolean).join(' ') || nothing;
    const mark = item.manual
      ? html`<input type="checkbox" id=${`wm-item-${index}`} .checked=${live(done)} aria-disabled=${locked ? 'true' : nothing}
          aria-describedby=${describedBy} @click=${(event: Event) => this.onTick(event, item, locked)} />`
      : html`<span class="state" role="checkbox" aria-checked=${done ? 'true' : 'false'} aria-readonly="true"
          aria-disabled=${locked ? 'true' : nothing} aria-labelledby=${titleId} aria-describedby=${describedBy}>${done ? '✓' : ''}</span>`;
    const parts = `item${done ? ' item-done' : ''}${locked ? ' item-locked' : ''}`;
    return html`<li class=${classMap({ item: true, done, locked })} part=${parts} data-item=${item.id}>
      <span class="mark">${mark}</span>
      <div class="text">
        ${item.manual
          ? html`<label class="item-title" id=${titleId} for=${`wm-item-${index}`}>${localizedText(context, item.title)}</label>`
          : html`<span class="item-title" id=${titleId}>${localizedText(context, item.title)}</span>`}
        ${renderBody(context, item.description, descriptionId)}
        ${blocker
          ? html`<span class="reason" id=${reasonId}>${t.t('checklistLocked', { item: t.text(blocker.title) })}</span>`
          : nothing}
        ${item.action && !done && !locked ? this.renderAction(item.action, t.text(item.title), context) : nothing}
      </div>
    </li>`;
  }

  private renderAction(action: Action, title: string, context: ComponentContext): TemplateResult {
    // The visible "Start" plus the task's title, so every action button has a distinct name.
    return html`<button type="button" class="btn primary" part="button button-primary" @click=${() => this.act({ type: 'button', action })}>
      ${context.translator.t('checklistStart')}<span class="visually-hidden">: ${title}</span>
    </button>`;
  }

  private renderCelebration(experience: ChecklistExperience, context: ComponentContext): TemplateResult {
    const t = context.translator;
    const animate = this.celebrating && experience.celebrate !== false;
    return html`<div class=${classMap({ celebration: true, celebrating: animate })} part="celebration">
      ${animate ? html`<div class="confetti" aria-hidden="true">${Array.from({ length: CONFETTI_PIECES }, () => html`<i></i>`)}</div>` : nothing}
      <svg class="check" viewBox="0 0 40 40" aria-hidden="true">${svg`<circle cx="20" cy="20" r="20"></circle><path d="M12 21l5 5 11-12"></path>`}</svg>
      <h3>${t.t('checklistCompleteTitle')}</h3>
      <p>${t.t('checklistCompleteBody', { title: t.text(experience.title) })}</p>
      <button type="button" class="btn primary finish" part="button button-primary" @click=${() => this.act({ type: 'complete' })}>${t.t('close')}</button>
    </div>`;
  }

  // ---- progress -----------------------------------------------------------------------------

  private onProgress(experience: ChecklistExperience, view: ChecklistView): void {
    const changes = progressChanges(this.previousView, view);
    this.previousView = view;
    if (changes.length === 0) return;
    const t = this.context!.translator;
    const titles = new Map(experience.items.map((item) => [item.id, t.text(item.title)]));
    const messages = changes.map((change) => {
      if (change.kind === 'complete') return `${t.t('checklistCompleteTitle')} ${t.t('checklistCompleteBody', { title: t.text(experience.title) })}`;
      const key = change.kind === 'done' ? 'checklistTaskDone' : 'checklistTaskUndone';
      return t.t(key, { item: titles.get(change.item) ?? change.item, done: view.done, total: view.total });
    });
    this.announcement = messages.join(' ');
    if (changes.some((change) => change.kind === 'complete')) {
      this.celebrating = true;
      // Show the celebration; move focus to it only if the user was already working in the list.
      const focusWasHere = this.focusIsInside();
      this.open = true;
      this.revealCelebration = true;
      if (focusWasHere) this.pendingFocus = 'celebration';
    }
  }

  // ---- user input ---------------------------------------------------------------------------

  private readonly toggle = (): void => {
    if (this.open) {
      this.minimize();
      return;
    }
    this.open = true;
    this.pendingFocus = 'panel';
  };

  private readonly minimize = (): void => {
    this.open = false;
    this.pendingFocus = 'launcher';
  };

  private onTick(event: Event, item: ChecklistItem, locked: boolean): void {
    if (locked) {
      // A locked item cannot be ticked: keep the box as the engine says.
      event.preventDefault();
      return;
    }
    const input = event.currentTarget as HTMLInputElement;
    this.act(input.checked ? { type: 'item-done', item: item.id } : { type: 'item-undone', item: item.id });
    // The box shows the engine's state: if the action was vetoed, `live()` puts it back.
    this.requestUpdate();
  }

  // ---- layers and focus ---------------------------------------------------------------------

  private syncLayers(context: ComponentContext): void {
    if (this.inline) return;
    const layer = this.launcherLayer;
    const panel = this.panelElement;
    if (layer && !layer.matches(':popover-open')) layer.showPopover();
    if (!panel) return;
    const shown = panel.matches(':popover-open');
    if (this.open && !shown) {
      panel.showPopover();
      this.panelLayer.escape(context.stack, this.minimize);
    } else if (!this.open && shown) {
      panel.hidePopover();
    }
    if (!this.open) this.panelLayer.close();
  }

  private applyFocus(): void {
    if (this.revealCelebration) {
      this.revealCelebration = false;
      this.renderRoot.querySelector('.celebration')?.scrollIntoView({ block: 'nearest' });
    }
    const target = this.pendingFocus;
    this.pendingFocus = null;
    if (target === 'panel') this.panelElement?.focus({ preventScroll: true });
    else if (target === 'celebration') this.renderRoot.querySelector<HTMLElement>('.finish')?.focus({ preventScroll: true });
    else if (target === 'launcher') {
      // Only take focus back from inside the checklist (or from nowhere), never from the page.
      const doc = this.ownerDocument;
      const active = doc.activeElement;
      if (!active || active === doc.body || this.focusIsInside()) this.launcherElement?.focus({ preventScroll: true });
    }
  }

  private focusIsInside(): boolean {
    return Boolean(this.shadowRoot?.activeElement);
  }

  private closeLayers(): void {
    const panel = this.panelElement;
    if (panel?.matches(':popover-open')) panel.hidePopover();
    const layer = this.launcherLayer;
    if (layer?.matches(':popover-open')) layer.hidePopover();
  }

  // ---- inline placement ---------------------------------------------------------------------

  /**
   * A renderer-mounted inline checklist hands its data to the page's placeholder. Returns true
   * when this element forwards (and so renders nothing itself).
   */
  private forward(): boolean {
    const experience = this.experience;
    if (this.inline || !experience || experience.launcher !== 'inline') {
      this.release();
      return false;
    }
    const placeholder = this.placeholder ?? this.findPlaceholder(experience.id);
    if (!placeholder) {
      // Floating for now; a single-page app may render the placeholder later.
      this.watchForPlaceholder();
      return false;
    }
    this.watching.close();
    if (placeholder !== this.placeholder) {
      this.closeLayers();
      this.panelLayer.close();
    }
    this.placeholder = placeholder;
    placeholder.context = this.context;
    placeholder.experience = experience;
    placeholder.checklist = this.checklist;
    return true;
  }

  private findPlaceholder(id: string): WmChecklist | null {
    for (const candidate of this.ownerDocument.querySelectorAll(this.localName)) {
      if (candidate !== this && candidate instanceof WmChecklist && candidate.inline && candidate.experienceId === id) return candidate;
    }
    return null;
  }

  private watchForPlaceholder(): void {
    if (this.watching.active || !this.isConnected) return;
    const doc = this.ownerDocument;
    const observer = new MutationObserver(() => {
      if (this.experience && this.findPlaceholder(this.experience.id)) this.requestUpdate();
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    this.watching.hold(() => observer.disconnect());
  }

  /** Stop forwarding: the placeholder goes back to rendering nothing. */
  private release(): void {
    this.watching.close();
    const placeholder = this.placeholder;
    if (!placeholder) return;
    this.placeholder = null;
    placeholder.experience = undefined;
    placeholder.checklist = undefined;
    placeholder.context = undefined;
  }
}

function renderRing(view: ChecklistView): TemplateResult {
  const { circumference, offset } = ringStroke(view.done, view.total, RING_RADIUS);
  return html`<svg class="ring ${view.complete ? 'complete' : ''}" part="ring" viewBox="0 0 36 36" aria-hidden="true"
    data-value=${view.done} data-max=${view.total}>
    ${svg`<circle class="ring-track" cx="18" cy="18" r=${RING_RADIUS}></circle>
      <circle class="ring-value" cx="18" cy="18" r=${RING_RADIUS} stroke-dasharray=${circumference.toFixed(3)} stroke-dashoffset=${offset.toFixed(3)}></circle>`}
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-checklist': WmChecklist;
  }
}
