/**
 * What the runtime leaves out of a one-tour page with a checked config, read from the build's chunk graph (npm test
 * builds first): help, chat and the resource center, the upgrade of pre-release stored state, the survey answers'
 * outbox and the condition kinds a page-and-event trigger does not use are chunks of their own on both install
 * paths; the surface coordinator comes with the UI, so a page that shows nothing skips it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmPath, root, scriptTagPath } from '../../scripts/size-measure.mjs';

/** Source modules a one-tour page must not load. */
const NOT_ON_A_TOUR_PAGE = [
  'src/runtime/support.ts',
  'src/runtime/help.ts',
  'src/runtime/resource-center.ts',
  'src/engine/migrate-v0.ts',
  // The survey answers' outbox: survey configs, or a page where an earlier page's answers still wait (delivery.ts).
  'src/runtime/answers.ts',
  'src/platform/store/outbox.ts',
  // Condition kinds beyond pages, events and experience states (traits, stages, time, struggle, rollout, `where`).
  'src/engine/conditions-more.ts',
  'src/engine/compare.ts',
  // English for surveys, nudges, checklists and help: loaded with the first of those shown.
  'src/ui/shared/i18n-en-more.ts',
  // The coordinator's arrangement of floating surfaces (corner stacking, beside an opener, banners yielding, the
  // debug overlay on top): loaded with the first surface that needs it (coordinator.browser.test.ts, surfaces.test.ts).
  'src/ui/shared/coordinator/arranged.ts',
  // Parts other components share, fetched alongside them by the renderer: the hint card (hints, beacons), Escape from a
  // non-modal card (surveys, announcements, the resource center), Lit's live directive (checklist), and the renderer's
  // plain-selector targets for callers without the runtime's resolver (surfaces.test.ts, renderer.browser.test.ts).
  'src/ui/shared/hint-card.ts',
  'src/ui/shared/controllers/focus-escape.ts',
  'src/ui/shared/selector-targets.ts',
  'lit-html/directives/live.js',
  // Finding the links in rich text: the validator's audit (refused hrefs, links to check), never the runtime's.
  'src/config/rich-text-links.ts',
  // Experiences added from code (Element targets, checking against the config): fetched with the validator by addExperience().
  'src/runtime/code-experiences.ts',
];
const npmSource = (module: string) => module.replace(/\.ts$/, '.js');

describe('the runtime loads what a one-tour page uses', () => {
  it('script tag: no help, chat, resource-center, stored-state upgrade, answer-outbox or other condition kinds code; the coordinator rides with the UI, not the runtime', () => {
    const page = scriptTagPath();
    const loaded = page.files.flatMap((file) => file.modules);
    for (const module of NOT_ON_A_TOUR_PAGE) expect(loaded.filter((source) => source.endsWith(module))).toEqual([]);
    const runtime = page.files.find((file) => /^chunks\/runtime-/.test(file.file));
    const ui = page.files.find((file) => /^chunks\/ui-/.test(file.file));
    expect(runtime?.modules.filter((source) => source.includes('ui/shared/coordinator/'))).toEqual([]);
    expect(ui?.modules.some((source) => source.endsWith('ui/shared/coordinator/coordinator.ts'))).toBe(true);
  });

  it('script tag: the arrangement of floating surfaces is a chunk of its own, outside the tour UI', () => {
    const chunks = readdirSync(join(root, 'dist/cdn/chunks')).filter((file) => file.endsWith('.js.map'));
    const holders = chunks.filter((file) => (JSON.parse(readFileSync(join(root, 'dist/cdn/chunks', file), 'utf8')) as { sources: string[] }).sources.some((source) => source.endsWith('ui/shared/coordinator/arranged.ts')));
    expect(holders.map((file) => file.replace(/-[\w-]+\.js\.map$/, ''))).toEqual(['arranged']);
  });

  it('script tag: a tour page carries the English strings of tours, not those of surveys, checklists or help', () => {
    const code = scriptTagPath().files.map((file) => readFileSync(join(root, 'dist/cdn', file.file), 'utf8')).join('\n');
    expect(code).toContain('Skip tour');
    for (const text of ['Very unsatisfied', 'Minimize checklist', 'Leave us a message']) expect(code).not.toContain(text);
  });

  it('script tag: the runtime chunk imports no UI chunk statically, so the UI is evaluated only when something is shown', () => {
    const runtime = scriptTagPath().files.find((file) => /^chunks\/runtime-/.test(file.file));
    const code = readFileSync(join(root, 'dist/cdn', runtime!.file), 'utf8');
    // The UI chunk (Lit, floating-ui, the tour) may be fetched early (a modulepreload hint) but never run first.
    const staticImports = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']/g)].map((match) => match[1]);
    expect(staticImports.filter((specifier) => /\bui-/.test(specifier))).toEqual([]);
  });

  it('npm: the same modules stay out of what an app bundling createWaymark loads for a tour', async () => {
    const page = await npmPath();
    const loaded = page.files.flatMap((file) => file.modules);
    for (const module of NOT_ON_A_TOUR_PAGE) expect(loaded.filter((source) => source.endsWith(npmSource(module)))).toEqual([]);
  }, 60000);

  it('npm: the library build has no bare import of a dependency (an app bundling it would be told a side-effect-free import is ignored)', () => {
    const lib = join(root, 'dist/lib');
    const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(50);
    const bare = files.flatMap((file) =>
      [...readFileSync(join(lib, file), 'utf8').matchAll(/^import ['"]([^./'"][^'"]*)['"];?$/gm)].map((match) => `${file}: ${match[1]}`),
    );
    expect(bare).toEqual([]);
  });

  it('npm: the argument checks, the error channel and the anonymous id are on the page once, in the facade that hands them to the runtime', async () => {
    const page = await npmPath();
    // The app's entry comes first; each file lists the source modules it holds, once.
    const entry = page.files[0]!.file;
    for (const module of ['src/runtime/guard.ts', 'src/runtime/reporter.ts', 'src/runtime/emitter.ts']) {
      expect(page.files.filter((file) => file.modules.includes(module)).map((file) => file.file), module).toEqual([entry]);
    }
    // identity.ts is on both sides (the runtime keeps the session id); the anonymous id is the facade's alone.
    expect(readFileSync(join(root, 'dist/lib/chunks/runtime.js'), 'utf8')).not.toContain('waymark:anonymous-id');
  }, 60000);
});
