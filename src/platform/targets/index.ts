/**
 * Target resolution: turn a config `Target` (CSS selector, `{anchor}`, `{text, role, within}`)
 * into elements, searching open shadow roots too; decide whether an element is visible; wait
 * for a late target without polling. Nothing here runs at import. These exports match text
 * targets by default (with-text.ts).
 */
export {
  openShadowRoots,
  composedParent,
  describeTarget,
  type SearchRoot,
  type TargetIssue,
  type ResolveOptions,
  type TargetResolver,
  type TextMemo,
} from './resolve.js';
export { createTargetResolver, resolveTarget, resolveAllTargets, matchesTarget, waitForTarget, createPageTargets } from './with-text.js';
export { isVisible } from './visibility.js';
export { type WaitForTargetOptions } from './wait.js';
export { type PageTargets } from './page.js';
export { nextFrame } from './frame.js';
export { accessibleText, normalizeText, roleOf, TEXT_MATCHING, type TextMatching } from './text.js';
