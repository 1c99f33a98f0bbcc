/**
 * Whether a user could see an element: it is connected, has a layout box of non-zero size, is
 * not hidden by `display:none`, `visibility:hidden` or `opacity:0` on itself or an ancestor
 * (across shadow boundaries), and is not scrolled or clipped entirely out of one of its scroll
 * containers. Being below the fold of the page itself still counts as visible: the page scrolls.
 */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  if (typeof el.checkVisibility === 'function') {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  } else if (!visibleByStyle(el)) {
    return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width <= 0 || rect.height <= 0) return false;
  return !clippedOut(el, rect);
}

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The parent in the flat (rendered) tree: slotted nodes render inside their slot, shadow roots inside their host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  const parent = el.parentNode;
  if (!parent) return null;
  if (parent.nodeType === DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === ELEMENT_NODE ? (parent as Element) : null;
}

function styleOf(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el) : null;
}

/** For browsers without `checkVisibility`: walk up the flat tree reading computed styles. */
function visibleByStyle(el: Element): boolean {
  const own = styleOf(el);
  if (!own || own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  for (let node: Element | null = el; node; node = flatParent(node)) {
    const style = node === el ? own : styleOf(node);
    if (!style) return false;
    if (style.display === 'none' || style.opacity === '0') return false;
  }
  return true;
}

/**
 * Whether a scroll container (any ancestor whose overflow is not `visible`) cuts the element
 * off completely. Stops at a fixed-position element (clipped only by the viewport) and at the
 * document's root scroller (the page scrolls, so that does not hide anything for good).
 */
function clippedOut(el: Element, rect: DOMRect): boolean {
  const doc = el.ownerDocument;
  const own = styleOf(el);
  if (own?.position === 'fixed') return false;
  for (let node = flatParent(el); node && node !== doc.body && node !== doc.documentElement; node = flatParent(node)) {
    const style = styleOf(node);
    if (!style) return false;
    const clipsX = style.overflowX !== 'visible';
    const clipsY = style.overflowY !== 'visible';
    if (clipsX || clipsY) {
      const box = node.getBoundingClientRect();
      if (clipsX && (rect.right <= box.left || rect.left >= box.right)) return true;
      if (clipsY && (rect.bottom <= box.top || rect.top >= box.bottom)) return true;
    }
    if (style.position === 'fixed') return false;
  }
  return false;
}
