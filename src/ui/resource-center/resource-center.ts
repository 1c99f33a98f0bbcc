import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { GuideEntry, GuideStatus } from '../../engine/contract.js';
import { FocusEscapeController } from '../shared/controllers/focus-escape.js';
import { surfacesOf, type SurfaceSlot } from '../shared/coordinator/coordinator.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { deepActiveElement, isInside } from '../shared/focus.js';
import { launcherPanelStyles } from '../shared/panel.styles.js';
import { baseStyles } from '../shared/styles.js';
import { applyTheme, themeTokens } from '../shared/theme.js';
import { resourceCenterStyles } from './resource-center.styles.js';
import { createCenterStrings, type CenterStringKey, type CenterStrings } from './strings.js';
import type { CenterChecklist, ResourceCenterInput } from './types.js';

const STATUS_KEYS: Record<GuideStatus, CenterStringKey> = {
  'in-progress': 'rcStatusInProgress',
  snoozed: 'rcStatusSnoozed',
  completed: 'rcStatusCompleted',
  dismissed: 'rcStatusDismissed',
  seen: 'rcStatusSeen',
};

/** The inline checklist element the center hosts: the checklist component's own properties. */
type ChecklistElement = HTMLElement & Partial<Pick<CenterChecklist, 'experience' | 'context'>> & { checklist?: CenterChecklist['view'] };

/**
 * The resource center: one launcher in one corner that opens a panel holding the onboarding
 * checklist (rendered by `<wm-checklist>` itself, inline), help (search, suggested articles and
 * contact, which open the help panel in place of the center), "Tours and guides" to replay a
 * tour the user finished, skipped or snoozed, and recent announcements.
 *
 * The launcher is a button with `aria-expanded` and a badge with the tasks left. The panel is a
 * labelled, non-modal dialog in the top layer: opening it moves focus to its heading, Tab may
 * leave it, Escape closes it when focus is inside it, and closing gives focus back to the
 * launcher. At 480 px and less it is a bottom sheet. It renders what it is given in `input` and
 * calls `input` back; it never decides what is shown and never persists.
 *
 * @summary The resource center: a launcher and a panel with the checklist, help, tours to replay and news.
 * @tag wm-resource-center
 *
 * @csspart launcher - The floating button that opens the panel.
 * @csspart badge - The tasks-left count on the launcher.
 * @csspart panel - The panel (`role=dialog`, non-modal, in the top layer).
 * @csspart title - The panel heading.
 * @csspart close - The close (×) button.
 * @csspart section - Each part of the panel (checklist, help, guides, announcements).
 * @csspart search - The help search field.
 * @csspart guide - One entry of "Tours and guides".
 * @csspart replay - A guide's Replay button.
 *
 * @cssprop --wm-accent - Accent color (launcher, badge, primary buttons). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-bg - Panel background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - Secondary text (statuses, hints).
 * @cssprop --wm-border - Borders.
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Launcher and panel shadow.
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-resource-center-width - Panel width. Default 24rem.
 * @cssprop --wm-z-index - The launcher's z-index (it is not in the top layer). Default 2147483000.
 */
export class WmResourceCenter extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  static override styles = [themeTokens, baseStyles, launcherPanelStyles, resourceCenterStyles];

  /** What the center shows and calls (set by the runtime). */
  @property({ attribute: false }) input?: ResourceCenterInput;

  @state() private open = false;

  @query('.panel') private panel?: HTMLElement;
  @query('.launcher') private launcher?: HTMLButtonElement;
  @query('.checklist-slot') private checklistSlot?: HTMLElement;

  private strings: CenterStrings = createCenterStrings('en');
  private removeTheme: (() => void) | null = null;
  private checklistElement: ChecklistElement | null = null;
  /** Its place in the coordinator's corner (stacked with surveys, nudges, a bottom banner, kept off a step's target). */
  private surface: SurfaceSlot | null = null;
  private readonly escape = new FocusEscapeController(this, {
    stack: () => this.input?.stack,
    container: () => this.panel,
    dismiss: () => this.hide(),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hide();
    this.surface?.dispose();
    this.surface = null;
    this.removeTheme?.();
    this.removeTheme = null;
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.open;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('input') || !this.input) return;
    const input = this.input;
    const previous = changed.get('input') as ResourceCenterInput | undefined;
    if (!previous || previous.locale !== input.locale || previous.strings !== input.strings) {
      this.strings = createCenterStrings(input.locale, input.strings);
    }
    if (!previous || previous.theme !== input.theme) {
      this.removeTheme?.();
      this.removeTheme = applyTheme(this, input.theme);
    }
  }

  protected override updated(): void {
    this.placeChecklist();
    this.joinCoordinator();
  }

  /** One slot for the launcher and its open panel: they move together in their corner. */
  private joinCoordinator(): void {
    const input = this.input;
    if (!input) return;
    if (this.surface) return this.surface.update();
    this.surface = surfacesOf(input.stack).register(this, {
      kind: 'launcher',
      corner: input.parts.position,
      boxes: () => [this.launcher, this.open ? this.panel : null],
    });
  }

  /** Open the panel and move focus to its heading. */
  async show(): Promise<void> {
    const input = this.input;
    if (!input || this.open) return;
    this.open = true;
    await this.updateComplete;
    const panel = this.panel;
    if (!panel || !this.open) return;
    panel.showPopover();
    this.renderRoot.querySelector<HTMLElement>('#wm-rc-title')?.focus();
    try {
      input.onOpen?.();
    } catch (error) {
      input.reportError?.(error, 'resource-center:open');
    }
  }

  /** Close the panel; focus inside it goes back to the launcher. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.escape.release();
    const panel = this.panel;
    const active = deepActiveElement(this.ownerDocument);
    const focusWasInside = !active || active === this.ownerDocument.body || (panel !== undefined && isInside(active, panel));
    if (panel?.matches(':popover-open')) panel.hidePopover();
    if (focusWasInside && this.isConnected) this.launcher?.focus();
  }

  protected override render(): unknown {
    const input = this.input;
    if (!input) return nothing;
    const s = this.strings;
    const position = input.parts.position;
    const title = input.parts.title !== undefined ? s.text(input.parts.title) : s.t('rcLabel');
    const view = input.parts.checklist ? input.checklist?.view : undefined;
    const left = view && !view.complete ? view.total - view.done : 0;
    return html`
      <button type="button" class="launcher ${position}" part="launcher" dir=${s.dir} lang=${s.locale}
        aria-expanded=${this.open ? 'true' : 'false'} aria-controls="wm-rc-panel" @click=${this.toggle}>
        <span class="mark" aria-hidden="true">?</span><span>${title}</span>
        ${left > 0
          ? html`<span class="badge" part="badge"><span aria-hidden="true">${left}</span><span class="visually-hidden">, ${s.t('rcTasksLeft', { count: left })}</span></span>`
          : nothing}
      </button>
      <div id="wm-rc-panel" class="panel ${position}" part="panel" popover="manual" role="dialog" aria-labelledby="wm-rc-title"
        dir=${s.dir} lang=${s.locale} @focusin=${this.escape.onFocusIn} @focusout=${this.escape.onFocusOut}>
        <header>
          <h2 class="title" part="title" id="wm-rc-title" tabindex="-1">${title}</h2>
          <button type="button" class="close" part="close" aria-label=${s.t('rcClose')} @click=${this.hide}>×</button>
        </header>
        <div class="content">
          ${input.checklist && input.parts.checklist
            ? html`<section class="section checklist" part="section" aria-label=${s.t('rcChecklist')}><div class="checklist-slot"></div></section>`
            : nothing}
          ${this.renderHelp(input)} ${this.renderGuides(input.guides)} ${this.renderAnnouncements(input)}
        </div>
      </div>
    `;
  }

  private renderHelp(input: ResourceCenterInput): TemplateResult | typeof nothing {
    const s = this.strings;
    const { search, suggested, contact } = input.parts.help;
    const canSearch = search && input.openHelp !== undefined;
    const canBrowse = suggested && input.openHelp !== undefined;
    const canContact = contact && input.contact !== undefined;
    if (!canSearch && !canBrowse && !canContact) return nothing;
    return html`<section class="section help" part="section" aria-labelledby="wm-rc-help">
      <h3 id="wm-rc-help">${s.t('rcHelp')}</h3>
      ${canSearch
        ? html`<form class="search" role="search" @submit=${this.onSearch}>
            <label for="wm-rc-query">${s.t('rcSearchLabel')}</label>
            <div class="search-row">
              <input id="wm-rc-query" name="query" part="search" type="search" autocomplete="off" spellcheck="false" />
              <button type="submit" class="btn">${s.t('rcSearchButton')}</button>
            </div>
          </form>`
        : nothing}
      <div class="actions">
        ${canBrowse ? html`<button type="button" class="btn" @click=${() => this.handOff(() => input.openHelp?.())}>${s.t('rcBrowse')}</button>` : nothing}
        ${canContact ? html`<button type="button" class="btn primary" @click=${() => this.handOff(() => input.contact?.())}>${s.t('rcContact')}</button>` : nothing}
      </div>
    </section>`;
  }

  private renderGuides(guides: readonly GuideEntry[]): TemplateResult | typeof nothing {
    if (!this.input?.parts.guides) return nothing;
    const s = this.strings;
    return html`<section class="section guides" part="section" aria-labelledby="wm-rc-guides">
      <h3 id="wm-rc-guides">${s.t('rcGuides')}</h3>
      ${guides.length === 0
        ? html`<p class="empty">${s.t('rcGuidesEmpty')}</p>`
        : html`<ul class="list" role="list">
            ${guides.map(
              (guide, index) => html`<li class="row" part="guide">
                <span class="row-text">
                  <span class="row-title" id="wm-rc-guide-${index}">${s.text(guide.title)}</span>
                  <span class="row-meta">${s.t(STATUS_KEYS[guide.status])} · ${s.t('rcSteps', { count: guide.stepCount })}</span>
                </span>
                <button type="button" class="btn" part="replay" id="wm-rc-replay-${index}" aria-labelledby="wm-rc-replay-${index} wm-rc-guide-${index}"
                  @click=${() => this.handOff(() => this.input?.replay(guide.experienceId))}>${s.t('rcReplay')}</button>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderAnnouncements(input: ResourceCenterInput): TemplateResult | typeof nothing {
    if (!input.parts.announcements || input.announcements.length === 0) return nothing;
    const s = this.strings;
    return html`<section class="section announcements" part="section" aria-labelledby="wm-rc-news">
      <h3 id="wm-rc-news">${s.t('rcAnnouncements')}</h3>
      <ul class="list" role="list">
        ${input.announcements.map(
          (item, index) => html`<li class="row">
            <span class="row-text"><span class="row-title" id="wm-rc-news-${index}">${s.text(item.title)}</span></span>
            <button type="button" class="btn" id="wm-rc-open-${index}" aria-labelledby="wm-rc-open-${index} wm-rc-news-${index}"
              @click=${() => this.handOff(() => input.openAnnouncement(item.experienceId))}>${s.t('rcOpen')}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The checklist component renders itself inline in the panel: the same element across renders, so its state stays. */
  private placeChecklist(): void {
    const held = this.input?.parts.checklist ? this.input.checklist : undefined;
    const slot = this.checklistSlot;
    if (!held || !slot) {
      this.checklistElement?.remove();
      this.checklistElement = null;
      return;
    }
    let element = this.checklistElement;
    if (!element || element.localName !== held.tagName) {
      element?.remove();
      element = this.ownerDocument.createElement(held.tagName) as ChecklistElement;
      this.checklistElement = element;
    }
    element.context = held.context;
    element.experience = held.experience;
    element.checklist = held.view;
    if (element.parentNode !== slot) slot.append(element);
  }

  /** Another surface takes over (help, a replayed tour, an announcement): the center closes first and gives focus to its launcher. */
  private handOff(next: () => void): void {
    this.hide();
    try {
      next();
    } catch (error) {
      this.input?.reportError?.(error, 'resource-center:action');
    }
  }

  private readonly onSearch = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('query') as HTMLInputElement | null;
    const text = field?.value.trim() ?? '';
    this.handOff(() => this.input?.openHelp?.(text || undefined));
  };

  private readonly toggle = (): void => {
    if (this.open) this.hide();
    else void this.show();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-resource-center': WmResourceCenter;
  }
}
