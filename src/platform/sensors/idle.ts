import { runSensor } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

/** Input that shows the user is there. Pointer moves are frequent, so the handler only stamps a time. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'];

/**
 * Emits `idle: true` after `idleAfterMs` without input, and `idle: false` at the first input
 * after that. One timer at a time: activity only records when it happened, and the timer,
 * when it fires early, re-arms for the remainder (so mouse moves cost no timer churn).
 */
export function idleSensor(ctx: SensorContext, options?: SensorOptions): Disposer {
  const { idleAfterMs } = resolveSensorOptions(options);
  return runSensor(ctx, 'idle', (scope) => {
    const clock = scope.window.performance;
    let lastActivity = clock.now();
    let idle = false;
    let timer = 0;

    const arm = (delay: number): void => {
      timer = scope.timeout(check, Math.max(0, delay));
    };
    function check(): void {
      timer = 0;
      const quiet = clock.now() - lastActivity;
      if (quiet < idleAfterMs) {
        arm(idleAfterMs - quiet);
        return;
      }
      idle = true;
      scope.emit({ type: 'idle', at: scope.now(), idle: true });
    }
    const onActivity = (): void => {
      lastActivity = clock.now();
      if (idle) {
        idle = false;
        scope.emit({ type: 'idle', at: scope.now(), idle: false });
      }
      if (timer === 0) arm(idleAfterMs);
    };

    const doc = scope.window.document;
    for (const type of ACTIVITY) scope.listen(doc, type, onActivity, { capture: true, passive: true });
    arm(idleAfterMs);
  });
}
