/**
 * What every rendered Waymark component shares: the version it was built with (for the guarded
 * `defineElement`), the renderer's context, and `act()`, the one way a user action leaves it.
 * The experience and context properties stay declared on each component, with their own types
 * and docs.
 */
import { LitElement } from 'lit';
import type { UserAction } from '../../engine/contract.js';
import type { ComponentContext } from './context.js';
import { WAYMARK_UI_VERSION } from './define.js';
import { WmActionEvent } from './events.js';

export abstract class WaymarkElement extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;

  abstract experience?: { readonly id: string };
  abstract context?: ComponentContext;

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
