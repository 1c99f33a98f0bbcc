/**
 * Escape closes only the topmost Waymark layer. One stack per renderer (never per module), so
 * two Waymark instances on one page, or two windows, never close each other's layers.
 */
export interface DismissibleLayer {
  /** Called when Escape is pressed while this layer is on top. */
  dismiss(): void;
}

export interface DismissibleStack {
  /** Put a layer on top. The returned function removes it (wherever it is in the stack). */
  push(layer: DismissibleLayer): () => void;
  /** The layer Escape would close now. */
  top(): DismissibleLayer | undefined;
  readonly size: number;
  /** Remove every layer and the keyboard listener. */
  dispose(): void;
}

export function createDismissibleStack(win: Window): DismissibleStack {
  const layers: DismissibleLayer[] = [];
  let listening = false;

  // Capture phase on the window: we see Escape before the host page and before a modal
  // dialog's default "cancel", and consume it only when one of our layers is open.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    const top = layers[layers.length - 1];
    if (!top) return;
    event.preventDefault();
    event.stopPropagation();
    top.dismiss();
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
    dispose() {
      layers.length = 0;
      sync();
    },
  };
}
