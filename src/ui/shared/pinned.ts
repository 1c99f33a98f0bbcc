/**
 * Which coordinates a layer that follows an element is placed in. An element in a fixed box, or in a sticky one held by
 * the page's own scroll (a sticky header or sidebar), stays put in the viewport when the window scrolls: a layer placed
 * in viewport coordinates (`position: fixed`) stays with it. Any other element moves with the page, and so does a layer
 * placed in the page's coordinates (`position: absolute` in the top layer). Either way the window's scroll moves the
 * layer with its element on the compositor, and nothing is written or laid out again. The choice never decides where
 * the layer is (it is placed again on every scroll): only what a scrolled frame costs, and whether the layer trails its
 * element by a frame.
 */
export function pinnedToViewport(element: Element): boolean {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  // Overflow set on the body scrolls the viewport (unless the root has its own): not an inner scroll container.
  const bodyScrolls = view.getComputedStyle(doc.documentElement).overflowY !== 'visible';
  // A fixed box below, pinned unless an ancestor is its containing block; a sticky one, unless a scroll container holds it.
  let fixedBelow = false;
  let stickyBelow = false;
  for (let node: Element | null = element; node && node !== doc.documentElement; node = flatParent(node)) {
    const style = view.getComputedStyle(node);
    // A top-layer box is placed against the viewport, whatever its ancestors in the page.
    const topLayer = node.matches(':popover-open, :modal');
    if (fixedBelow && !holdsFixed(style)) {
      if (topLayer) return true;
      continue;
    }
    if (fixedBelow) {
      // Placed against this ancestor: it goes wherever this ancestor goes.
      fixedBelow = false;
      stickyBelow = false;
    }
    if (topLayer) return style.position === 'fixed';
    if (style.position === 'fixed') {
      fixedBelow = true;
      continue;
    }
    if ((node !== doc.body || bodyScrolls) && scrolls(style)) stickyBelow = false;
    if (style.position === 'sticky') stickyBelow = true;
  }
  return fixedBelow || stickyBelow;
}

/** The element's parent in the flat tree: its slot, or the host of the shadow root it is the child of. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}

function scrolls(style: CSSStyleDeclaration): boolean {
  return /auto|scroll|hidden/.test(style.overflowX + style.overflowY);
}

/** The box is the containing block of its fixed descendants (CSS Position: transforms, filters, containment…). */
function holdsFixed(style: CSSStyleDeclaration): boolean {
  return (
    style.transform !== 'none' ||
    style.translate !== 'none' ||
    style.rotate !== 'none' ||
    style.scale !== 'none' ||
    style.perspective !== 'none' ||
    style.filter !== 'none' ||
    style.backdropFilter !== 'none' ||
    /paint|layout|strict|content/.test(style.contain) ||
    /transform|perspective|filter/.test(style.willChange) ||
    style.containerType !== 'normal'
  );
}
