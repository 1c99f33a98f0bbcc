import { describe, expect, it } from 'vitest';
import { isSafeUrl, localize, parseRichText, richTextToPlain } from './rich-text.js';
import { findUnsafeLinks } from './rich-text-links.js';

describe('parseRichText', () => {
  it('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
    expect(parseRichText('First line\nsecond line\n\n  \nNext paragraph')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'First line' }, { type: 'break' }, { type: 'text', value: 'second line' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Next paragraph' }] },
    ]);
  });

  it('reads "- " lines as list items, next to paragraphs', () => {
    expect(parseRichText('Try:\n- **one**\n- two')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Try:' }] },
      {
        type: 'list',
        items: [
          { type: 'item', children: [{ type: 'strong', children: [{ type: 'text', value: 'one' }] }] },
          { type: 'item', children: [{ type: 'text', value: 'two' }] },
        ],
      },
    ]);
  });

  it('parses strong, em, code and links, nested', () => {
    const [block] = parseRichText('A **bold *and italic* too** `x*y*` [docs **here**](https://example.com/a_(b))');
    expect(block).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'A ' },
        { type: 'strong', children: [{ type: 'text', value: 'bold ' }, { type: 'em', children: [{ type: 'text', value: 'and italic' }] }, { type: 'text', value: ' too' }] },
        { type: 'text', value: ' ' },
        { type: 'code', value: 'x*y*' },
        { type: 'text', value: ' ' },
        { type: 'link', href: 'https://example.com/a_(b)', children: [{ type: 'text', value: 'docs ' }, { type: 'strong', children: [{ type: 'text', value: 'here' }] }] },
      ],
    });
  });

  it('leaves unclosed markers and escaped characters as text', () => {
    expect(parseRichText('2 * 3 and **open and \\*not em\\* [no link]')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '2 * 3 and **open and *not em* [no link]' }] },
    ]);
  });

  it('never interprets HTML: tags stay literal text', () => {
    expect(parseRichText('<img src=x onerror=alert(1)><script>alert(1)</script>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '<img src=x onerror=alert(1)><script>alert(1)</script>' }] },
    ]);
  });

  it('turns links with unsafe hrefs into their plain label and reports them', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      '&#106;avascript:alert(1)',
      '%6Aavascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ];
    for (const href of hostile) {
      const source = `Click [here](${href}) now`;
      expect(parseRichText(source), href).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Click here now' }] }]);
      expect(findUnsafeLinks(source), href).toEqual([href.trim()]);
    }
  });

  describe('stays linear on hostile input', () => {
    // Inputs that made the old per-`[`/per-`*` scans quadratic (15 s for the first one).
    const hostile: Record<string, (n: number) => string> = {
      'unclosed [ then ](x': (n) => `${'['.repeat(n)}](x`,
      '[a]( repeated': (n) => '[a]('.repeat(n / 4),
      '[ repeated with a late ]': (n) => `${'[a'.repeat(n / 2)}]`,
      'unclosed * markers': (n) => '*a **b '.repeat(n / 7),
      'code spans and stars': (n) => '`*'.repeat(n / 2),
      'escapes and brackets': (n) => '\\[x]('.repeat(n / 6),
    };
    for (const [name, make] of Object.entries(hostile)) {
      it(`counts work proportional to the length: ${name}`, () => {
        const steps = (n: number): number => {
          const stats = { steps: 0 };
          parseRichText(make(n), { stats });
          return stats.steps;
        };
        const small = steps(6_000);
        const large = steps(96_000);
        expect(small).toBeGreaterThan(0);
        // 16× the input: linear work grows about 16×, quadratic work 256×.
        expect(large / small).toBeLessThan(24);
        // A small constant per character (direct searches look ahead at most 128 characters, once).
        expect(large).toBeLessThan(96_000 * 8);
      });
    }
    it('validates a 100 kB body of "[" within a bound the quadratic parser could not meet', { timeout: 3_000 }, () => {
      expect(findUnsafeLinks(`${'['.repeat(99_990)}](javascript:x)`)).toEqual(['javascript:x']);
      expect(parseRichText('[a]('.repeat(20_000))).toHaveLength(1);
    });
    it('returns huge numbers of nodes without overflowing the call stack', () => {
      const [block] = parseRichText('[a](javascript:x)`c`'.repeat(150_000));
      expect(block?.type === 'paragraph' && block.children.length).toBe(300_000);
    });
  });

  it('gives plain text for accessible names', () => {
    expect(richTextToPlain('**Hi** [there](javascript:x)\n\n- a\n- `b`')).toBe('Hi there\n\n- a\n- b');
  });
});

describe('isSafeUrl', () => {
  it('accepts http(s), mailto, tel and relative references', () => {
    for (const url of ['https://a.example/x', 'HTTP://a.example', 'mailto:help@a.example', 'tel:+37060000000', '/help', './a', '../b', '?q=1', '#top', '//cdn.example/x.png']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });
  it('refuses every other scheme, bare words, and disguises', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', '\u0000javascript:x', '\njavascript:x', ' https://a.example', 'https://a.example/\u0007', 'data:image/png;base64,AAAA', 'vbscript:x', 'blob:https://a', 'help/page', '', '&#x6A;avascript:x']) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });
});

describe('localize', () => {
  const text = { en: 'Hello', 'en-GB': 'Hullo', lt: 'Labas', 'pt-BR': 'Olá' };
  it('returns plain strings as they are', () => expect(localize('Hi', 'lt', 'en')).toBe('Hi'));
  it('prefers the exact locale, case-insensitively', () => {
    expect(localize(text, 'en-GB', 'lt')).toBe('Hullo');
    expect(localize(text, 'en-gb', 'lt')).toBe('Hullo');
  });
  it('falls back to the language part', () => expect(localize(text, 'lt-LT', 'en')).toBe('Labas'));
  it('matches a regional variant when only the language is asked', () => expect(localize(text, 'pt', 'en')).toBe('Olá'));
  it('then the fallback locale', () => expect(localize(text, 'ru', 'lt')).toBe('Labas'));
  it('then the first available', () => expect(localize({ de: 'Hallo', fr: 'Salut' }, 'ru', 'en')).toBe('Hallo'));
  it('gives an empty string for an empty map', () => expect(localize({}, 'en', 'en')).toBe(''));
  it('never reads inherited properties', () => expect(localize({ en: 'Hi' }, 'constructor', '__proto__')).toBe('Hi'));
});
