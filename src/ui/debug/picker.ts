/**
 * The element picker's input side. While it runs, a transparent shield (the overlay's own
 * element, in the top layer) takes every pointer event, so the page under it sees no hover, no
 * press and no click, and its elements are never touched; the element under the pointer is
 * found by hit-testing through the shield. Escape leaves the picker through the shared
 * dismissible stack, so it closes the picker before any Waymark layer under it.
 */
import type { DismissibleStack } from '../shared/dismissible-stack.js';
import { pickable } from './selector.js';

export interface PickerOptions {
  /** The full-viewport element that receives the pointer while picking. */
  shield: HTMLElement;
  /** Elements never picked: the overlay's host, Waymark's own layers. */
  ignore(element: Element): boolean;
  stack: DismissibleStack;
  onHover(element: Element | null): void;
  onPick(element: Element): void;
  onCancel(): void;
}

/** Start picking; the returned function stops (and is safe to call twice). */
export function startPicker(options: PickerOptions): () => void {
  const { shield } = options;
  const doc = shield.ownerDocument;
  const win = doc.defaultView!;
  let last: Element | null = null;
  let stopped = false;

  const at = (event: MouseEvent): Element | null => {
    const raw = deepElementFromPoint(doc, event.clientX, event.clientY, (element) => element === shield || options.ignore(element));
    return raw ? pickable(raw) : null;
  };
  // Window, capture phase: the first listener of all, so an event on the shield reaches no page
  // listener at all (not even the document's capturing ones). Events elsewhere (the panel) pass.
  const onEvent = (event: Event) => {
    if (!onShield(event as MouseEvent)) return;
    event.stopImmediatePropagation();
    if (event.type === 'pointermove') {
      const element = at(event as PointerEvent);
      if (element !== last) {
        last = element;
        options.onHover(element);
      }
      return;
    }
    // Presses go nowhere: no focus change, no text selection, no page handler.
    if (event.cancelable) event.preventDefault();
    if (event.type === 'click' && (event as MouseEvent).button === 0) {
      const element = at(event as MouseEvent);
      if (element) options.onPick(element);
    }
  };
  // Seen from the window, an event inside a closed shadow root is the host's: which of the host's
  // parts is under the pointer says whether it is the shield (the panel is above it).
  const shieldRoot = shield.getRootNode() as ShadowRoot | Document;
  const onShield = (event: MouseEvent): boolean => {
    const first = event.composedPath()[0];
    if (first === shield) return true;
    if (!('host' in shieldRoot) || first !== shieldRoot.host || typeof event.clientX !== 'number') return false;
    return shieldRoot.elementFromPoint(event.clientX, event.clientY) === shield;
  };
  const onLeave = () => {
    last = null;
    options.onHover(null);
  };

  for (const type of EVENTS) win.addEventListener(type, onEvent, { capture: true });
  shield.addEventListener('pointerleave', onLeave);
  const removeLayer = options.stack.push({ dismiss: () => options.onCancel() });

  return () => {
    if (stopped) return;
    stopped = true;
    removeLayer();
    for (const type of EVENTS) win.removeEventListener(type, onEvent, { capture: true });
    shield.removeEventListener('pointerleave', onLeave);
  };
}

const EVENTS = ['pointermove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mouseover', 'mouseout', 'pointerover', 'pointerout'];

/**
 * The innermost element at a point, looking into open shadow roots, skipping `ignore`d elements
 * (and whatever is inside them).
 */
export function deepElementFromPoint(doc: Document, x: number, y: number, ignore: (element: Element) => boolean): Element | null {
  let scope: Document | ShadowRoot = doc;
  let found: Element | null = null;
  for (let depth = 0; depth < 16; depth++) {
    const within: Document | ShadowRoot = scope;
    // A shadow root's list also holds the host's ancestors: only its own elements count.
    const hit: Element | undefined = within.elementsFromPoint(x, y).find((element) => !ignore(element) && (within === doc || within.contains(element)));
    if (!hit || hit === found) break;
    found = hit;
    const inner: ShadowRoot | null = hit.shadowRoot;
    if (!inner) break;
    scope = inner;
  }
  return found;
}
