/** Validator hardening: inputs that used to pass validation and then misbehave in the page. */
import { describe, expect, it } from 'vitest';
import { validateConfig, validateConfigInSteps, type ConfigIssue } from './validate.js';

const doc = (experiences: unknown[], extra: Record<string, unknown> = {}) => ({ version: '1', experiences, ...extra });
const hint = (fields: Record<string, unknown> = {}, id = 'h1') => ({ id, type: 'hint', target: '#a', body: 'Tip', ...fields });
const codes = (issues: ConfigIssue[]) => issues.map((i) => `${i.severity}:${i.code}@${JSON.stringify(i.path)}`);

describe('regex page patterns', () => {
  it('reports invalid regexes at the pattern, compiled with the engine flags', () => {
    for (const path of ['([', '(?<=', '[z-a]', '(?<a>x)(?<a>y)', '\\p{Nope}']) {
      const { config, issues } = validateConfig(doc([hint({ when: { page: { path, match: 'regex' } } })]));
      expect(codes(issues), path).toEqual(['error:invalid-regex@["experiences",0,"when","page","path"]']);
      expect(issues[0]!.message, path).toContain('invalid regular expression');
      expect(config!.experiences, path).toEqual([]);
    }
  });

  it('reports catastrophic regexes wherever a page match is written', () => {
    const bad = { path: '^\\/(\\w+\\/?)+$', match: 'regex' };
    const { issues } = validateConfig(doc(
      [
        hint({ when: { all: [{ visited: bad }] } }),
        { id: 't', type: 'tour', steps: [{ title: 'a', page: bad }] },
      ],
      { articles: [{ id: 'a', title: 'A', url: '/a', pages: ['/x', bad] }], stages: [{ id: 's', enterWhen: { not: { page: bad } } }] },
    ));
    expect(codes(issues).sort()).toEqual([
      'error:invalid-regex@["articles",0,"pages",1,"path"]',
      'error:invalid-regex@["experiences",0,"when","all",0,"visited","path"]',
      'error:invalid-regex@["experiences",1,"steps",0,"page","path"]',
      'error:invalid-regex@["stages",0,"enterWhen","not","page","path"]',
    ]);
    expect(issues[0]!.message).toMatch(/repeated group holds another repetition/);
  });

  it('keeps ordinary regexes and globs', () => {
    const { issues } = validateConfig(doc([hint({ when: { any: [{ page: { path: '^/p/\\d+$', match: 'regex' } }, { page: '/**/a**a**a**b' }] } })]));
    expect(issues).toEqual([]);
  });
});

describe('theme values', () => {
  it('refuses values that could load a resource, naming the token', () => {
    for (const accent of [
      'var(--x, url(https://evil.example/px))', 'url(https://evil.example/px)', 'image-set("https://evil.example/a.png" 1x)',
      'red;background:url(x)', '\\75rl(x)', 'expression(alert(1))', '@import "x"', 'rgb(1 2 3) url(x)', 'rgb(var(--a))',
    ]) {
      const { config, issues } = validateConfig(doc([], { theme: { accent } }));
      expect(codes(issues), accent).toEqual(['error:invalid-theme-value@["theme","accent"]']);
      expect(config!.theme, accent).toBeUndefined();
    }
    const { issues } = validateConfig(doc([], { theme: { fontFamily: 'Inter, url(https://evil.example/f.woff)' } }));
    expect(codes(issues)).toEqual(['error:invalid-theme-value@["theme","fontFamily"]']);
  });

  it('accepts colours and font stacks', () => {
    for (const accent of ['#4f46e5', '#abc', '#aabbccdd', 'rebeccapurple', 'rgb(37 99 235)', 'rgba(37, 99, 235, 0.5)', 'hsl(220deg 80% 50% / 50%)', 'oklch(0.6 0.2 250)']) {
      expect(validateConfig(doc([], { theme: { accent } })).issues, accent).toEqual([]);
    }
    for (const fontFamily of ["system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", '"Inter var", sans-serif', 'Georgia']) {
      expect(validateConfig(doc([], { theme: { fontFamily } })).issues, fontFamily).toEqual([]);
    }
  });
});

describe('locale codes', () => {
  it('refuses codes of the right shape that Intl rejects', () => {
    const { issues } = validateConfig(doc([], {
      locale: { default: 'en-12', supported: ['en', 'lt-99'] },
      strings: { 'ru-99': { next: 'Далее' } },
      articles: [{ id: 'a', title: 'A', url: '/a', locale: 'de-12' }],
    }));
    expect(codes(issues).sort()).toEqual([
      'error:invalid-locale@["articles",0,"locale"]',
      'error:invalid-locale@["locale","default"]',
      'error:invalid-locale@["locale","supported",1]',
      'error:invalid-locale@["strings","ru-99"]',
    ]);
  });

  it('accepts real codes', () => {
    expect(validateConfig(doc([], { locale: { default: 'pt-BR', supported: ['pt-BR', 'zh-Hant-TW', 'es-419', 'de-CH-1996'] } })).issues).toEqual([]);
  });
});

describe('condition trees', () => {
  const tree = (depth: number): unknown => (depth === 0 ? { page: '/a' } : { all: [tree(depth - 1), { not: tree(depth - 1) }] });
  const leaves = (depth: number) => 2 ** depth;

  it('a valid tree builds no issues on the way (the work is linear in its size)', async () => {
    const z = await import('zod/mini');
    const { conditionSchema } = await import('./schema.js');
    for (const depth of [4, 10]) {
      let built = 0;
      const result = z.safeParse(conditionSchema, tree(depth), { error: () => { built++; return 'x'; } });
      expect(result.success).toBe(true);
      // Each kind tried before the right one fails on its missing key: a constant per node, never a whole union again.
      expect(built, `depth ${depth}`).toBe(0);
    }
    expect(leaves(10)).toBe(1_024);
  });

  it('an invalid tree is checked once: each leaf is read a fixed number of times, however deep it sits', async () => {
    const { conditionSchema } = await import('./schema.js');
    const { checkWithSchema } = await import('./zod-issues.js');
    // Leaves that count how often the checker reads them (checkWithSchema reads the value as given, no copy).
    const readsPerLeaf = (depth: number, shape: 'any' | 'all-not'): number => {
      let reads = 0;
      const leaf = () => ({ get page() { reads++; return 5; } });
      const build = (level: number): unknown =>
        level === 0 ? leaf() : shape === 'any' ? { any: [build(level - 1), build(level - 1)] } : { all: [build(level - 1), { not: build(level - 1) }] };
      const { issues } = checkWithSchema(conditionSchema, build(depth), ['when']);
      expect(issues).toHaveLength(2 ** depth);
      expect(issues[0]!.message).toMatch(/^when\.(any|all)\[0\].*page: expected /);
      return reads / 2 ** depth;
    };
    for (const shape of ['any', 'all-not'] as const) {
      // Checking a union option again for its issues read each level once more per level above it (reads grew with depth).
      expect(readsPerLeaf(8, shape), shape).toBe(readsPerLeaf(2, shape));
    }
  });

  it('validates a tree of 2^14 leaves', { timeout: 20_000 }, () => {
    const { issues } = validateConfig(doc([hint({ when: tree(14) })]));
    expect(issues).toEqual([]);
  });
});

describe('links spelled as paths that lead to another site', () => {
  it('are warned about wherever a link is written (they still run, in a new tab)', () => {
    const { config, issues } = validateConfig(doc(
      [
        { id: 'a', type: 'announcement', display: 'banner', title: 'x', body: 'See [docs](//evil.example/x) and [ok](/docs)', buttons: [{ label: 'Go', action: { type: 'url', url: '/\\evil.example/phish' } }] },
        { id: 't', type: 'tour', steps: [{ title: 'a', url: '//evil.example/step' }] },
      ],
      { articles: [{ id: 'r', title: 'R', url: '/\\/evil.example/r' }] },
    ));
    expect(codes(issues).sort()).toEqual([
      'warning:off-site-link@["articles",0,"url"]',
      'warning:off-site-link@["experiences",0,"body"]',
      'warning:off-site-link@["experiences",0,"buttons",0,"action","url"]',
      'warning:off-site-link@["experiences",1,"steps",0,"url"]',
    ]);
    expect(issues.find((i) => i.path.includes('buttons'))!.message).toContain('leads to evil.example; write it as "https://evil.example/phish"');
    expect(config!.experiences).toHaveLength(2);
  });
});

describe('validation in steps', () => {
  const drain = <T>(steps: Generator<void, T, void>): { value: T; steps: number } => {
    for (let count = 1; ; count++) {
      const step = steps.next();
      if (step.done) return { value: step.value, steps: count };
    }
  };

  it('takes at least one step per unit (so a caller can pause between them) and ends with validateConfig\'s result', () => {
    const articles = Array.from({ length: 400 }, (_, i) => (i === 123 ? { id: `a${i}`, url: '/x' } : { id: `a${i}`, title: `A ${i}`, url: `/a/${i}` }));
    const experiences = Array.from({ length: 60 }, (_, i) => hint({ stages: i === 7 ? ['nowhere'] : undefined }, `h${i}`));
    const input = doc(experiences, { articles, __proto__: null, extra: 1 });
    const { value, steps } = drain(validateConfigInSteps(input));
    // Schema and two semantic passes per unit, each its own step.
    expect(steps).toBeGreaterThan(2 * (articles.length + experiences.length));
    expect(value).toStrictEqual(validateConfig(input));
    expect(codes(value.issues)).toEqual(['error:unknown-key@["extra"]', 'error:missing@["articles",123,"title"]', 'error:unknown-stage@["experiences",7,"stages",0]']);
    expect(value.config!.articles).toHaveLength(399);
    expect(value.config!.experiences).toHaveLength(59);
  });

  it('a document that cannot be used at all ends after the copy', () => {
    const { value, steps } = drain(validateConfigInSteps(null));
    expect(value).toStrictEqual(validateConfig(null));
    expect(steps).toBe(2);
  });
});
