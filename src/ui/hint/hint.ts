import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { HintExperience } from '../../config/types.js';
import { richTextToPlain } from '../../config/rich-text.js';
import { WaymarkElement } from '../shared/base-element.js';
import { renderHintCard } from '../shared/hint-card.js';
import { fitHeight, fitHeightCardStyles, syncScrollStop } from './fit-height.js';
import type { ComponentContext } from '../shared/context.js';
import { LayerController } from '../shared/controllers/layer.js';
import { TargetController } from '../shared/controllers/target.js';
import { WmOpenChangeEvent, WmTargetMissingEvent } from '../shared/events.js';
import { isInside } from '../shared/focus.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';

/** How long a pointer may travel from the target to the hint (and back) before it closes. */
const HOVER_GRACE_MS = 300;
const TARGET_WAIT_MS = 3000;

/**
 * A hint: a small popover anchored to an element, opened on hover (and keyboard focus), focus,
 * click, or straight away (`openOn: 'trigger'`). Meets WCAG 1.4.13: the pointer can move onto
 * the hint without it closing (hoverable), Escape closes it without moving focus or pointer
 * (dismissible), and it stays until the pointer or focus leaves or the user closes it
 * (persistent). Its text is announced through a polite live region when it opens.
 *
 * The close button reports `dismiss`; Escape and leaving only close it for now, except for a
 * `trigger` hint, where Escape also reports `dismiss`.
 *
 * The card is a non-modal `role=dialog` popover in the top layer, named by its title (or the
 * localized "hint" label), described by its text; it never takes focus on its own. When focus
 * was inside the hint, the close button gives it back to the target.
 *
 * @summary A tooltip-style hint anchored to an element, opened on hover, focus, click or by a trigger.
 * @tag wm-hint
 * @slot - Declarative: the hint body, plain text (read when Waymark starts, not rendered).
 *
 * @fires {WmOpenChangeEvent} wm-open-change - The hint opened or closed: `experienceId`, `open`.
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown` the first time it opens, `dismiss`, or `{type: 'button', action}` for its buttons and article links). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 * @fires {WmTargetMissingEvent} wm-target-missing - The target did not appear within 3 s: `experienceId`, `step` (always 0), `targetDescription`, `policy` (always `skip`).
 *
 * @attr {string} id - Declarative `<wm-hint>`: the experience id (required).
 * @attr {string} target - Declarative: the element to attach to, a CSS selector (required).
 * @attr {string} title - Declarative: the hint title (the text content is its body).
 * @attr {'hover' | 'focus' | 'click' | 'trigger'} open-on - Declarative: what opens it (default `hover`, which includes keyboard focus).
 * @attr {string} placement - Declarative: preferred side, e.g. `top`, `bottom-start`, `auto`.
 * @attr {string} name - Declarative: a readable name for reports.
 * @attr {string} stages - Declarative: journey stage ids, separated by spaces or commas.
 * @attr {number} priority - Declarative: priority when several experiences compete.
 * @attr {'once' | 'session' | 'always'} show - Declarative: frequency (`frequency.show`).
 *
 * @csspart popover - The hint card (in the top layer).
 * @csspart arrow - The arrow pointing at the target.
 * @csspart title - The title.
 * @csspart close - The close (×) button.
 * @csspart body - The text.
 * @csspart link - Links inside the text.
 * @csspart articles - The list of linked help articles.
 * @csspart article - One article button.
 * @csspart footer - The row of custom buttons.
 * @csspart button - Every custom button; also `button-primary`, `button-secondary` or `button-link` by its variant.
 * @csspart button-primary - A primary custom button.
 * @csspart button-secondary - A secondary custom button (the default variant).
 * @csspart button-link - A link-style custom button.
 *
 * @cssprop --wm-accent - Accent color (primary buttons). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Link and link-button color. Default: `var(--wm-accent)`.
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
export class WmHint extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, fitHeightCardStyles];

  /** The hint to render (set by the renderer). */
  @property({ attribute: false }) override experience?: HintExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, targets, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;
  /** Whether the hint is open now (internal state, not an attribute); changed by user interaction or `reveal()`/`close()`. */
  @state() private open = false;

  @query('.card') private card?: HTMLElement;
  @query('.arrow') private arrowElement?: HTMLElement;

  /** Theme and the target's listeners, while it is armed. */
  private readonly armed = new LayerController(this);
  /** The card in the top layer, on the Escape stack, anchored: while it is open. */
  private readonly opened = new LayerController(this);
  /** The element it is attached to. Not named `target`: frameworks would set their `target` prop on it instead of the attribute. */
  private readonly anchor = new TargetController(this);
  private closeTimer: number | undefined;
  /** Focus given back to the target after Escape: it must not reopen the hint it just closed. */
  private returningFocus = false;
  private shownReported = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disarm();
  }

  private get anchorElement(): Element | null {
    return this.anchor.element;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Arming may open or close the card at once: do it after this update, not inside it.
    if ((changed.has('experience') || changed.has('context')) && this.experience && this.context) {
      void this.updateComplete.then(() => (this.isConnected ? this.arm() : undefined));
    }
  }

  protected override render(): unknown {
    const hint = this.experience;
    const context = this.context;
    if (!hint || !context) return nothing;
    return html`
      ${renderHintCard(context, { title: hint.title, body: hint.body, articles: hint.articles, buttons: hint.buttons }, {
        close: this.dismiss,
        action: (action) => this.act({ type: 'button', action }),
        mouseenter: this.cancelClose,
        mouseleave: this.onLeave,
        focusout: this.onFocusOut,
        keydown: this.onCardKeyDown,
      })}
      <div class="visually-hidden" role="status">${this.open ? this.spokenText() : ''}</div>
    `;
  }

  /** Whether the hint is open now. */
  get isOpen(): boolean {
    return this.open;
  }

  /** The hint card (for tests and the debug overlay). */
  get panel(): HTMLElement | null {
    return this.card ?? null;
  }

  /** Open the hint now (as a trigger would). */
  async reveal(): Promise<void> {
    const context = this.context;
    const target = this.anchorElement;
    if (!context || !target || this.open) return;
    this.cancelClose();
    this.open = true;
    await this.updateComplete;
    const card = this.card;
    if (!card || !this.open) return;
    card.classList.add('unplaced');
    this.opened.showPopover(card);
    this.opened.escape(context.stack, () => this.onEscape());
    this.opened.anchor({
      reference: target,
      floating: card,
      arrow: this.arrowElement,
      placement: this.experience?.placement,
      gap: 10,
      // At 400 % zoom a hint can be taller than the room beside its target: it scrolls inside instead.
      fit: fitHeight,
      onPlaced: () => {
        card.classList.remove('unplaced');
        syncScrollStop(card);
      },
      onError: (error) => context.reportError(error, `hint:${this.experience?.id}:position`),
    });
    this.dispatchEvent(new WmOpenChangeEvent(this.experience!.id, true));
    if (!this.shownReported) {
      this.shownReported = true;
      this.act({ type: 'shown' });
    }
  }

  /** Close the hint (without reporting anything to Waymark). */
  close(): void {
    this.cancelClose();
    if (!this.open) return;
    this.open = false;
    this.opened.close();
    this.dispatchEvent(new WmOpenChangeEvent(this.experience!.id, false));
  }

  private async arm(): Promise<void> {
    const hint = this.experience!;
    const context = this.context!;
    this.disarm();
    const run = this.anchor.restart();
    this.armed.theme(context.theme);
    const target = this.anchor.resolve(context.targets, hint.target) ?? (await this.anchor.wait(context.targets, hint.target, TARGET_WAIT_MS));
    if (!this.anchor.isCurrent(run)) return;
    if (!target) {
      this.dispatchEvent(new WmTargetMissingEvent(hint.id, 0, context.targets.describe(hint.target), 'skip'));
      return;
    }
    const openOn = hint.openOn ?? 'hover';
    const listen = <K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void) => this.armed.listen(target, type, listener);
    if (openOn === 'hover') {
      listen('mouseenter', () => void this.reveal());
      listen('mouseleave', this.onLeave);
    }
    if (openOn === 'hover' || openOn === 'focus') {
      listen('focusin', () => (this.returningFocus ? undefined : void this.reveal()));
      listen('focusout', this.onFocusOut);
      listen('keydown', this.onTargetKeyDown);
    }
    if (openOn === 'click') {
      listen('click', () => (this.open ? this.close() : void this.reveal()));
    }
    if (openOn === 'trigger') await this.reveal();
  }

  private disarm(): void {
    this.close();
    this.armed.close();
    this.anchor.restart();
  }

  private spokenText(): string {
    const context = this.context!;
    const hint = this.experience!;
    const title = context.translator.text(hint.title);
    const body = richTextToPlain(context.translator.text(hint.body));
    return title ? `${title}. ${body}` : body;
  }

  private readonly onLeave = (): void => {
    if (this.experience?.openOn === 'trigger' || this.experience?.openOn === 'click') return;
    this.cancelClose();
    this.closeTimer = this.context?.window.setTimeout(() => {
      this.closeTimer = undefined;
      // Persistent: focus keeps it open even when the pointer leaves.
      if (!this.focusInside()) this.close();
    }, HOVER_GRACE_MS);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    if (this.experience?.openOn === 'trigger' || this.experience?.openOn === 'click') return;
    const next = event.relatedTarget;
    if (next instanceof Node && ((this.anchorElement && isInside(next, this.anchorElement)) || isInside(next, this))) return;
    if (this.anchorElement?.matches(':hover') || this.card?.matches(':hover')) return;
    this.close();
  };

  private readonly cancelClose = (): void => {
    if (this.closeTimer !== undefined) this.context?.window.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  };

  private focusInside(): boolean {
    const active = this.context?.window.document.activeElement;
    return Boolean(active && ((this.anchorElement && isInside(active, this.anchorElement)) || active === this));
  }

  /** The hint's controls in Tab order. */
  private controls(): HTMLElement[] {
    const card = this.card;
    if (!card) return [];
    return Array.from(card.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
      (control) => !control.hasAttribute('disabled') && control.getClientRects().length > 0,
    );
  }

  /**
   * Toggletip: Tab from the target goes into the open hint (its ×, links and buttons), instead of
   * past it, so a keyboard user reaches what a pointer user can.
   */
  private readonly onTargetKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || !this.open) return;
    const first = this.controls()[0];
    if (!first) return;
    event.preventDefault();
    this.cancelClose();
    first.focus();
  };

  /** Inside the hint: Shift+Tab from its first control goes back to the target, Tab from its last to what follows the target. */
  private readonly onCardKeyDown = (event: KeyboardEvent): void => {
    const target = this.anchorElement;
    if (!(target instanceof HTMLElement)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.onEscape();
      return;
    }
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const openOn = this.experience?.openOn ?? 'hover';
    if (openOn !== 'hover' && openOn !== 'focus') return;
    const controls = this.controls();
    const origin = event.composedPath()[0];
    if (event.shiftKey && origin === controls[0]) {
      event.preventDefault();
      target.focus();
    } else if (!event.shiftKey && origin === controls.at(-1)) {
      event.preventDefault();
      const next = tabbableAfter(target);
      this.close();
      (next ?? target).focus();
    }
  };

  private onEscape(): void {
    const trigger = this.experience?.openOn === 'trigger';
    // Escape inside the hint gives focus back to the target it belongs to.
    const focusWasInside = Boolean(this.shadowRoot?.activeElement);
    this.close();
    if (focusWasInside && this.anchorElement instanceof HTMLElement) {
      this.returningFocus = true;
      this.anchorElement.focus({ preventScroll: true });
      this.returningFocus = false;
    }
    if (trigger) this.act({ type: 'dismiss' });
  }

  private readonly dismiss = (): void => {
    const restoreTo = this.anchorElement;
    this.close();
    this.act({ type: 'dismiss' });
    if (restoreTo instanceof HTMLElement && this.context?.window.document.activeElement === this) restoreTo.focus({ preventScroll: true });
  };
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The next element after `element` in the document's Tab order (light DOM, tabindex 0 or natural). */
function tabbableAfter(element: Element): HTMLElement | null {
  const all = Array.from(element.ownerDocument.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (candidate) => candidate.tabIndex >= 0 && candidate.getClientRects().length > 0 && !element.contains(candidate),
  );
  return all.find((candidate) => element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) ?? null;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-hint': WmHint;
  }
}
