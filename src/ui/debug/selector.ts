/**
 * From a picked element to a config `target` that will still find it after the next deploy.
 * Pure: it reads the element and its tree, and checks every candidate with the SDK's own target
 * resolution (injected), never with a look-alike. Preference, most robust first:
 *
 * 1. `{ "anchor": "…" }` — a `data-waymark` attribute the app put there for Waymark;
 * 2. `#id`, when the id is unique and does not look generated (`:r1:`, `ember123`, uuids, hashes);
 * 3. a stable attribute: test ids, `name`, `aria-label`, `href`, `title`, `placeholder`, `alt`, `for`;
 * 4. `{ "text": …, "role": … }` — what a user reads, optionally `within` an anchored ancestor;
 * 5. a short structural path from the nearest stable ancestor, skipping hashed class names
 *    (`css-1x2y3z`, `sc-…`, `_abc123`, CSS-module suffixes) and state classes (`is-active`).
 */
import type { Target } from '../../config/types.js';
import type { DebugTargets } from './types.js';

export type SuggestionKind = 'anchor' | 'id' | 'attribute' | 'text' | 'path';

export interface TargetSuggestion {
  kind: SuggestionKind;
  /** The config `target` value, ready to paste. */
  target: Target;
  /** The CSS selector form (text targets have none). */
  css?: string;
  /** How many elements the SDK finds for this target. */
  count: number;
  /** It finds exactly the picked element. */
  unique: boolean;
}

export interface PickedTarget {
  element: Element;
  /** The first unique suggestion in preference order (else the structural path). */
  best: TargetSuggestion;
  /** Every candidate, in preference order, `best` included. */
  suggestions: TargetSuggestion[];
}

/** Attributes that name an element on purpose (in order of preference). */
const TEST_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa', 'data-id'];
const NAMING_ATTRIBUTES = ['name', 'aria-label', 'href', 'title', 'placeholder', 'alt', 'for'];
/** What a user means when they point inside one of these: the control, not the icon in it. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, label, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="switch"], [role="option"], [role="radio"]';
const MAX_VALUE = 80;
const MAX_TEXT = 60;
const MAX_DEPTH = 8;

/**
 * The element a pointer at `raw` means: the innermost control containing it (an icon inside a
 * button gives the button), the outermost `<svg>` for a shape, else `raw` itself.
 */
export function pickable(raw: Element): Element {
  let element = raw;
  // Shapes inside an icon: the icon.
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.localName === 'svg') element = node;
  }
  return element.closest(INTERACTIVE) ?? element;
}

/**
 * A token (id, class, test id) that a build tool or framework generated rather than a person
 * wrote: it will differ in the next build, so a selector must not rely on it.
 */
export function isGeneratedToken(token: string): boolean {
  if (token.length === 0) return true;
  if (/[^\w-]/.test(token)) return true; // `md:flex`, `w-[3px]`, `:r1:` — tooling syntax, not names
  if (/^(css|sc|jsx|svelte|astro|emotion|styled|jss)-/i.test(token)) return true; // CSS-in-JS and scoped styles
  if (/^(ember|ext-gen|mui|radix|headlessui|react-select|rc-|makeStyles)/i.test(token) && /\d/.test(token)) return true; // framework counters
  if (/^ng-(tns|star|untouched|touched|pristine|dirty|valid|invalid)/.test(token)) return true; // framework state
  if (/^(ng|v|data-v)-[a-f0-9]{6,}$/i.test(token)) return true;
  if (/\d{3,}/.test(token)) return true; // item-12345, ember123
  if (/[0-9a-f]{8}-?[0-9a-f]{4}/i.test(token)) return true; // uuids
  if (/^_/.test(token) && /\d/.test(token)) return true; // _abc123
  if (/__[a-zA-Z0-9_-]{5}$/.test(token) && /\d/.test(token.slice(-5))) return true; // CSS modules: Button_root__1a2b3
  // A segment of 5+ characters mixing letters and at least two digits: a hash (`x1abc23`, `a8f3kq9`).
  return token.split(/[-_]+/).some((segment) => segment.length >= 5 && /[a-z]/i.test(segment) && (segment.match(/\d/g)?.length ?? 0) >= 2);
}

/** Classes that describe a moment (hovered, open, active), not the element. */
function isStateClass(token: string): boolean {
  return /(^|[-_])(active|selected|open|opened|closed|hover|hovered|focus|focused|visible|hidden|show|shown|current|disabled|checked|expanded|collapsed|loading|loaded|animating|entering|leaving)$/i.test(token);
}

/** Suggest config targets for `picked`, best first. */
export function suggestTargets(picked: Element, targets: DebugTargets): PickedTarget {
  const root = picked.getRootNode() as Document | ShadowRoot;
  const escape = cssEscaper(picked);
  const suggestions: TargetSuggestion[] = [];
  const seen = new Set<string>();
  const add = (kind: SuggestionKind, target: Target, css?: string): TargetSuggestion | null => {
    const key = JSON.stringify(target);
    if (seen.has(key)) return null;
    seen.add(key);
    let found: Element[];
    try {
      found = targets.all(target);
    } catch {
      found = [];
    }
    if (found.length === 0 || !found.includes(picked)) return null; // never offer a target that misses the element
    const suggestion: TargetSuggestion = { kind, target, count: found.length, unique: found.length === 1 };
    if (css !== undefined) suggestion.css = css;
    suggestions.push(suggestion);
    return suggestion;
  };

  // 1. The app's own anchor for Waymark.
  const anchor = picked.getAttribute('data-waymark');
  if (anchor) add('anchor', { anchor }, `[data-waymark="${attributeValue(anchor)}"]`);

  // 2. A hand-written id.
  const id = picked.getAttribute('id');
  if (id && !isGeneratedToken(id)) add('id', `#${escape(id)}`, `#${escape(id)}`);

  // 3. Attributes that name the element.
  for (const name of [...TEST_ATTRIBUTES, ...NAMING_ATTRIBUTES]) {
    const value = picked.getAttribute(name);
    if (!value || value.length > MAX_VALUE || value.trim() !== value) continue;
    if (TEST_ATTRIBUTES.includes(name) && isGeneratedToken(value)) continue;
    if (name === 'href' && /^\s*javascript:/i.test(value)) continue;
    const css = `${picked.localName}[${name}="${attributeValue(value)}"]`;
    add('attribute', css, css);
  }

  // 4. Its role and what it says.
  const text = collapse(targets.accessibleText(picked));
  if (text && text.length <= MAX_TEXT) {
    const role = targets.roleOf(picked);
    const byText: { text: string; role?: string } = role ? { text, role } : { text };
    const plain = add('text', byText);
    if (!plain?.unique) {
      const scope = stableAncestor(picked, root, escape);
      if (scope) add('text', { ...byText, within: scope });
    }
  }

  // 5. A structural path from the nearest stable ancestor.
  const path = structuralPath(picked, root, escape);
  const pathSuggestion = path ? add('path', path, path) : null;

  const best =
    suggestions.find((s) => s.unique) ??
    pathSuggestion ??
    suggestions[0] ??
    // Nothing the resolver confirms (e.g. a detached element): the path is still the honest answer.
    { kind: 'path' as const, target: path ?? picked.localName, css: path ?? picked.localName, count: 0, unique: false };
  return { element: picked, best, suggestions };
}

/** A target as it is written in the config (`"target": …`). */
export function formatTarget(target: Target): string {
  return JSON.stringify(target);
}

/** The nearest ancestor with an anchor, a hand-written unique id or a unique test id, as a CSS selector. */
function stableAncestor(element: Element, root: Document | ShadowRoot, escape: (value: string) => string): string | null {
  let depth = 0;
  for (let node = element.parentElement; node && depth < MAX_DEPTH * 2; node = node.parentElement, depth++) {
    const handle = handleOf(node, root, escape);
    if (handle) return handle;
  }
  return null;
}

/** A selector that alone finds exactly `node` in its root, from a stable attribute; else null. */
function handleOf(node: Element, root: Document | ShadowRoot, escape: (value: string) => string): string | null {
  const candidates: string[] = [];
  const anchor = node.getAttribute('data-waymark');
  if (anchor) candidates.push(`[data-waymark="${attributeValue(anchor)}"]`);
  const id = node.getAttribute('id');
  if (id && !isGeneratedToken(id)) candidates.push(`#${escape(id)}`);
  for (const name of TEST_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value && !isGeneratedToken(value) && value.length <= MAX_VALUE) candidates.push(`[${name}="${attributeValue(value)}"]`);
  }
  const label = node.getAttribute('aria-label');
  if (label && label.length <= MAX_VALUE && !/["\\\n]/.test(label)) candidates.push(`${node.localName}[aria-label="${attributeValue(label)}"]`);
  return candidates.find((selector) => isUniqueIn(root, selector, node)) ?? null;
}

/**
 * `anchor > ul > li:nth-of-type(2) > a`: from the nearest stable ancestor when there is one
 * (so a new element elsewhere on the page cannot match it later), else as short as is unique.
 */
function structuralPath(element: Element, root: Document | ShadowRoot, escape: (value: string) => string): string | null {
  const parts: string[] = [];
  let shortest: string | null = null;
  let depth = 0;
  for (let node: Element | null = element; node && depth < MAX_DEPTH; node = node.parentElement, depth++) {
    if (node !== element) {
      const handle = handleOf(node, root, escape);
      if (handle) {
        // Shortest first: `#main h1.title`, then `#main div.header > h1.title`, … up to the full chain.
        for (let keep = 1; keep <= parts.length; keep++) {
          const tail = parts.slice(parts.length - keep).join(' > ');
          const anchored = keep === parts.length ? `${handle} > ${tail}` : `${handle} ${tail}`;
          if (isUniqueIn(root, anchored, element)) return anchored;
        }
      }
    }
    if (node.localName === 'html' || node.localName === 'body') {
      const fromTop = [node.localName, ...parts].join(' > ');
      return shortest ?? (isUniqueIn(root, fromTop, element) ? fromTop : null);
    }
    parts.unshift(segmentOf(node, escape));
    const selector = parts.join(' > ');
    if (shortest === null && isUniqueIn(root, selector, element)) shortest = selector;
  }
  return shortest;
}

/** `tag.stable-class:nth-of-type(n)`; the position only when a sibling would match too. */
function segmentOf(node: Element, escape: (value: string) => string): string {
  const classes = Array.from(node.classList)
    .filter((token) => !isGeneratedToken(token) && !isStateClass(token))
    .slice(0, 2)
    .map((token) => `.${escape(token)}`)
    .join('');
  const segment = `${node.localName}${classes}`;
  const parent = node.parentElement;
  if (!parent) return segment;
  const sameTag = Array.from(parent.children).filter((child) => child.localName === node.localName);
  const alike = sameTag.filter((child) => matches(child, segment));
  if (alike.length <= 1) return segment;
  return `${segment}:nth-of-type(${sameTag.indexOf(node) + 1})`;
}

function isUniqueIn(root: Document | ShadowRoot, selector: string, element: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** Escaping for the picked element's own realm (an iframe's element uses its window's `CSS`). */
function cssEscaper(element: Element): (value: string) => string {
  const css = (element.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.CSS;
  if (css?.escape) return (value) => css.escape(value);
  return (value) => value.replace(/[^\w-]/g, (char) => `\\${char}`);
}

/** A value inside a double-quoted CSS string. */
function attributeValue(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
