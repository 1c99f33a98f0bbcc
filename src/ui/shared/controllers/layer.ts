/**
 * A Waymark layer's lifecycle, owned by its host element: theme tokens on the host, a place on
 * the Escape stack, focus given back where it was, a popover in the top layer, a card anchored
 * beside its reference. Each call returns nothing to keep: the controller holds the disposers and
 * calls them on `close()` and when the host leaves the page. A component with two lifetimes
 * (armed vs. open, session vs. step) keeps one controller per lifetime.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeTokens } from '../../../config/types.js';
import { anchorFloating, type AnchorOptions } from '../anchor.js';
import type { DismissibleStack } from '../dismissible-stack.js';
import { Disposers } from '../disposers.js';
import { surfacesOf, type SurfaceOptions } from '../coordinator/coordinator.js';
import { captureFocus } from '../focus.js';
import { applyTheme } from '../theme.js';

export class LayerController implements ReactiveController {
  private readonly disposers = new Disposers();
  /** The page elements this layer is anchored to now: focus on them counts as focus in the layer. */
  private readonly references = new Set<Element>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Whether anything is held open now. */
  get active(): boolean {
    return this.disposers.size > 0;
  }

  /** The config's theme tokens on the host until the layer closes. */
  theme(tokens: ThemeTokens | undefined): void {
    this.disposers.add(applyTheme(this.host, tokens));
  }

  /**
   * On the Escape stack until the layer closes: Escape calls `dismiss` while focus is inside the
   * host, or wherever focus is while the host shows a modal dialog on top.
   */
  escape(stack: DismissibleStack, dismiss: () => void): void {
    const host = this.host;
    const modal = () => Boolean(host.shadowRoot?.querySelector('dialog:modal'));
    this.disposers.add(stack.push({ dismiss, element: host, modal, anchors: () => this.references }));
  }

  /** A place on screen from the stack's coordinator until the layer closes (see `SurfaceKind`). */
  surface(stack: DismissibleStack, options: SurfaceOptions): void {
    const slot = surfacesOf(stack).register(this.host, options);
    this.disposers.add(() => slot.dispose());
  }

  /**
   * Remember where focus is now and give it back when the layer closes (only from inside the
   * host, or from nowhere). When that element is gone, or focus was nowhere, it goes to the
   * host's main landmark (`surfacesOf(stack).fallbackFocus()`) instead of `<body>`.
   */
  returnFocus(doc: Document, stack?: DismissibleStack): void {
    const restore = captureFocus(doc, () => (stack ? surfacesOf(stack).fallbackFocus() : null));
    this.disposers.add(() => restore(this.host));
  }

  /** Show a popover in the top layer until the layer closes. */
  showPopover(element: HTMLElement): void {
    element.showPopover();
    this.disposers.add(() => {
      if (element.matches(':popover-open')) element.hidePopover();
    });
  }

  /** Keep a floating element beside its reference until the layer closes. */
  anchor(options: AnchorOptions): void {
    const reference = options.reference;
    if (reference instanceof Element) {
      this.references.add(reference);
      this.disposers.add(() => this.references.delete(reference));
    }
    this.disposers.add(anchorFloating(options));
  }

  /** Listen on `target` until the layer closes. */
  listen<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, listener: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, listener as EventListener, options);
    this.disposers.add(() => target.removeEventListener(type, listener as EventListener, options));
  }

  /** Anything else the layer holds: undone (last added first) when it closes. */
  hold(...disposers: Array<() => void>): void {
    this.disposers.add(...disposers);
  }

  close(): void {
    this.disposers.dispose();
  }

  hostDisconnected(): void {
    this.close();
  }
}
