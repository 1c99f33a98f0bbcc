import type { Emitter } from './emitter.js';
import type { Waymark, WaymarkEventMap } from './types.js';

/** Under server rendering there is no window: an instance that does nothing and never throws. */
export function inertInstance(emitter: Emitter<WaymarkEventMap>): Waymark {
  const noop = () => {};
  return {
    ready: Promise.resolve(),
    userId: '',
    identify: noop,
    track: noop,
    page: noop,
    setStage: noop,
    start: (experienceId) => Promise.resolve({ shown: false, experienceId, reason: 'destroyed', message: 'no window: Waymark does nothing here' }),
    dismiss: noop,
    next: noop,
    back: noop,
    goTo: noop,
    addExperience: noop,
    removeExperience: noop,
    act: noop,
    why: () => null,
    openHelp: noop,
    openChat: noop,
    on: (type, handler) => emitter.on(type, handler),
    reset: noop,
    destroy: () => emitter.clear(),
  };
}
