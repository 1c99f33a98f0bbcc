/**
 * Where focus goes when a Waymark surface closes: back to the page control that opened it, else
 * the host's main landmark, never `<body>`. Used by the surface coordinator.
 */
import { giveFocus } from '../focus.js';

const DEFAULT_MAIN = 'main, [role="main"]';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A Waymark element: one the coordinator knows, or any `wm-` element the renderer mounted. */
export function waymarkHostOf(node: Node | null): HTMLElement | null {
  let current: Node | null = node;
  let found: HTMLElement | null = null;
  while (current) {
    if (current instanceof HTMLElement && (current.localName.startsWith('wm-') || current.hasAttribute('data-waymark-ui'))) found = current;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return found;
}

/** The host's main landmark (focusable by script), else the page's first focusable element outside Waymark. */
export function fallbackFocusIn(doc: Document, mainSelector: string | undefined): HTMLElement | null {
  let main: HTMLElement | null = null;
  try {
    main = doc.querySelector<HTMLElement>(mainSelector ?? DEFAULT_MAIN);
  } catch {
    main = doc.querySelector<HTMLElement>(DEFAULT_MAIN);
  }
  if (main && main.checkVisibility() && !main.inert) {
    // A landmark is not focusable by itself: -1 lets a script focus it without adding a Tab stop.
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    return main;
  }
  return Array.from(doc.querySelectorAll<HTMLElement>(FOCUSABLE)).find((element) => !waymarkHostOf(element) && element.checkVisibility()) ?? null;
}

/**
 * Keep focus off `<body>` when a Waymark surface that held it closes or hides: it goes back to
 * the page control focused before it (if still there), else `fallbackFocus()`. Returns its disposer.
 */
export function guardFocus(win: Window, fallbackFocus: () => HTMLElement | null): () => void {
  const doc = win.document;
  /** The page control focused last (the one that most likely opened the surface now focused). */
  let opener: WeakRef<HTMLElement> | null = null;
  /** A press outside Waymark moves focus where the user meant it, even to `<body>`. */
  let pressedOutside = false;
  let timer = 0;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && !waymarkHostOf(target) && target !== doc.body) opener = new WeakRef(target);
  };
  const onPointerDown = (event: PointerEvent) => {
    pressedOutside = !waymarkHostOf(event.composedPath()[0] as Node);
  };
  const usable = (element: HTMLElement | undefined): element is HTMLElement =>
    element !== undefined && element.isConnected && element.checkVisibility() && !element.inert && !element.closest('[inert]') && !element.matches(':disabled');
  /** The Waymark element that lost focus last. */
  let lost: WeakRef<Element> | null = null;
  const rescue = () => {
    timer = 0;
    // Only for a surface that closed: its element was removed or is no longer rendered. One that
    // is merely hidden for a moment (a step whose target scrolled away) takes focus back itself.
    const element = lost?.deref();
    if (element && element.isConnected && element.checkVisibility()) return;
    const active = doc.activeElement;
    // A page control hidden while it had focus (the field of the app's dialog that just closed) has lost it too: the
    // browser moves focus to <body> at its next rendering, which may come after this. (A Waymark host is
    // `display: contents`, never "visible" itself; so may a page's be, and its field, focused last, gets focus back below.)
    if (active && active !== doc.body && active !== doc.documentElement && (waymarkHostOf(active) || active.checkVisibility())) return;
    const previous = opener?.deref();
    const target = usable(previous) ? previous : fallbackFocus();
    if (target) giveFocus(target);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget || pressedOutside) return;
    const origin = event.composedPath()[0];
    if (!(origin instanceof Element) || !waymarkHostOf(origin)) return;
    lost = new WeakRef(origin);
    // After the component's own focus handling (microtasks, the next render) has had its turn.
    win.clearTimeout(timer);
    timer = win.setTimeout(rescue, 0);
  };
  const onPointerUp = () => {
    pressedOutside = false;
  };
  /**
   * The host's own dialog closed (the app's chat Waymark handed over to): it gives focus back to
   * what was focused before it opened, which may be a Waymark control that has closed since.
   */
  const onHostDialogClose = (event: Event) => {
    if (!(event.target instanceof Element) || waymarkHostOf(event.target)) return;
    lost = null;
    win.clearTimeout(timer);
    timer = win.setTimeout(rescue, 0);
  };
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('focusout', onFocusOut, true);
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('click', onPointerUp, true);
  // `close` does not bubble: heard on its way down.
  doc.addEventListener('close', onHostDialogClose, true);
  return () => {
    doc.removeEventListener('close', onHostDialogClose, true);
    win.clearTimeout(timer);
    doc.removeEventListener('focusin', onFocusIn, true);
    doc.removeEventListener('focusout', onFocusOut, true);
    win.removeEventListener('pointerdown', onPointerDown, true);
    win.removeEventListener('click', onPointerUp, true);
  };
}
