/**
 * Registering entry for <wm-checklist>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmChecklist } from './checklist.js';

export { WmChecklist };

/** The tag this copy of Waymark renders as (`wm-checklist`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-checklist' : defineElement(customElements, 'wm-checklist', WmChecklist);
