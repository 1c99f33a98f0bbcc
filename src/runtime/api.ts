import type { Signal } from '../engine/contract.js';
import type { Emitter } from './emitter.js';
import { describeError, type WaymarkError } from './errors.js';
import type { Programmatic } from './programmatic.js';
import type { Reporter } from './reporter.js';
import { safeProps } from './safe-props.js';
import type { UserSession } from './session.js';
import type { Support } from './support.js';
import type { Waymark, WaymarkEventMap } from './types.js';

/** The parts the public API forwards to. */
export interface ApiParts {
  window: Window;
  now(): number;
  ready: Promise<void>;
  session: UserSession;
  send(signal: Signal): void;
  programmatic: Programmatic;
  support: Support;
  emitter: Emitter<WaymarkEventMap>;
  errorListener: Reporter['errorListener'];
  /** The config (or code) has an experience with this id. */
  knows(experienceId: string): boolean;
  destroyed(): boolean;
  /** Everything leaves the screen, then every part's disposer runs. */
  destroy(): void;
  reportError(error: unknown, where: string): void;
}

/**
 * The public API object: each method forwards to the part that owns it. After destroy() every method does nothing;
 * an exception inside one is reported through `on('error')`, never thrown into the app.
 */
export function createApi(parts: ApiParts): Waymark {
  const { window: win, now, ready, session, send, programmatic, support, emitter, errorListener, reportError } = parts;
  const guard =
    <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      if (parts.destroyed()) return;
      try {
        fn(...args);
      } catch (error) {
        reportError(error, where);
      }
    };

  return {
    ready,
    get userId() {
      return session.userId;
    },
    identify: guard('identify', (id: string, traits?) => {
      if (typeof id !== 'string' || id === '') throw new TypeError('identify(userId): userId must be a non-empty string');
      if (id === session.userId) send({ type: 'identify', at: now(), userId: id, traits });
      // Calls made while the other user's state loads are queued and run on the new user.
      else session.switchUser(id, { identity: { traits } });
    }),
    track: guard('track', (name: string, props?) => {
      if (typeof name !== 'string' || name === '') throw new TypeError('track(name): name must be a non-empty string');
      send({ type: 'track', at: now(), name, props: props ? safeProps(props) : undefined });
    }),
    page: guard('page', (url?: string) => {
      send({ type: 'page', at: now(), url: url ?? win.location.href, title: win.document.title });
    }),
    setStage: guard('setStage', (stage: string) => send({ type: 'set-stage', at: now(), stage })),
    start(experienceId: string) {
      try {
        return programmatic.start(experienceId);
      } catch (error) {
        reportError(error, 'start');
        return Promise.resolve({ shown: false, experienceId, reason: 'destroyed', message: describeError(error) });
      }
    },
    dismiss: guard('dismiss', (experienceId: string) => send({ type: 'dismiss', at: now(), experienceId })),
    next: guard('next', programmatic.next),
    back: guard('back', programmatic.back),
    goTo: guard('goTo', programmatic.goTo),
    addExperience: guard('addExperience', programmatic.addExperience),
    removeExperience: guard('removeExperience', programmatic.removeExperience),
    act: guard('act', (experienceId, action) => send({ type: 'action', at: now(), experienceId, action })),
    why(experienceId: string) {
      const engine = session.engine;
      if (parts.destroyed() || !engine || !parts.knows(experienceId)) return null;
      try {
        return engine.why(experienceId, now());
      } catch (error) {
        reportError(error, 'why');
        return null;
      }
    },
    openHelp: guard('openHelp', (query?: string) => support.openHelp(query)),
    openChat: guard('openChat', (message?: string) => support.openChat(message, 'api')),
    on(type, handler) {
      if (parts.destroyed() || typeof handler !== 'function') return () => {};
      if (type === 'error') return emitter.on('error', errorListener(handler as (error: WaymarkError) => void));
      return emitter.on(type, handler);
    },
    reset: guard('reset', () => session.switchUser(session.userId, { forget: true })),
    destroy: parts.destroy,
  };
}
