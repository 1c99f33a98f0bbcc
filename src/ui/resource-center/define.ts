/**
 * Registering entry for <wm-resource-center>: importing this module defines the element (guarded:
 * defined once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmResourceCenter } from './resource-center.js';

export { WmResourceCenter };

/** The tag this copy of Waymark renders as (`wm-resource-center`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-resource-center' : defineElement(customElements, 'wm-resource-center', WmResourceCenter);
