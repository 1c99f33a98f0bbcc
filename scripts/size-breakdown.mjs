// `node scripts/size-breakdown.mjs [chunk-file…]`: where the bytes of the script-tag chunks go, per source
// module and per package, read from the build's sourcemaps. Minified bytes are exact; the gzip share of a
// module is its part of the chunk's gzip size, in proportion to its minified bytes (gzip has no per-module size).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { root } from './size-measure.mjs';

const dir = join(root, 'dist/cdn');
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['waymark.js', ...readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];

/** Minified bytes per source of one built file: each mapping owns the generated text up to the next mapping. */
export function bytesPerSource(code, map) {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const bytes = new Map();
  const mappings = [];
  consumer.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i];
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const source = (m.source ?? '(unmapped)').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
    bytes.set(source, (bytes.get(source) ?? 0) + Math.max(0, end - m.generatedColumn));
  }
  return bytes;
}

const kb = (n) => `${(n / 1000).toFixed(1)}`.padStart(7);
const packageOf = (source) => (source.startsWith('node_modules/') ? source.split('/').slice(1, source.split('/')[1].startsWith('@') ? 3 : 2).join('/') : source.split('/').slice(0, 3).join('/'));
for (const file of files) {
  const code = readFileSync(join(dir, file), 'utf8');
  const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8'));
  const gzip = gzipSync(code, { level: 9 }).length;
  const bytes = bytesPerSource(code, map);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
  console.log(`\n${file}: ${kb(code.length)} kB min, ${kb(gzip)} kB gzip`);
  const groups = new Map();
  for (const [source, n] of bytes) groups.set(packageOf(source), (groups.get(packageOf(source)) ?? 0) + n);
  console.log('  by folder/package (min kB, ~gzip kB):');
  for (const [name, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`   ${kb(n)} ${kb((n / total) * gzip)}  ${name}`);
  console.log('  by module:');
  for (const [source, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`   ${kb(n)} ${kb((n / total) * gzip)}  ${source}`);
}
