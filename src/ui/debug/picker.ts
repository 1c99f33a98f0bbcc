/**
 * The element picker's input side. While it runs, a transparent shield (the overlay's own
 * element, in the top layer) takes every pointer event, so the page under it sees no hover, no
 * press and no click, and its elements are never touched; the element under the pointer is
 * found by hit-testing through the shield. By keyboard, arrow keys move the highlight through the
 * page's elements (Up: parent, Down: first child, Left/Right: previous/next sibling) and Enter
 * picks it. Escape leaves the picker through the shared dismissible stack, so it closes the
 * picker before any Waymark layer under it.
 */
import type { DismissibleStack } from '../shared/dismissible-stack.js';
import { pickable } from './selector.js';

export interface PickerOptions {
  /** The full-viewport element that receives the pointer while picking. */
  shield: HTMLElement;
  /** Elements never picked: the overlay's host, Waymark's own layers. */
  ignore(element: Element): boolean;
  stack: DismissibleStack;
  /** `byKeyboard`: moved with the arrow keys (worth announcing), not by the pointer. */
  onHover(element: Element | null, byKeyboard?: boolean): void;
  /** Where keyboard navigation starts: the element highlighted first when an arrow key is pressed. */
  start?: Element | null;
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
  // Keyboard: window capture too, so the page's own shortcuts never see the keys the picker uses.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLElement && (origin.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName))) return;
    const move = KEY_MOVES[event.key];
    if (!move && event.key !== 'Enter') return;
    if (event.key === 'Enter' && !last) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.key === 'Enter') {
      options.onPick(last!);
      return;
    }
    const from = last ?? options.start ?? doc.body;
    const next = last ? step(from, move!, options.ignore) : firstCandidate(from, options.ignore);
    if (next && next !== last) {
      last = next;
      next.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      options.onHover(next, true);
    }
  };
  const onLeave = () => {
    last = null;
    options.onHover(null);
  };

  for (const type of EVENTS) win.addEventListener(type, onEvent, { capture: true });
  win.addEventListener('keydown', onKeyDown, { capture: true });
  shield.addEventListener('pointerleave', onLeave);
  const removeLayer = options.stack.push({ dismiss: () => options.onCancel() });

  return () => {
    if (stopped) return;
    stopped = true;
    removeLayer();
    for (const type of EVENTS) win.removeEventListener(type, onEvent, { capture: true });
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    shield.removeEventListener('pointerleave', onLeave);
  };
}

type Move = 'parent' | 'child' | 'previous' | 'next';
const KEY_MOVES: Record<string, Move | undefined> = { ArrowUp: 'parent', ArrowDown: 'child', ArrowLeft: 'previous', ArrowRight: 'next' };

/** Elements the picker can highlight: rendered, not the page's root, not Waymark's own. */
function candidate(element: Element | null, ignore: (element: Element) => boolean): boolean {
  if (!element || element.localName === 'html' || element.localName === 'body' || element.localName === 'head') return false;
  if (ignore(element) || ['script', 'style', 'template', 'link', 'meta'].includes(element.localName)) return false;
  return element.getClientRects().length > 0;
}

/** The first element to highlight: the start itself when it can be picked, else its first pickable descendant. */
function firstCandidate(start: Element, ignore: (element: Element) => boolean): Element | null {
  if (candidate(start, ignore)) return start;
  const walker = start.ownerDocument.createTreeWalker(start, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (candidate(node, ignore)) return node;
  }
  return null;
}

/** One step through the element tree from `from`; stays put at the edges. */
function step(from: Element, move: Move, ignore: (element: Element) => boolean): Element | null {
  const ok = (element: Element | null) => candidate(element, ignore);
  switch (move) {
    case 'parent': {
      const parent = from.parentElement;
      return ok(parent) ? parent : from;
    }
    case 'child':
      return Array.from(from.children).find(ok) ?? from;
    case 'previous':
    case 'next': {
      for (let node = sibling(from, move); node; node = sibling(node, move)) if (ok(node)) return node;
      return from;
    }
  }
}

function sibling(element: Element, move: 'previous' | 'next'): Element | null {
  return move === 'next' ? element.nextElementSibling : element.previousElementSibling;
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
