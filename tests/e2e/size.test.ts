/**
 * Sizes are deterministic: what a page with one tour loads, per install path, held to size-budget.json
 * (`npm run size` prints the same figures). Runs on the build (npm test builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmPath, root, scriptTagPath } from '../../scripts/size-measure.mjs';
import { validateConfig } from '../../src/config/validate.js';

const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8')) as Record<'scriptTag' | 'npm', { entry: number; page: number; requests: number }>;

describe('size budget (gzip -9, a page with one tour)', () => {
  it('script tag: the entry, the whole page and its JS requests stay in budget; no validator, no compiler', () => {
    const page = scriptTagPath();
    expect(page.entry).toBeLessThanOrEqual(budget.scriptTag.entry);
    expect(page.total).toBeLessThanOrEqual(budget.scriptTag.page);
    expect(page.requests).toBeLessThanOrEqual(budget.scriptTag.requests);
    expect(page.unwanted).toEqual([]);
  });

  it('script tag: the entry hints the tour UI chunk (modulepreload), so it downloads alongside the config', () => {
    const page = scriptTagPath();
    const ui = page.files.map((f) => f.file).find((file) => /^chunks\/ui-/.test(file));
    expect(ui).toBeDefined();
    expect(readFileSync(join(root, 'dist/cdn/waymark.js'), 'utf8')).toContain(`"./${ui}"`);
  });

  it('npm: an app bundling the package with code splitting stays in budget; importing createWaymark pulls no validator, no zod', async () => {
    const page = await npmPath();
    expect(page.unwanted).toEqual([]);
    // The app's entry holds the facade only: the runtime, the engine and the UI load with the runtime chunk.
    expect(page.entryModules.some((source) => /runtime\/facade\.[jt]s$/.test(source))).toBe(true);
    expect(page.entryModules.filter((source) => /runtime\/create\.[jt]s$|\/engine\/|\/ui\/|^lit/.test(source))).toEqual([]);
    expect(page.entry).toBeLessThanOrEqual(budget.npm.entry);
    expect(page.total).toBeLessThanOrEqual(budget.npm.page);
    expect(page.requests).toBeLessThanOrEqual(budget.npm.requests);
  }, 60000);
});

describe('the package root as built: a facade over chunks/runtime.js', () => {
  it('createWaymark returns at once, loads the runtime chunk and forwards to it; option problems reach on("error")', async () => {
    const { createWaymark } = (await import(/* @vite-ignore */ join(root, 'dist/lib/index.js'))) as typeof import('../../src/index.js');
    // Node has no window: the runtime answers as its inert instance does, which only the loaded runtime can say.
    const wm = createWaymark({ config: { version: '1', experiences: [] }, locale: 42 as unknown as string });
    const errors: Array<{ code: string; message: string }> = [];
    wm.on('error', (error) => errors.push(error));
    const outcome = wm.start('welcome');
    expect(wm.why('welcome')).toBeNull();
    await wm.ready;
    expect(await outcome).toMatchObject({ shown: false, reason: 'destroyed', message: expect.stringContaining('no window') });
    expect(errors.map((error) => error.code)).toEqual(['invalid-argument']);
    expect(errors[0]!.message).toContain('"locale"');
    wm.destroy();
  });
});

describe('the library build keeps the validator lazy and whole', () => {
  it('the runtime chunk the facade loads asks for that same validator bundle', () => {
    const chunk = readFileSync(join(root, 'dist/lib/chunks/runtime.js'), 'utf8');
    expect(chunk).toContain("import('../runtime/lazy-validator.js')");
    expect(readFileSync(join(root, 'dist/lib/runtime/facade.js'), 'utf8')).toContain("import('../chunks/runtime.js')");
  });

  it("the runtime's lazy validator (a bundle of its own) reports the same precise issues as validateConfig", async () => {
    const built = join(root, 'dist/lib/runtime/config-loading.js');
    const { loadValidator } = (await import(/* @vite-ignore */ built)) as typeof import('../../src/runtime/config-loading.js');
    const lazy = await loadValidator();
    const broken = { version: '1', experiences: [{ id: 'welcome', type: 'tour', steps: [{ title: 'Hi', target: '' }] }] };
    const issues = lazy.validateConfig(broken).issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toEqual(validateConfig(broken).issues);
  });
});
