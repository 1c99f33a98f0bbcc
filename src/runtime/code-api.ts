import type { StartOutcome, StartRefusal } from './types.js';

/**
 * The promises `start()` returns: each resolves when its experience becomes visible (the component
 * reported `shown`, or at once when headless), or with the reason it will not be.
 */
export interface StartWaiters {
  /** Wait for this experience; `settle` is called once. */
  expect(experienceId: string, settle: (outcome: StartOutcome) => void): void;
  /** The experience is on screen (at this tour step). */
  visible(experienceId: string, step?: number): void;
  /** The experience left the screen: waiters learn it was not shown. */
  hidden(experienceId: string): void;
  isVisible(experienceId: string): boolean;
  refuse(experienceId: string, reason: StartRefusal, message: string): void;
  /** Destroy: every waiter learns it will not be shown. */
  dispose(): void;
}

export function createStartWaiters(): StartWaiters {
  const waiting = new Map<string, Array<(outcome: StartOutcome) => void>>();
  const onScreen = new Set<string>();
  let disposed = false;

  function settleAll(experienceId: string, outcome: StartOutcome): void {
    const settlers = waiting.get(experienceId);
    if (!settlers) return;
    waiting.delete(experienceId);
    for (const settle of settlers) settle(outcome);
  }

  return {
    expect(experienceId, settle) {
      if (disposed) {
        settle({ shown: false, experienceId, reason: 'destroyed', message: 'the Waymark instance was destroyed' });
        return;
      }
      const settlers = waiting.get(experienceId) ?? [];
      settlers.push(settle);
      waiting.set(experienceId, settlers);
    },
    visible(experienceId, step) {
      onScreen.add(experienceId);
      settleAll(experienceId, step === undefined ? { shown: true, experienceId } : { shown: true, experienceId, step });
    },
    hidden(experienceId) {
      onScreen.delete(experienceId);
      settleAll(experienceId, { shown: false, experienceId, reason: 'hidden', message: `'${experienceId}' left the screen before it was visible` });
    },
    isVisible: (experienceId) => onScreen.has(experienceId),
    refuse(experienceId, reason, message) {
      settleAll(experienceId, { shown: false, experienceId, reason, message });
    },
    dispose() {
      disposed = true;
      for (const experienceId of Array.from(waiting.keys())) {
        settleAll(experienceId, { shown: false, experienceId, reason: 'destroyed', message: 'the Waymark instance was destroyed' });
      }
      onScreen.clear();
    },
  };
}
