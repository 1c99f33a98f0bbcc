// A rollup plugin that writes THIRD-PARTY-NOTICES.txt beside a self-contained bundle: the name,
// version, licence and licence text of every npm package whose code was inlined into it. The
// minified bundle keeps no comments, so this file is where lit's and the others' notices travel.
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/** The directory of the package that owns a file under node_modules, or null for our own sources. */
function packageDirOf(file) {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = file.slice(at + marker.length).split(sep);
  const depth = rest[0].startsWith('@') ? 2 : 1;
  return file.slice(0, at + marker.length) + rest.slice(0, depth).join(sep);
}

export function thirdPartyNotices({ fileName = 'THIRD-PARTY-NOTICES.txt', intro = '' } = {}) {
  return {
    name: 'third-party-notices',
    generateBundle(_options, bundle) {
      const dirs = new Set();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(chunk.modules)) {
          const dir = info.renderedLength > 0 ? packageDirOf(id.replace(/^\0/, '')) : null;
          if (dir) dirs.add(dir);
        }
      }
      const entries = [...dirs]
        .map((dir) => {
          const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
          const licenseFile = readdirSync(dir).find((name) => LICENSE_FILE.test(name));
          if (!licenseFile) this.error(`${pkg.name} is bundled but ships no licence file to copy into ${fileName}`);
          return { name: pkg.name, version: pkg.version, license: pkg.license, text: readFileSync(join(dir, licenseFile), 'utf8').trim() };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      const rule = '-'.repeat(72);
      const body = entries.map((e) => `${rule}\n${e.name}@${e.version} (${e.license})\n${rule}\n\n${e.text}\n`).join('\n');
      this.emitFile({ type: 'asset', fileName, source: `${intro}${body}` });
    },
  };
}

