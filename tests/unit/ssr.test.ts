import { describe, expect, it } from 'vitest';

describe('server rendering (Node, no window)', () => {
  it('importing every public entry has no side effect and does not throw', async () => {
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const sdk = await import('../../src/index.js');
    await import('../../src/config/index.js');
    await import('../../src/engine/index.js');
    // zod keeps its own registry on globalThis (shared across zod copies); nothing else may appear.
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name) && !name.startsWith('__zod_'));
    expect(added).toEqual([]);
    expect(typeof sdk.createWaymark).toBe('function');
  });

  it('createWaymark without a window is inert and never throws', async () => {
    const { createWaymark } = await import('../../src/index.js');
    const wm = createWaymark({ config: { version: '1', experiences: [] } });
    await wm.ready;
    wm.identify('u1', { plan: 'pro' });
    wm.track('signed_up');
    wm.start('anything');
    expect(wm.why('anything')).toBeNull();
    const off = wm.on('error', () => {});
    off();
    wm.destroy();
  });
});
