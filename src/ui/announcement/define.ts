/**
 * Registering entry for <wm-announcement>: importing this module defines the element (guarded:
 * defined once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmAnnouncement } from './announcement.js';

export { WmAnnouncement };

/** The tag this copy of Waymark renders as (`wm-announcement`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-announcement' : defineElement(customElements, 'wm-announcement', WmAnnouncement);
