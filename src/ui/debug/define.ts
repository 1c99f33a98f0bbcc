/**
 * Registering entry for <waymark-debug> (guarded: defined once, a version clash is warned about
 * and served under a versioned tag, never thrown). Loaded with `import()` only when debug is on.
 */
import { defineElement } from '../shared/define.js';
import { WaymarkDebug } from './overlay.js';

export { WaymarkDebug };
export { suggestTargets, pickable, isGeneratedToken, formatTarget } from './selector.js';
export type { DebugSource, DebugSnapshot, DebugExperience, DebugLogEntry, DebugTargets } from './types.js';

/** The tag this copy of Waymark renders as (`waymark-debug`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'waymark-debug' : defineElement(customElements, 'waymark-debug', WaymarkDebug);
