/**
 * Registering entry for <wm-beacon>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmBeacon } from './beacon.js';

export { WmBeacon };

/** The tag this copy of Waymark renders as (`wm-beacon`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-beacon' : defineElement(customElements, 'wm-beacon', WmBeacon);
