// Bundle the framework examples (examples/react, examples/vue) with esbuild into their dist/.
// Each imports Waymark as a customer would (`import { createWaymark } from 'waymark'`), which resolves
// to this package's built library (dist/lib), so run it after the library build. Waymark's UI
// chunks are loaded with import(): `splitting` keeps them lazy in the example's bundle too.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;

const examples = [
  { name: 'react', entry: 'src/main.tsx' },
  {
    name: 'vue',
    entry: 'src/main.ts',
    // Vue's compile-time feature flags (no Options API needed: everything is defineComponent + setup).
    define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  },
];

const only = process.argv.slice(2);
for (const example of examples) {
  if (only.length && !only.includes(example.name)) continue;
  const dir = `${root}examples/${example.name}/`;
  rmSync(`${dir}dist`, { recursive: true, force: true });
  await build({
    absWorkingDir: dir,
    entryPoints: [example.entry],
    tsconfig: `${dir}tsconfig.json`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"', ...example.define },
    legalComments: 'none',
    // dist/lib keeps a few bare `import 'x'` lines of side-effect-free modules; esbuild rightly drops them.
    logOverride: { 'ignored-bare-import': 'silent' },
    logLevel: 'warning',
  });
  console.log(`[waymark] examples/${example.name}/dist built`);
}
