import { describe, expect, it } from 'vitest';
import { parseJsonWithComments, stripJsonComments } from './jsonc.js';

describe('JSON with comments', () => {
  it('blanks line and block comments, keeping every position and line break', () => {
    const text = '{ // note\n  "a": /* one\n two */ 1\n}';
    const stripped = stripJsonComments(text);
    expect(stripped).toHaveLength(text.length);
    expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
    expect(stripped.indexOf('"a"')).toBe(text.indexOf('"a"'));
    expect(JSON.parse(stripped)).toEqual({ a: 1 });
  });

  it('leaves comment-like text inside strings alone, escaped quotes included', () => {
    const text = '{"url": "https://x.example/a", "t": "say \\"// hi\\" /* not */", "b": "\\\\"} // end';
    expect(parseJsonWithComments(text)).toEqual({ url: 'https://x.example/a', t: 'say "// hi" /* not */', b: '\\' });
  });

  it('handles CRLF line comments and a leading byte-order mark', () => {
    expect(parseJsonWithComments('\uFEFF{\r\n// c\r\n"a": 1 // d\r\n}')).toEqual({ a: 1 });
  });

  it('refuses what JSON refuses: an unclosed block comment, trailing commas, stray slashes', () => {
    expect(() => parseJsonWithComments('{"a": 1} /* open')).toThrow(SyntaxError);
    expect(() => parseJsonWithComments('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseJsonWithComments('{"a": 1 / 2}')).toThrow(SyntaxError);
  });

  it('returns text without comments unchanged', () => {
    const text = '{"a": [1, 2, "/"]}';
    expect(stripJsonComments(text)).toBe(text);
  });
});
