import type { Experience, WaymarkConfig } from '../config/types.js';
import type { Signal, UserAction } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import { createStartWaiters } from './code-api.js';
import type { CodeExperiences } from './code-experiences.js';
import { loadValidator } from './config-loading.js';
import type { DebugLog } from './debug-log.js';
import type { Effects } from './effects.js';
import type { Emitter } from './emitter.js';
import type { WaymarkError } from './errors.js';
import type { UserSession } from './session.js';
import type { CodeExperience, StartOutcome, WaymarkEventMap } from './types.js';

export interface ProgrammaticOptions {
  window: Window;
  now(): number;
  session: Pick<UserSession, 'engine' | 'run'>;
  effects(): Pick<Effects, 'apply'>;
  emitter: Emitter<WaymarkEventMap>;
  /** `ui: false`: the app renders on `show`, so shown is visible. */
  headless: boolean;
  config(): WaymarkConfig;
  experience(id: string): Experience | undefined;
  /** Put this experience in place of the one with its id (or remove it): `forEngine` is what the engine and config see. */
  replace(experienceId: string, next: Experience | null, forEngine: Experience | null): void;
  send(signal: Signal): void;
  /** Loads the engine machine of an experience type (an added experience may bring a type the config had not). */
  loadMachine(type: string): Promise<void>;
  /** Loads what the added experience uses that the config may not have (regex pages, text targets: config-parts.ts). */
  loadParts(experience: unknown): Promise<void>;
  /** The sensors follow the experiences: restarted after an addition or a removal. */
  watchPage(engine: Engine): void;
  debugLog: DebugLog | null;
  destroyed(): boolean;
  report(error: WaymarkError): void;
  reportError(error: unknown, where: string): void;
}

/** The tour-library-style API: start() as a promise, next/back/goTo, experiences added and removed in code. */
export interface Programmatic {
  start(experienceId: string): Promise<StartOutcome>;
  next(): void;
  back(): void;
  goTo(step: number | string): void;
  addExperience(experience: CodeExperience): void;
  removeExperience(experienceId: string): void;
  /** A component reported this experience on screen. */
  shown(experienceId: string): void;
  dispose(): void;
}

export function createProgrammatic(options: ProgrammaticOptions): Programmatic {
  const { now, session, emitter } = options;
  const startWaiters = createStartWaiters();
  const activeStep = (experienceId: string) => session.engine?.active().find((active) => active.experienceId === experienceId)?.step;
  const offs = [
    emitter.on('show', ({ experience: shown, step }) => {
      if (options.headless) startWaiters.visible(shown.id, step);
    }),
    emitter.on('hide', ({ experienceId }) => startWaiters.hidden(experienceId)),
  ];

  /**
   * While an `addExperience` validates (the validator is a lazy chunk), the later calls queue behind it in call
   * order; with none pending they run at once. `run` returns a promise when it is itself such an addition.
   */
  let queued: Promise<void> | null = null;
  const afterAdding = (run: () => void | Promise<void>) => {
    const settled = (tail: Promise<void>) => {
      queued = tail;
      void tail.then(() => {
        if (queued === tail) queued = null;
      });
    };
    if (!queued) {
      const pending = run();
      if (pending) settled(pending);
      return;
    }
    settled(queued.then(() => (options.destroyed() ? undefined : run())));
  };

  /** What adds experiences from code: loaded with the validator by the first `addExperience`. */
  let codeExperiences: CodeExperiences | null = null;

  function remove(engine: Engine, experienceId: string): void {
    if (!options.experience(experienceId)) return;
    options.replace(experienceId, null, null);
    options.effects().apply(engine.removeExperience(experienceId, now()));
    options.watchPage(engine);
    codeExperiences?.release(experienceId);
  }

  /** Next, back and go-to act on the tour on screen, if any. */
  const tourAction = (action: UserAction) =>
    afterAdding(() =>
      session.run((engine) => {
        const tour = engine.active().find((active) => options.experience(active.experienceId)?.type === 'tour')?.experienceId;
        if (tour) options.send({ type: 'action', at: now(), experienceId: tour, action });
      }),
    );

  return {
    start(experienceId) {
      return new Promise((settle) => {
        startWaiters.expect(experienceId, settle);
        if (options.destroyed()) return startWaiters.dispose();
        afterAdding(() =>
          session.run((engine) => {
            const signal = { type: 'start', at: now(), experienceId } as const;
            options.debugLog?.signal(signal);
            const result = engine.start(experienceId, signal.at);
            // Applied after expect(): a headless show, or a component already loaded, settles the waiter.
            options.effects().apply(result.effects);
            if (!result.shown) startWaiters.refuse(experienceId, result.outcome === 'shown' ? 'waiting' : result.outcome, result.why.reason);
            else if (startWaiters.isVisible(experienceId)) startWaiters.visible(experienceId, activeStep(experienceId));
          }),
        );
      });
    },
    next: () => tourAction({ type: 'next' }),
    back: () => tourAction({ type: 'back' }),
    goTo: (step) => tourAction({ type: 'go-to', step }),
    addExperience(experience) {
      // The validator is a lazy chunk: the calls that follow (start, next, remove…) wait until the experience is in.
      const type = experience !== null && typeof experience === 'object' ? (experience as { type?: unknown }).type : undefined;
      const validator = Promise.all([
        loadValidator(),
        import('./code-experiences.js'),
        typeof type === 'string' ? options.loadMachine(type) : undefined,
        options.loadParts(experience),
      ]).then(([loaded, code]) => {
        codeExperiences ??= code.createCodeExperiences(options);
        return { validateConfig: loaded.validateConfig, adding: codeExperiences };
      });
      afterAdding(
        () =>
          new Promise<void>((added) => {
            session.run((engine) => {
              void validator
                .then(({ validateConfig, adding }) => {
                  if (!options.destroyed()) adding.add(session.engine ?? engine, experience, validateConfig);
                })
                .catch((error: unknown) => options.reportError(error, 'addExperience'))
                .finally(added);
            });
          }),
      );
    },
    removeExperience: (experienceId) => afterAdding(() => session.run((engine) => remove(engine, experienceId))),
    shown: (experienceId) => startWaiters.visible(experienceId, activeStep(experienceId)),
    dispose() {
      startWaiters.dispose();
      for (const off of offs) off();
      codeExperiences?.dispose();
    },
  };
}
