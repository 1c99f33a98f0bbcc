/**
 * Registering entry for <wm-debug> (guarded: defined once, a version clash is warned about
 * and served under a versioned tag, never thrown). Loaded with `import()` only when debug is on.
 */
import { defineElement } from '../shared/define.js';
import { WmDebug } from './overlay.js';

export { WmDebug };

/** The tag this copy of Waymark renders as (`wm-debug`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-debug' : defineElement(customElements, 'wm-debug', WmDebug);
