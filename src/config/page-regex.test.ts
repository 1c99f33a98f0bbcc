import { describe, expect, it } from 'vitest';
import { checkPageRegex, MAX_REGEX_INPUT } from './page-regex.js';

const refused = (source: string) => {
  const result = checkPageRegex(source);
  return result.ok ? undefined : result.reason;
};

describe('checkPageRegex', () => {
  it('accepts the patterns page conditions are written with', () => {
    for (const source of [
      '^/p/\\d+$', '^/projects/[^/]+/settings$', '^/(en|lt)/docs', '/billing', '^/a/.*$', '^/users/(?<id>\\d+)/?$',
      '^/(\\w+)/(\\w+)/(\\w+)$', '^/files/[a-z0-9_-]+\\.pdf$', '^/x(?=/)', '^/search\\?q=\\w+', '.*/settings$', '^/\\p{L}+$',
    ]) {
      expect(refused(source), source).toBeUndefined();
    }
  });

  it('reports invalid patterns, compiled with the flags the engine uses', () => {
    for (const source of ['([', '(?<=', '[z-a]', '(?<a>x)(?<a>y)', '\\p{Nope}', 'a**', '\\-']) {
      expect(refused(source), source).toMatch(/^invalid regular expression/);
    }
  });

  it('refuses patterns whose backtracking can freeze the page', () => {
    for (const source of [
      '^\\/(\\w+\\/?)+$', '(a+)+b', '^(a?a?)+$', '((?:a|\\w)?)+$', '^(?:(?:a|b)c)*$', '^(a|ab)*c', '^(a|a)+$', '(.*)*', '^(\\d{1,9}){1,9}$', '\\w+\\w+x', '^.*a.*a.*b$', '(x+x+)+y', '(a)\\1', '^(?=(a+))x',
    ]) {
      expect(refused(source), source).toBeDefined();
    }
  });

  it('bounds the input length it runs on', () => expect(MAX_REGEX_INPUT).toBeLessThanOrEqual(4_096));
});
