import { describe, expect, it } from 'vitest';
import { describeValue, readOptions, sanitizeTraits } from './guard.js';

describe('sanitizeTraits', () => {
  it('keeps JSON, turns BigInt into a string, drops functions, symbols, class instances and cycles, naming them', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const { traits, dropped } = sanitizeTraits({
      plan: 'pro',
      seats: 3,
      tags: ['a', () => 1, 'b'],
      nested: { ok: true, bad: Symbol('x') },
      big: BigInt(12),
      onClick: () => 1,
      when: new Date(0),
      nan: NaN,
      cyclic,
    });
    expect(traits).toEqual({ plan: 'pro', seats: 3, tags: ['a', 'b'], nested: { ok: true }, big: '12', cyclic: { name: 'loop' } });
    expect(dropped).toEqual(['tags[1]', 'nested.bad', 'onClick', 'when', 'nan', 'cyclic.self']);
    expect(() => structuredClone(traits)).not.toThrow();
  });

  it('never lets a __proto__ key reach a prototype, and survives throwing getters', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "ok": 1}') as Record<string, unknown>;
    Object.defineProperty(hostile, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const { traits, dropped } = sanitizeTraits(hostile);
    expect(traits).toEqual({ ok: 1 });
    expect(dropped).toEqual(['__proto__', 'boom']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a non-object is no traits', () => {
    expect(sanitizeTraits('x').traits).toEqual({});
    expect(sanitizeTraits(null)).toEqual({ traits: {}, dropped: [] });
  });
});

describe('readOptions', () => {
  it('null and undefined are the defaults; a non-object is reported', () => {
    expect(readOptions(null)).toEqual({ options: {}, problems: [] });
    expect(readOptions(undefined)).toEqual({ options: {}, problems: [] });
    expect(readOptions(42).problems).toHaveLength(1);
  });

  it('a throwing getter or proxy costs that field only', () => {
    const options = {
      configUrl: '/onboarding.json',
      get locale(): string {
        throw new Error('getter');
      },
      user: { id: 'u1', traits: { fn: () => 1, plan: 'pro' } },
      extra: 'kept',
    };
    const { options: read, problems } = readOptions(options);
    expect(read).toEqual({ configUrl: '/onboarding.json', user: { id: 'u1', traits: { plan: 'pro' } }, extra: 'kept' });
    expect(problems.join('\n')).toContain('"locale" threw');
    expect(problems.join('\n')).toContain('fn');
    const trap = () => {
      throw new Error('trap');
    };
    expect(() => readOptions(new Proxy({}, { get: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap }))).not.toThrow();
  });
});

describe('describeValue', () => {
  it('describes anything without calling its toString', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect([describeValue(Symbol('s')), describeValue(hostile), describeValue(5), describeValue(BigInt(1))]).toEqual(['a symbol', 'an object', '5', 'a BigInt']);
  });
});
