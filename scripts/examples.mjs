// Bundle the framework examples (examples/react, examples/vue, examples/angular) with esbuild into their dist/.
// Angular's templates are compiled ahead of time by ngc first (no JIT compiler, no eval, so it runs under the
// strict CSP), and Angular's own packages, published partially compiled, go through its linker.
// Each imports Waymark as a customer would (`import { createWaymark } from 'waymark'`), which resolves
// to this package's built library (dist/lib), so run it after the library build. Waymark's UI
// chunks are loaded with import(): `splitting` keeps them lazy in the example's bundle too.
import { readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
  {
    name: 'angular',
    // ngc's output (examples/angular/tsconfig.json "outDir"), bundled like the others.
    compiled: 'node_modules/.cache/waymark-angular-example/',
    entry: 'src/main.js',
    prepare: () => execFileSync('npx', ['ngc', '-p', 'examples/angular/tsconfig.json'], { cwd: root, stdio: 'inherit' }),
    plugins: [angularLinker()],
    // Production Angular: no dev-mode checks, no JIT.
    define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  },
];

/** esbuild plugin: Angular's partially compiled packages become fully compiled code (the Angular linker, a Babel plugin). */
function angularLinker() {
  return {
    name: 'angular-linker',
    async setup(pluginBuild) {
      const { transformAsync } = await import('@babel/core');
      const { default: linker } = await import('@angular/compiler-cli/linker/babel');
      pluginBuild.onLoad({ filter: /node_modules[\\/]@angular[\\/].*\.m?js$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!source.includes('ɵɵngDeclare')) return { contents: source, loader: 'js' };
        const result = await transformAsync(source, { filename: path, plugins: [linker], compact: false, sourceMaps: false, configFile: false, babelrc: false });
        return { contents: result?.code ?? source, loader: 'js' };
      });
    },
  };
}

const only = process.argv.slice(2);
for (const example of examples) {
  if (only.length && !only.includes(example.name)) continue;
  const dir = `${root}examples/${example.name}/`;
  rmSync(`${dir}dist`, { recursive: true, force: true });
  if (example.prepare) {
    await rm(`${root}${example.compiled}`, { recursive: true, force: true });
    example.prepare();
  }
  await build({
    absWorkingDir: example.compiled ? `${root}${example.compiled}` : dir,
    entryPoints: [example.entry],
    ...(example.compiled ? {} : { tsconfig: `${dir}tsconfig.json` }),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    outdir: `${dir}dist`,
    plugins: example.plugins ?? [],
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"', ...example.define },
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`[waymark] examples/${example.name}/dist built`);
}
