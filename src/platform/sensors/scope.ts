import type { Signal } from '../../engine/contract.js';
import type { Disposer, SensorContext } from './types.js';

/** A real window: the `Window` type omits the constructors (MutationObserver, ErrorEvent, …) it carries. */
export type BrowserWindow = Window & typeof globalThis;

/**
 * The lifetime of one sensor: everything it attaches is registered here and removed by
 * `dispose()`; every callback it hands to the browser goes through `guard`, so a failure is
 * reported instead of thrown into the page, and nothing runs (or emits) after disposal.
 */
export interface SensorScope {
  readonly window: BrowserWindow;
  readonly now: () => number;
  readonly disposed: boolean;
  emit(signal: Signal): void;
  report(error: unknown): void;
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  listen<E extends Event = Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: AddEventListenerOptions): void;
  /** A timer that is cleared on dispose. */
  timeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Register anything else to undo on dispose (undone in reverse order). */
  add(disposer: Disposer): void;
  dispose: Disposer;
}

export function createScope(ctx: SensorContext, where: string): SensorScope {
  const win = ctx.window as BrowserWindow;
  const disposers: Disposer[] = [];
  const timers = new Set<number>();
  let disposed = false;

  const report = (error: unknown): void => {
    try {
      ctx.reportError(error, where);
    } catch {
      // The error channel itself failed: nothing is left to tell, and the page must not see it.
    }
  };

  const scope: SensorScope = {
    window: win,
    now: () => ctx.now(),
    get disposed() {
      return disposed;
    },
    emit(signal) {
      if (!disposed) ctx.emit(signal);
    },
    report,
    guard(fn) {
      return (...args) => {
        if (disposed) return;
        try {
          fn(...args);
        } catch (error) {
          report(error);
        }
      };
    },
    listen(target, type, handler, options) {
      const listener = scope.guard(handler as (event: Event) => void);
      const capture = Boolean(options?.capture);
      target.addEventListener(type, listener, options);
      disposers.push(() => target.removeEventListener(type, listener, capture));
    },
    timeout(fn, ms) {
      const id = win.setTimeout(
        scope.guard(() => {
          timers.delete(id);
          fn();
        }),
        ms,
      );
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
      win.clearTimeout(id);
    },
    add(disposer) {
      disposers.push(disposer);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const id of timers) win.clearTimeout(id);
      timers.clear();
      for (const dispose of disposers.splice(0).reverse()) {
        try {
          dispose();
        } catch (error) {
          report(error);
        }
      }
    },
  };
  return scope;
}

/**
 * Set up a sensor in its own scope and return the scope's disposer. A setup that throws is
 * reported and undone (whatever it attached so far is removed); the sensor then does nothing.
 */
export function runSensor(ctx: SensorContext, where: string, setup: (scope: SensorScope) => void): Disposer {
  const scope = createScope(ctx, where);
  try {
    setup(scope);
  } catch (error) {
    scope.report(error);
    scope.dispose();
  }
  return scope.dispose;
}

/** Cut a string to `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * A short description of an element for struggle details: `button#save.primary`. Tag, id and
 * classes only: its text may hold personal data, which must not end up in analytics.
 */
export function describeElement(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = Array.from(el.classList).slice(0, 3).map((name) => `.${name}`).join('');
  return truncate(`${el.localName}${id}${classes}`, 80);
}
