/**
 * A tour step's way to its target, owned by the tour element: what to do when the target is on the
 * page but hidden (reveal it, point at a fallback, show a sheet, or skip — per phone or wide screen),
 * re-entering the step once the real target shows, and Next following the target's link. It holds
 * which element the step really points at; the tour lays the card out.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Target, TourExperience, TourStep } from '../../config/types.js';
import type { HiddenTargetHandling, UserAction } from '../../engine/contract.js';
import { stepView } from '../../engine/steps.js';
import type { ComponentContext } from '../shared/context.js';
import type { LayerController } from '../shared/controllers/layer.js';
import type { TargetController } from '../shared/controllers/target.js';

/** How long a step pointing at its fallback (or just revealed) waits for the real target to show. */
const REVEAL_WAIT_MS = 10 * 60_000;
/** How long a clicked reveal element gets to show the real target before the card points at it instead. */
const REVEAL_SETTLE_MS = 600;

/** The tour element as the journey sees it: the renderer's inputs. */
export interface StepJourneyHost extends ReactiveControllerHost {
  readonly experience?: TourExperience;
  readonly context?: ComponentContext;
  readonly step: number;
}

/** What the journey asks of the tour that owns it. */
export interface StepJourneyOptions {
  /** The step's target and its generation (`run`). */
  anchor: TargetController;
  /** Held while the step is on screen. */
  stepLayer: LayerController;
  /** The screen is narrow (the phone handling applies). */
  isPhone(): boolean;
  act(action: UserAction): void;
  showSheet(run: number): Promise<void>;
  showAnchored(run: number, step: TourStep, target: Element): Promise<void>;
  /** Lay the current step out again from the start. */
  reenter(): void;
}

export class StepJourney implements ReactiveController {
  /** The step's own target when it is on the page, visible or not: Next follows it when it is a link. */
  stepTarget: Element | null = null;
  /** The card points at a stand-in (the fallback or reveal element) the user must be able to use. */
  pointingAtStandIn = false;
  /** The step whose reveal element was clicked: a menu toggle clicked twice would close again. */
  private revealedStep: number | null = null;

  constructor(
    private readonly host: StepJourneyHost,
    private readonly options: StepJourneyOptions,
  ) {
    host.addController(this);
  }

  /** A step starts: it points at nothing yet. */
  startStep(): void {
    this.stepTarget = null;
    this.pointingAtStandIn = false;
  }

  /**
   * The target is on the page but hidden (a collapsed menu, an off-canvas drawer): apply the step's
   * policy. Returns false when the step treats it as missing, so the caller waits and reports it.
   */
  async onHidden(run: number, step: TourStep, index: number): Promise<boolean> {
    const { anchor, act, showSheet, showAnchored } = this.options;
    const context = this.host.context!;
    const handling = this.hiddenHandling(index);
    switch (handling.kind) {
      case 'as-missing':
        return false;
      case 'skip':
        act({ type: 'step-missing', step: index, policy: 'skip' });
        return true;
      case 'sheet':
        await showSheet(run);
        this.continueWhenVisible(run, step.target!);
        return true;
      case 'reveal':
      case 'fallback': {
        const standIn = context.targets.resolve(handling.target);
        if (!standIn) {
          await showSheet(run);
        } else {
          if (handling.kind === 'reveal' && this.revealedStep !== index && standIn.getAttribute('aria-expanded') !== 'true') {
            this.revealedStep = index;
            (standIn as HTMLElement).click?.();
          }
          // Revealing may take a frame or an animation: point at the stand-in meanwhile, so the
          // user still sees where to go if the click did not open anything.
          const shown = handling.kind === 'reveal' ? await anchor.wait(context.targets, step.target!, REVEAL_SETTLE_MS) : null;
          if (!anchor.isCurrent(run)) return true;
          if (shown) {
            this.stepTarget = shown;
            await showAnchored(run, step, shown);
            return true;
          }
          this.pointingAtStandIn = true;
          await showAnchored(run, step, standIn);
        }
        this.continueWhenVisible(run, step.target!);
        return true;
      }
    }
  }

  /** Next / Enter: follow the step's link when it says so (the next step is on that page), else move on. */
  readonly forward = (): void => {
    const tour = this.host.experience;
    if (!tour) return;
    const index = this.host.step;
    const link = this.stepTarget?.closest('a[href]');
    if (link instanceof HTMLElement && stepView(tour, index)?.nextFollowsLink) {
      const advancesOnClick = Boolean(tour.steps[index]?.advanceOn?.click) && !this.pointingAtStandIn && link === this.options.anchor.element;
      // The click navigates like the user's own; its listener moves the tour when the step advances on click.
      link.click();
      if (!advancesOnClick) this.moveOnFrom(index);
      return;
    }
    this.options.act(index >= tour.steps.length - 1 ? { type: 'complete' } : { type: 'next' });
  };

  /** Move to the step after `index` (idempotent: a second report of the same move changes nothing). */
  moveOnFrom(index: number): void {
    const tour = this.host.experience;
    if (!tour) return;
    this.options.act(index >= tour.steps.length - 1 ? { type: 'complete' } : { type: 'go-to', step: index + 1 });
  }

  hostDisconnected(): void {
    this.revealedStep = null;
  }

  /** The step's hidden-target handling for this screen (phone or wide). */
  private hiddenHandling(index: number): HiddenTargetHandling {
    const view = stepView(this.host.experience!, index)!;
    return this.options.isPhone() ? view.onHiddenTarget.phone : view.onHiddenTarget.wide;
  }

  /** Once the real target shows (the user opened the menu), lay the step out on it. */
  private continueWhenVisible(run: number, target: Target): void {
    const { anchor, stepLayer } = this.options;
    const abort = new AbortController();
    stepLayer.hold(() => abort.abort());
    void this.host.context!.targets.wait(target, REVEAL_WAIT_MS, abort.signal).then((found) => {
      if (found && anchor.isCurrent(run) && !abort.signal.aborted) this.options.reenter();
    });
  }
}

/** Whether the element has a box the user can see (not in a collapsed menu, not `display: none`). */
export function isRendered(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
}
