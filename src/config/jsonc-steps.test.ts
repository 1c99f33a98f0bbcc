import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonWithComments } from './jsonc.js';
import { parseJsonWithCommentsInSteps } from './jsonc-steps.js';

/** The result of running the steps to the end, and how many steps it took. */
function runSteps(text: string): { value: unknown; steps: number } {
  const steps = parseJsonWithCommentsInSteps(text, parseJsonWithComments);
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
  }
}

/** What a parse gives: the value, or the error's type and message. */
function outcome(parse: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

const same = (text: string) => expect(outcome(() => runSteps(text).value)).toStrictEqual(outcome(() => parseJsonWithComments(text)));

const demoText = readFileSync(new URL('../../examples/waymark.config.json', import.meta.url), 'utf8');

/** The demo config plus `count` articles of 4,000 characters: `count` 4,900 is the ~20 MB set of the benchmark. */
function largeConfigText(count: number): string {
  const demo = JSON.parse(demoText) as { articles: unknown[] };
  const unit = 'Open **Projects**, pick *one* and see [the guide](/help/projects) or `code`.\n- a list item\n\n';
  const body = unit.repeat(Math.ceil(4_000 / unit.length)).slice(0, 4_000);
  const added = Array.from({ length: count }, (_, i) => ({ id: `bulk${i}`, title: `Article ${i}`, url: `/help/${i}`, tags: [`t${i % 20}`], body }));
  return JSON.stringify({ ...demo, articles: [...demo.articles, ...added] }, null, 1);
}

describe('parsing a config text in steps', () => {
  it('gives what parseJsonWithComments gives for the demo config, comments, a byte-order mark and tricky strings', () => {
    same(demoText);
    same('\uFEFF{ // lists\n "experiences": [ /* none yet */ ], "articles": [ {"id": "a"} // one\n, {"id": "b, ]}"} ],\r\n "x": {"y": [1, [2, 3]]} }');
    same('{"a": ["\\"]", "\\\\", "/* not a comment */", "// nor this", "\\u005d"], "b": [ ] }');
    same('{}');
    same('  {"experiences": [[], [[]], {}, 1, -2.5e3, true, null, "s"]}  ');
  });

  it('keeps JSON.parse semantics for __proto__ and duplicate keys: own data properties, the last duplicate wins', () => {
    const text = '{"__proto__": [{"polluted": 1}], "articles": [1], "articles": [2, 3], "experiences": [0], "experiences": {"x": 1}, "items": [{"__proto__": {"p": 1}}]}';
    same(text);
    const { value } = runSteps(text) as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual([{ polluted: 1 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value.articles).toEqual([2, 3]);
    expect(value.experiences).toEqual({ x: 1 });
    expect(Object.keys(value)).toEqual(Object.keys(parseJsonWithComments(text) as object));
  });

  it('throws the very error parseJsonWithComments throws, for every kind of broken text', () => {
    for (const text of [
      '',
      '[1, 2]',
      'null',
      '{"a": [1, 2,]}',
      '{"a": [1,, 2]}',
      '{"a": [, 1]}',
      '{"a": [1 2]}',
      '{"a": [1}]',
      '{"a": [1]]}',
      '{"a": "open}',
      '{"a": [1]} /* open',
      '{"a": [1 / 2]}',
      '{"a": [1]} x',
      '{"a": [1]} {}',
      'x {"a": [1]}',
      '{"a" [1]}',
      '{"a": 1 [2]}',
      '{"a": ["\n"]}',
      '{"a": [\u00a01]}',
      '{"a": [\u00a0]}',
      '{"a": [01]}',
      '{"a": [1]',
    ]) {
      same(text);
    }
  });

  it('agrees with parseJsonWithComments on any document and any damage done to it (property-based)', () => {
    const damage = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ',', '[', ']', '{', '}', '"', '\\', '/', '/*', '*/', '//', '\n', ' ', ':', '1', '\u00a0')), { maxLength: 3 });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue())), fc.nat({ max: 2 }), damage, (doc, indent, cuts) => {
        let text = JSON.stringify(doc, null, indent);
        for (const [at, insert] of cuts) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + (insert === '' ? 1 : 0));
        }
        same(text);
      }),
      { numRuns: Number(process.env.WM_FUZZ_RUNS) || 500 },
    );
  });

  it('cuts a 20 MB config into hundreds of bounded steps and returns the one-piece result', () => {
    const text = largeConfigText(4_900);
    expect(text.length).toBeGreaterThan(19_000_000);
    const { value, steps } = runSteps(text);
    // About one step per 64 kB of list items (and per 4,096 structural characters while scanning).
    expect(steps).toBeGreaterThan(300);
    expect(value).toStrictEqual(parseJsonWithComments(text));
  });
});
