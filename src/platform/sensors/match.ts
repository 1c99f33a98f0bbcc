import type { Target } from '../../config/types.js';
import type { TargetResolver, TextMemo } from '../targets/index.js';

const ELEMENT_NODE = 1;

/**
 * The elements of an event's composed path (it crosses open shadow roots), innermost first.
 * Empty for events inside Waymark's debug overlay: using it is not using the page.
 */
export function pathElements(event: Event): Element[] {
  const elements = event.composedPath().filter((node): node is Element => (node as Node).nodeType === ELEMENT_NODE);
  return elements.some((el) => el.getAttribute('data-waymark-ui') === 'debug') ? [] : elements;
}

/** The keys of the configured targets that match one of these elements (an event landed inside them). */
export function keysMatching(elements: readonly Element[], targets: ReadonlyMap<string, Target>, resolver: TargetResolver): string[] {
  if (elements.length === 0 || targets.size === 0) return [];
  const memo: TextMemo = new Map();
  const keys: string[] = [];
  for (const [key, target] of targets) {
    if (elements.some((el) => resolver.matches(el, target, memo))) keys.push(key);
  }
  return keys;
}
