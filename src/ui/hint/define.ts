/**
 * Registering entry for <wm-hint>: importing this module defines the element (guarded: defined
 * once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmHint } from './hint.js';

export { WmHint };

/** The tag this copy of Waymark renders as (`wm-hint`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-hint' : defineElement(customElements, 'wm-hint', WmHint);
