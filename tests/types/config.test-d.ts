/**
 * Type-level tests for the config a developer writes inline: `createWaymark({ config: {...} })` and
 * `defineConfig({...})` are checked against `WaymarkConfig`, so a typo is a compile error (and an
 * editor autocompletes the fields). Nothing runs; `npm run typecheck` fails when a line below that
 * should be an error stops being one.
 */
import { createWaymark, defineConfig, type WaymarkConfig, type WaymarkOptions } from '../../src/index.js';

/** `true` only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assert<T extends true>(..._: T extends true ? [] : [never]): void {}

// The option is the config type itself, not `unknown` (which accepted anything).
assert<Equal<WaymarkOptions['config'], WaymarkConfig | undefined>>();

export function inlineConfigs(): void {
  // A valid config compiles.
  createWaymark({
    config: {
      version: '1',
      experiences: [
        { id: 'welcome', type: 'tour', steps: [{ title: 'Welcome', body: 'Hi' }] },
        { id: 'save-tip', type: 'hint', target: '#save', body: 'Saves a draft', openOn: 'hover' },
      ],
    },
  });

  createWaymark({
    config: {
      version: '1',
      // @ts-expect-error 'tuor' is not an experience type
      experiences: [{ id: 'welcome', type: 'tuor', steps: [] }],
    },
  });

  createWaymark({
    config: {
      version: '1',
      // @ts-expect-error `opnOn` is not a hint field (it is `openOn`)
      experiences: [{ id: 'tip', type: 'hint', target: '#save', body: 'Hi', opnOn: 'hover' }],
    },
  });

  createWaymark({
    // @ts-expect-error `version` is required
    config: { experiences: [] },
  });
}

export function definedConfigs(): void {
  const config = defineConfig({
    version: '1',
    experiences: [{ id: 'tip', type: 'hint', target: '#save', body: 'Hi' }],
  });
  assert<Equal<typeof config, WaymarkConfig>>();
  createWaymark({ config });

  defineConfig({
    version: '1',
    // @ts-expect-error 'tuor' is not an experience type
    experiences: [{ id: 'welcome', type: 'tuor', steps: [] }],
  });

  defineConfig({
    version: '1',
    // @ts-expect-error a survey `kind` is 'nps', 'csat' or 'ces'
    experiences: [{ id: 'q', type: 'survey', kind: 'npss', question: 'How likely…?' }],
  });
}

export function uncheckedJson(json: unknown, imported: { version: string; experiences: { id: string; type: string }[] }): void {
  // JSON of unknown shape is passed on purpose, with an assertion; the run-time validation still applies.
  createWaymark({ config: json as WaymarkConfig });
  createWaymark({ config: imported as WaymarkConfig });
  // @ts-expect-error unknown JSON is not silently accepted
  createWaymark({ config: json });
}
