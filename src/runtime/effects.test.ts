import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import { createEngine, initialState, type Engine } from '../engine/index.js';
import { createEffects, type EffectsOptions } from './effects.js';
import { Emitter } from './emitter.js';
import type { LazyUi } from './lazy-ui.js';
import type { WaymarkEventMap } from './types.js';

const config: WaymarkConfig = {
  version: '1',
  experiences: [
    { id: 'welcome', type: 'tour', steps: [{ title: 'Hi' }] },
    { id: 'news', type: 'announcement', display: 'banner', title: 'New' },
  ],
};

/** Effects wired to a real engine, a recording UI and a recording emitter. */
function setup(overrides: Partial<EffectsOptions> = {}) {
  const engine: Engine = createEngine({ config, state: initialState('u', 0), origin: 'test' });
  const emitter = new Emitter<WaymarkEventMap>(() => {});
  const calls: string[] = [];
  const ui: LazyUi = {
    show: (view) => calls.push(`ui:show:${view.experience.id}`),
    hide: (id, reason) => calls.push(`ui:hide:${id}:${reason}`),
    setLocale: () => {},
    dispose: () => {},
  };
  emitter.on('show', (view) => calls.push(`on:show:${view.experience.id}`));
  emitter.on('hide', (hide) => calls.push(`on:hide:${hide.experienceId}:${hide.reason}`));
  const byId = new Map<string, Experience>(config.experiences.map((x) => [x.id, x]));
  const errors: string[] = [];
  let refreshed = 0;
  const effects = createEffects({
    emitter,
    ui,
    engine: () => engine,
    experience: (id) => byId.get(id),
    persist: () => calls.push('persist'),
    deliver: () => {},
    struggled: () => {},
    contextChanged: () => refreshed++,
    runAction: () => {},
    wakeAt: () => {},
    debug: false,
    reportError: (_, where) => errors.push(where),
    warn: (warning) => errors.push(`warning:${warning.code}:${warning.where}`),
    ...overrides,
  });
  return { engine, effects, calls, errors, refreshed: () => refreshed };
}

describe('effects', () => {
  it("an engine warning (a stored step the config lost) reaches on('error') as a warning, naming the experience", () => {
    const { effects, errors } = setup();
    effects.apply([{ type: 'warning', code: 'tour-step-gone', message: 'step 4 is gone', experienceId: 'welcome' }]);
    expect(errors).toEqual(['warning:tour-step-gone:experience:welcome']);
  });

  it("hideAll('ended') tells both the listeners and the components, for every experience on screen", () => {
    const { engine, effects, calls } = setup();
    effects.apply(engine.dispatch({ type: 'session', at: 1, sessionId: 's' }));
    effects.apply(engine.dispatch({ type: 'page', at: 2, url: 'https://app.test/' }));
    const shown = engine.active().map((a) => a.experienceId);
    expect(shown.length).toBeGreaterThan(0);
    calls.length = 0;
    effects.hideAll('ended');
    expect(calls).toEqual(shown.flatMap((id) => [`on:hide:${id}:ended`, `ui:hide:${id}:ended`]));
  });

  it("hideAll('replaced'): listeners now; the components once the next engine started, unless it shows them too", () => {
    let current: Engine | null = null;
    const { effects, calls } = setup({ engine: () => current });
    const start = (state = initialState('u', 0)) => {
      current = createEngine({ config, state, origin: 'test' });
      effects.apply(current.dispatch({ type: 'session', at: 1, sessionId: 's' }));
      effects.apply(current.dispatch({ type: 'page', at: 2, url: 'https://app.test/' }));
    };
    start();
    const shown = current!.active().map((a) => a.experienceId).sort();
    expect(shown.length).toBeGreaterThan(0);
    calls.length = 0;
    effects.hideAll('replaced');
    expect(calls.filter((c) => c.startsWith('ui:'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('on:hide')).sort()).toEqual(shown.map((id) => `on:hide:${id}:replaced`));

    // The next engine shows the same experiences: nothing leaves the screen.
    calls.length = 0;
    start();
    effects.settleReplaced();
    expect(calls.filter((c) => c.startsWith('ui:hide'))).toEqual([]);

    // The next engine shows none of them (nothing applies to its user): the components go.
    effects.hideAll('replaced');
    current = createEngine({ config: { version: '1', experiences: [] }, state: initialState('u2', 0), origin: 'test' });
    calls.length = 0;
    effects.settleReplaced();
    expect(calls.sort()).toEqual(shown.map((id) => `ui:hide:${id}:replaced`));
    // Settled once: a second call has nothing left to remove.
    calls.length = 0;
    effects.settleReplaced();
    expect(calls).toEqual([]);
  });

  it('a show effect reaches listeners and components; a failing effect is reported and the rest still run', () => {
    const { engine, effects, calls, errors } = setup({
      persist: () => {
        throw new Error('disk full');
      },
    });
    effects.apply([
      { type: 'persist' },
      { type: 'show', experienceId: 'news' },
    ]);
    expect(errors).toEqual(['effect:persist']);
    expect(calls).toEqual(['on:show:news', 'ui:show:news']);
    expect(engine.active()).toEqual([]);
  });

  it('refreshes the help context once per batch, when the user moved or what is shown changed', () => {
    const { effects, refreshed } = setup();
    effects.apply([{ type: 'persist' }]);
    expect(refreshed()).toBe(0);
    effects.apply([{ type: 'persist' }], true);
    expect(refreshed()).toBe(1);
    effects.apply([
      { type: 'show', experienceId: 'news' },
      { type: 'hide', experienceId: 'news', reason: 'dismissed' },
    ]);
    expect(refreshed()).toBe(2);
  });
});
