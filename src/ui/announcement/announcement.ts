import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Action, AnnouncementExperience } from '../../config/types.js';
import { renderBody, renderButtons, renderImage } from '../shared/content.js';
import { fallbackLanguage, localizedText } from '../shared/text-locale.js';
import type { ComponentContext } from '../shared/context.js';
import { WaymarkElement } from '../shared/base-element.js';
import { DialogController } from '../shared/controllers/dialog.js';
import { FocusEscapeController } from '../shared/controllers/focus-escape.js';
import { LayerController } from '../shared/controllers/layer.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { announcementStyles } from './announcement.styles.js';
import { pageEdgeInsets, type EdgeInsets } from './edges.js';

/**
 * An announcement: a banner along the top or bottom edge of the viewport, or a centred modal.
 *
 * The banner is a non-modal popover in the top layer (nothing of the page covers it), named by
 * its title (`role=region`), placed below the page's own fixed header (or above a fixed bottom
 * bar) and beside a pinned sidebar column, so it never hides the host's navigation. It overlays
 * the page (no layout shift) and stays compact: on phones its text is clamped to two lines beside
 * its buttons. A bottom banner is the one that covers no heading; the surface coordinator stacks
 * corner surfaces above it and hides it while a step or card needs that edge. It does not take focus; Escape dismisses it
 * only while focus is inside it. The modal is a `<dialog>` opened with `showModal()`: focus
 * moves in, Tab is trapped, Escape dismisses it (when it is the topmost Waymark layer), and
 * focus returns to where it was.
 *
 * It renders what it is given and reports what the user does (`shown`, `dismiss`,
 * `{type: 'button', action}`); the engine decides whether and when it shows. With
 * `dismissible: false` the banner has no close button; a modal always keeps one when it has
 * no buttons of its own, so the user is never trapped.
 *
 * While a banner is open its height is published on the document's root element as
 * `--waymark-banner-top` or `--waymark-banner-bottom` (set through the CSSOM), so the host can make
 * room: `main { padding-top: var(--waymark-banner-top, 0px) }`.
 *
 * @summary An announcement: a banner along the top or bottom edge, or a centred modal dialog.
 * @tag wm-announcement
 *
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown`, `dismiss`, or `{type: 'button', action}`). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 *
 * @csspart banner - The banner bar (display `banner`), a `role=region` popover in the top layer.
 * @csspart dialog - The modal dialog (display `modal`).
 * @csspart title - The title.
 * @csspart close - The close (×) button.
 * @csspart image - The image.
 * @csspart body - The text.
 * @csspart link - Links inside the text.
 * @csspart footer - The row of buttons.
 * @csspart button - Every button; also `button-primary`, `button-secondary` or `button-link` by its variant.
 * @csspart button-primary - A primary button.
 * @csspart button-secondary - A secondary button (the default variant).
 * @csspart button-link - A link-style button.
 *
 * @cssprop --wm-accent - Accent color (primary buttons). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Link and link-button color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Background.
 * @cssprop --wm-fg - Text color.
 * @cssprop --wm-muted - The close button.
 * @cssprop --wm-border - Border.
 * @cssprop --wm-radius - Corner radius (the modal; the banner is square). Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Modal shadow.
 * @cssprop --wm-overlay - Modal backdrop color. Default rgb(15 23 42 / 0.55).
 * @cssprop --wm-focus-ring - Focus outline color.
 * @cssprop --wm-modal-width - Modal max width. Default 30rem.
 */
export class WmAnnouncement extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, announcementStyles];

  /** The announcement to render (set by the renderer). */
  @property({ attribute: false }) override experience?: AnnouncementExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;

  @query('.card') private card?: HTMLElement;

  /** Held while it is open: undone when it leaves the page or its display changes. */
  private readonly layer = new LayerController(this);
  private readonly dialog = new DialogController({ isOpen: () => this.openedAs !== null, dismiss: () => this.act({ type: 'dismiss' }) });
  /** While focus is in the banner it is the topmost layer: Escape dismisses it, and only then. */
  private readonly bannerEscape = new FocusEscapeController(this, {
    stack: () => this.context?.stack,
    container: () => this.card,
    enabled: () => this.experience?.dismissible !== false,
    dismiss: () => this.act({ type: 'dismiss' }),
  });
  private openedAs: string | null = null;
  private shownReported = false;

  /** The banner bar or modal dialog, once open. */
  get panel(): HTMLElement | null {
    return this.card ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('experience') && !changed.has('context')) return;
    const experience = this.experience;
    if (!experience || !this.context || !this.isConnected) return;
    const key = openKey(experience);
    if (this.openedAs === key) return;
    this.close();
    this.openedAs = key;
    try {
      this.open();
    } catch (error) {
      this.context.reportError(error, `announcement:${experience.id}`);
    }
  }

  protected override render(): unknown {
    const experience = this.experience;
    const context = this.context;
    if (!experience || !context) return nothing;
    return experience.display === 'modal' ? this.renderModal(experience, context) : this.renderBanner(experience, context);
  }

  private renderBanner(experience: AnnouncementExperience, context: ComponentContext): unknown {
    const t = context.translator;
    const bottom = experience.position === 'bottom';
    // Text that fell back to another language is laid out in its own direction as a block too: the
    // two-line clamp's ellipsis then ends its last line, not starts it.
    const textLanguage = fallbackLanguage(experience.title, t.locale);
    return html`<section
      class="card banner ${bottom ? 'bottom' : 'top'}"
      part="banner"
      popover="manual"
      role="region"
      aria-labelledby="wm-title"
      dir=${t.dir}
      lang=${t.locale}
      @focusin=${this.bannerEscape.onFocusIn}
      @focusout=${this.bannerEscape.onFocusOut}
    >
      <div class="row">
        ${renderImage(context, experience.image)}
        <div class="text" lang=${textLanguage?.lang ?? nothing} dir=${textLanguage?.dir ?? nothing}>
          <h2 class="title" part="title" id="wm-title">${localizedText(context, experience.title)}</h2>
          ${renderBody(context, experience.body, 'wm-body')}
        </div>
        ${experience.buttons?.length ? html`<div class="footer" part="footer">${this.renderButtons(experience, context)}</div>` : nothing}
      </div>
      ${experience.dismissible === false ? nothing : this.renderClose(context)}
    </section>`;
  }

  private renderModal(experience: AnnouncementExperience, context: ComponentContext): unknown {
    const t = context.translator;
    const hasBody = Boolean(t.text(experience.body));
    const closable = experience.dismissible !== false || !experience.buttons?.length;
    return html`<dialog
      class="card centered modal"
      part="dialog"
      tabindex="-1"
      dir=${t.dir}
      lang=${t.locale}
      aria-labelledby="wm-title"
      aria-describedby=${hasBody ? 'wm-body' : nothing}
      @keydown=${this.onModalKeyDown}
      @cancel=${this.dialog.onCancel}
      @close=${this.dialog.onClose}
    >
      <h2 class="title" part="title" id="wm-title">${localizedText(context, experience.title)}</h2>
      ${closable ? this.renderClose(context) : nothing} ${renderImage(context, experience.image)}
      ${renderBody(context, experience.body, 'wm-body')}
      ${experience.buttons?.length ? html`<div class="footer" part="footer">${this.renderButtons(experience, context)}</div>` : nothing}
    </dialog>`;
  }

  private renderButtons(experience: AnnouncementExperience, context: ComponentContext): unknown {
    return renderButtons(context, experience.buttons, (action: Action) => this.act({ type: 'button', action }));
  }

  private renderClose(context: ComponentContext): unknown {
    return html`<button type="button" class="close" part="close" aria-label=${context.translator.t('close')} @click=${() => this.act({ type: 'dismiss' })}>×</button>`;
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  private open(): void {
    const experience = this.experience!;
    const context = this.context!;
    const card = this.card;
    if (!card) return;
    this.layer.theme(context.theme);
    if (experience.display === 'modal') {
      // Undone last added first: the dialog closes, then focus goes back.
      this.layer.returnFocus(context.window.document, context.stack);
      this.layer.escape(context.stack, () => this.act({ type: 'dismiss' }));
      (card as HTMLDialogElement).showModal();
      this.layer.hold(() => this.dialog.close(card as HTMLDialogElement));
      card.focus({ preventScroll: true });
    } else {
      // Measured before it opens, so it appears in place beside the page's fixed bars.
      this.layer.hold(this.trackEdges(context.window, experience.position === 'bottom' ? 'bottom' : 'top'));
      this.layer.showPopover(card);
      this.layer.hold(this.reserveSpace(context.window, card, experience.position === 'bottom' ? 'bottom' : 'top'));
    }
    if (!this.shownReported) {
      this.shownReported = true;
      this.act({ type: 'shown' });
    }
  }

  private close(): void {
    this.bannerEscape.release();
    this.layer.close();
    this.openedAs = null;
  }

  /**
   * Publish the banner's height as `--waymark-banner-top` / `--waymark-banner-bottom` on the root element
   * (through the CSSOM, so strict CSP allows it), so a host can make room instead of being covered:
   * `main { padding-top: calc(4rem + var(--waymark-banner-top, 0px)) }`. Returns its disposer.
   */
  private reserveSpace(win: Window, card: HTMLElement, edge: 'top' | 'bottom'): () => void {
    const root = win.document.documentElement;
    const property = `--waymark-banner-${edge}`;
    const publish = () => root.style.setProperty(property, `${Math.ceil(card.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(card);
    return () => {
      observer.disconnect();
      root.style.removeProperty(property);
      if (root.getAttribute('style') === '') root.removeAttribute('style');
    };
  }

  /** Keep the banner beside the page's fixed bars as the viewport changes. Returns its disposer. */
  private trackEdges(win: Window, edge: 'top' | 'bottom'): () => void {
    let frame = 0;
    let applied: EdgeInsets | null = null;
    const measure = () => {
      frame = 0;
      const next = pageEdgeInsets(win, this, edge);
      if (applied && SIDES.every((side) => applied![side] === next[side])) return;
      applied = next;
      this.style.setProperty('--wm-edge-top', `${next.top}px`);
      this.style.setProperty('--wm-edge-bottom', `${next.bottom}px`);
      this.style.setProperty('--wm-edge-left', `${next.left}px`);
      this.style.setProperty('--wm-edge-right', `${next.right}px`);
    };
    const schedule = () => {
      if (frame === 0) frame = win.requestAnimationFrame(measure);
    };
    measure();
    win.addEventListener('resize', schedule, { passive: true });
    win.addEventListener('scroll', schedule, { passive: true, capture: true });
    return () => {
      if (frame !== 0) win.cancelAnimationFrame(frame);
      win.removeEventListener('resize', schedule);
      win.removeEventListener('scroll', schedule, { capture: true });
      for (const property of ['--wm-edge-top', '--wm-edge-bottom', '--wm-edge-left', '--wm-edge-right']) this.style.removeProperty(property);
    };
  }

  // ---- user input ---------------------------------------------------------------------------

  private readonly onModalKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Tab') this.dialog.trapTab(event, this.card);
  };
}

const SIDES = ['top', 'bottom', 'left', 'right'] as const;

function openKey(experience: AnnouncementExperience): string {
  return `${experience.id}:${experience.display}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-announcement': WmAnnouncement;
  }
}
