/**
 * A non-modal surface that never takes focus (a banner, a survey card) is the topmost layer only
 * while focus is inside it: then, and only then, Escape dismisses it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DismissibleStack } from '../dismissible-stack.js';
import { isInside } from '../focus.js';

export interface FocusEscapeOptions {
  stack(): DismissibleStack | undefined;
  /** The surface focus must stay inside. */
  container(): HTMLElement | undefined;
  dismiss(): void;
  /** Whether Escape may dismiss it at all (default: yes). */
  enabled?(): boolean;
}

export class FocusEscapeController implements ReactiveController {
  private removeLayer: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, private readonly options: FocusEscapeOptions) {
    host.addController(this);
  }

  /** `@focusin` on the surface. */
  readonly onFocusIn = (): void => {
    const stack = this.options.stack();
    if (this.removeLayer || !stack || this.options.enabled?.() === false) return;
    this.removeLayer = stack.push({ dismiss: () => this.options.dismiss() });
  };

  /** `@focusout` on the surface: leaving it gives Escape back to the page. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    const container = this.options.container();
    if (next instanceof Node && container && isInside(next, container)) return;
    this.release();
  };

  release(): void {
    this.removeLayer?.();
    this.removeLayer = null;
  }

  hostDisconnected(): void {
    this.release();
  }
}
