import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIfChanged } from '../../scripts/write-if-changed.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('generated files (docs/reference/config.md, the schema)', () => {
  it('are left untouched when the build produces the same content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-gen-'));
    dirs.push(dir);
    const file = join(dir, 'reference', 'config.md');
    expect(writeIfChanged(file, '# Config\n')).toBe(true);
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    expect(writeIfChanged(file, '# Config\n')).toBe(false);
    expect(statSync(file).mtime.getTime()).toBe(past.getTime());
    expect(writeIfChanged(file, '# Config, changed\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('# Config, changed\n');
  });
});
