/**
 * What a consumer of the built package gets for frameworks and editors (npm test builds first):
 * the typings typecheck a React 19 / Vue 3 / config fixture, with `@ts-expect-error` lines that must
 * stay errors; the editor files list every element of the manifest, `<wm-step>` and `<wm-task>` included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const built = (path: string) => {
  if (!existsSync(new URL(path, root))) throw new Error(`${path} is missing: run npm run build (npm test does)`);
  return read(path);
};

interface Tag {
  name: string;
  attributes: Array<{ name: string; description?: string; values?: Array<{ name: string }> }>;
}

describe('framework and editor integration', () => {
  const manifest = built('dist/custom-elements.json');
  const manifestTags: string[] = manifest.modules
    .flatMap((mod: { declarations?: Array<{ customElement?: boolean; tagName?: string }> }) => mod.declarations ?? [])
    .filter((d: { customElement?: boolean }) => d.customElement)
    .map((d: { tagName: string }) => d.tagName)
    .sort();

  it('typechecks a React 19, Vue 3 and typed-config consumer, and its deliberate mistakes stay errors', () => {
    const result = spawnSync('npx', ['tsc', '-p', 'tests/e2e/fixtures/consumer/tsconfig.json'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 90_000);

  it('typechecks a Vue 3 single-file component with vue-tsc: template attributes and events are checked', () => {
    // Vue's template checker looks `open-on` up as `openOn`: a misspelled value must stay an error there too.
    const result = spawnSync('npx', ['vue-tsc', '-p', 'tests/e2e/fixtures/consumer-vue/tsconfig.json'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 90_000);

  it('gives VS Code every element with its attributes and their values', () => {
    const pkg = read('package.json');
    expect(pkg.exports['./html-custom-data.json']).toBe('./dist/frameworks/html-custom-data.json');
    const data: { version: number; tags: Tag[] } = built('dist/frameworks/html-custom-data.json');
    expect(data.tags.map((t) => t.name).sort()).toEqual(manifestTags);
    expect(manifestTags).toEqual(expect.arrayContaining(['wm-step', 'wm-task', 'wm-tour', 'wm-hint', 'wm-checklist']));
    const hint = data.tags.find((t) => t.name === 'wm-hint')!;
    expect(hint.attributes.find((a) => a.name === 'open-on')?.values?.map((v) => v.name)).toEqual(['hover', 'focus', 'click', 'trigger']);
    const step = data.tags.find((t) => t.name === 'wm-step')!;
    expect(step.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(['title', 'target', 'advance-on']));
    for (const tag of data.tags) for (const attribute of tag.attributes) expect(attribute.description, `${tag.name} ${attribute.name}`).toBeTruthy();
  });

  it('gives JetBrains IDEs web-types, named by package.json', () => {
    const pkg = read('package.json');
    expect(pkg['web-types']).toBe('./dist/frameworks/web-types.json');
    const webTypes = built('dist/frameworks/web-types.json');
    expect(webTypes.name).toBe('waymark');
    expect(webTypes.version).toBe(pkg.version);
    const elements: Array<{ name: string; slots: unknown[]; js: { events: Array<{ name: string }> } }> = webTypes.contributions.html.elements;
    expect(elements.map((e) => e.name).sort()).toEqual(manifestTags);
    const tour = elements.find((e) => e.name === 'wm-tour')!;
    expect(tour.js.events.map((e) => e.name).sort()).toEqual(['wm-action', 'wm-step-change', 'wm-target-missing']);
    expect(tour.slots).toHaveLength(1);
  });
});
