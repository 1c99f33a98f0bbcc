/**
 * The Markdown the package ships (README, docs/, CHANGELOG) is read in `node_modules/waymark` too: every relative link
 * must reach a file the package holds, and a heading where it names one; a file only the repository has (tests,
 * sources, examples) is linked by its address in the repository, and that file must exist here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const REPOSITORY = 'https://github.com/waymark-dev/waymark/';

const packed: string[] = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{
  files: Array<{ path: string }>;
}>)[0]!.files.map((file) => file.path);
const markdown = packed.filter((path) => path.endsWith('.md'));

/** Links outside code blocks and code spans: `[text](href)`. */
function linksOf(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '``');
  return Array.from(prose.matchAll(/\]\(([^)\s]+)\)/g), (match) => match[1]!);
}

/** GitHub's heading anchors (lower case, punctuation dropped, spaces to hyphens, repeats numbered) and `<a id>`s. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set(Array.from(text.matchAll(/<a (?:id|name)="([^"]+)"/g), (match) => match[1]!));
  for (const [, heading] of text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

describe('links in the packaged Markdown', () => {
  it('ships the README, the docs and the changelog', () => {
    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/guide.md', 'docs/accessibility.md', 'docs/reference/config.md']));
  });

  it.each(markdown)('%s: every relative link reaches a packaged file (and heading), every repository link a file here', (file) => {
    const dead: string[] = [];
    for (const href of linksOf(readFileSync(new URL(file, root), 'utf8'))) {
      if (href.startsWith(REPOSITORY)) {
        const path = href.slice(REPOSITORY.length).replace(/^(blob|tree)\/main\//, '').split('#')[0]!;
        if (!existsSync(new URL(path, root))) dead.push(`${href} (no ${path} in the repository)`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const [pathPart, anchor] = href.split('#') as [string, string | undefined];
      const target = pathPart === '' ? file : posix.normalize(posix.join(posix.dirname(file), pathPart)).replace(/\/$/, '');
      const inPackage = packed.includes(target) || packed.some((path) => path.startsWith(`${target}/`));
      if (!inPackage) {
        dead.push(`${href} (not in the package)`);
        continue;
      }
      if (anchor && target.endsWith('.md') && !anchorsOf(readFileSync(new URL(target, root), 'utf8')).has(anchor)) dead.push(`${href} (no such heading)`);
    }
    expect(dead).toEqual([]);
  });
});
