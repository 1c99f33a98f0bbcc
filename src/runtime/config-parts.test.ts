import { describe, expect, it } from 'vitest';
import type { WaymarkConfig } from '../config/types.js';
import { ConditionCompiler } from '../engine/conditions.js';
import { createConfigParts } from './config-parts.js';

const world = { at: 0, horizon: Infinity, trait: (name: string) => (name === 'plan' ? 'pro' : undefined) } as never;
const compiles = (parts: ReturnType<typeof createConfigParts>) =>
  new ConditionCompiler(undefined, parts.conditions).compile({ trait: 'plan', equals: 'pro' }, new Set()).test(world);

describe('config parts: the condition kinds beyond pages and events', () => {
  it('a config that triggers on pages and events does not load them; a trait condition anywhere (a stage) does', async () => {
    const errors: unknown[] = [];
    const parts = createConfigParts((error) => errors.push(error));
    const tourOnly: WaymarkConfig = { version: '1', experiences: [{ id: 't', type: 'tour', when: { any: [{ page: '/a' }, { event: 'x' }] }, steps: [{ title: 'Hi' }] }] };
    await parts.loadFor(tourOnly);
    expect(compiles(parts)).toBe(false);

    const withStage: WaymarkConfig = { ...tourOnly, stages: [{ id: 'pro', enterWhen: { trait: 'plan', equals: 'pro' } }] };
    await parts.loadFor(withStage);
    expect(compiles(parts)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('an event condition with `where` filters loads them too', async () => {
    const parts = createConfigParts(() => {});
    await parts.loadFor({ id: 'n', type: 'tour', when: { event: 'saved', where: { size: { gte: 2 } } }, steps: [{ title: 'Hi' }] });
    expect(parts.conditions.filter({ gte: 2 })).not.toBeNull();
  });
});
