import type { Action, Experience } from '../config/types.js';
import type { AnalyticsEvent, Effect } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import type { Emitter } from './emitter.js';
import type { LazyUi } from './lazy-ui.js';
import type { WaymarkEventMap } from './types.js';
import type { WaymarkError } from './errors.js';

export interface EffectsOptions {
  emitter: Emitter<WaymarkEventMap>;
  /** Waymark's components; null when headless (`ui: false`): listeners of `show`/`hide` render. */
  ui: LazyUi | null;
  engine(): Engine | null;
  experience(id: string): Experience | undefined;
  /** Write the engine's state through to the user's store. */
  persist(): void;
  deliver(event: AnalyticsEvent): void;
  struggled(event: AnalyticsEvent): void;
  /** The help panel's context (page, stage, step, struggle) changed. */
  contextChanged(): void;
  runAction(action: Action, experienceId: string): void;
  wakeAt(at: number): void;
  debug: boolean;
  reportError(error: unknown, where: string): void;
  /** Something the engine repaired and the config writer should know (e.g. a stored tour step the config lost). */
  warn(warning: WaymarkError): void;
}

export interface Effects {
  /** Carry out the engine's decisions in order; `contextMoved`: the signal itself moved the user (page, identify, traits). */
  apply(effects: Effect[], contextMoved?: boolean): void;
  /**
   * Every experience the engine shows is over: `on('hide')` listeners are told. For the moments the engine itself
   * is left behind. `ended` (destroy): the components go now. `replaced` (user switch, reset): they go once the next
   * engine has started, unless it shows them too (see `settleReplaced`), so a tour that carries over does not flicker.
   */
  hideAll(reason: 'replaced' | 'ended'): void;
  /** The next engine has shown what it shows: what the replaced one showed and this one does not leaves the screen. */
  settleReplaced(): void;
}

/** The one place decisions reach the outside: events, the components, the store, the timer. */
export function createEffects(options: EffectsOptions): Effects {
  const { emitter, ui } = options;
  /** Refreshed once per batch, not per effect. */
  let contextStale = false;
  /** Shown by an engine that was replaced, still on screen until the next one has started. */
  const replaced = new Set<string>();

  function show(experience: Experience, step?: number, level?: number): void {
    const checklist = experience.type === 'checklist' ? (options.engine()?.checklist(experience.id) ?? undefined) : undefined;
    const view = { experience, step, level, checklist };
    emitter.emit('show', view);
    ui?.show(view);
  }

  function hide(experienceId: string, reason: string): void {
    emitter.emit('hide', { experienceId, reason });
    ui?.hide(experienceId, reason);
  }

  function applyOne(effect: Effect): void {
    if (options.debug && effect.type !== 'persist') console.debug('[waymark] effect', effect);
    if (effect.type === 'show' || effect.type === 'hide' || effect.type === 'stage' || effect.type === 'checklist') contextStale = true;
    switch (effect.type) {
      case 'persist':
        options.persist();
        return;
      case 'emit':
        options.deliver(effect.event);
        if (effect.event.type === 'struggle_detected') {
          options.struggled(effect.event);
          contextStale = true;
        }
        return;
      case 'show': {
        const experience = options.experience(effect.experienceId);
        if (experience) show(experience, effect.step, effect.level);
        return;
      }
      case 'hide':
        hide(effect.experienceId, effect.reason);
        return;
      case 'stage':
        emitter.emit('stage', { from: effect.from, to: effect.to });
        return;
      case 'checklist': {
        emitter.emit('checklist', { experienceId: effect.experienceId });
        // A shown checklist re-renders with its new progress.
        const experience = options.experience(effect.experienceId);
        if (experience && options.engine()?.active().some((a) => a.experienceId === effect.experienceId)) show(experience);
        return;
      }
      case 'run':
        options.runAction(effect.action, effect.experienceId);
        return;
      case 'wake':
        options.wakeAt(effect.at);
        return;
      case 'warning':
        options.warn({ code: effect.code, severity: 'warning', where: effect.experienceId ? `experience:${effect.experienceId}` : 'engine', message: effect.message });
        return;
    }
  }

  return {
    apply(effects, contextMoved = false) {
      if (contextMoved) contextStale = true;
      for (const effect of effects) {
        try {
          applyOne(effect);
        } catch (error) {
          options.reportError(error, `effect:${effect.type}`);
        }
      }
      if (contextStale) {
        contextStale = false;
        options.contextChanged();
      }
    },
    hideAll(reason) {
      for (const { experienceId } of options.engine()?.active() ?? []) {
        emitter.emit('hide', { experienceId, reason });
        if (reason === 'replaced') replaced.add(experienceId);
        else ui?.hide(experienceId, reason);
      }
    },
    settleReplaced() {
      const stillShown = new Set(options.engine()?.active().map((active) => active.experienceId));
      for (const experienceId of replaced) if (!stillShown.has(experienceId)) ui?.hide(experienceId, 'replaced');
      replaced.clear();
    },
  };
}
