import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_VERSION, validateConfig } from '../config/validate.js';
import { CHECKED_SCHEMA_VERSION, contentHash, trustChecked } from '../config/checked.js';
import { main } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-checked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8') });
  return { code, stdout, stderr };
}

const GOOD = join(import.meta.dirname, 'fixtures/good.json');
const BROKEN = join(dir, 'broken.json');
writeFileSync(BROKEN, JSON.stringify({ version: '1', experiences: [{ id: 'welcome', type: 'tour', steps: [] }] }));

describe('waymark validate --out', () => {
  it('writes the validated config in its checked, compact form, which the browser guard trusts', async () => {
    const out = join(dir, 'checked.json');
    const { code, stdout } = await run('validate', GOOD, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1); // compact
    const written = JSON.parse(text) as Record<string, unknown>;
    expect(written.$checked).toEqual({ by: 'waymark', version: CONFIG_VERSION, hash: expect.any(String) });
    const trusted = trustChecked(written);
    expect(trusted).not.toBeNull();
    // Exactly what full validation makes of the source, without the mark.
    const source = JSON.parse(readFileSync(GOOD, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as unknown;
    expect(trusted).toEqual(validateConfig(source).config);
    expect(trusted).not.toHaveProperty('$checked');
  });

  it('writes nothing for a config with errors', async () => {
    const out = join(dir, 'never.json');
    const { code, stderr } = await run('validate', BROKEN, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('not written');
    expect(existsSync(out)).toBe(false);
  });

  it('takes one file only', async () => {
    expect((await run('validate', GOOD, GOOD, '--out', join(dir, 'x.json'))).code).toBe(2);
    expect((await run('validate', GOOD, '--out')).code).toBe(2);
  });
});

describe('trustChecked: the cheap guard', () => {
  const checkedText = async () => {
    const out = join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
    await run('validate', GOOD, '--out', out);
    return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> & { experiences: Array<Record<string, unknown>> };
  };

  it('checks against the schema version the validator has', () => {
    expect(CHECKED_SCHEMA_VERSION).toBe(CONFIG_VERSION);
  });

  it('refuses a checked form edited after the check, from another schema version, or without its mark', async () => {
    const edited = await checkedText();
    edited.experiences[0]!.priority = 99;
    expect(trustChecked(edited)).toBeNull();
    const future = await checkedText();
    (future.$checked as { version: string }).version = '2';
    expect(trustChecked(future)).toBeNull();
    const unmarked = await checkedText();
    delete unmarked.$checked;
    expect(trustChecked(unmarked)).toBeNull();
    const rehashed = await checkedText();
    rehashed.experiences.push({ id: 'x' });
    const { $checked, ...rest } = rehashed;
    (rehashed.$checked as { hash: string }).hash = contentHash(rest);
    void $checked;
    // A consistent hash still needs the shape: every experience has an id and a type.
    expect(trustChecked(rehashed)).toBeNull();
    expect(trustChecked(null)).toBeNull();
    expect(trustChecked([])).toBeNull();
  });
});
