import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import { main } from './main.js';
import { parseTreeIteratively } from './deep-json.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-cli-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(text: string): Promise<{ code: number; stdout: string }> {
  const file = join(dir, 'config.json');
  writeFileSync(file, text);
  let stdout = '';
  const code = await main(['validate', '--json', file], { stdout: (t) => (stdout += t), stderr: () => {}, readFile: (path) => readFile(path, 'utf8') });
  return { code, stdout };
}

describe('deeply nested files', () => {
  it('reports a valid 5,000-deep document as too deep at its path, not as a parse failure', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const { code, stdout } = await validate(`{ "version": "1", "experiences": [], "theme": { "x": ${deep} } }`);
    expect(code).toBe(1);
    const issues = JSON.parse(stdout) as Array<{ code: string; path: string }>;
    expect(issues.map((i) => i.code)).not.toContain('invalid-json');
    expect(issues.some((i) => i.code === 'too-deep' && i.path.startsWith('theme.x'))).toBe(true);
  });

  it('still reports syntax errors in a deep document', async () => {
    const { code, stdout } = await validate(`{ "version": "1", "experiences": ${'['.repeat(6_000)} }`);
    expect(code).toBe(1);
    expect(stdout).toContain('invalid-json');
  });
});

describe('parseTreeIteratively', () => {
  it('builds the same tree as jsonc-parser for ordinary documents (comments included)', () => {
    const text = '{\n  // c\n  "a": [1, "x", true, null, {"b": {}}, []],\n  "c": { "d": -1.5e3 } /* e */\n}';
    const strip = (node: unknown): unknown => JSON.parse(JSON.stringify(node, (key, value) => (key === 'parent' ? undefined : value)));
    const errors: ParseError[] = [];
    const ours = parseTreeIteratively(text, errors);
    expect(errors).toEqual([]);
    expect(strip(ours)).toEqual(strip(parseTree(text)));
    expect(findNodeAtLocation(ours!, ['a', 4, 'b'])?.offset).toBe(text.indexOf('{}'));
  });

  it('stops at the first syntax error', () => {
    for (const text of ['{"a" 1}', '{"a": 1 "b": 2}', '[1,]', '{', '1 2', '{1: 2}', '']) {
      const errors: ParseError[] = [];
      expect(parseTreeIteratively(text, errors), text).toBeUndefined();
      expect(errors.length, text).toBe(1);
    }
  });
});
