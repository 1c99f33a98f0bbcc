import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Action, AnnouncementExperience } from '../../config/types.js';
import type { UserAction } from '../../engine/contract.js';
import { renderBody, renderButtons, renderImage } from '../shared/content.js';
import type { ComponentContext } from '../shared/context.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { WmActionEvent } from '../shared/events.js';
import { captureFocus, isInside, trapTab } from '../shared/focus.js';
import { baseStyles } from '../shared/styles.js';
import { applyTheme, themeTokens } from '../shared/theme.js';
import { pageEdgeInsets, type EdgeInsets } from './edges.js';

/**
 * An announcement: a banner along the top or bottom edge of the viewport, or a centred modal.
 *
 * The banner is a non-modal popover in the top layer (nothing of the page covers it), named by
 * its title (`role=region`), placed below the page's own fixed header (or above a fixed bottom
 * bar) so it never hides the host's navigation. It does not take focus; Escape dismisses it
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
export class WmAnnouncement extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  static override styles = [
    themeTokens,
    baseStyles,
    css`
      :host {
        --wm-modal-width: 30rem;
      }
      .banner {
        /* The offsets are set through the CSSOM (strict CSP forbids style attributes). */
        inset: var(--wm-edge-top, 0px) 0 auto 0;
        width: auto;
        max-width: none;
        padding: 10px 48px 10px 16px;
        border-width: 0 0 1px;
        border-radius: 0;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
      }
      .banner.bottom {
        inset: auto 0 var(--wm-edge-bottom, 0px) 0;
        border-width: 1px 0 0;
      }
      .banner[dir='rtl'] {
        padding: 10px 16px 10px 48px;
      }
      .banner .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 16px;
        max-width: 72rem;
        margin: 0 auto;
      }
      .banner .text {
        flex: 1 1 18rem;
        min-width: 0;
      }
      .banner .title {
        display: inline;
        margin: 0;
        font-size: 15px;
      }
      .banner .title + .body {
        display: inline;
      }
      .banner .title + .body::before {
        content: ' ';
      }
      .banner .body p {
        display: inline;
        margin: 0;
      }
      .banner .footer {
        margin: 0;
      }
      .banner .image {
        max-height: 40px;
        width: auto;
        margin: 0;
      }
      .banner .close {
        top: 50%;
        transform: translateY(-50%);
      }
      .modal {
        max-width: min(var(--wm-modal-width), calc(100vw - 32px));
        width: 100%;
        max-height: calc(100vh - 32px);
        overflow: auto;
        padding: 20px;
      }
      .modal .title {
        font-size: 18px;
      }
      .modal .footer {
        justify-content: flex-end;
      }
    `,
  ];

  /** The announcement to render (set by the renderer). */
  @property({ attribute: false }) experience?: AnnouncementExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, `act`). Set by the renderer. */
  @property({ attribute: false }) context?: ComponentContext;

  @query('.card') private card?: HTMLElement;

  /** Undone when it leaves the page or its display changes. */
  private cleanups: Array<() => void> = [];
  private openedAs: string | null = null;
  private shownReported = false;
  /** `close` events arrive later (a task): count the ones we caused. */
  private expectedCloses = 0;

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
    return html`<section
      class="card banner ${bottom ? 'bottom' : 'top'}"
      part="banner"
      popover="manual"
      role="region"
      aria-labelledby="wm-title"
      dir=${t.dir}
      lang=${t.locale}
      @focusin=${this.onBannerFocusIn}
      @focusout=${this.onBannerFocusOut}
    >
      <div class="row">
        ${renderImage(context, experience.image)}
        <div class="text">
          <h2 class="title" part="title" id="wm-title">${t.text(experience.title)}</h2>
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
      @cancel=${this.onCancel}
      @close=${this.onNativeClose}
    >
      <h2 class="title" part="title" id="wm-title">${t.text(experience.title)}</h2>
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
    this.cleanups.push(applyTheme(this, context.theme));
    if (experience.display === 'modal') {
      const restoreFocus = captureFocus(context.window.document);
      this.cleanups.push(context.stack.push({ dismiss: () => this.act({ type: 'dismiss' }) }));
      (card as HTMLDialogElement).showModal();
      this.cleanups.push(() => {
        if (card.matches(':modal')) {
          this.expectedCloses++;
          (card as HTMLDialogElement).close();
        }
        restoreFocus(this);
      });
      card.focus({ preventScroll: true });
    } else {
      // Measured before it opens, so it appears in place beside the page's fixed bars.
      this.cleanups.push(this.trackEdges(context.window));
      card.showPopover();
      this.cleanups.push(() => {
        if (card.matches(':popover-open')) card.hidePopover();
      });
      this.cleanups.push(this.reserveSpace(context.window, card, experience.position === 'bottom' ? 'bottom' : 'top'));
    }
    if (!this.shownReported) {
      this.shownReported = true;
      this.act({ type: 'shown' });
    }
  }

  private close(): void {
    this.dropBannerLayer();
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
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
  private trackEdges(win: Window): () => void {
    let frame = 0;
    let applied: EdgeInsets | null = null;
    const measure = () => {
      frame = 0;
      const next = pageEdgeInsets(win, this);
      if (applied?.top === next.top && applied.bottom === next.bottom) return;
      applied = next;
      this.style.setProperty('--wm-edge-top', `${next.top}px`);
      this.style.setProperty('--wm-edge-bottom', `${next.bottom}px`);
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
      this.style.removeProperty('--wm-edge-top');
      this.style.removeProperty('--wm-edge-bottom');
    };
  }

  // ---- user input ---------------------------------------------------------------------------

  /** While focus is in the banner it is the topmost layer: Escape dismisses it, and only then. */
  private removeBannerLayer: (() => void) | null = null;

  private readonly onBannerFocusIn = (): void => {
    if (this.removeBannerLayer || this.experience?.dismissible === false || !this.context) return;
    const remove = this.context.stack.push({ dismiss: () => this.act({ type: 'dismiss' }) });
    this.removeBannerLayer = remove;
  };

  private readonly onBannerFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (next instanceof Node && this.card && isInside(next, this.card)) return;
    this.dropBannerLayer();
  };

  private dropBannerLayer(): void {
    this.removeBannerLayer?.();
    this.removeBannerLayer = null;
  }

  private readonly onModalKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Tab' && this.card) trapTab(event, this.card);
  };

  private readonly onCancel = (event: Event): void => {
    // Escape goes through the dismissible stack, so only the topmost layer closes.
    event.preventDefault();
  };

  private readonly onNativeClose = (): void => {
    // The browser closed the dialog by itself (a repeated Escape): that is a dismissal.
    if (this.expectedCloses > 0) {
      this.expectedCloses--;
      return;
    }
    if (this.openedAs !== null) this.act({ type: 'dismiss' });
  };

  private act(action: UserAction): void {
    const experience = this.experience;
    const context = this.context;
    if (!experience || !context) return;
    const event = new WmActionEvent(experience.id, action);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) context.act(experience.id, action);
  }
}

function openKey(experience: AnnouncementExperience): string {
  return `${experience.id}:${experience.display}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-announcement': WmAnnouncement;
  }
}
