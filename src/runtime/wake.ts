/** Timers longer than this overflow setTimeout; a far wake-up is re-armed on the next tick instead. */
const MAX_TIMER_MS = 86_400_000;

export interface WakeTimer {
  /** Wake at `at` unless an earlier wake-up is already set. */
  wakeAt(at: number): void;
  dispose(): void;
}

/** One timer for the earliest wake-up any decision asked for (the engine has no clock of its own). */
export function createWakeTimer(options: { window: Window; now(): number; onWake(): void }): WakeTimer {
  const win = options.window;
  let timer: number | undefined;
  let wakeTime = Infinity;
  let disposed = false;
  return {
    wakeAt(at) {
      if (disposed || at >= wakeTime) return;
      if (timer !== undefined) win.clearTimeout(timer);
      wakeTime = at;
      timer = win.setTimeout(() => {
        timer = undefined;
        wakeTime = Infinity;
        options.onWake();
      }, Math.min(Math.max(0, at - options.now()), MAX_TIMER_MS));
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
    },
  };
}
