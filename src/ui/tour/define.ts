/**
 * Registering entry for <wm-tour>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmTour } from './tour.js';

export { WmTour };

/** The tag this copy of Waymark renders as (`wm-tour`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-tour' : defineElement(customElements, 'wm-tour', WmTour);
