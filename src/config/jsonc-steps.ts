/**
 * A large config file read a piece at a time, with exactly the result (or the error) of `parseJsonWithComments`.
 *
 * The text is cut only where JSON allows it: the root object's list members (`experiences`, `articles`, …) are split
 * into their items, and every piece goes to the platform's own `JSON.parse`, so strings, numbers, `__proto__` keys and
 * duplicate keys are read exactly as in one piece. Whatever the cutting does not recognise (a root that is not an
 * object, a stray `/`, an unterminated string or comment, an item `JSON.parse` refuses) is handed to
 * `parseJsonWithComments` whole, which then throws the error it always threw.
 *
 * `parseJsonWithComments` is given by the caller, not imported: the caller already has it, and a module shared with
 * this lazily loaded one would become a chunk (a request) of its own in an app's bundle.
 */

/** Structural characters looked at, or characters skipped, between two pauses of the scan. */
const SCAN_TOKENS_PER_STEP = 4_096;
const SCAN_CHARS_PER_STEP = 256 * 1024;
/** Characters of list items parsed between two pauses (an item is never cut). */
const ITEM_CHARS_PER_STEP = 64 * 1024;
/** Only what JSON counts as whitespace (`trim()` would also drop a no-break space, which JSON.parse refuses). */
const JSON_SPACE = /^[ \t\n\r]*$/;

interface SplitList {
  /** Index of the root member whose value this list is. */
  member: number;
  open: number;
  close: number;
  commas: number[];
}

interface Layout {
  /** The raw text (quotes and escapes included) of every root member's key, in order. */
  keys: string[];
  lists: SplitList[];
  /** `[start, end)` of every comment, to blank before parsing. */
  comments: Array<[number, number]>;
}

/**
 * `parseJsonWithComments(text)` one piece at a time: each `next()` does a bounded amount of work and the last one
 * returns the parsed document (or throws its `SyntaxError`).
 */
export function* parseJsonWithCommentsInSteps(text: string, parseJsonWithComments: (text: string) => unknown): Generator<void, unknown, void> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const layout = yield* scan(body);
  if (!layout) return parseJsonWithComments(text);
  const plain = layout.comments.length === 0 ? body : blankComments(body, layout.comments);
  let root: unknown;
  const items: unknown[][] = [];
  try {
    // The document without its lists' contents: the platform checks everything outside the lists.
    let skeleton = '';
    let from = 0;
    for (const list of layout.lists) {
      skeleton += plain.slice(from, list.open + 1);
      from = list.close;
    }
    root = JSON.parse(skeleton + plain.slice(from));
    yield;
    for (const list of layout.lists) {
      const values: unknown[] = [];
      const ends = [...list.commas, list.close];
      let start = list.open + 1;
      let parsedSinceStep = 0;
      // `[ ]`: no items (`[ , ]` and `[1, ]` are refused by JSON.parse of the empty item).
      if (!(ends.length === 1 && JSON_SPACE.test(plain.slice(start, list.close)))) {
        for (const end of ends) {
          values.push(JSON.parse(plain.slice(start, end)));
          parsedSinceStep += end - start;
          start = end + 1;
          if (parsedSinceStep >= ITEM_CHARS_PER_STEP) {
            parsedSinceStep = 0;
            yield;
          }
        }
      }
      items.push(values);
      yield;
    }
  } catch {
    return parseJsonWithComments(text);
  }
  // Each list goes where JSON.parse put the member it belongs to: the last of duplicate keys wins.
  const lastMember = new Map<string, number>();
  const keys = layout.keys.map((raw) => JSON.parse(raw) as string);
  keys.forEach((key, member) => lastMember.set(key, member));
  layout.lists.forEach((list, position) => {
    const key = keys[list.member]!;
    if (lastMember.get(key) !== list.member) return;
    // Defined, never assigned: a `__proto__` member stays a plain own property, as JSON.parse makes it.
    Object.defineProperty(root, key, { value: items[position], writable: true, enumerable: true, configurable: true });
  });
  return root;
}

/** Where the root object's members and lists are, or undefined when the text is not a root object this cutting understands. */
function* scan(body: string): Generator<void, Layout | undefined, void> {
  const keys: string[] = [];
  const lists: SplitList[] = [];
  const comments: Array<[number, number]> = [];
  const structural = /["/[\]{},]/g;
  let depth = 0;
  let closed = false;
  let expectKey = false;
  let list: SplitList | undefined;
  let tokens = 0;
  let stepStart = 0;
  let at = 0;
  for (;;) {
    structural.lastIndex = at;
    const match = structural.exec(body);
    if (!match) break;
    const index = match.index;
    if (++tokens >= SCAN_TOKENS_PER_STEP || index - stepStart >= SCAN_CHARS_PER_STEP) {
      tokens = 0;
      stepStart = index;
      yield;
    }
    const char = match[0];
    if (char === '"') {
      const end = stringEnd(body, index);
      if (end < 0) return undefined;
      if (depth === 1 && expectKey) {
        keys.push(body.slice(index, end + 1));
        expectKey = false;
      }
      at = end + 1;
      continue;
    }
    if (char === '/') {
      const next = body[index + 1];
      let end: number;
      if (next === '/') {
        const lineBreak = /[\r\n]/g;
        lineBreak.lastIndex = index + 2;
        end = lineBreak.exec(body)?.index ?? body.length;
      } else if (next === '*') {
        const close = body.indexOf('*/', index + 2);
        if (close < 0) return undefined;
        end = close + 2;
      } else return undefined;
      comments.push([index, end]);
      at = end;
      continue;
    }
    at = index + 1;
    if (char === '{' || char === '[') {
      if (depth === 0 && (closed || char !== '{')) return undefined;
      if (depth === 0) expectKey = true;
      if (depth === 1 && char === '[') list = { member: keys.length - 1, open: index, close: -1, commas: [] };
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) closed = true;
      if (depth === 1 && list) {
        list.close = index;
        lists.push(list);
        list = undefined;
      }
    } else if (depth === 1) expectKey = true;
    else if (depth === 2 && list) list.commas.push(index);
  }
  return closed && depth === 0 ? { keys, lists, comments } : undefined;
}

/** The index of the quote that ends the string opened at `open`, or -1. */
function stringEnd(body: string, open: number): number {
  let quote = body.indexOf('"', open + 1);
  while (quote >= 0) {
    let backslashes = 0;
    while (body.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = body.indexOf('"', quote + 1);
  }
  return -1;
}

/** `body` with every comment replaced by spaces (line breaks kept), as `stripJsonComments` does. */
function blankComments(body: string, comments: ReadonlyArray<[number, number]>): string {
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of comments) {
    parts.push(body.slice(from, start), body.slice(start, end).replace(/[^\r\n]/g, ' '));
    from = end;
  }
  parts.push(body.slice(from));
  return parts.join('');
}
