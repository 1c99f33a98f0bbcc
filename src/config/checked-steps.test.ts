import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as checked from './checked.js';
import { contentHash, toChecked, trustChecked } from './checked.js';
import { contentHashInSteps, trustCheckedInSteps } from './checked-steps.js';

function drain<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
  }
}

const demo = JSON.parse(readFileSync(new URL('../../examples/waymark.config.json', import.meta.url), 'utf8')) as Record<string, unknown> & { articles: unknown[] };
delete demo.$schema;

describe('checking a checked config in steps', () => {
  it('hashes exactly as contentHash, whatever the document holds (property-based)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))), fc.jsonValue(), fc.constant(undefined))), (doc) => {
        expect(drain(contentHashInSteps(doc, checked)).value).toBe(contentHash(doc));
      }),
      { numRuns: Number(process.env.WM_FUZZ_RUNS) || 300 },
    );
  });

  it('hashes values JSON leaves out or turns into null, and toJSON methods, as in one piece', () => {
    const odd = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 1], d: new Date(0), e: [{ toJSON: (key: string) => key }], é: '\u2028' };
    expect(drain(contentHashInSteps(odd as unknown as Record<string, unknown>, checked)).value).toBe(contentHash(odd));
  });

  it('trusts exactly what trustChecked trusts', () => {
    const text = toChecked(demo as never);
    const cases = [JSON.parse(text), JSON.parse(text.replace('"version":"1"', '"version":"2"')), JSON.parse(text.replace(/"title":"[^"]*"/, '"title":"Edited"')), demo, null];
    for (const raw of cases) expect(drain(trustCheckedInSteps(raw, checked)).value).toStrictEqual(trustChecked(raw));
    expect(trustChecked(cases[0])).not.toBeNull();
  });

  it('checks a 20 MB config in thousands of steps', () => {
    const unit = 'Open **Projects**, pick *one* and see [the guide](/help/projects) or `code`.\n- a list item\n\n';
    const body = unit.repeat(Math.ceil(4_000 / unit.length)).slice(0, 4_000);
    const articles = [...demo.articles, ...Array.from({ length: 4_900 }, (_, i) => ({ id: `bulk${i}`, title: `Article ${i}`, url: `/help/${i}`, body }))];
    const raw = JSON.parse(toChecked({ ...demo, articles } as never));
    const { value, steps } = drain(trustCheckedInSteps(raw, checked));
    expect(value).not.toBeNull();
    expect(steps).toBeGreaterThan(4_900);
  });
});
