/**
 * Escape closes only the Waymark layer that holds focus. One stack per renderer (never per
 * module), so two Waymark instances on one page, or two windows, never close each other's layers.
 */
export interface DismissibleLayer {
  /** Called when Escape is pressed while this layer holds focus (or is a modal on top). */
  dismiss(): void;
  /**
   * The surface focus must be inside for Escape to be ours (the component's host element: the
   * key event's composed path crosses it). Without one the layer acts as modal: it takes Escape
   * whenever it is on top (a picker shield, a full-screen takeover).
   */
  element?: Element;
  /** Page elements focus may also be on for Escape to be this layer's (the target a hint opened on focus of). */
  anchors?: () => Iterable<Element>;
  /** A modal layer on top takes Escape wherever focus is (default: true only without `element`). */
  modal?: () => boolean;
}

export interface DismissibleStack {
  /** Put a layer on top. The returned function removes it (wherever it is in the stack). */
  push(layer: DismissibleLayer): () => void;
  /** The layer Escape would close now if focus were inside it. */
  top(): DismissibleLayer | undefined;
  readonly size: number;
  /**
   * The one `T` of this stack that `create` makes, made on its first use and disposed with the stack. The UI
   * keeps its surface coordinator here (`surfacesOf(stack)`): the runtime creates the stack without loading
   * the coordinator, which a page that shows nothing never runs.
   */
  companion<T extends { dispose(): void }>(create: (win: Window) => T): T;
  /** Remove every layer, the keyboard listener and the companions' watchers. */
  dispose(): void;
}

export function createDismissibleStack(win: Window): DismissibleStack {
  const layers: DismissibleLayer[] = [];
  let listening = false;
  const companions = new Map<(win: Window) => { dispose(): void }, { dispose(): void }>();

  const isModal = (layer: DismissibleLayer) => (layer.modal ? layer.modal() : layer.element === undefined);

  const holdsFocus = (layer: DismissibleLayer, path: EventTarget[]) =>
    (layer.element !== undefined && path.includes(layer.element)) || Array.from(layer.anchors?.() ?? []).some((anchor) => path.includes(anchor));

  /**
   * Whether this Escape is Waymark's: a Waymark modal is on top, or focus is inside a Waymark
   * layer (or on the element it is anchored to), or on nothing at all. Then the topmost layer
   * closes. Focus anywhere else in the page (its menu, its own modal) keeps Escape for the host.
   */
  const owner = (event: KeyboardEvent): DismissibleLayer | undefined => {
    const top = layers[layers.length - 1];
    if (!top) return undefined;
    if (isModal(top)) return top;
    const path = event.composedPath();
    const origin = path[0];
    const doc = win.document;
    if (origin === doc.body || origin === doc.documentElement || origin === doc || origin === win) return top;
    return layers.some((layer) => holdsFocus(layer, path)) ? top : undefined;
  };

  // Capture phase on the window: we see Escape before a modal dialog's default "cancel", and
  // consume it only when it is ours: Escape in the host's own menu or modal stays the host's.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    const layer = owner(event);
    if (!layer) return;
    event.preventDefault();
    event.stopPropagation();
    layer.dismiss();
  };

  const sync = () => {
    if (layers.length > 0 && !listening) {
      win.addEventListener('keydown', onKeyDown, true);
      listening = true;
    } else if (layers.length === 0 && listening) {
      win.removeEventListener('keydown', onKeyDown, true);
      listening = false;
    }
  };

  return {
    push(layer) {
      layers.push(layer);
      sync();
      return () => {
        const index = layers.lastIndexOf(layer);
        if (index >= 0) layers.splice(index, 1);
        sync();
      };
    },
    top: () => layers[layers.length - 1],
    get size() {
      return layers.length;
    },
    companion<T extends { dispose(): void }>(create: (win: Window) => T): T {
      let made = companions.get(create) as T | undefined;
      if (!made) {
        made = create(win);
        companions.set(create, made);
      }
      return made;
    },
    dispose() {
      layers.length = 0;
      sync();
      for (const companion of companions.values()) companion.dispose();
      companions.clear();
    },
  };
}
