// Writes docs/reference/config.md from the config JSON Schema (src/config/json-schema.ts, whose
// texts live in src/config/descriptions.ts), bundled with esbuild so it runs before or without
// the TypeScript build. Usage: node scripts/docs.mjs [--check]
//   --check   write nothing; exit 1 when the committed file is stale.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { writeIfChanged } from './write-if-changed.mjs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const work = mkdtempSync(join(tmpdir(), 'waymark-docs-'));
try {
  const entry = join(work, 'entry.ts');
  writeFileSync(
    entry,
    `export { toJsonSchema } from ${JSON.stringify(join(root, 'src/config/json-schema.ts'))};\n` +
      `export { renderReferenceDocs, REFERENCE_DOCS_PATH, STALE_MESSAGE } from ${JSON.stringify(join(root, 'src/config/reference-docs.ts'))};\n`,
  );
  const bundle = join(work, 'docs.mjs');
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
  const { toJsonSchema, renderReferenceDocs, REFERENCE_DOCS_PATH, STALE_MESSAGE } = await import(pathToFileURL(bundle).href);
  const output = join(root, REFERENCE_DOCS_PATH);
  const markdown = renderReferenceDocs(toJsonSchema());
  if (check) {
    const current = existsSync(output) ? readFileSync(output, 'utf8') : '';
    if (current !== markdown) {
      console.error(STALE_MESSAGE);
      process.exitCode = 1;
    } else console.log(`${REFERENCE_DOCS_PATH} is up to date`);
  } else if (writeIfChanged(output, markdown)) console.log(`wrote ${REFERENCE_DOCS_PATH}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
