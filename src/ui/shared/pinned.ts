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
  // A sticky box below, held by the page's scroll unless a scroll container between holds it.
  let sticky = false;
  let node: Element | null = element;
  while (node && node !== doc.documentElement) {
    const style = view.getComputedStyle(node);
    // A top-layer box is placed against the viewport, whatever its ancestors in the page.
    const topLayer: boolean = node.matches(':popover-open, :modal');
    if (style.position === 'fixed') {
      // Placed against the viewport, or against the ancestor that holds it (a transformed one): then it goes wherever
      // that ancestor goes.
      const holder: Element | null = topLayer ? null : (node as HTMLElement).offsetParent;
      if (!holder) return true;
      sticky = false;
      node = holder;
      continue;
    }
    if (topLayer) return false;
    if ((node !== doc.body || bodyScrolls) && /auto|scroll|hidden/.test(style.overflowX + style.overflowY)) sticky = false;
    if (style.position === 'sticky') sticky = true;
    node = flatParent(node);
  }
  return sticky;
}

/** The element's parent in the flat tree: its slot, or the host of the shadow root it is the child of. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}
