import { describe, expect, it } from 'vitest';
import { compileGlob, compileUrlMatch, normalizePath, NO_PAGE_REGEX, parseLocation } from './url.js';
import { targetKey } from './target.js';
import { pageRegexTest } from '../config/page-regex.js';

const on = (match: Parameters<typeof compileUrlMatch>[0], url: string) => compileUrlMatch(match, pageRegexTest).test(parseLocation(url));

describe('parseLocation', () => {
  it('reduces absolute URLs to path and query, normalizing slashes', () => {
    const location = parseLocation('https://app.example.com//projects/42/?tab=billing&q=a+b%20c#section');
    expect(location.path).toBe('/projects/42');
    expect(Object.fromEntries(location.query)).toEqual({ tab: 'billing', q: 'a b c' });
    expect(parseLocation('').path).toBe('/');
    expect(parseLocation('settings').path).toBe('/settings');
  });

  it('reads hash routes as paths', () => {
    const location = parseLocation('https://app.example.com/#/projects/7?tab=team');
    expect(location.path).toBe('/projects/7');
    expect(location.query.get('tab')).toBe('team');
    expect(parseLocation('/docs#install').path).toBe('/docs');
  });
});

describe('page matching', () => {
  it('glob: * is one segment, ** any number', () => {
    expect(on('/projects/*', '/projects/42')).toBe(true);
    expect(on('/projects/*', '/projects')).toBe(false);
    expect(on('/projects/*', '/projects/42/edit')).toBe(false);
    expect(on('/projects/*/edit', '/projects/42/edit')).toBe(true);
    expect(on('/settings/**', '/settings')).toBe(true);
    expect(on('/settings/**', '/settings/billing/cards')).toBe(true);
    expect(on('/settings/**', '/settingsx')).toBe(false);
    expect(on('/**/edit', '/a/b/edit')).toBe(true);
    expect(on('/files/*.pdf', '/files/report.pdf')).toBe(true);
    expect(on('/files/*.pdf', '/files/report.pdfx')).toBe(false);
    expect(on('/a.b', '/aXb')).toBe(false);
    expect(compileGlob('/x/(y)').test('/x/(y)')).toBe(true);
  });

  it('exact, prefix (on segment boundaries) and regex', () => {
    expect(on({ path: '/projects', match: 'exact' }, '/projects/')).toBe(true);
    expect(on({ path: '/projects', match: 'exact' }, '/projects/1')).toBe(false);
    expect(on({ path: '/docs', match: 'prefix' }, '/docs/api')).toBe(true);
    expect(on({ path: '/docs', match: 'prefix' }, '/docs')).toBe(true);
    expect(on({ path: '/docs', match: 'prefix' }, '/docsearch')).toBe(false);
    expect(on({ path: '^/p/\\d+$', match: 'regex' }, '/p/12')).toBe(true);
    expect(on({ path: '^/p/\\d+$', match: 'regex' }, '/p/x')).toBe(false);
    expect(on({ path: '([', match: 'regex' }, '/anything')).toBe(false);
  });

  it('query parameters: exact values, or * for any value', () => {
    expect(on({ path: '/search', query: { q: '*' } }, '/search?q=lit')).toBe(true);
    expect(on({ path: '/search', query: { q: '*' } }, '/search')).toBe(false);
    expect(on({ path: '/search', query: { sort: 'new' } }, '/search?sort=old')).toBe(false);
    expect(on('/search?sort=new', '/search?q=x&sort=new')).toBe(true);
  });

  it('absolute URLs in the config are reduced to their path', () => {
    expect(on('https://app.example.com/projects/*', 'https://other.example.com/projects/1')).toBe(true);
  });
});

describe('targetKey', () => {
  it('gives one key per target, whatever the spelling', () => {
    expect(targetKey('#save')).toBe(targetKey({ selector: '#save' }));
    expect(targetKey({ anchor: 'new' })).toBe('anchor:new');
    expect(targetKey({ text: 'Save', role: 'button' })).not.toBe(targetKey({ text: 'Save' }));
    expect(targetKey({ text: 'Save', within: '#a' })).toBe(targetKey({ text: 'Save', within: '#a' }));
  });
});

describe('page matching stays cheap on hostile patterns', () => {
  it('matches globs without backtracking: a pathological glob answers at once', { timeout: 1_500 }, () => {
    // A backtracking regex took seconds on 64 characters (and did not finish in 10 minutes on 400).
    expect(on('**a**a**a**a**a**a**b', `/${'a'.repeat(64)}`)).toBe(false);
  });

  it('matches globs in time proportional to path × glob, even on long paths', { timeout: 2_000 }, () => {
    const glob = '**a**a**a**a**a**a**b';
    expect(on(glob, `/${'a'.repeat(400)}`)).toBe(false);
    expect(on(glob, `/${'a'.repeat(10_000)}`)).toBe(false);
    expect(on(glob, `/${'a'.repeat(400)}b`)).toBe(true);
    expect(on('/*/*/*/*/*/*/*/x', `/${'a/'.repeat(200)}`)).toBe(false);
  });

  it('keeps the glob rules: * stays in its segment, ** crosses segments, /** also matches nothing', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/a/*', '/a/', false], ['/a/*', '/a/b', true], ['/a*', '/a', true], ['/a*', '/ab/c', false], ['/a/**', '/a', true],
      ['/a/**', '/ab', false], ['/a/**/z', '/a/z', true], ['/a/**/z', '/a/b/c/z', true], ['/**', '/', true], ['/x**y', '/x/q/y', true],
      ['/*.pdf', '/.pdf', true],
    ];
    for (const [glob, path, expected] of cases) expect(on(glob, path), `${glob} on ${path}`).toBe(expected);
  });

  it('without the regex checker, a regex pattern never matches and says why', () => {
    expect(compileUrlMatch({ path: '^/p/\\d+$', match: 'regex' }).test(parseLocation('/p/12'))).toBe(false);
    expect(NO_PAGE_REGEX('^/p/\\d+$')).toMatchObject({ ok: false, missing: true });
    // Globs, exact and prefix matches do not need it.
    expect(compileUrlMatch('/p/*').test(parseLocation('/p/12'))).toBe(true);
  });

  it('refuses catastrophic regexes and never runs a regex on an over-long path', { timeout: 2_000 }, () => {
    // Nested repetition: backtracking took seconds on 30 characters.
    expect(on({ path: '^\\/(\\w+\\/?)+$', match: 'regex' }, `/${'a'.repeat(29)}-`)).toBe(false);
    expect(on({ path: '^\\/(\\w+\\/?)+$', match: 'regex' }, '/abc')).toBe(false);
    expect(on({ path: '^/a+$', match: 'regex' }, `/${'a'.repeat(1_000)}`)).toBe(true);
    expect(on({ path: '^/a+$', match: 'regex' }, `/${'a'.repeat(1_100)}`)).toBe(false);
  });
});

describe('fuzz: globs', () => {
  /** The former backtracking translation: correct, but exponential on hostile globs. Only safe on short inputs. */
  const referenceRegExp = (glob: string): RegExp => {
    const pattern = normalizePath(glob);
    let source = '^';
    for (let i = 0; i < pattern.length; ) {
      if (pattern.startsWith('/**', i) && (i + 3 === pattern.length || pattern[i + 3] === '/')) [source, i] = [`${source}(?:/.*)?`, i + 3];
      else if (pattern.startsWith('**', i)) [source, i] = [`${source}.*`, i + 2];
      else if (pattern[i] === '*') {
        const whole = pattern[i - 1] === '/' && (i + 1 === pattern.length || pattern[i + 1] === '/');
        [source, i] = [source + (whole ? '[^/]+' : '[^/]*'), i + 1];
      } else [source, i] = [source + pattern[i]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&'), i + 1];
    }
    return new RegExp(`${source}$`);
  };

  it('matches exactly what the backtracking translation matched', async () => {
    const fc = (await import('fast-check')).default;
    const runs = Number(process.env.WM_FUZZ_RUNS) || 200;
    const glob = fc.array(fc.constantFrom('a', 'b', '/', '*', '**', '.', '('), { maxLength: 8 }).map((parts) => `/${parts.join('')}`);
    const path = fc.array(fc.constantFrom('a', 'b', '/', '.', '('), { maxLength: 10 }).map((parts) => normalizePath(`/${parts.join('')}`));
    fc.assert(
      fc.property(glob, path, (g, p) => {
        expect(compileGlob(g).test(p), `${g} on ${p}`).toBe(referenceRegExp(g).test(p));
      }),
      { numRuns: runs * 10 },
    );
  });
});
