// What a page with one tour loads, per install path, measured on the build (gzip level 9, every file).
// Static analysis of the chunk graph: the entry, its static imports, and the lazy chunks the tour path
// reaches (the runtime, the tour machine, the renderer, the tour component) with their static imports.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (text) => gzipSync(text, { level: 9 }).length;

/** The modules the tour path goes through (by source path), whichever chunk holds them. */
const TOUR_PATH = ['runtime/create', 'engine/machines/tour', 'ui/index', 'ui/tour/define'];
/** Modules a tour page with a checked config must never load. */
const NEVER = ['config/validate', 'ui/declarative', 'zod/',
  // Loaded only for the configs that use them (regex page patterns, sensors beyond the route sensor, text targets).
  'config/page-regex', 'platform/sensors/starters', 'platform/sensors/element', 'platform/sensors/dead-click', 'platform/targets/text'];

/** A graph of files: static imports, dynamic imports, the source modules inside. */
function closure(graph, starts) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const next of graph.get(file).imports) visit(next);
  };
  for (const start of starts) visit(start);
  return files;
}

/**
 * A dynamic import loads the file it names and that file's static imports: for each module of the tour path, the
 * dynamically imported file (reachable from the entry) whose static closure holds it, the smallest such closure.
 */
function pagePath(graph, entry) {
  const reachable = new Set();
  const walk = (file) => {
    if (reachable.has(file)) return;
    reachable.add(file);
    for (const next of [...graph.get(file).imports, ...(graph.get(file).dynamic ?? [])]) walk(next);
  };
  walk(entry);
  const targets = [entry, ...[...reachable].flatMap((file) => graph.get(file).dynamic ?? [])];
  // The file the runtime imports for a module is the one built from it (esbuild: its entry point; rollup: the chunk holding it).
  const named = (target, module) => (graph.get(target).entrySources ?? graph.get(target).sources).some((s) => new RegExp(`(^|/)${module}\\.[jt]s$`).test(s));
  const lazy = TOUR_PATH.map((module) =>
    targets
      .filter((target) => named(target, module))
      .map((target) => closure(graph, [target]))
      .sort((a, b) => a.size - b.size)[0],
  ).filter(Boolean);
  const files = new Set([...closure(graph, [entry]), ...lazy.flatMap((set) => [...set])]);
  const bytes = [...files].reduce((sum, file) => sum + graph.get(file).gzip, 0);
  const loaded = [...files].flatMap((file) => graph.get(file).sources);
  return {
    entry: graph.get(entry).gzip,
    /** The source modules the entry and its static imports hold (what runs before anything is loaded lazily). */
    entryModules: [...closure(graph, [entry])].flatMap((file) => graph.get(file).sources),
    total: bytes,
    requests: files.size,
    files: [...files].map((file) => ({ file, gzip: graph.get(file).gzip, modules: graph.get(file).sources })),
    unwanted: NEVER.filter((module) => loaded.some((source) => source.includes(module))),
  };
}

/** The script-tag bundle (dist/cdn), read from its files and sourcemaps. */
export function scriptTagPath() {
  const dir = join(root, 'dist/cdn');
  const graph = new Map();
  const read = (file) => {
    if (graph.has(file)) return;
    const code = readFileSync(join(dir, file), 'utf8');
    const map = existsSync(join(dir, `${file}.map`)) ? JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) : { sources: [] };
    const near = (spec) => relative(dir, resolve(dirname(join(dir, file)), spec));
    const imports = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']|(?:^|[;\s}])export\s*[\w${},\s*]*from\s*["']([^"']+)["']/g)].map((m) => near(m[1] ?? m[2]));
    const dynamic = [...code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => near(m[1]));
    graph.set(file, { gzip: gz(code), imports, dynamic, sources: map.sources.map((s) => s.replace(/^(\.\.\/)+/, '')) });
    for (const next of [...imports, ...dynamic]) read(next);
  };
  read('waymark.js');
  return pagePath(graph, 'waymark.js');
}

/** The source modules inside a file of the library build (a chunk holds many: read from its sourcemap). */
function libSources(input) {
  if (/node_modules\//.test(input)) return [input.replace(/^.*node_modules\//, '')];
  const map = join(root, `${input}.map`);
  if (!input.startsWith('dist/lib/') || !existsSync(map)) return [input.replace(/^dist\/lib\//, 'src/')];
  return JSON.parse(readFileSync(map, 'utf8')).sources.map((source) => `src/${source.replace(/^(\.\.\/)+(src\/)?/, '')}`);
}

/** The npm path: an app bundles `createWaymark` from the package (dist/lib) with esbuild, code splitting on. */
export async function npmPath() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: `import { createWaymark } from ${JSON.stringify(join(root, 'dist/lib/index.js'))};\ncreateWaymark({ configUrl: '/onboarding.json' });`, resolveDir: root, sourcefile: 'app.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    outdir: join(root, '.size-npm'),
    target: 'es2022',
    logLevel: 'error',
  });
  const graph = new Map();
  const base = join(root, '.size-npm');
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (path.endsWith('.map')) continue;
    const file = relative(base, resolve(root, path));
    const text = result.outputFiles.find((f) => relative(base, f.path) === file).text;
    graph.set(file, {
      gzip: gz(text),
      imports: output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => relative(base, resolve(root, i.path))),
      dynamic: output.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => relative(base, resolve(root, i.path))),
      sources: Object.keys(output.inputs).flatMap(libSources),
      entry: output.entryPoint,
      entrySources: output.entryPoint ? libSources(output.entryPoint) : [],
    });
  }
  // The app's own entry (the others are the package's lazy chunks).
  const entry = [...graph.keys()].find((file) => graph.get(file).entry && !graph.get(file).entry.startsWith('dist/'));
  return pagePath(graph, entry);
}

export async function measure() {
  return { scriptTag: scriptTagPath(), npm: await npmPath() };
}
