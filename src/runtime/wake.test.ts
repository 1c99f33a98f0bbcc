import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWakeTimer } from './wake.js';

describe('wake timer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());
  const win = () => ({ setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout }) as unknown as Window;

  it('keeps one timer, for the earliest wake-up asked for', () => {
    let woke = 0;
    const timer = createWakeTimer({ window: win(), now: () => Date.now(), onWake: () => woke++ });
    timer.wakeAt(5000);
    timer.wakeAt(1000);
    timer.wakeAt(3000); // later than the one set: ignored
    vi.advanceTimersByTime(999);
    expect(woke).toBe(0);
    vi.advanceTimersByTime(1);
    expect(woke).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(woke).toBe(1);
  });

  it('a far wake-up is capped to a day (longer delays overflow setTimeout)', () => {
    let woke = 0;
    const timer = createWakeTimer({ window: win(), now: () => Date.now(), onWake: () => woke++ });
    timer.wakeAt(90 * 86_400_000);
    vi.advanceTimersByTime(86_400_000);
    expect(woke).toBe(1);
  });

  it('dispose() clears the timer and ignores later wake-ups', () => {
    let woke = 0;
    const timer = createWakeTimer({ window: win(), now: () => Date.now(), onWake: () => woke++ });
    timer.wakeAt(1000);
    timer.dispose();
    timer.wakeAt(500);
    vi.advanceTimersByTime(5000);
    expect(woke).toBe(0);
  });
});
