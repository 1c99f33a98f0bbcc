/**
 * Typed DOM events dispatched by Waymark components. All bubble and are composed, so a host
 * page can listen on `document`; `wm-action` is cancelable so the host may veto an action.
 */
import type { UserAction } from '../../engine/contract.js';
import type { MissingTargetPolicy } from '../../config/types.js';

/** A tour moved to a step (including the first). */
export class WmStepChangeEvent extends Event {
  static readonly eventName = 'wm-step-change';
  constructor(
    readonly experienceId: string,
    readonly step: number,
    readonly stepId: string,
    readonly total: number,
  ) {
    super(WmStepChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A step's target did not appear within its wait; `policy` says what happens next. */
export class WmTargetMissingEvent extends Event {
  static readonly eventName = 'wm-target-missing';
  constructor(
    readonly experienceId: string,
    readonly step: number,
    /** A readable description of the missing target, e.g. `#save` or `[data-waymark="billing"]`. */
    readonly targetDescription: string,
    readonly policy: MissingTargetPolicy,
  ) {
    super(WmTargetMissingEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user acted on an experience. Cancel it to stop the action from reaching Waymark. */
export class WmActionEvent extends Event {
  static readonly eventName = 'wm-action';
  constructor(
    readonly experienceId: string,
    readonly action: UserAction,
  ) {
    super(WmActionEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A hint or beacon popover opened or closed. */
export class WmOpenChangeEvent extends Event {
  static readonly eventName = 'wm-open-change';
  constructor(
    readonly experienceId: string,
    readonly open: boolean,
  ) {
    super(WmOpenChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wm-step-change': WmStepChangeEvent;
    'wm-target-missing': WmTargetMissingEvent;
    'wm-action': WmActionEvent;
    'wm-open-change': WmOpenChangeEvent;
  }
}
