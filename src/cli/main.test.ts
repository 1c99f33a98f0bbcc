import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, USAGE, type LocatedIssue } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8') });
  return { code, stdout, stderr };
}

// Line and column numbers below are counted by hand from this text (1-based).
const BROKEN = `{
  // comments are allowed
  "version": "1",
  "experiences": [
    {
      "id": "welcome",
      "type": "tour",
      "steps": [
        { "title": "Hi", "target": "" },
        { "tittle": "Typo" }
      ]
    },
    { "id": "tip", "type": "hint", "target": "#a", "body": "ok", "articles": ["nope"] }
  ]
}
`;

describe('waymark validate', () => {
  it('prints file:line:col, the path and the message for every issue, then a summary; exit 1 on errors', async () => {
    const file = write('broken.json', BROKEN);
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${file}:9:36  experiences[0].steps[0].target  expected a CSS selector, got ""`,
      // A missing field points at its parent object; an unknown key at the key itself.
      `${file}:10:9  experiences[0].steps[1].title  expected a text: a string or an object, got nothing (required)`,
      `${file}:10:11  experiences[0].steps[1].tittle  unknown key "tittle"; did you mean "title"?`,
      `${file}:13:79  experiences[1].articles[0]  warning: unknown article "nope" (no articles are declared)`,
      '3 errors, 1 warning',
      '',
    ]);
  });

  it('exits 0 for a valid file, and with warnings only', async () => {
    const valid = write('valid.json', '{ "version": "1", "experiences": [] }');
    expect(await run('validate', valid)).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
    const warned = write('warned.json', '{ "version": "1", "experiences": [{ "id": "a", "type": "survey", "kind": "nps", "question": "Q", "scale": "stars" }] }');
    const result = await run('validate', warned);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warned\.json:1:\d+ {2}experiences\[0\]\.scale {2}warning: "scale" applies to csat surveys only/);
    expect(result.stdout.endsWith('0 errors, 1 warning\n')).toBe(true);
  });

  it('validates the demo fixture without issues', async () => {
    const result = await run('validate', new URL('../../tests/unit/fixtures/demo-config.json', import.meta.url).pathname);
    expect(result).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
  });

  it('reports JSON syntax errors with line:col', async () => {
    const file = write('syntax.json', '{\n  "version": "1",\n  "experiences": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n');
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe(`${file}:5:5  (syntax)  invalid JSON: comma expected\n1 error, 0 warnings\n`);
  });

  it('refuses a config from a newer Waymark at the version field', async () => {
    const file = write('v2.json', '{\n  "version": "2",\n  "experiences": []\n}');
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:2:14  version  this config is version 2, this Waymark understands version 1; upgrade the SDK`);
  });

  it('checks several files and sums up', async () => {
    const a = write('a.json', '{ "version": "1", "experiences": [] }');
    const b = write('b.json', '[]');
    const missing = join(dir, 'missing.json');
    const { code, stdout } = await run('validate', a, b, missing);
    expect(code).toBe(1);
    expect(stdout).toContain(`${b}:1:1  (document)  expected a config object`);
    expect(stdout).toContain(`${missing}:1:1  (file)  cannot read the file`);
    expect(stdout.endsWith('2 errors, 0 warnings\n')).toBe(true);
  });

  it('--json prints the located issues as JSON', async () => {
    const file = write('json.json', BROKEN);
    const { code, stdout } = await run('validate', '--json', file);
    expect(code).toBe(1);
    const issues = JSON.parse(stdout) as LocatedIssue[];
    expect(issues).toHaveLength(4);
    expect(issues[0]).toEqual({ file, line: 9, column: 36, code: 'too-small', severity: 'error', path: 'experiences[0].steps[0].target', message: 'expected a CSS selector, got ""' });
  });

  it('never assigns through __proto__ when reading a file', async () => {
    const file = write('proto.json', '{ "version": "1", "experiences": [], "__proto__": { "polluted": true } }');
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:1:38  __proto__  the key "__proto__" is not allowed`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('needs a file', async () => {
    expect(await run('validate')).toEqual({ code: 2, stdout: '', stderr: `waymark validate: no file given\n\n${USAGE}` });
    expect((await run('validate', '--strict', 'x.json')).code).toBe(2);
  });
});

describe('waymark schema, help and unknown commands', () => {
  it('prints the JSON Schema', async () => {
    const { code, stdout } = await run('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as Record<string, unknown>;
    expect(schema.$id).toBe('urn:waymark:config:v1');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('prints usage for --help and exits 0', async () => {
    for (const flag of ['--help', '-h', 'help']) expect(await run(flag)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
  });

  it('prints usage for no or an unknown command and exits 2', async () => {
    expect(await run()).toEqual({ code: 2, stdout: '', stderr: USAGE });
    const unknown = await run('validat', 'x.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`waymark: unknown command "validat"; did you mean "validate"?\n\n${USAGE}`);
  });
});

describe('waymark validate reads files as the app does', () => {
  const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

  // The same files are loaded by the runtime in src/runtime/config-loading.browser.test.ts.
  it('accepts the commented fixture, comment-like text in strings included', async () => {
    expect(await run('validate', fixture('commented.json'))).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
  });

  it('refuses an unclosed block comment', async () => {
    const file = fixture('commented-unclosed.json');
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ {2}\\(syntax\\) {2}invalid JSON: `));
  });

  it('refuses whitespace JSON does not allow, where the app would refuse it', async () => {
    const file = write('nbsp.json', '{\n  "version": "1",\u00a0"experiences": []\n}\n');
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/nbsp\.json:2:18 {2}\(syntax\) {2}invalid JSON: .*\n1 error, 0 warnings\n$/);
  });

  it('accepts a byte-order mark, as the app does', async () => {
    const file = write('bom.json', '\uFEFF{ "version": "1", "experiences": [] }');
    expect((await run('validate', file)).code).toBe(0);
  });
});

describe('waymark validate reports everything in one run', () => {
  // Columns point at the value (1-based).
  const MIXED = `{
  "version": "1",
  "stages": [{ "id": "setup" }],
  "experiences": [
    { "id": "tip", "type": "hint", "target": "#a", "body": "b", "articles": ["nope"] },
    { "id": "h", "type": "hint", "stages": ["setpu"],
      "target": "#b", "body": "b", "placement": "bottm" },
    { "id": "t", "type": "tuor", "steps": [] }
  ]
}
`;

  it('shape errors, references and near-miss values together, sorted by line and column', async () => {
    const file = write('mixed.json', MIXED);
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${file}:5:78  experiences[0].articles[0]  warning: unknown article "nope" (no articles are declared)`,
      `${file}:6:45  experiences[1].stages[0]  unknown stage "setpu"; did you mean "setup"?`,
      `${file}:7:49  experiences[1].placement  expected one of "auto", "top", "bottom", "left", "right", "top-start", "top-end", "bottom-start", "bottom-end", "left-start", "left-end", "right-start", "right-end" or "center", got "bottm"; did you mean "bottom"?`,
      `${file}:8:26  experiences[2].type  expected one of "tour", "hint", "beacon", "checklist", "nudge", "announcement" or "survey", got "tuor"; did you mean "tour"?`,
      '3 errors, 1 warning',
      '',
    ]);
  });
});
