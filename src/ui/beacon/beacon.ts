import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { autoUpdate } from '@floating-ui/dom';
import type { BeaconExperience } from '../../config/types.js';
import type { UserAction } from '../../engine/contract.js';
import { effectiveZoom } from '../shared/anchor.js';
import { WaymarkElement } from '../shared/base-element.js';
import { renderHintCard } from '../shared/hint-card.js';
import { fitHeight, fitHeightCardStyles, syncScrollStop } from '../hint/fit-height.js';
import type { ComponentContext } from '../shared/context.js';
import { LayerController } from '../shared/controllers/layer.js';
import { TargetController } from '../shared/controllers/target.js';
import { WmOpenChangeEvent, WmTargetMissingEvent } from '../shared/events.js';
import { hundredths, intersect } from '../shared/geometry.js';
import { clippingRect } from '../shared/clipping.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { DOT_SIZE, beaconStyles } from './beacon.styles.js';

const TARGET_WAIT_MS = 3000;

/**
 * A beacon: a pulsing dot beside an element. The dot is a real button with an accessible name
 * ("Show tip: …") and `aria-expanded` that opens the beacon's hint; opening moves focus into the
 * hint card, and Escape (when it is the topmost Waymark layer), the close button and "Got it"
 * close it and return focus to the dot. The dot sits on the target's corner (`position`,
 * mirrored in RTL) and hides while that corner is scrolled out of view. The pulse stops under
 * `prefers-reduced-motion`. "Got it" reports `complete`; the close button reports `dismiss`.
 *
 * @summary A pulsing hotspot on an element that opens a small hint card.
 * @tag wm-beacon
 * @slot - Declarative: the hint card's body, plain text (read when Waymark starts, not rendered).
 *
 * @fires {WmOpenChangeEvent} wm-open-change - The beacon's hint opened or closed: `experienceId`, `open`.
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown` when the dot appears, `complete`, `dismiss`, or `{type: 'button', action}`). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 * @fires {WmTargetMissingEvent} wm-target-missing - The target did not appear within 3 s: `experienceId`, `step` (always 0), `targetDescription`, `policy` (always `skip`).
 *
 * @attr {string} id - Declarative `<wm-beacon>`: the experience id (required).
 * @attr {string} target - Declarative: the element to mark, a CSS selector (required).
 * @attr {string} title - Declarative: the hint title (the text content is its body).
 * @attr {'top-start' | 'top-end' | 'bottom-start' | 'bottom-end' | 'left' | 'right' | 'center'} position - Declarative: where on the target the dot sits (default `top-end`).
 * @attr {string} placement - Declarative: preferred side of the hint card, e.g. `bottom`, `auto`.
 * @attr {string} name - Declarative: a readable name for reports.
 * @attr {string} stages - Declarative: journey stage ids, separated by spaces or commas.
 * @attr {number} priority - Declarative: priority when several experiences compete.
 * @attr {'once' | 'session' | 'always'} show - Declarative: frequency (`frequency.show`).
 *
 * @csspart beacon - The dot (a button in the top layer).
 * @csspart popover - The hint card.
 * @csspart arrow - The arrow pointing at the dot.
 * @csspart title - The title.
 * @csspart close - The close (×) button.
 * @csspart body - The text.
 * @csspart link - Links inside the text.
 * @csspart articles - The list of linked help articles.
 * @csspart article - One article button.
 * @csspart footer - The row of buttons.
 * @csspart button - Every button; also `button-primary`, `button-secondary` or `button-link` by its variant.
 * @csspart button-primary - "Got it", and primary custom buttons.
 * @csspart button-secondary - A secondary custom button (the default variant).
 * @csspart button-link - A link-style custom button.
 *
 * @cssprop --wm-beacon-color - The dot and pulse color. Default #e5484d.
 * @cssprop --wm-accent - Accent color ("Got it"). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color.
 * @cssprop --wm-link - Link and link-button color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Card background, and the ring around the dot.
 * @cssprop --wm-fg - Card text color.
 * @cssprop --wm-muted - The close button.
 * @cssprop --wm-border - Card and arrow border.
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family.
 * @cssprop --wm-shadow - Card shadow.
 * @cssprop --wm-focus-ring - Focus outline color (dot and buttons).
 * @cssprop --wm-max-width - Card max width. Default 22rem.
 */
export class WmBeacon extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, fitHeightCardStyles, beaconStyles];

  /** The beacon to render (set by the renderer). */
  @property({ attribute: false }) override experience?: BeaconExperience;
  /** What the component needs from the renderer (translator, theme, articles, Escape stack, targets, `act`). Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;
  @state() private open = false;

  @query('.beacon') private dot?: HTMLButtonElement;
  @query('.card') private card?: HTMLElement;
  @query('.arrow') private arrowElement?: HTMLElement;

  /** Theme and the dot, while it is armed. */
  private readonly armed = new LayerController(this);
  /** The card in the top layer, on the Escape stack, anchored: while it is open. */
  private readonly opened = new LayerController(this);
  /** The element it is attached to. Not named `target`: frameworks would set their `target` prop on it instead of the attribute. */
  private readonly anchor = new TargetController(this);
  /** Where the dot was last moved to: a frame that leaves it there (a window scroll under a fixed header) writes nothing. */
  private dotAt = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disarm();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('experience') || changed.has('context')) && this.experience && this.context) void this.arm();
  }

  protected override render(): unknown {
    const beacon = this.experience;
    const context = this.context;
    if (!beacon || !context) return nothing;
    const t = context.translator;
    const title = t.text(beacon.title);
    return html`
      <button
        type="button"
        class="beacon hidden"
        part="beacon"
        popover="manual"
        aria-label=${t.t('beaconLabel', { title: title || t.t('hintLabel') })}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="wm-card"
        @click=${this.toggle}
      >
        <span class="pulse"></span><span class="dot"></span>
      </button>
      ${renderHintCard(
        context,
        {
          id: 'wm-card',
          title: beacon.title,
          body: beacon.body,
          articles: beacon.articles,
          buttons: beacon.buttons,
          footerEnd: html`<button type="button" class="btn primary" part="button button-primary" @click=${() => this.finish({ type: 'complete' })}>${t.t('gotIt')}</button>`,
        },
        { close: () => this.finish({ type: 'dismiss' }), action: (action) => this.act({ type: 'button', action }) },
      )}
    `;
  }

  /** Whether the beacon's hint is open now. */
  get isOpen(): boolean {
    return this.open;
  }

  /** The dot (for tests and the debug overlay). */
  get button(): HTMLButtonElement | null {
    return this.dot ?? null;
  }

  /** The hint card (for tests and the debug overlay). */
  get panel(): HTMLElement | null {
    return this.card ?? null;
  }

  private async arm(): Promise<void> {
    const beacon = this.experience!;
    const context = this.context!;
    this.disarm();
    const run = this.anchor.restart();
    this.armed.theme(context.theme);
    const target = this.anchor.resolve(context.targets, beacon.target) ?? (await this.anchor.wait(context.targets, beacon.target, TARGET_WAIT_MS));
    if (!this.anchor.isCurrent(run)) return;
    if (!target) {
      this.dispatchEvent(new WmTargetMissingEvent(beacon.id, 0, context.targets.describe(beacon.target), 'skip'));
      return;
    }
    await this.updateComplete;
    const dot = this.dot;
    if (!dot || !this.anchor.isCurrent(run)) return;
    this.armed.showPopover(dot);
    this.dotAt = '';
    this.armed.hold(autoUpdate(target, dot, () => this.placeDot(target, dot)));
    this.act({ type: 'shown' });
  }

  private disarm(): void {
    this.close();
    this.armed.close();
    this.anchor.restart();
  }

  /** Put the dot on the target's corner (mirrored in RTL); hide it when the corner is scrolled away. */
  private placeDot(target: Element, dot: HTMLElement): void {
    const rect = target.getBoundingClientRect();
    const rtl = this.context?.translator.dir === 'rtl';
    const position = this.experience?.position ?? 'top-end';
    const start = rtl ? rect.right : rect.left;
    const end = rtl ? rect.left : rect.right;
    const centerX = (rect.left + rect.right) / 2;
    const centerY = (rect.top + rect.bottom) / 2;
    const [x, y] = (
      {
        'top-start': [start, rect.top],
        'top-end': [end, rect.top],
        'bottom-start': [start, rect.bottom],
        'bottom-end': [end, rect.bottom],
        left: [rect.left, centerY],
        right: [rect.right, centerY],
        center: [centerX, centerY],
      } as const
    )[position];
    const clip = clippingRect(target);
    const visible = intersect({ x: x - 1, y: y - 1, width: 2, height: 2 }, clip) !== null;
    dot.classList.toggle('hidden', !visible);
    if (!visible && this.open) this.close();
    const zoom = effectiveZoom(dot);
    // The dot's box grows to a 44px touch target on phones: centre whatever size it has.
    const size = dot.getBoundingClientRect().width || DOT_SIZE;
    // Moved by a transform: its left/top would lay it out again on every scrolled frame.
    const at = `translate(${hundredths((x - size / 2) / zoom)}px, ${hundredths((y - size / 2) / zoom)}px)`;
    if (at === this.dotAt) return;
    this.dotAt = at;
    dot.style.transform = at;
  }

  private readonly toggle = (): void => {
    if (this.open) this.close(true);
    else void this.reveal();
  };

  /** Open the beacon's hint and move focus into it. */
  async reveal(): Promise<void> {
    const context = this.context;
    if (!context || !this.anchor.element || this.open) return;
    this.open = true;
    await this.updateComplete;
    const card = this.card;
    const dot = this.dot;
    if (!card || !dot || !this.open) return;
    card.classList.add('unplaced');
    this.opened.showPopover(card);
    // Escape gives focus back to the dot only when it was in the card: never takes it from the page.
    this.opened.escape(context.stack, () => this.close(this.focusInCard()));
    this.opened.anchor({
      reference: dot,
      floating: card,
      arrow: this.arrowElement,
      placement: this.experience?.placement,
      gap: 8,
      // At 400 % zoom the card can be taller than the room beside the dot: it scrolls inside instead.
      fit: fitHeight,
      onPlaced: () => {
        syncScrollStop(card);
        if (!card.classList.contains('unplaced')) return;
        card.classList.remove('unplaced');
        card.focus({ preventScroll: true });
      },
      onError: (error) => context.reportError(error, `beacon:${this.experience?.id}:position`),
    });
    this.dispatchEvent(new WmOpenChangeEvent(this.experience!.id, true));
  }

  private focusInCard(): boolean {
    const active = this.shadowRoot?.activeElement;
    const doc = this.context?.window.document;
    return Boolean((active && this.card?.contains(active)) || (doc && (doc.activeElement === null || doc.activeElement === doc.body)));
  }

  /** Close the hint; with `returnFocus`, focus goes back to the dot. */
  close(returnFocus = false): void {
    if (!this.open) return;
    this.open = false;
    this.opened.close();
    if (returnFocus) this.dot?.focus({ preventScroll: true });
    this.dispatchEvent(new WmOpenChangeEvent(this.experience!.id, false));
  }

  private finish(action: UserAction): void {
    this.close(true);
    this.act(action);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-beacon': WmBeacon;
  }
}
