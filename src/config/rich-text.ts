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

/** Every link href in `source` that `isSafeUrl` refuses, in order. */
export function findUnsafeLinks(source: string): string[] {
  // Every link is `[label](href)`: text without `](` has none, and need not be parsed.
  if (!source.includes('](')) return [];
  const unsafe: string[] = [];
  parseRichText(source, { onUnsafeLink: (href) => unsafe.push(href) });
  return unsafe;
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
    nodes.push(...parseInline(line, options));
  });
  return mergeText(nodes);
}

const ESCAPABLE = new Set(['\\', '*', '`', '[', ']', '(', ')', '-', '_']);

/** Inline parser: a single left-to-right scan; an unclosed marker stays literal text. */
function parseInline(source: string, options: ParseOptions, insideLink = false): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push({ type: 'code', value: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (char === '*' && source[i + 1] === '*') {
      const end = findClosing(source, '**', i + 2);
      if (end > i + 2) {
        flush();
        nodes.push({ type: 'strong', children: parseInline(source.slice(i + 2, end), options, insideLink) });
        i = end + 2;
        continue;
      }
    }
    if (char === '*' && source[i + 1] !== '*' && source[i + 1] !== ' ') {
      const end = findClosing(source, '*', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push({ type: 'em', children: parseInline(source.slice(i + 1, end), options, insideLink) });
        i = end + 1;
        continue;
      }
    }
    if (char === '[' && !insideLink) {
      const link = readLink(source, i);
      if (link) {
        flush();
        const children = parseInline(link.label, options, true);
        if (isSafeUrl(link.href)) nodes.push({ type: 'link', href: link.href, children });
        else {
          options.onUnsafeLink?.(link.href);
          nodes.push(...children);
        }
        i = link.end;
        continue;
      }
    }
    text += char;
    i++;
  }
  flush();
  return mergeText(nodes);
}

/** Index of the closing marker, skipping escaped characters and code spans; -1 when absent. */
function findClosing(source: string, marker: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i) i = end;
      continue;
    }
    if (source.startsWith(marker, i)) {
      // `*` must not match the first half of a `**`.
      if (marker === '*' && source[i + 1] === '*') {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** `[label](href)` at `start`, with balanced parentheses inside the href. */
function readLink(source: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let labelEnd = -1;
  for (let i = start + 1; i < source.length; i++) {
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
  if (labelEnd < 0 || source[labelEnd + 1] !== '(') return null;
  depth = 0;
  for (let i = labelEnd + 2; i < source.length; i++) {
    const char = source[i];
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) {
        return { label: source.slice(start + 1, labelEnd), href: source.slice(labelEnd + 2, i).trim(), end: i + 1 };
      }
      depth--;
    }
  }
  return null;
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
