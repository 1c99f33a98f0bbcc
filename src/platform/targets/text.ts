/**
 * Roles and accessible text, just enough to find "the button that says Save" the way a user
 * (or a screen reader) would name it. Not a full accname implementation: labels, aria-label(ledby),
 * button values, image alt, and text content including open shadow roots the element hosts.
 */

/** Trimmed, whitespace-collapsed, lower-cased: the form both sides of a text match are compared in. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Implicit ARIA roles of common elements: per tag, the first selector an element matches gives
 * its role (order matters only where one selector is a special case of a later one).
 */
const IMPLICIT_ROLES: ReadonlyArray<readonly [selector: string, role: string]> = [
  ['a[href]', 'link'],
  ['area[href]', 'link'],
  ['button', 'button'],
  ['input[type="button" i]', 'button'],
  ['input[type="submit" i]', 'button'],
  ['input[type="reset" i]', 'button'],
  ['input[type="image" i]', 'button'],
  ['input[type="checkbox" i]', 'checkbox'],
  ['input[type="radio" i]', 'radio'],
  ['input[type="range" i]', 'slider'],
  ['input[type="number" i]', 'spinbutton'],
  ['input[list]', 'combobox'],
  ['input[type="search" i]', 'searchbox'],
  ['input:not([type]), input[type="text" i], input[type="email" i], input[type="tel" i], input[type="url" i], input[type=""]', 'textbox'],
  ['textarea', 'textbox'],
  ['select[multiple], select[size]:not([size="0"]):not([size="1"])', 'listbox'],
  ['select', 'combobox'],
  ['h1', 'heading'], ['h2', 'heading'], ['h3', 'heading'], ['h4', 'heading'], ['h5', 'heading'], ['h6', 'heading'],
  ['img[alt=""]', 'presentation'],
  ['img', 'img'],
  ['nav', 'navigation'],
  ['main', 'main'],
  ['header', 'banner'],
  ['footer', 'contentinfo'],
  ['aside', 'complementary'],
  ['form', 'form'],
  ['section', 'region'],
  ['article', 'article'],
  ['dialog', 'dialog'],
  ['ul', 'list'], ['ol', 'list'], ['menu', 'list'],
  ['li', 'listitem'],
  ['table', 'table'],
  ['tr', 'row'],
  ['th', 'columnheader'],
  ['td', 'cell'],
  ['option', 'option'],
  ['progress', 'progressbar'],
  ['output', 'status'],
  ['hr', 'separator'],
  ['fieldset', 'group'],
  ['details', 'group'],
  // Browsers expose <summary> as a disclosure button; authors expect `role: "button"` to find it.
  ['summary', 'button'],
];

/** The same table grouped by tag, so finding a role costs one lookup and few `matches` calls. */
const ROLES_BY_TAG: ReadonlyMap<string, ReadonlyArray<readonly [selector: string, role: string]>> = /*#__PURE__*/ groupByTag(IMPLICIT_ROLES);

function groupByTag(entries: typeof IMPLICIT_ROLES): Map<string, Array<readonly [string, string]>> {
  const byTag = new Map<string, Array<readonly [string, string]>>();
  for (const entry of entries) {
    const tag = /^[a-z0-9]+/.exec(entry[0])![0];
    byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  }
  return byTag;
}

/** The element's role: the first token of an explicit `role`, else its implicit role, else null. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit.toLowerCase();
  for (const [selector, role] of ROLES_BY_TAG.get(el.localName) ?? []) {
    if (selector === el.localName || el.matches(selector)) return role;
  }
  return null;
}

/**
 * A selector that finds every element that could have `role` (explicitly or implicitly), so a
 * search only tests the accessible text of plausible candidates. Candidates still go through
 * `roleOf`, because e.g. `[role]` also finds elements with other roles.
 */
export function candidateSelectorForRole(role: string): string {
  const tags = IMPLICIT_ROLES.filter(([, implicit]) => implicit === role).map(([selector]) => selector);
  return [...tags, '[role]'].join(', ');
}

// Node type numbers, so the module works with any realm's nodes (iframes) without reading globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript']);
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);

/** The accessible text of an element (not yet normalized). */
export function accessibleText(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => (id && typeof root.getElementById === 'function' ? root.getElementById(id)?.textContent ?? '' : ''))
      .join(' ');
    if (text.trim()) return text;
  }
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return label;
  switch (el.localName) {
    case 'input': {
      const input = el as HTMLInputElement;
      const type = input.type.toLowerCase();
      if (BUTTON_INPUT_TYPES.has(type)) return input.value || (type === 'reset' ? 'Reset' : type === 'submit' ? 'Submit' : '');
      if (type === 'image') return input.alt;
      return labelsText(input);
    }
    case 'textarea':
    case 'select':
      return labelsText(el as HTMLTextAreaElement | HTMLSelectElement);
    case 'img':
      return el.getAttribute('alt') ?? '';
  }
  const text = composedText(el);
  return text.trim() ? text : el.getAttribute('title') ?? '';
}

function labelsText(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const labels = field.labels;
  return labels ? Array.from(labels, (label) => label.textContent ?? '').join(' ') : '';
}

/**
 * Text content as rendered: for a shadow host, its shadow tree with slots replaced by what is
 * assigned to them. A plain element uses the (fast, native) `textContent`.
 */
function composedText(el: Element): string {
  return el.shadowRoot ? walkText(el.shadowRoot) : el.textContent ?? '';
}

function walkText(parent: Node): string {
  let out = '';
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out += (child as Text).data;
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      if (HIDDEN_CONTENT.has(el.localName)) continue;
      if (el.localName === 'slot') {
        const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
        out += assigned.length > 0
          ? assigned.map((node) => (node.nodeType === ELEMENT_NODE ? composedText(node as Element) : node.textContent ?? '')).join('')
          : walkText(el);
      } else {
        out += el.shadowRoot ? walkText(el.shadowRoot) : walkText(el);
      }
    }
  }
  return out;
}

/** What resolving a text target (`{text, role, within}`) takes: a dependency of the target resolver (resolve.ts). */
export interface TextMatching {
  normalizeText(text: string): string;
  roleOf(el: Element): string | null;
  candidateSelectorForRole(role: string): string;
  accessibleText(el: Element): string;
}

export const TEXT_MATCHING: TextMatching = { normalizeText, roleOf, candidateSelectorForRole, accessibleText };
