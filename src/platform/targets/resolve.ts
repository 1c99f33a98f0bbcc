import type { Target } from '../../config/types.js';
import type { TextMatching } from './text.js';
import { isVisible } from './visibility.js';

/** Where a search runs: a document or an open shadow root (and, recursively, the open shadow roots inside). */
export type SearchRoot = Document | ShadowRoot;

/** A problem with a target, as data. Reported, never thrown. */
export interface TargetIssue {
  /** `text-matching-unavailable`: a text target met a resolver created without `textMatching`. */
  code: 'invalid-selector' | 'text-matching-unavailable';
  /** The selector as written in the config (for a text target, its description). */
  selector: string;
  message: string;
}

export interface ResolveOptions {
  /** Called with each problem found; a `TargetResolver` calls it once per distinct problem. */
  onIssue?: (issue: TargetIssue) => void;
  /**
   * Text targets' matching (text.ts `TEXT_MATCHING`), read at each search: without it a text target
   * matches nothing and is reported. The `targets/index.ts` exports pass it by default; the runtime
   * loads it only for configs that have text targets.
   */
  textMatching?: () => TextMatching | null;
}

/** A target in the one shape searches use. */
type NormalTarget =
  | { kind: 'selector'; selector: string }
  | { kind: 'text'; text: string; role: string | null; within: string | null; matching: TextMatching };

/** Per-search memo of accessible text, so ancestors shared by several checks are read once. */
export type TextMemo = Map<Element, string>;

export interface TargetResolver {
  /**
   * Every element matching the target in these roots (each searched on its own, not including
   * shadow roots nested inside: pass them too, see `openShadowRoots`). Text targets yield only
   * their innermost matches.
   */
  all(target: Target, roots: readonly SearchRoot[]): Element[];
  /** Whether this element matches the target (used to test the nodes of an event's path). */
  matches(el: Element, target: Target, memo?: TextMemo): boolean;
}

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
/** Elements whose accessible text may come from something other than their text content. */
const NAMED_OTHERWISE = '[aria-label], [aria-labelledby], [title], img, input, textarea, select';
const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * A resolver that reports each distinct problem (e.g. one invalid selector) only once, however
 * often the target is resolved. Keep one per consumer: the memory of what was reported lives here.
 */
export function createTargetResolver(options: ResolveOptions = {}): TargetResolver {
  const reported = new Set<string>();
  const report = (issue: TargetIssue): void => {
    const key = `${issue.code}:${issue.selector}`;
    if (reported.has(key)) return;
    reported.add(key);
    options.onIssue?.(issue);
  };
  /** Selectors already known to be invalid: skipped without calling into the engine again. */
  const invalid = new Set<string>();

  function selectAll(scope: ParentNode, selector: string): Element[] {
    if (invalid.has(selector)) return [];
    try {
      return Array.from(scope.querySelectorAll(selector));
    } catch (error) {
      invalid.add(selector);
      report({ code: 'invalid-selector', selector, message: `invalid CSS selector ${JSON.stringify(selector)}: ${errorMessage(error)}` });
      return [];
    }
  }

  function elementMatches(el: Element, selector: string): boolean {
    if (invalid.has(selector)) return false;
    try {
      return el.matches(selector);
    } catch (error) {
      invalid.add(selector);
      report({ code: 'invalid-selector', selector, message: `invalid CSS selector ${JSON.stringify(selector)}: ${errorMessage(error)}` });
      return false;
    }
  }

  function textMatches(el: Element, target: Extract<NormalTarget, { kind: 'text' }>, memo?: TextMemo): boolean {
    const { roleOf, normalizeText, accessibleText } = target.matching;
    if (target.role !== null && roleOf(el) !== target.role) return false;
    if (target.within !== null && !insideMatch(el, target.within)) return false;
    let text = memo?.get(el);
    if (text === undefined) {
      text = normalizeText(accessibleText(el));
      memo?.set(el, text);
    }
    return text === target.text;
  }

  /** Whether `el` or a composed ancestor matches `selector`. */
  function insideMatch(el: Element, selector: string): boolean {
    for (let node: Element | null = el; node; node = composedParent(node)) {
      if (elementMatches(node, selector)) return true;
    }
    return false;
  }

  /**
   * Elements that could be named `text` when any role will do. Text content first, pruned: an
   * element whose text content does not contain the text has no descendant whose text content
   * equals it, so whole subtrees are skipped with one native `textContent` read. Then the few
   * elements named some other way (aria-label, labels, alt, title) and the shadow root's host.
   */
  function textCandidates(root: SearchRoot, text: string, { normalizeText }: TextMatching): Element[] {
    const found: Element[] = [];
    const pending = Array.from(root.children).reverse();
    while (pending.length > 0) {
      const el = pending.pop()!;
      if (!normalizeText(el.textContent ?? '').includes(text)) continue;
      found.push(el);
      for (let i = el.children.length - 1; i >= 0; i--) pending.push(el.children[i]!);
    }
    found.push(...selectAll(root, NAMED_OTHERWISE));
    if (root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) found.push((root as ShadowRoot).host);
    return found;
  }

  /** The target in its search shape, or null: a text target without text matching (reported once). */
  function normalize(target: Target): NormalTarget | null {
    const matching = typeof target === 'object' && 'text' in target ? options.textMatching?.() ?? null : null;
    const normal = normalizeTarget(target, matching);
    if (!normal) {
      const selector = describeTarget(target);
      report({ code: 'text-matching-unavailable', selector, message: `the text target ${selector} matches nothing: this resolver was created without text matching` });
    }
    return normal;
  }

  return {
    all(target, roots) {
      const normal = normalize(target);
      if (!normal) return [];
      if (normal.kind === 'selector') return roots.flatMap((root) => selectAll(root, normal.selector));
      if (normal.text === '') return [];
      if (normal.within !== null && roots.length > 0) selectAll(roots[0]!, normal.within); // surfaces an invalid `within` even when nothing else matches
      const memo: TextMemo = new Map();
      const candidates = (root: SearchRoot) =>
        normal.role === null ? textCandidates(root, normal.text, normal.matching) : selectAll(root, normal.matching.candidateSelectorForRole(normal.role));
      const found = roots.flatMap(candidates).filter((el) => textMatches(el, normal, memo));
      return innermost([...new Set(found)]);
    },
    matches(el, target, memo) {
      const normal = normalize(target);
      if (!normal) return false;
      return normal.kind === 'selector' ? elementMatches(el, normal.selector) : normal.text !== '' && textMatches(el, normal, memo);
    },
  };
}

/**
 * The element a target points at in `root` (default: the global document) and the open shadow
 * roots inside it, or null. When several match, the first visible one wins (so a hidden mobile
 * copy of a menu does not shadow the visible desktop one); text targets prefer the innermost match.
 * Never throws: an invalid selector resolves to null and is reported through `onIssue`.
 */
export function resolveTarget(target: Target, root: SearchRoot = globalThis.document, options: ResolveOptions = {}): Element | null {
  const { found, visible } = searchTarget(createTargetResolver(options), target, root);
  return visible ?? found[0] ?? null;
}

/** What a search of `root` found: every match (root first), the first visible one, and the open shadow roots searched. */
export interface TargetSearch {
  found: Element[];
  visible: Element | null;
  /** Null: not searched, a visible match in `root` itself already decided. */
  shadowRoots: ShadowRoot[] | null;
}

/**
 * Search `root`, then the open shadow roots inside it. A selector target with a visible match in `root` itself stops
 * there: matches in shadow roots come after it, so the walk of the whole tree that finds those roots (on a large page,
 * most of a search's cost) cannot change the answer. Text targets always search them: their innermost match may lie
 * in a shadow root inside a match. `shadowRootsOf`: where the open shadow roots come from (default: a walk of `root`).
 */
export function searchTarget(
  resolver: TargetResolver,
  target: Target,
  root: SearchRoot,
  shadowRootsOf: (root: SearchRoot) => ShadowRoot[] = openShadowRoots,
): TargetSearch {
  const bySelector = typeof target === 'string' || 'selector' in target || 'anchor' in target;
  const inRoot = bySelector ? resolver.all(target, [root]) : [];
  const visible = inRoot.find(isVisible);
  if (visible) return { found: inRoot, visible, shadowRoots: null };
  const shadowRoots = shadowRootsOf(root);
  const rest = resolver.all(target, bySelector ? shadowRoots : [root, ...shadowRoots]);
  return { found: [...inRoot, ...rest], visible: rest.find(isVisible) ?? null, shadowRoots };
}

/** Every element the target points at (document first, then open shadow roots), or an empty list. */
export function resolveAllTargets(target: Target, root: SearchRoot = globalThis.document, options: ResolveOptions = {}): Element[] {
  return createTargetResolver(options).all(target, [root, ...openShadowRoots(root)]);
}

/** Whether `el` is (one of) the element(s) the target points at. */
export function matchesTarget(el: Element, target: Target, options: ResolveOptions = {}): boolean {
  return createTargetResolver(options).matches(el, target);
}

/** Every open shadow root inside `root`, nested ones included, in tree order. */
export function openShadowRoots(root: SearchRoot | Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const pending: Array<SearchRoot | Element> = [root];
  while (pending.length > 0) {
    const scope = pending.shift()!;
    const doc = scope.nodeType === DOCUMENT_NODE ? (scope as Document) : scope.ownerDocument!;
    const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      const shadow = node.nodeType === ELEMENT_NODE ? (node as Element).shadowRoot : null;
      if (shadow) {
        found.push(shadow);
        pending.push(shadow);
      }
    }
  }
  return found;
}

/** The parent across shadow boundaries: a shadow root's parent is its host. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === ELEMENT_NODE ? (parent as Element) : null;
}

/** A short, human-readable description of a target for messages (`wm-target-missing`) and `why()` output. */
export function describeTarget(target: Target): string {
  if (typeof target === 'string') return target;
  if ('selector' in target) return target.selector;
  if ('anchor' in target) return `[data-waymark="${target.anchor}"]`;
  return `text "${target.text}"${target.role ? ` (role ${target.role})` : ''}${target.within ? ` within ${target.within}` : ''}`;
}

function normalizeTarget(target: Target, matching: TextMatching | null): NormalTarget | null {
  if (typeof target === 'string') return { kind: 'selector', selector: target };
  if ('selector' in target) return { kind: 'selector', selector: target.selector };
  if ('anchor' in target) return { kind: 'selector', selector: `[data-waymark="${escapeCss(target.anchor)}"]` };
  if (!matching) return null;
  return {
    kind: 'text',
    matching,
    text: matching.normalizeText(target.text),
    role: target.role ? target.role.trim().toLowerCase() : null,
    within: target.within ?? null,
  };
}

/** Keep only matches that contain no other match (so `<button><span>Save</span></button>` yields the span). */
function innermost(matches: Element[]): Element[] {
  if (matches.length < 2) return matches;
  const all = new Set(matches);
  const outer = new Set<Element>();
  for (const match of matches) {
    for (let node = composedParent(match); node; node = composedParent(node)) {
      if (all.has(node)) outer.add(node);
    }
  }
  return matches.filter((match) => !outer.has(match));
}

function escapeCss(value: string): string {
  const css = (globalThis as { CSS?: { escape?: (value: string) => string } }).CSS;
  if (typeof css?.escape === 'function') return css.escape(value);
  // Inside a double-quoted CSS string only the quote, the backslash and newlines need escaping.
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
