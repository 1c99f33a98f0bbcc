/**
 * Target resolution: turn a config `Target` (CSS selector, `{anchor}`, `{text, role, within}`)
 * into elements, searching open shadow roots too; decide whether an element is visible; wait
 * for a late target without polling. Nothing here runs at import.
 */
export {
  createTargetResolver,
  resolveTarget,
  resolveAllTargets,
  matchesTarget,
  openShadowRoots,
  composedParent,
  describeTarget,
  type SearchRoot,
  type TargetIssue,
  type ResolveOptions,
  type TargetResolver,
  type TextMemo,
} from './resolve.js';
export { isVisible } from './visibility.js';
export { waitForTarget, type WaitForTargetOptions } from './wait.js';
export { createPageTargets, type PageTargets } from './page.js';
export { nextFrame } from './frame.js';
export { accessibleText, normalizeText, roleOf } from './text.js';
