/** Focus management: remember where focus was, give it back afterwards. */

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Remember the currently focused element. The returned function moves focus back to it, if it
 * is still in the document, can take focus, and nothing else took focus in the meantime outside
 * `within`. When it cannot (or focus was on `<body>`), `fallback()` says where focus goes instead.
 */
export function captureFocus(doc: Document, fallback?: () => HTMLElement | null): (within?: Element) => void {
  const previous = deepActiveElement(doc);
  return (within) => {
    const now = deepActiveElement(doc);
    // Only take focus back from ourselves (or from nowhere): never steal it from the host page.
    const focusIsOurs = !now || now === doc.body || now === doc.documentElement || (within !== undefined && isInside(now, within));
    if (!focusIsOurs) return;
    const target = canTakeFocus(previous, doc) ? previous : fallback?.();
    if (target) giveFocus(target);
  };
}

/** Controls keep the browser's own focus ring when focus comes back to them. */
const CONTROL = 'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable]';

/**
 * Move focus without scrolling. A region only a script can focus (outside the tab order, not a control: the main
 * landmark that focus falls back to) gets no focus ring: a ring around a whole region tells no one where they are,
 * and Chromium builds it from every box inside (about 10 ms per focus on an 8,500-element page).
 */
export function giveFocus(element: HTMLElement | SVGElement): void {
  const region = element.tabIndex < 0 && !element.matches(CONTROL);
  element.focus(region ? { preventScroll: true, focusVisible: false } : { preventScroll: true });
}

/** Still in the page, shown, not disabled or inert, and not `<body>` itself. */
function canTakeFocus(element: Element | null, doc: Document): element is HTMLElement | SVGElement {
  if (!(element instanceof HTMLElement || element instanceof SVGElement)) return false;
  if (element === doc.body || element === doc.documentElement || !element.isConnected) return false;
  if (!element.checkVisibility() || element.closest('[inert]') || element.matches(':disabled')) return false;
  return true;
}

/** `node` is `container` or inside it, across shadow boundaries. */
export function isInside(node: Node, container: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === container) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keep Tab inside a modal container: from the last tabbable element Tab wraps to the first,
 * and Shift+Tab from the first (or from the container itself) wraps to the last. Call it from
 * the container's keydown handler; it only acts on Tab.
 */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const tabbable = Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter((element) => element.checkVisibility());
  if (tabbable.length === 0) {
    event.preventDefault();
    return;
  }
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = tabbable[0]!;
  const last = tabbable[tabbable.length - 1]!;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
