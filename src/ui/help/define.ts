/**
 * Registering entry for <wm-help>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmHelp } from './help.js';

export { WmHelp };

/** The tag this copy of Waymark renders as (`wm-help`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-help' : defineElement(customElements, 'wm-help', WmHelp);
