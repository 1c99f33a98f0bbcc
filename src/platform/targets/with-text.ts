/**
 * The target functions with text targets matched by default (the public `targets/index.ts` exports).
 * The runtime uses the plain ones (resolve.ts, wait.ts, page.ts) and passes `textMatching` only when
 * its config has text targets, so a page whose targets are all selectors does not load text.ts.
 */
import type { Target } from '../../config/types.js';
import { createPageTargets as createPlainPageTargets, type PageTargets } from './page.js';
import * as plain from './resolve.js';
import { TEXT_MATCHING } from './text.js';
import { waitForTarget as waitForPlainTarget, type WaitForTargetOptions } from './wait.js';

function withText<O extends plain.ResolveOptions>(options: O): O {
  return options.textMatching ? options : { ...options, textMatching: () => TEXT_MATCHING };
}

export const createTargetResolver = (options: plain.ResolveOptions = {}): plain.TargetResolver => plain.createTargetResolver(withText(options));

export const resolveTarget = (target: Target, root?: plain.SearchRoot, options: plain.ResolveOptions = {}): Element | null =>
  plain.resolveTarget(target, root, withText(options));

export const resolveAllTargets = (target: Target, root?: plain.SearchRoot, options: plain.ResolveOptions = {}): Element[] =>
  plain.resolveAllTargets(target, root, withText(options));

export const matchesTarget = (el: Element, target: Target, options: plain.ResolveOptions = {}): boolean => plain.matchesTarget(el, target, withText(options));

export const waitForTarget = (target: Target, options: WaitForTargetOptions): Promise<Element | null> => waitForPlainTarget(target, withText(options));

export const createPageTargets = (win: Window, options: plain.ResolveOptions = {}): PageTargets => createPlainPageTargets(win, withText(options));
