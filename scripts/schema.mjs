// Writes dist/waymark.schema.json from src/config (bundled with esbuild, so it runs before or
// without the TypeScript build). Usage: node scripts/schema.mjs [output path]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeIfChanged } from './write-if-changed.mjs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(root, process.argv[2] ?? 'dist/waymark.schema.json');
const work = mkdtempSync(join(tmpdir(), 'waymark-schema-'));
try {
  const bundle = join(work, 'json-schema.mjs');
  await build({
    entryPoints: [join(root, 'src/config/json-schema.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { toJsonSchema } = await import(pathToFileURL(bundle).href);
  if (writeIfChanged(output, `${JSON.stringify(toJsonSchema(), null, 2)}\n`)) console.log(`wrote ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
