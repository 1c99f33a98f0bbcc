/**
 * Registering entry for <wm-nudge>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmNudge } from './nudge.js';

export { WmNudge };

/** The tag this copy of Waymark renders as (`wm-nudge`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-nudge' : defineElement(customElements, 'wm-nudge', WmNudge);
