/**
 * Property-based fuzzing of the untrusted-input paths: whole configs, rich text and page regexes.
 * A few hundred cases per property in CI; set WM_FUZZ_RUNS (e.g. 20000) for a longer local run.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from './validate.js';
import { parseRichText, richTextToPlain } from './rich-text.js';
import { checkPageRegex, MAX_REGEX_INPUT } from './page-regex.js';
import { EXPERIENCE_TYPES, CONDITION_KINDS } from './schema.js';

const runs = Number(process.env.WM_FUZZ_RUNS) || 200;
/** Generous: a bound that only super-linear work (seconds on these sizes) can break, even on a busy machine. */
const budget = (size: number) => 1_000 + size * 0.05;

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const markers = ['*', '**', '[', ']', '(', ')', '`', '\\', '-', ' ', '\n', '\n\n', 'a', 'word', 'javascript:x', '//evil.example', '/\\evil', 'https://x.example/a', '](', '<b>'];
const richText = fc.array(fc.constantFrom(...markers), { maxLength: 400 }).map((parts) => parts.join(''));

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString');
const key = fc.oneof(hostileKey, fc.constantFrom('id', 'type', 'title', 'body', 'when', 'steps', 'target', 'url', 'all', 'any', 'not', 'page', 'path', 'match', ...CONDITION_KINDS), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(fc.string({ maxLength: 20 }), richText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...EXPERIENCE_TYPES), fc.constantFrom('regex', 'glob', '^/(a+)+$', '**a**b', 'var(--x, url(/x))'));
const { value: jsonish } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
}));
const experience = fc.record(
  { id: fc.string({ maxLength: 10 }), type: fc.constantFrom(...EXPERIENCE_TYPES), title: richText, body: richText, when: jsonish, steps: fc.array(fc.dictionary(key, jsonish, { maxKeys: 5 }), { maxLength: 3 }) },
  { requiredKeys: ['type'] },
);
const config = fc.record(
  {
    version: fc.constantFrom('1', '1.2', '0', 1, '2'),
    experiences: fc.array(fc.oneof(experience, jsonish), { maxLength: 6 }),
    articles: fc.array(fc.dictionary(key, jsonish, { maxKeys: 6 }), { maxLength: 4 }),
    theme: fc.dictionary(fc.constantFrom('accent', 'fontFamily', 'radius', 'mode'), fc.oneof(leaf, richText), { maxKeys: 3 }),
    locale: jsonish,
    strings: jsonish,
  },
  { requiredKeys: ['version', 'experiences'] },
);

describe('fuzz: validateConfig', () => {
  it('never throws, never fails internally, never pollutes prototypes, and stays within a time bound', () => {
    fc.assert(
      fc.property(config, (doc) => {
        const size = JSON.stringify(doc)?.length ?? 0;
        const { value, ms } = timed(() => validateConfig(doc));
        expect(value.issues.some((i) => i.code === 'internal'), JSON.stringify(value.issues.find((i) => i.code === 'internal'))).toBe(false);
        expect(ms).toBeLessThan(budget(size));
      }),
      { numRuns: runs },
    );
  });

  it('survives arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(validateConfig(value).issues.some((i) => i.code === 'internal')).toBe(false);
      }),
      { numRuns: runs },
    );
  });
});

describe('fuzz: rich text', () => {
  it('parses any text in bounded time and never yields an unsafe link', () => {
    fc.assert(
      fc.property(richText, (source) => {
        const { value: blocks, ms } = timed(() => parseRichText(source));
        expect(ms).toBeLessThan(budget(source.length));
        const hrefs: string[] = [];
        const visit = (nodes: unknown[]): void => {
          for (const node of nodes as Array<{ type: string; href?: string; children?: unknown[] }>) {
            if (node.type === 'link') hrefs.push(node.href!);
            if (node.children) visit(node.children);
          }
        };
        for (const block of blocks) visit(block.type === 'paragraph' ? block.children : block.items.flatMap((item) => item.children));
        for (const href of hrefs) expect(href).toMatch(/^(?:https?:|mailto:|tel:|\/|\.\.?\/|[?#])/i);
        expect(typeof richTextToPlain(source)).toBe('string');
      }),
      { numRuns: runs },
    );
  });
});

describe('fuzz: regex page patterns', () => {
  // Shapes that backtrack badly when nested or repeated in sequence, around near-matching paths.
  const atom = fc.constantFrom('a', 'a?', '\\w', '.', '[a-z]', '[^/]', '/?', 'a|aa', 'a|\\w', '\\d', '-');
  const quantifier = fc.constantFrom('', '', '*', '+', '?', '{1,5}', '{2,}');
  const piece = fc.tuple(atom, quantifier).map(([a, q]) => (q && a.includes('|') ? `(?:${a})${q}` : a.length > 2 && q ? `(?:${a})${q}` : a + q));
  const group = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 3 }), quantifier).map(([pieces, q]) => `(${pieces.join('')})${q}`);
  const pattern = fc
    .tuple(fc.boolean(), fc.array(fc.oneof(piece, group), { minLength: 1, maxLength: 4 }), fc.constantFrom('$', 'b$', '!', ''))
    .map(([anchored, parts, end]) => `${anchored ? '^/?' : ''}${parts.join('')}${end}`);

  it('any accepted pattern runs in bounded time on near-matching paths', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom('a', 'aa', 'a/', 'ab', '1'), (source, unit) => {
        const checked = checkPageRegex(source);
        if (!checked.ok) return;
        // 28 characters take seconds for exponential patterns; the input bound, for cubic ones.
        for (const length of [28, MAX_REGEX_INPUT]) {
          const path = `/${unit.repeat(length)}`.slice(0, length) + '!';
          const { ms } = timed(() => checked.regex.test(path));
          expect(ms, `${source} on ${length} characters`).toBeLessThan(1_000);
        }
      }),
      { numRuns: runs * 5 },
    );
  });
});
