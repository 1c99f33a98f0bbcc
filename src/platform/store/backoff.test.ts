import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';
import { fakeClock } from './test-support.js';

/** The parts of a window the backoff uses: timers and `online`. */
function fakeWindow() {
  const clock = fakeClock();
  const events = new EventTarget();
  const window = {
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  } as unknown as Window;
  return { clock, events, window };
}

describe('createBackoff', () => {
  it('doubles the delay from minMs up to maxMs, and starts over after a success', () => {
    const { clock, window } = fakeWindow();
    const delays: number[] = [];
    let failedAt = 0;
    const backoff = createBackoff({ window, minMs: 100, maxMs: 500, random: () => 0, run: () => delays.push(clock.now() - failedAt) });
    const failAndWait = () => {
      failedAt = clock.now();
      backoff.failed();
      clock.advance(1000);
    };
    for (let i = 0; i < 5; i++) failAndWait();
    expect(delays).toEqual([100, 200, 400, 500, 500]);

    backoff.succeeded();
    delays.length = 0;
    failAndWait();
    expect(delays).toEqual([100]);
  });

  it('adds at most 25% jitter and never exceeds maxMs', () => {
    const { clock, window } = fakeWindow();
    let ran = 0;
    const backoff = createBackoff({ window, minMs: 1000, maxMs: 1100, random: () => 0.999, run: () => ran++ });
    backoff.failed();
    clock.advance(1099);
    expect(ran).toBe(0);
    clock.advance(1);
    expect(ran).toBe(1);
  });

  it('runs at once on `online`, and holds no timer or listener while nothing is pending', () => {
    const { clock, events, window } = fakeWindow();
    let ran = 0;
    const backoff = createBackoff({ window, minMs: 60_000, run: () => ran++ });
    events.dispatchEvent(new Event('online'));
    expect(ran, 'nothing pending: online does nothing').toBe(0);
    backoff.failed();
    backoff.failed(); // already scheduled: no second timer
    expect(clock.pending()).toBe(1);
    events.dispatchEvent(new Event('online'));
    expect(ran).toBe(1);
    expect(clock.pending()).toBe(0);
    events.dispatchEvent(new Event('online'));
    expect(ran, 'the listener went with the timer').toBe(1);
  });

  it('does nothing after dispose', () => {
    const { clock, events, window } = fakeWindow();
    let ran = 0;
    const backoff = createBackoff({ window, run: () => ran++ });
    backoff.failed();
    backoff.dispose();
    expect(clock.pending()).toBe(0);
    backoff.failed();
    events.dispatchEvent(new Event('online'));
    clock.advance(120_000);
    expect(ran).toBe(0);
  });
});
