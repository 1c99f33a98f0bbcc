/**
 * The safe rich-text subset documented on `RichText` in types.ts, parsed to a tiny AST.
 * Nothing here ever produces or reads HTML: renderers bind the AST's strings as text.
 * Also the link-safety rule and locale fallback shared by the validator, engine and UI.
 */
import type { Text } from './types.js';

/**
 * Safe links: `https:`, `http:`, `mailto:`, `tel:` (any case), or a relative reference starting
 * with `/`, `./`, `../`, `?` or `#`. Anything else is refused, so `javascript:`, `data:` and
 * `vbscript:` are refused in every disguise (case, leading whitespace, control characters,
 * HTML entities, percent-encoding): the allowed prefix must be the very first characters, and
 * no control character may appear anywhere.
 */
// eslint-disable-next-line no-control-regex
export const SAFE_URL_PATTERN = /^(?:(?:https?|mailto|tel):|\/|\.\.?\/|[?#])[^\u0000-\u001F\u007F]*$/i;

/** True when `url` is a link Waymark may follow or render (see `SAFE_URL_PATTERN`). */
export function isSafeUrl(url: string): boolean {
  return typeof url === 'string' && SAFE_URL_PATTERN.test(url);
}

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'code'; value: string }
  | { type: 'link'; href: string; children: InlineNode[] }
  | { type: 'break' };

export interface ListItemNode {
  type: 'item';
  children: InlineNode[];
}

export type BlockNode = { type: 'paragraph'; children: InlineNode[] } | { type: 'list'; items: ListItemNode[] };

interface ParseOptions {
  /** Called for every link whose href is refused; the link is rendered as its label. */
  onUnsafeLink?: (href: string) => void;
  /** Counts the parser's work (characters visited), so tests can check it stays linear. */
  stats?: { steps: number };
}

const LIST_ITEM = /^[ \t]*- (.*)$/;

/**
 * Parse rich text: blank lines separate paragraphs, lines starting with `- ` form a list,
 * single newlines inside a paragraph become `break`s, and inline `**strong**`, `*em*`,
 * `` `code` `` and `[label](href)` are recognised. `\` escapes a marker character.
 * A link whose href is not safe becomes plain text (its label).
 */
export function parseRichText(source: string, options: ParseOptions = {}): BlockNode[] {
  const blocks: BlockNode[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    let paragraph: string[] = [];
    let items: ListItemNode[] = [];
    const flushParagraph = (): void => {
      if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseLines(paragraph, options) });
      paragraph = [];
    };
    const flushList = (): void => {
      if (items.length > 0) blocks.push({ type: 'list', items });
      items = [];
    };
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        flushParagraph();
        items.push({ type: 'item', children: parseInline(item[1]!.trim(), options) });
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

/** The plain text of rich text (markers removed), e.g. for accessible names and search. */
export function richTextToPlain(source: string): string {
  const inline = (nodes: InlineNode[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
          case 'code':
            return node.value;
          case 'break':
            return '\n';
          default:
            return inline(node.children);
        }
      })
      .join('');
  return parseRichText(source)
    .map((block) => (block.type === 'paragraph' ? inline(block.children) : block.items.map((item) => `- ${inline(item.children)}`).join('\n')))
    .join('\n\n');
}

function parseLines(lines: string[], options: ParseOptions): InlineNode[] {
  const nodes: InlineNode[] = [];
  lines.forEach((line, index) => {
    if (index > 0) nodes.push({ type: 'break' });
    for (const node of parseInline(line, options)) nodes.push(node);
  });
  return mergeText(nodes);
}

const ESCAPABLE = new Set(['\\', '*', '`', '[', ']', '(', ')', '-', '_']);

/**
 * Lookup tables for one inline source, each built in one pass the first time it is needed, so every
 * marker search is O(1) amortised and the whole parse stays linear (a naive scan per `[` or `*` is
 * quadratic on inputs like `"[" × 100,000`). Text without a marker builds nothing.
 */
/** How far a search looks directly before it falls back to the tables: bounds the direct work per marker. */
const NEAR = 128;
const UNKNOWN = -3;

class InlineScanner {
  /** Index of the next backtick after each position (`-1` when none). */
  private nextTick: number[] | undefined;
  /** For each unescaped `[`, its matching `]` (nested brackets counted), else -1. */
  private closeBracket: number[] | undefined;
  /** For each `(`, its matching `)` (escapes ignored, as in hrefs), else -1. */
  private closeParen: number[] | undefined;
  /** Memoised answers of `findClosing` by start position (-2 = not yet known), per marker. */
  private closingStar: number[] | undefined;
  private closingStrong: number[] | undefined;
  /** Characters visited while building tables and searching: linear in the source length. */
  steps = 0;

  constructor(readonly source: string) {}

  private ticks(): number[] {
    if (this.nextTick) return this.nextTick;
    const { source } = this;
    const n = source.length;
    const next = new Array<number>(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) next[i] = source[i + 1] === '`' ? i + 1 : next[i + 1]!;
    this.steps += n;
    return (this.nextTick = next);
  }

  private matchBrackets(): void {
    const { source } = this;
    const n = source.length;
    const closeBracket = new Array<number>(n).fill(-1);
    const closeParen = new Array<number>(n).fill(-1);
    const brackets: number[] = [];
    const parens: number[] = [];
    for (let i = 0; i < n; i++) {
      const char = source[i];
      if (char === '(') parens.push(i);
      else if (char === ')' && parens.length > 0) closeParen[parens.pop()!] = i;
      if (char === '\\') {
        i++;
        if (source[i] === '(') parens.push(i);
        else if (source[i] === ')' && parens.length > 0) closeParen[parens.pop()!] = i;
        continue;
      }
      if (char === '[') brackets.push(i);
      else if (char === ']' && brackets.length > 0) closeBracket[brackets.pop()!] = i;
    }
    this.steps += n;
    this.closeBracket = closeBracket;
    this.closeParen = closeParen;
  }

  /** The next backtick after `i`, or -1. */
  tickAfter(i: number): number {
    return this.ticks()[i]!;
  }

  /**
   * Index of the closing marker at or after `from`, skipping escaped characters and code spans;
   * -1 when absent. The scan from any position follows a fixed chain of positions, so answers
   * are memoised along the chain and each position is visited once per marker.
   */
  findClosing(marker: '*' | '**', from: number): number {
    const { source } = this;
    let memo = marker === '*' ? this.closingStar : this.closingStrong;
    // Once a search needed the table, later ones use it too: the direct look-ahead is not repeated.
    if (!memo) {
      const near = this.closingNear(marker, from);
      if (near !== UNKNOWN) return near;
      memo = new Array<number>(source.length + 1).fill(-2);
      if (marker === '*') this.closingStar = memo;
      else this.closingStrong = memo;
    }
    const chain: number[] = [];
    let i = from;
    let answer = -1;
    while (i < source.length) {
      const known = memo[i]!;
      if (known !== -2) {
        answer = known;
        break;
      }
      this.steps++;
      chain.push(i);
      const char = source[i];
      if (char === '\\') {
        i += 2;
        continue;
      }
      if (char === '`') {
        const end = this.tickAfter(i);
        i = end > i ? end + 1 : i + 1;
        continue;
      }
      if (source.startsWith(marker, i)) {
        // `*` must not match the first half of a `**`.
        if (marker === '*' && source[i + 1] === '*') {
          i += 2;
          continue;
        }
        answer = i;
        break;
      }
      i++;
    }
    for (const position of chain) memo[position] = answer;
    return answer;
  }

  /** The common case: the closing marker within `NEAR` characters, found without building tables. */
  private closingNear(marker: '*' | '**', from: number): number {
    const { source } = this;
    const limit = Math.min(source.length, from + NEAR);
    for (let i = from; i < limit; i++) {
      this.steps++;
      const char = source[i];
      if (char === '\\') {
        i++;
        continue;
      }
      if (char === '`') return UNKNOWN; // code spans: leave them to the tables
      if (source.startsWith(marker, i)) {
        if (marker === '*' && source[i + 1] === '*') {
          i++;
          continue;
        }
        return i;
      }
    }
    return limit === source.length ? -1 : UNKNOWN;
  }

  /** The common case: a short `[label](href)`, or none, decided without building tables. */
  private linkNear(start: number): { label: string; href: string; end: number } | null | typeof UNKNOWN {
    const { source } = this;
    const limit = Math.min(source.length, start + NEAR);
    let depth = 0;
    let labelEnd = -1;
    let i = start + 1;
    for (; i < limit; i++) {
      this.steps++;
      const char = source[i];
      if (char === '\\') {
        i++;
        continue;
      }
      if (char === '[') depth++;
      else if (char === ']') {
        if (depth === 0) {
          labelEnd = i;
          break;
        }
        depth--;
      }
    }
    if (labelEnd < 0) return i >= source.length ? null : UNKNOWN;
    if (source[labelEnd + 1] !== '(') return null;
    depth = 0;
    for (i = labelEnd + 2; i < limit; i++) {
      this.steps++;
      const char = source[i];
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) return { label: source.slice(start + 1, labelEnd), href: source.slice(labelEnd + 2, i).trim(), end: i + 1 };
        depth--;
      }
    }
    return i >= source.length ? null : UNKNOWN;
  }

  /** `[label](href)` at `start`, with balanced brackets in the label and parentheses in the href. */
  readLink(start: number): { label: string; href: string; end: number } | null {
    if (!this.closeBracket) {
      const near = this.linkNear(start);
      if (near !== UNKNOWN) return near;
      this.matchBrackets();
    }
    this.steps++;
    const labelEnd = this.closeBracket![start]!;
    if (labelEnd < 0 || this.source[labelEnd + 1] !== '(') return null;
    const hrefEnd = this.closeParen![labelEnd + 1]!;
    if (hrefEnd < 0) return null;
    return { label: this.source.slice(start + 1, labelEnd), href: this.source.slice(labelEnd + 2, hrefEnd).trim(), end: hrefEnd + 1 };
  }
}

/** Inline parser: a single left-to-right scan; an unclosed marker stays literal text. */
function parseInline(source: string, options: ParseOptions, insideLink = false): InlineNode[] {
  const scanner = new InlineScanner(source);
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };
  const append = (children: InlineNode[]): void => {
    // A loop, not push(...children): a spread of 100,000+ nodes overflows the call stack.
    for (const child of children) nodes.push(child);
  };
  let i = 0;
  while (i < source.length) {
    scanner.steps++;
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      // Amortised linear: the loop then moves to or past the backtick found.
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push({ type: 'code', value: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (char === '*' && source[i + 1] === '*') {
      const end = scanner.findClosing('**', i + 2);
      if (end > i + 2) {
        flush();
        nodes.push({ type: 'strong', children: parseInline(source.slice(i + 2, end), options, insideLink) });
        i = end + 2;
        continue;
      }
    }
    if (char === '*' && source[i + 1] !== '*' && source[i + 1] !== ' ') {
      const end = scanner.findClosing('*', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push({ type: 'em', children: parseInline(source.slice(i + 1, end), options, insideLink) });
        i = end + 1;
        continue;
      }
    }
    if (char === '[' && !insideLink) {
      const link = scanner.readLink(i);
      if (link) {
        flush();
        const children = parseInline(link.label, options, true);
        if (isSafeUrl(link.href)) nodes.push({ type: 'link', href: link.href, children });
        else {
          options.onUnsafeLink?.(link.href);
          append(children);
        }
        i = link.end;
        continue;
      }
    }
    text += char;
    i++;
  }
  flush();
  if (options.stats) options.stats.steps += scanner.steps;
  return mergeText(nodes);
}

function mergeText(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + node.value };
    else merged.push(node);
  }
  return merged;
}

/** The language part of a locale code: `lt-LT` → `lt`. */
function language(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * Pick the string for `locale` from a localized text: the exact locale (case-insensitive),
 * then its language (`lt-LT` → `lt`, or any `lt-*` variant), then `fallback` the same way,
 * then the first available. A plain string is returned as is; an empty map gives `""`.
 */
export function localize(text: Text, locale: string, fallback: string): string {
  if (typeof text === 'string') return text;
  const keys = Object.keys(text);
  const value = (key: string | undefined): string | undefined => (key === undefined ? undefined : text[key]);
  const find = (wanted: string): string | undefined => {
    const lower = wanted.toLowerCase();
    const lang = language(wanted);
    return (
      value(keys.find((key) => key.toLowerCase() === lower)) ??
      value(keys.find((key) => key.toLowerCase() === lang)) ??
      value(keys.find((key) => language(key) === lang))
    );
  };
  return find(locale) ?? find(fallback) ?? value(keys[0]) ?? '';
}
