import { LitElement } from 'lit';
import type { UserAction } from '../../engine/contract.js';
import type { ComponentContext } from './context.js';
import { WAYMARK_UI_VERSION } from './define.js';
import { WmActionEvent } from './events.js';

/** Each component declares these itself, as public properties with their own types and docs. */
export interface WaymarkElement {
  experience?: { readonly id: string };
  context?: ComponentContext;
}

/**
 * What every rendered Waymark component shares: the version it was built with (for the guarded
 * `defineElement`), the renderer's context, and `act()`, the one way a user action leaves it.
 * The experience and context properties stay declared on each component, with their own types
 * and docs.
 */
export abstract class WaymarkElement extends LitElement {
  /** The Waymark version this element was built with (a second copy on the page registers under a versioned tag). */
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  /** Report a user action: a cancelable `wm-action` event first; Waymark hears it unless the host vetoed it. */
  protected act(action: UserAction): void {
    const experience = this.experience;
    const context = this.context;
    if (!experience || !context) return;
    const event = new WmActionEvent(experience.id, action);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) context.act(experience.id, action);
  }
}
