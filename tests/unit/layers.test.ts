/**
 * The layer rules of the architecture, read from the source: which folder under `src/` may import which.
 * Every import counts — `import type`, re-exports, dynamic `import()` and inline `import('…').T` types —
 * because a type-only import still ties one layer's code to another's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** Tests and their fixtures may reach across layers to set things up; shipped code may not. */
const isTestFile = (path: string) => /\.test\.ts$|test-support\.ts$|\/screenshots\//.test(path);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier in `code`: static imports and re-exports, `import type`, dynamic and inline type imports. */
export function importSpecifiers(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((match) => match[1]!));
}

interface Import {
  /** The importing file, relative to the repository. */
  file: string;
  specifier: string;
  /** The layer (first folder under `src/`) of the importing file and of the imported one; null: not ours. */
  from: string;
  to: string | null;
}

function layerOf(path: string): string | null {
  const inside = relative(src, path);
  if (inside.startsWith('..')) return null;
  const [first, second] = inside.split('/');
  return second === undefined ? first!.replace(/\.ts$/, '') : first!;
}

function imports(): Import[] {
  return sourceFiles(src).flatMap((path) =>
    importSpecifiers(readFileSync(path, 'utf8')).map((specifier) => ({
      file: relative(root, path),
      specifier,
      from: layerOf(path)!,
      to: specifier.startsWith('.') ? layerOf(resolve(dirname(path), specifier)) : null,
    })),
  );
}

const all = imports();
const shipped = all.filter((i) => !isTestFile(i.file));
const describeImport = (i: Import) => `${i.file} imports '${i.specifier}' (${i.to})`;

/** Shipped imports from `layer` into our own layers outside `allowed`, as readable lines. */
function offending(layer: string, allowed: readonly string[]): string[] {
  return shipped.filter((i) => i.from === layer && i.to !== null && !allowed.includes(i.to)).map(describeImport);
}

describe('layers (docs: ARCHITECTURE.md "Layers")', () => {
  it('finds every kind of import, and the source it checks', () => {
    const code = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      "type G = import('./g.js').G;",
      "// import { h } from './h.js';",
      "import {\n  i,\n  type I,\n} from './i.js';",
    ].join('\n');
    expect(importSpecifiers(code).sort()).toEqual(['../b.js', './a.js', './c.js', './d.js', './e.js', './f.js', './g.js', './i.js']);
    for (const layer of ['config', 'engine', 'core', 'platform', 'ui', 'runtime']) {
      expect(shipped.some((i) => i.from === layer), `no shipped file found in src/${layer}`).toBe(true);
    }
  });

  it('the UI imports neither the platform nor the runtime (types included): the runtime injects what it needs', () => {
    expect(offending('ui', ['ui', 'config', 'engine', 'core'])).toEqual([]);
  });

  it('config imports nothing of ours outside config', () => {
    expect(offending('config', ['config'])).toEqual([]);
  });

  it('the engine imports only the engine, config and core', () => {
    expect(offending('engine', ['engine', 'config', 'core'])).toEqual([]);
  });

  it('core imports only the pure layers: core, config and the engine (never the browser, the UI or the runtime)', () => {
    expect(offending('core', ['core', 'config', 'engine'])).toEqual([]);
  });

  it('the pure layers do not import each other both ways', () => {
    const pure = ['config', 'engine', 'core'];
    const edges = new Map<string, Import>();
    for (const i of shipped) if (pure.includes(i.from) && i.to && pure.includes(i.to) && i.to !== i.from) edges.set(`${i.from}->${i.to}`, i);
    const cycles = [...edges]
      .filter(([key]) => edges.has(key.split('->').reverse().join('->')))
      .map(([, i]) => describeImport(i));
    expect(cycles).toEqual([]);
  });
});
