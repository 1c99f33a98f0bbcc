/** Focus management: remember where focus was, give it back afterwards. */

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Remember the currently focused element. The returned function moves focus back to it, if it
 * is still in the document and nothing else took focus in the meantime outside `within`.
 */
export function captureFocus(doc: Document): (within?: Element) => void {
  const previous = deepActiveElement(doc);
  return (within) => {
    if (!(previous instanceof HTMLElement || previous instanceof SVGElement) || !previous.isConnected) return;
    const now = deepActiveElement(doc);
    // Only take focus back from ourselves (or from nowhere): never steal it from the host page.
    const focusIsOurs = !now || now === doc.body || (within !== undefined && isInside(now, within));
    if (focusIsOurs) previous.focus({ preventScroll: true });
  };
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
