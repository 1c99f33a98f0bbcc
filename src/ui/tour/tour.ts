import { nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { autoUpdate } from '@floating-ui/dom';
import type { SpotlightOptions, TourExperience, TourStep } from '../../config/types.js';
import { parseDuration } from '../../config/duration.js';
import { WaymarkElement } from '../shared/base-element.js';
import type { ComponentContext } from '../shared/context.js';
import { DialogController } from '../shared/controllers/dialog.js';
import { surfacesOf } from '../shared/coordinator/coordinator.js';
import { LayerController } from '../shared/controllers/layer.js';
import { TargetController } from '../shared/controllers/target.js';
import { WmStepChangeEvent, WmTargetMissingEvent } from '../shared/events.js';
import { intersect, pad } from '../shared/geometry.js';
import { scrollTargetIntoView } from '../shared/scroll.js';
import { clippingRect } from '../shared/clipping.js';
import { EVERYWHERE, effectiveZoom, placed, placedRects, type PlacedRects } from '../shared/anchor.js';
import { pinnedToViewport } from '../shared/pinned.js';
import { SpotlightPainter } from './spotlight.js';
import { baseStyles } from '../shared/styles.js';
import { themeTokens } from '../shared/theme.js';
import { tourStyles } from './tour.styles.js';
import { closeCard, renderStepCard, syncTopLayer, type Layout } from './tour-card.js';
import { StepJourney, isRendered } from './step-journey.js';

/** Default wait for a late target. */
const DEFAULT_WAIT_MS = 3000;
/** Narrow screens get a bottom sheet instead of a popover that would cover the target. */
const SHEET_QUERY = '(max-width: 480px)';

/**
 * A product tour: one step at a time, anchored to its target (or centred), in the top layer.
 *
 * Given `experience`, `step` and `context` by the renderer, it renders that step and reports
 * what the user does (`context.act`); it never advances on its own. Without them (a
 * declarative `<wm-tour>` with `<wm-step>` children in the page) it renders nothing: the
 * markup is compiled to config by `compileDeclarative`, and the children are never shown.
 *
 * A step with a target is a non-modal popover beside it (a bottom sheet on screens up to 480px
 * wide), optionally with a spotlight, unless the step says `modal: true`; a step without a target
 * is a centred modal `<dialog>` unless it says `modal: false`. Focus moves into the step card,
 * Tab is trapped only while the step is modal, and focus returns to where it was when the tour
 * ends. Each step is announced through a polite live region.
 *
 * Keyboard: Right/Left go forward/back (mirrored in RTL), Enter on the step goes forward,
 * Escape dismisses (only when the tour is the topmost Waymark layer).
 *
 * @summary A product tour step: a popover or dialog anchored to its target, with progress and buttons.
 * @tag wm-tour
 * @slot - Declarative: the `<wm-step>` children, one per step (read when Waymark starts, not rendered).
 *
 * @fires {WmStepChangeEvent} wm-step-change - A step is on screen (also the first): `experienceId`, `step` (0-based index), `stepId` (the step's `id`, or its index as text), `total`.
 * @fires {WmTargetMissingEvent} wm-target-missing - A step's target did not appear within its wait: `experienceId`, `step`, `targetDescription` (e.g. `#save`), `policy` (`skip`, `center` or `end`: what happens next).
 * @fires {WmActionEvent} wm-action - The user acted: `experienceId`, `action` (`shown`, `next`, `back`, `complete`, `dismiss`, `step-missing`, or `{type: 'button', action}`). Cancelable: `preventDefault()` keeps the action from reaching Waymark.
 *
 * @attr {string} id - Declarative `<wm-tour>`: the experience id (required).
 * @attr {string} name - Declarative: a readable name for reports.
 * @attr {string} stages - Declarative: journey stage ids, separated by spaces or commas.
 * @attr {number} priority - Declarative: priority when several experiences compete.
 * @attr {'once' | 'session' | 'always'} show - Declarative: frequency (`frequency.show`).
 * @attr {boolean} spotlight - Declarative: dim the page around each step's target.
 * @attr {'skip' | 'center' | 'end'} on-missing-target - Declarative: what a step does when its target never appears.
 * @attr {boolean} skippable - Declarative: `false` hides the Skip button.
 * @attr {boolean} show-progress - Declarative: `false` hides "2 of 6".
 *
 * @csspart popover - The step card (a `<dialog>` in the top layer).
 * @csspart arrow - The arrow pointing at the target.
 * @csspart spotlight - The dimming overlay with the cut-out around the target.
 * @csspart title - The step title.
 * @csspart close - The close (×) button.
 * @csspart image - The step image.
 * @csspart body - The step text.
 * @csspart link - Links inside the step text.
 * @csspart articles - The list of linked help articles.
 * @csspart article - One article button.
 * @csspart footer - The row of progress and buttons.
 * @csspart progress - "2 of 6".
 * @csspart button - Every button in the footer.
 * @csspart button-primary - Next / Done, and primary custom buttons.
 * @csspart button-secondary - Back, and secondary custom buttons.
 * @csspart button-link - Skip, and link-style custom buttons.
 *
 * @cssprop --wm-accent - Accent color (primary button). Default #2563eb (#4493f8 dark).
 * @cssprop --wm-accent-contrast - Text on the accent color. Default #ffffff (#0d1117 dark).
 * @cssprop --wm-link - Link and link-button color. Default: `var(--wm-accent)`.
 * @cssprop --wm-bg - Card background. Default #ffffff (#1c2128 dark).
 * @cssprop --wm-fg - Card text color. Default #1f2328 (#e6edf3 dark).
 * @cssprop --wm-muted - Secondary text (progress, close button). Default #57606a (#9da7b3 dark).
 * @cssprop --wm-border - Card and arrow border. Default #d0d7de (#444c56 dark).
 * @cssprop --wm-radius - Corner radius. Default 10px.
 * @cssprop --wm-font - Font family. Default `system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`.
 * @cssprop --wm-shadow - Card shadow.
 * @cssprop --wm-overlay - Spotlight shade and modal backdrop color. Default rgb(15 23 42 / 0.55).
 * @cssprop --wm-focus-ring - Focus outline color. Default #1d4ed8 (#79b8ff dark).
 * @cssprop --wm-max-width - Card max width. Default 22rem.
 */
export class WmTour extends WaymarkElement {
  static override styles = [themeTokens, baseStyles, tourStyles];

  /** The tour to render (set by the renderer). */
  @property({ attribute: false }) override experience?: TourExperience;
  /** The step index to render (0-based; set by the renderer from the engine's tour state). */
  @property({ type: Number }) step = 0;
  /** What the component needs from the renderer: translator, theme, articles, Escape stack, targets, `act`. Set by the renderer. */
  @property({ attribute: false }) override context?: ComponentContext;

  @state() private layout: Layout = 'hidden';
  @state() private sheet = false;
  @state() private modal = false;
  @state() private spotlightOptions: SpotlightOptions | null = null;
  /** The spotlight layer draws only a ring around the target: a phone sheet without a spotlight has no arrow to point. */
  @state() private ringOnly = false;
  /** The step's target stays put when the window scrolls (a fixed or sticky header): card and hole are placed in the viewport. */
  @state() private pinned = false;
  @state() private announcement = '';

  @query('dialog') private card?: HTMLDialogElement;
  @query('.arrow') private arrowElement?: HTMLElement;
  @query('.spotlight') private spotlightLayer?: HTMLElement;
  @query('.shade') private shade?: SVGPathElement;
  @query('.hole') private hole?: HTMLElement;

  /** Held while one step is on screen: its anchoring, spotlight updates and listeners. */
  private readonly stepLayer = new LayerController(this);
  /** Held while the tour is on the page: theme, Escape stack, focus to give back, the phone-sheet query. */
  private readonly session = new LayerController(this);
  /** The current step's target; its generation says whether an async step of work is still wanted. */
  private readonly anchor = new TargetController(this);
  private readonly dialog = new DialogController({
    isOpen: () => this.active && this.layout !== 'hidden',
    dismiss: () => this.act({ type: 'dismiss' }),
  });
  /** Hidden-target policies and link-following Next: which element the step really points at. */
  private readonly journey = new StepJourney(this, {
    anchor: this.anchor,
    stepLayer: this.stepLayer,
    isPhone: () => this.sheet,
    act: (action) => this.act(action),
    showSheet: (run) => this.showSheet(run),
    showAnchored: (run, step, target) => this.showAnchored(run, step, target),
    reenter: () => void this.enterStep(),
  });
  /** What the spotlight layer shows now: scrolling only moves it. */
  private readonly painter = new SpotlightPainter();
  private active = false;
  private shownReported = false;
  /** The step last focused, announced and reported: re-laying it out (sheet ↔ popover on resize) does not repeat those. */
  private reportedStep: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.end();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('experience') || changed.has('step') || changed.has('context')) && this.experience && this.context) {
      void this.enterStep();
    }
  }

  protected override render(): unknown {
    const tour = this.experience;
    const context = this.context;
    if (!tour || !context) return nothing;
    return renderStepCard(
      {
        tour,
        index: this.step,
        context,
        layout: this.layout,
        sheet: this.sheet,
        modal: this.modal,
        spotlight: this.spotlightOptions !== null,
        ring: this.ringOnly,
        spotlightInteractive: this.spotlightInteractive(),
        pinned: this.pinned,
        announcement: this.announcement,
      },
      {
        act: (action) => this.act(action),
        forward: this.journey.forward,
        onCancel: this.dialog.onCancel,
        onClose: this.dialog.onClose,
      },
    );
  }

  /** The element the current step is anchored to, if any (for tests and the debug overlay). */
  get currentTarget(): Element | null {
    return this.anchor.element;
  }

  /** The step card, once rendered. */
  get panel(): HTMLDialogElement | null {
    return this.card ?? null;
  }

  // ---- step lifecycle -----------------------------------------------------------------------

  private begin(context: ComponentContext): void {
    if (this.active) return;
    this.active = true;
    const query = context.window.matchMedia(SHEET_QUERY);
    this.sheet = query.matches;
    this.session.listen(query, 'change', () => {
      this.sheet = query.matches;
      void this.enterStep();
    });
    // Undone last added first: focus goes back once the layer and theme are gone.
    this.session.theme(context.theme);
    this.session.escape(context.stack, () => this.act({ type: 'dismiss' }));
    this.session.returnFocus(context.window.document);
  }

  private end(): void {
    this.anchor.restart();
    this.leaveStep();
    this.closeLayers();
    this.session.close();
    this.active = false;
    this.shownReported = false;
    this.reportedStep = null;
  }

  private leaveStep(): void {
    this.stepLayer.close();
  }

  private async enterStep(): Promise<void> {
    const tour = this.experience;
    const context = this.context;
    if (!tour || !context || !this.isConnected) return;
    const run = this.anchor.restart();
    this.leaveStep();
    this.journey.startStep();
    // Start after this update has finished, so state set here schedules one clean update.
    await null;
    if (!this.anchor.isCurrent(run)) return;
    const index = this.step;
    const step = tour.steps[index];
    if (!step) return;
    try {
      this.begin(context);
      if (step.target === undefined) {
        await this.showCentered(run, step);
        return;
      }
      // Resolvers return a hidden match when nothing matching is visible: that is the hidden case.
      const found = this.anchor.resolve(context.targets, step.target);
      let target = found && isRendered(found) ? found : null;
      this.journey.stepTarget = found;
      if (!target && found && (await this.journey.onHidden(run, step, index))) return;
      if (!target) {
        // Wait (bounded, observing the DOM) with nothing on screen that points at a stale target.
        this.layout = 'hidden';
        await this.updateComplete;
        this.syncLayers();
        if (!this.anchor.isCurrent(run)) return;
        const waitMs = (step.waitFor ? parseDuration(step.waitFor) : undefined) ?? DEFAULT_WAIT_MS;
        target = await this.anchor.wait(context.targets, step.target, waitMs);
        if (!this.anchor.isCurrent(run)) return;
      }
      if (target) {
        this.journey.stepTarget = target;
        await this.showAnchored(run, step, target);
        return;
      }
      this.journey.stepTarget = context.targets.resolve(step.target);
      if (this.journey.stepTarget && (await this.journey.onHidden(run, step, index))) return;
      await this.onMissing(run, tour, step, index);
    } catch (error) {
      context.reportError(error, `tour:${tour.id}:step:${index}`);
    }
  }

  private async showSheet(run: number): Promise<void> {
    // Non-modal: the page (and the menu that reveals the target) stays usable under it.
    this.layout = 'sheet';
    this.modal = false;
    this.spotlightOptions = null;
    this.ringOnly = false;
    await this.updateComplete;
    if (!this.anchor.isCurrent(run)) return;
    this.syncLayers();
    this.afterShown();
  }

  private async onMissing(run: number, tour: TourExperience, step: TourStep, index: number): Promise<void> {
    const policy = step.onMissingTarget ?? tour.onMissingTarget ?? 'skip';
    this.dispatchEvent(new WmTargetMissingEvent(tour.id, index, this.context!.targets.describe(step.target!), policy));
    this.act({ type: 'step-missing', step: index, policy });
    // The engine may already have moved on (skip / end) synchronously.
    if (!this.anchor.isCurrent(run)) return;
    if (policy === 'center') await this.showCentered(run, step);
  }

  private async showCentered(run: number, step: TourStep): Promise<void> {
    this.layout = 'centered';
    this.modal = step.modal ?? true;
    this.spotlightOptions = null;
    this.ringOnly = false;
    await this.updateComplete;
    if (!this.anchor.isCurrent(run)) return;
    this.syncLayers();
    this.afterShown();
  }

  private async showAnchored(run: number, step: TourStep, target: Element): Promise<void> {
    const tour = this.experience!;
    const context = this.context!;
    this.anchor.element = target;
    this.layout = 'anchored';
    this.modal = step.modal ?? false;
    const configured = spotlightOptions(step.spotlight ?? tour.spotlight);
    this.ringOnly = this.sheet && configured === null;
    this.spotlightOptions = this.ringOnly ? RING : configured;
    this.pinned = pinnedToViewport(target);
    await this.updateComplete;
    if (!this.anchor.isCurrent(run)) return;
    const win = context.window;
    const card = this.card!;
    let headerInset = 0;
    if (!this.sheet) headerInset = scrollTargetIntoView(win, target, { ignore: this });
    card.classList.add('unplaced');
    this.syncLayers();
    // What the step points at is what the user is asked to use: no other Waymark surface covers it.
    this.stepLayer.hold(surfacesOf(context.stack).keepClear(target));
    if (this.sheet) {
      // The sheet covers the bottom: keep the target visible above it.
      scrollTargetIntoView(win, target, { ignore: this, bottomInset: card.getBoundingClientRect().height });
      card.classList.remove('unplaced');
      this.stepLayer.hold(autoUpdate(target, card, () => this.updateSpotlight(target)));
      this.updateSpotlight(target);
      this.afterShown();
    } else {
      let first = true;
      let wasDetached = false;
      this.stepLayer.anchor({
        reference: target,
        floating: card,
        arrow: this.arrowElement,
        placement: step.placement,
        strategy: this.pinned ? 'fixed' : 'absolute',
        insets: { top: headerInset },
        onPlaced: (result) => {
          this.updateSpotlight(target, placedRects(result));
          // Hidden while its target was scrolled away, the card lost focus: give it back.
          const detached = card.classList.contains('detached');
          if (wasDetached && !detached && this.focusIsLost()) card.focus({ preventScroll: true });
          wasDetached = detached;
          if (first && this.anchor.isCurrent(run)) {
            first = false;
            card.classList.remove('unplaced');
            this.afterShown();
          }
        },
        onError: (error) => context.reportError(error, `tour:${tour.id}:position`),
      });
    }
    if (step.advanceOn?.click && !this.journey.pointingAtStandIn) {
      const index = this.step;
      // The runtime's click sensor may already have moved the tour on this same click: asking for
      // the step after this one (not "next") cannot skip a step when both report it.
      this.stepLayer.listen(target, 'click', () => this.journey.moveOnFrom(index));
    }
  }

  private focusIsLost(): boolean {
    const active = this.context?.window.document.activeElement;
    return !active || active === this.context?.window.document.body;
  }

  /** Focus, announce, and tell the world: the step is on screen. */
  private afterShown(): void {
    const tour = this.experience!;
    const context = this.context!;
    const step = tour.steps[this.step]!;
    const t = context.translator;
    if (this.reportedStep === this.step) {
      // The same step laid out again: only give focus back if the new layout lost it.
      if (this.focusIsLost()) this.card?.focus({ preventScroll: true });
      return;
    }
    this.reportedStep = this.step;
    this.card?.focus({ preventScroll: true });
    this.announcement = t.t('stepAnnouncement', { current: this.step + 1, total: tour.steps.length, title: t.text(step.title) });
    if (!this.shownReported) {
      this.shownReported = true;
      this.act({ type: 'shown' });
    }
    this.dispatchEvent(new WmStepChangeEvent(tour.id, this.step, step.id ?? String(this.step), tour.steps.length));
  }

  // ---- top layer ----------------------------------------------------------------------------

  /** Open or close the spotlight and card in the top layer, in stacking order. */
  private syncLayers(): void {
    const open = this.layout !== 'hidden';
    syncTopLayer(this.card, this.spotlightLayer, {
      card: open ? (this.modal ? 'modal' : 'popover') : null,
      spotlight: open && this.layout === 'anchored' && this.spotlightOptions !== null,
      closeModal: (card) => this.dialog.close(card),
    });
  }

  private closeLayers(): void {
    closeCard(this.card, (card) => this.dialog.close(card));
    if (this.spotlightLayer?.matches(':popover-open')) this.spotlightLayer.hidePopover();
  }

  /** `measured`: the rects the card's placement just measured (no second layout read); else measured here. */
  private updateSpotlight(target: Element, measured?: PlacedRects | null): void {
    const options = this.spotlightOptions;
    const layer = this.spotlightLayer;
    const shade = this.shade;
    const hole = this.hole;
    const svg = shade?.ownerSVGElement;
    const mover = svg?.parentElement;
    if (!options || !layer || !shade || !hole || !svg || !mover) return;
    const rects = measured ?? { ...placed(target, clippingRect(target, EVERYWHERE)), zoom: effectiveZoom(hole) };
    // Clipped by the target's containers, and across to the viewport's sides: a hole past the page's side (a target
    // as wide as the page, padded) would make the page scroll sideways, a top-layer box counting in its size. Not at
    // the viewport's top and bottom: the hole scrolls with the page. Scrolled out of sight, the target gets no hole:
    // the frame shades everything.
    const padded = intersect(pad(rects.reference, options.padding ?? 8), rects.containers);
    const box = rects.hidden || !padded ? null : intersect(padded, { x: 0, y: padded.y, width: rects.viewport.width, height: padded.height });
    this.painter.paint(
      { layer, hole, mover, svg, shade },
      { hole: box, scroll: this.pinned ? UNSCROLLED : rects.scroll, radius: options.radius ?? 8, viewport: rects.viewport, zoom: rects.zoom, interactive: this.spotlightInteractive() },
    );
  }

  private spotlightInteractive(): boolean {
    const step = this.experience?.steps[this.step];
    // The element the step asks the user to use is never under the shade: the target they click,
    // the link Next follows, or the menu button that reveals a hidden target.
    return Boolean(this.spotlightOptions?.interactive || step?.advanceOn?.click || step?.nextFollowsLink || this.journey.pointingAtStandIn);
  }

  // ---- user input ---------------------------------------------------------------------------
}

/** The window's scroll offsets as seen from viewport coordinates (a pinned target's hole). */
const UNSCROLLED = { x: 0, y: 0 };

/** The ring's distance from the target and its corners. */
const RING: SpotlightOptions = { padding: 4, radius: 6 };

function spotlightOptions(value: boolean | SpotlightOptions | undefined): SpotlightOptions | null {
  if (!value) return null;
  return value === true ? {} : value;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-tour': WmTour;
  }
}
