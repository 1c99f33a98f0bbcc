import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { collectTargets, PAGE_PACKAGES, pageFindings } from './page-check.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const APP = fixture('app.html');
const SETTINGS = fixture('settings.html');
const GOOD = fixture('good.json');
const BROKEN = fixture('broken.json');

const dir = mkdtempSync(join(tmpdir(), 'waymark-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (path) => readFile(path, 'utf8') });
  return { code, stdout, stderr };
}

/** 1-based line:col of the first occurrence of `needle` in a fixture, so expectations follow the file. */
function at(file: string, needle: string): string {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('collectTargets', () => {
  it('finds every element target with its path in the file: steps, advanceOn, hints, beacons, nudge tips, conditions anywhere', () => {
    const doc = JSON.parse(readFileSync(GOOD, 'utf8')) as unknown;
    expect(collectTargets(doc).map((use) => [use.path.join('.'), use.anchors])).toEqual([
      ['stages.0.enterWhen.element', false],
      ['experiences.0.steps.0.target', true],
      ['experiences.0.steps.1.target', true],
      ['experiences.0.steps.1.advanceOn.element', false],
      ['experiences.0.steps.2.target', true],
      ['experiences.1.target', true],
      // The "absent" element condition is skipped: a page without it proves nothing.
      ['experiences.2.escalation.0.target', true],
    ]);
    const broken = collectTargets(JSON.parse(readFileSync(BROKEN, 'utf8')));
    expect(broken.map((use) => use.path.join('.'))).toContain('experiences.3.items.0.doneWhen.any.1.on');
  });

  it('skips malformed parts instead of failing', () => {
    expect(collectTargets([])).toEqual([]);
    expect(collectTargets({ experiences: [null, 3, { type: 'hint', target: '' }, { type: 'tour', steps: 'x' }, { type: 'hint', target: { anchor: 7 } }] })).toEqual([]);
  });
});

describe('pageFindings', () => {
  it('warns once per target missing from every page, and notes ambiguity only for anchoring targets', () => {
    const uses = [
      { path: ['a'], target: '#x', anchors: true },
      { path: ['b'], target: '.many', anchors: true },
      { path: ['c'], target: '.many', anchors: false },
      { path: ['d'], target: '#only-on-two', anchors: true },
    ];
    const findings = pageFindings(uses, [
      { name: 'one.html', counts: [{ count: 0 }, { count: 3 }, { count: 3 }, { count: 0 }] },
      { name: 'two.html', counts: [{ count: 0 }, { count: 1 }, { count: 1 }, { count: 1 }] },
    ]);
    expect(findings).toEqual([
      { path: ['a'], severity: 'warning', code: 'target-not-found', message: 'target "#x" matches no element on one.html or two.html' },
      { path: ['b'], severity: 'note', code: 'target-ambiguous', message: 'target ".many" matches 3 elements on one.html; the first visible one is used' },
    ]);
  });
});

describe('waymark validate --page <file.html>', () => {
  it('finds every target of a good config on the page (anchors, role + text, within, open shadow DOM): no findings', async () => {
    expect(await run('validate', GOOD, '--page', APP)).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
  });

  it('warns per target that matches nothing, at its position, names the page, and notes ambiguous selectors', async () => {
    const { code, stdout, stderr } = await run('validate', BROKEN, '--page', APP);
    expect(stderr).toBe('');
    expect(code).toBe(0); // warnings and notes never fail the run
    const lines = stdout.split('\n');
    // The engine's own wording of the selector error follows the prefix.
    expect(lines[2]).toMatch(/: invalid CSS selector "button\[": \S/);
    expect(lines).toEqual([
      `${BROKEN}:${at(BROKEN, '"#missing"')}  experiences[0].steps[0].target  warning: target "#missing" matches no element on app.html`,
      `${BROKEN}:${at(BROKEN, '".btn"')}  experiences[0].steps[1].target  note: target ".btn" matches 2 elements on app.html; the first visible one is used`,
      `${BROKEN}:${at(BROKEN, '"button["')}  experiences[0].steps[2].target  warning: target "button[": invalid CSS selector "button[": ${lines[2]!.split('invalid CSS selector "button[": ')[1]}`,
      `${BROKEN}:${at(BROKEN, '{ "text": "Save"')}  experiences[1].target  warning: target {"text":"Save","role":"button"} matches no element on app.html`,
      `${BROKEN}:${at(BROKEN, '{ "anchor": "old-anchor" }')}  experiences[2].target  warning: target {"anchor":"old-anchor"} matches no element on app.html`,
      `${BROKEN}:${at(BROKEN, '"#nowhere"')}  experiences[3].items[0].doneWhen.any[1].on  warning: target "#nowhere" matches no element on app.html`,
      '0 errors, 5 warnings, 1 note',
      '',
    ]);
  });

  it('accepts several pages (routes): a target is found when any page has it', async () => {
    const both = await run('validate', BROKEN, '--page', APP, `--page=${SETTINGS}`);
    expect(both.stdout).not.toContain('"Save"');
    expect(both.stdout).toContain('target "#missing" matches no element on app.html or settings.html');
    expect(both.stdout.endsWith('0 errors, 4 warnings, 1 note\n')).toBe(true);
  });

  it('keeps validation errors and adds page findings in --json', async () => {
    const file = join(dir, 'mixed.json');
    writeFileSync(file, '{ "version": "1", "experiences": [{ "id": "h", "type": "hint", "target": "#nope", "body": "x", "bogus": 1 }, { "id": "b", "type": "beacon", "target": "#upgrade", "body": "y" }] }');
    const { code, stdout } = await run('validate', '--json', file, '--page', APP);
    expect(code).toBe(1);
    const issues = JSON.parse(stdout) as Array<{ code: string; severity: string; path: string; column: number }>;
    // In the file's order: the target comes before the bogus key.
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['target-not-found', 'warning', 'experiences[0].target'],
      ['unknown-key', 'error', 'experiences[0].bogus'],
    ]);
    expect(issues[0]!.column).toBe(readFileSync(file, 'utf8').indexOf('"#nope"') + 1);
  });

  it('refuses a missing page file, a page on another host and a --page without a value (exit 2)', async () => {
    const missing = await run('validate', GOOD, '--page', join(dir, 'nope.html'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^waymark validate: --page .*nope\.html: cannot read the file/);
    const remote = await run('validate', GOOD, '--page', 'https://example.com/app');
    expect(remote).toEqual({ code: 2, stdout: '', stderr: 'waymark validate: --page https://example.com/app: only pages served on localhost are checked (got host example.com)\n' });
    const bare = await run('validate', GOOD, '--page');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('waymark validate: --page needs an HTML file or a http://localhost URL');
  });
});

describe('waymark validate --page http://127.0.0.1…', () => {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

  it('renders the served page in Chromium (scripts run) and checks targets there', { timeout: 60_000 }, async () => {
    expect(existsSync(chromium), `Chromium is missing at ${chromium}: npm test installs it (scripts/setup.mjs), or set CHROME_PATH`).toBe(true);
    // The toolbar button exists only once the page's script has run: a static parse would miss it.
    const page = `<!doctype html><html><head><title>App</title></head><body><main id="app"></main>
<script>
  const button = document.createElement('button');
  button.textContent = 'Invite teammates';
  button.dataset.waymark = 'invite';
  document.getElementById('app').append(button);
  const host = document.createElement('acme-panel');
  host.attachShadow({ mode: 'open' }).innerHTML = '<a href="/billing">Billing</a>';
  document.body.append(host);
</script></body></html>`;
    const server = createServer((request, response) => {
      response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.url === '/' ? page : 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const file = join(dir, 'served.json');
      writeFileSync(
        file,
        JSON.stringify({
          version: '1',
          experiences: [
            { id: 'invite', type: 'hint', target: { anchor: 'invite' }, body: 'Invite your team' },
            { id: 'billing', type: 'beacon', target: { text: 'Billing', role: 'link' }, body: 'Plans' },
            { id: 'gone', type: 'hint', target: '#sidebar', body: 'Moved' },
          ],
        }),
      );
      const { code, stdout, stderr } = await run('validate', file, '--page', url);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const column = readFileSync(file, 'utf8').indexOf('"#sidebar"') + 1;
      expect(stdout).toBe(`${file}:1:${column}  experiences[2].target  warning: target "#sidebar" matches no element on ${url}\n0 errors, 1 warning\n`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('what --page needs', () => {
  const root = new URL('../../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    dependencies?: Record<string, string>;
  };

  it('is declared as optional peer dependencies, never as dependencies', () => {
    for (const name of [...PAGE_PACKAGES.htmlFile, ...PAGE_PACKAGES.servedPage]) {
      expect(manifest.peerDependencies?.[name], name).toBeDefined();
      expect(manifest.peerDependenciesMeta?.[name]?.optional, name).toBe(true);
      expect(manifest.dependencies?.[name], name).toBeUndefined();
    }
  });

  it('is installed by the commands the README and the guide give', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8').replace(/\s+/g, ' ');
    const guide = readFileSync(new URL('docs/guide.md', root), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`npm install --save-dev ${PAGE_PACKAGES.htmlFile.join(' ')}`);
    expect(readme).toContain(PAGE_PACKAGES.servedPage.join(' '));
    expect(guide).toContain(`npm install --save-dev ${PAGE_PACKAGES.htmlFile.join(' ')}`);
    expect(guide).toContain(`npm install --save-dev ${PAGE_PACKAGES.servedPage.join(' ')}`);
  });
});
