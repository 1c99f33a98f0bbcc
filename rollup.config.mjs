import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import pkg from './package.json' with { type: 'json' };
import { thirdPartyNotices } from './scripts/third-party-notices.mjs';
import { cssLiterals } from './scripts/css-literals.mjs';

// Every build starts clean, so no stale chunk is ever served.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

// Dependencies and (optional) peers stay imports: the app's bundler resolves them once.
const external = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).map((name) => new RegExp(`^${name}(/|$)`));
// TypeScript to JavaScript, then the Lit stylesheets' text without comments and indents.
const ts = () => [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), cssLiterals()];
// Dependencies' own pure-annotation placement and internal cycles are theirs, not ours: keep the output readable.
const onwarn = (warning, warn) => {
  if (warning.id?.includes('node_modules') || warning.ids?.every((id) => id.includes('node_modules'))) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
  warn(warning);
};

/**
 * The library's lazy validator is a bundle of its own (`runtime/lazy-validator.js`). The package root also
 * re-exports `validateConfig`; when the module the runtime loads lazily is also reachable from the root,
 * bundlers that split code (esbuild) put it and zod in a chunk the app's entry imports, used or not.
 */
const LAZY_VALIDATOR = 'runtime/lazy-validator';
/** `from`: the validator's path relative to the file that holds config-loading in this build. */
const lazyValidator = (from = `./${LAZY_VALIDATOR.split('/').pop()}.js`) => ({
  name: 'lazy-validator',
  resolveDynamicImport(specifier, importer) {
    if (specifier !== '../config/validate.js' || !importer?.replace(/\\/g, '/').endsWith('/src/runtime/config-loading.ts')) return null;
    return { id: from, external: true };
  },
});

/**
 * The package root's `createWaymark` is a facade (runtime/facade.js) whose runtime is `chunks/runtime.js`, a build of
 * its own: a bundler that splits code by reachability (esbuild makes a chunk of every set of entry points a module is
 * reachable from) would otherwise cut the runtime, shared with the facade and with every lazy part, into dozens of
 * files. As its own build the facade shares no module with it: the facade hands the runtime its argument checks, error
 * channel and anonymous id (runtime/runtime-helpers.ts), so the runtime's entry (runtime/runtime-chunk.ts) leaves
 * them out and a page carries one copy. The runtime and the tour UI (which import each other, and which a tour page
 * needs both of) are one chunk: a tour page is the app's entry, the runtime and, for esbuild, the small file it makes
 * of the runtime's entry point.
 */
const RUNTIME_CHUNKS = 'chunks';
const runtimeChunk = () => ({
  name: 'runtime-chunk',
  resolveDynamicImport(specifier, importer) {
    if (specifier !== './create.js' || !importer?.replace(/\\/g, '/').endsWith('/src/runtime/facade.ts')) return null;
    return { id: `../${RUNTIME_CHUNKS}/runtime.js`, external: true };
  },
});
/** The script-tag graph, with the tour UI inside the runtime chunk; the other components, help, debug… stay lazy. */
const libRuntimeChunks = (id) => {
  const name = cdnChunks(id);
  return name === 'ui' ? 'runtime' : name;
};

/**
 * The entry's `import.meta.waymarkNextChunks`: the chunks an instance loads once its config is in (the tour UI), so
 * the entry can hint them (`<link rel="modulepreload">`) as soon as it sees the config has experiences, and they
 * download alongside the runtime chunk, the config and the stored progress.
 */
const nextChunkHints = (names) => ({
  name: 'next-chunk-hints',
  renderChunk(code, chunk, _options, { chunks }) {
    if (!chunk.isEntry || !code.includes('import.meta.waymarkNextChunks')) return null;
    const next = Object.values(chunks).filter((other) => names.includes(other.name)).map((other) => `./${other.fileName}`);
    return { code: code.replaceAll('import.meta.waymarkNextChunks', JSON.stringify(next)), map: null };
  },
});

/**
 * The script-tag chunk graph, for a page that shows a tour: the entry (the tag's options, the first I/O), the runtime
 * (engine with the tour machine, platform, store, sensors, the global) and the tour UI (Lit, floating-ui, the shared UI
 * pieces, the tour): three requests.
 * Everything else stays a lazy chunk of its own: the validator (unchecked configs only), the declarative compiler,
 * the other components, help and chat, debug, analytics sinks.
 */
function cdnChunks(id) {
  const path = id.replace(/\\/g, '/');
  // Lit's `live` directive: only the checklist uses it, so it rides in the checklist's chunk.
  if (/\/node_modules\/lit-html\/directives\/live\.js$/.test(path)) return 'checklist';
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@floating-ui\/[^/]+)\//.test(path)) return 'ui';
  // Engine machines ride with their type's component, except the tour's: it rides in the runtime, so `ready` (which
  // waits for the config's machines) does not wait for the tour UI chunk to download and evaluate.
  const machine = /\/src\/engine\/machines\/(tour|checklist|nudge|survey)\.ts$/.exec(path);
  if (machine) return machine[1] === 'tour' ? 'runtime' : machine[1];
  const component = /\/src\/ui\/(checklist|nudge|survey)\/[^/]+\.ts$/.exec(path);
  if (component && !path.endsWith('.test.ts')) return component[1];
  // Strings per locale: English rides with the UI, every other locale is a chunk of its own; help and the resource center load only the locale they show.
  // English for surveys, nudges, checklists and help (`i18n-en-more.ts`) too: the first of those shown loads it.
  if (/\/src\/ui\/shared\/i18n(-(?!core\.|en\.)[a-z-]+)?\.ts$/.test(path)) return undefined;
  // Loaded only for configs with a regex page pattern (runtime/page-regex-loading.ts); the validator imports it too.
  if (/\/src\/config\/page-regex\.ts$/.test(path)) return 'page-regex';
  // Text targets' matching loads for configs with text targets (runtime/config-parts.ts); the sensors import it with the
  // text-matching defaults (targets/with-text.ts), which stay out of the runtime.
  if (/\/src\/platform\/targets\/text\.ts$/.test(path)) return 'target-text';
  if (/\/src\/platform\/targets\/with-text\.ts$/.test(path)) return 'sensors';
  // Sensors other than the route sensor load for the configs that use them (platform/sensors/loader.ts).
  if (/\/src\/platform\/sensors\/(?!(route|scope|url|start|loader|index)\.ts$)[^/]+\.ts$/.test(path) && !path.endsWith('.test.ts')) return 'sensors';
  // The instance's first I/O, begun by the entry while the runtime chunk downloads, rides in the entry: named with it,
  // or the runtime chunk (whose npm facade imports it) would take it in and the entry would wait for that chunk.
  if (/\/src\/(browser|runtime\/(script-tag|early-start)|platform\/store\/early-open)\.ts$/.test(path)) return 'waymark';
  // Parts several components share but a tour does not (the hint card, Escape from a non-modal card): a chunk the
  // renderer fetches alongside those components' own (ui/index.ts), so it never waits behind them.
  if (/\/src\/ui\/shared\/(hint-card|controllers\/focus-escape)\.ts$/.test(path)) return 'surface-parts';
  // The renderer's plain-selector targets, for callers that inject no resolver (the runtime always does).
  if (/\/src\/ui\/shared\/selector-targets\.ts$/.test(path)) return undefined;
  // What places surfaces floating on their own (corners, banners, the debug overlay) loads with the first of them.
  if (/\/src\/ui\/shared\/coordinator\/arranged\.ts$/.test(path)) return 'arranged';
  // The surface coordinator comes with the first surface: the runtime's Escape stack only keeps a slot for it.
  if (/\/src\/ui\/(index|tour\/[^/]+|shared\/(?!dismissible-stack)[^/]+|shared\/(controllers|coordinator)\/[^/]+)\.ts$/.test(path) && !path.endsWith('.test.ts')) return 'ui';
  if (/\/src\/(runtime\/(?!script-tag)|engine\/|platform\/(store|sensors|targets)\/|core\/(?!help|chat)|ui\/shared\/dismissible-stack|config\/(types|rich-text|checked|duration|issues|theme-values)\.ts)/.test(path)) {
    // Theme values' checks (config/theme-values.ts) are here: the validator shares them with the UI's theme, and in the
    // UI chunk they made an unchecked config's validator wait for (and fetch) the UI chunk even when nothing shows.
    // Lazy parts of the runtime keep their own chunks.
    // Help, chat handoff and the resource center: one chunk, for configs (or calls) that use them.
    if (/\/src\/runtime\/(help|support(-chunk)?\.ts|resource-center)/.test(path)) return 'support';
    // Condition kinds beyond pages, events and experience states: configs that use one (runtime/config-parts.ts).
    if (/\/src\/engine\/(conditions-more|compare)\.ts$/.test(path)) return 'conditions';
    // The survey answers' durable outbox: survey configs, or a page where answers from an earlier page still wait (delivery.ts).
    if (/\/src\/(runtime\/answers|platform\/store\/outbox)\.ts$/.test(path)) return 'answers';
    // Experiences added from code: fetched alongside the validator by the first addExperience() (runtime/programmatic.ts).
    if (/\/src\/runtime\/code-experiences\.ts$/.test(path)) return 'code-experiences';
    // The upgrade of pre-release stored state: only a record that old loads it (named, or the barrel `engine/index` would pull it in).
    if (/\/src\/engine\/migrate-v0\.ts$/.test(path)) return 'migrate-v0';
    if (/\/src\/runtime\/debug/.test(path)) return undefined;
    // Issues are data the validator (a lazy chunk) makes: a checked config never needs them.
    if (/\/src\/config\/issues\.ts$/.test(path)) return undefined;
    return 'runtime';
  }
  return undefined;
}

export default [
  // The library build for bundlers: one file per module, dependencies external, tree-shakeable. The runtime's own
  // modules are built here too (runtime/create.js and what it reaches: deep references, the elements' manifest).
  {
    input: {
      index: 'src/index.ts',
      'runtime/create': 'src/runtime/create.ts',
      'config/index': 'src/config/index.ts',
      'engine/index': 'src/engine/index.ts',
      'cli/main': 'src/cli/main.ts',
      // `waymark/react`: @lit/react wrappers (react and @lit/react are optional peers).
      'react/index': 'src/react/index.ts',
    },
    // The CLI loads happy-dom or puppeteer-core (optional peers) and esbuild lazily, only for `validate --page`.
    external: (id) => external.some((re) => re.test(id)) || id.startsWith('node:') || /^(happy-dom|puppeteer-core|esbuild)(\/|$)/.test(id),
    plugins: [runtimeChunk(), lazyValidator(), ts()],
    onwarn,
    // Our dependencies are imported for their bindings, never run for effect: a module whose bindings all went unused
    // (the store's barrel re-exports the outbox) must not leave a bare `import 'idb-keyval'` behind for bundlers to warn of.
    treeshake: { moduleSideEffects: 'no-external' },
    // Maps without embedded sources: they still map names and lines, without tripling the install.
    output: { dir: 'dist/lib', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true, sourcemapExcludeSources: true },
  },
  // The runtime the facade loads (see runtimeChunk): a few chunks, dependencies external.
  {
    input: { runtime: 'src/runtime/runtime-chunk.ts' },
    external: (id) => external.some((re) => re.test(id)),
    plugins: [lazyValidator(`../${LAZY_VALIDATOR}.js`), ts()],
    // The runtime chunk is the entry itself, no facade file in front of it.
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    output: {
      dir: `dist/lib/${RUNTIME_CHUNKS}`,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      manualChunks: libRuntimeChunks,
      // No bare `import './x.js'` lines for an app's bundler to follow.
      hoistTransitiveImports: false,
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
  // The validator the runtime loads for unchecked configs: one file, zod stays an import (see lazyValidator).
  {
    input: { [LAZY_VALIDATOR]: 'src/config/validate.ts' },
    external: (id) => external.some((re) => re.test(id)),
    plugins: [ts()],
    onwarn,
    output: { dir: 'dist/lib', format: 'es', sourcemap: true, sourcemapExcludeSources: true },
  },
  // The self-contained bundle for a script tag or CDN: dependencies inlined, UI split into lazy chunks.
  {
    input: { waymark: 'src/browser.ts' },
    // Let the entry chunk carry what lazy chunks share, instead of a facade that costs a second request.
    preserveEntrySignatures: 'allow-extension',
    // Minified (a second compress pass takes what the first one's inlining opened up, -0.25 kB on a tour page) without
    // comments except the `/*! … */` banner; the inlined packages' licences go to THIRD-PARTY-NOTICES.txt.
    plugins: [
      nodeResolve({ browser: true }),
      ts(),
      // Before terser, which would otherwise see an unknown `import.meta` property.
      nextChunkHints(['ui']),
      terser({ compress: { passes: 2 }, format: { comments: /^!/ } }),
      thirdPartyNotices({ intro: `Waymark ${pkg.version} (${pkg.license}) bundles the following packages, whose licences follow.\n\n` }),
    ],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: cdnChunks,
      banner: (chunk) => (chunk.isEntry ? `/*! Waymark ${pkg.version} | ${pkg.license} | bundled licences: THIRD-PARTY-NOTICES.txt */` : ''),
      sourcemap: true,
      sourcemapExcludeSources: true,
    },
  },
];
