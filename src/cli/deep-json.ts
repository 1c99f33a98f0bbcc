/**
 * A JSON-with-comments syntax tree built with an explicit stack, for documents nested too deeply
 * for jsonc-parser's recursive `parseTree` (it overflows the call stack near 5,000 levels, and a
 * valid file must be reported as a config problem, not as a parse failure). It builds the same
 * `Node` shape, so issue positions work as for any other file. Only used after `parseTree` threw.
 */
import { createScanner, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/** jsonc-parser's node, writable while the tree is being built. */
type Node = { -readonly [Key in keyof JsonNode]: JsonNode[Key] } & { parent?: Node; children?: Node[] };

// jsonc-parser's SyntaxKind / ParseErrorCode values (its `const enum`s do not survive per-file compilation).
const TOKEN = {
  openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6,
  null: 7, true: 8, false: 9, string: 10, number: 11, lineComment: 12, blockComment: 13, lineBreak: 14, trivia: 15, eof: 17,
} as const;
const ERROR = { invalidSymbol: 1, propertyNameExpected: 3, valueExpected: 4, colonExpected: 5, commaExpected: 6, endOfFileExpected: 9 } as const;

type Expect = 'first-key-or-end' | 'key' | 'colon' | 'value' | 'first-value-or-end' | 'comma-or-end';

interface Frame {
  node: Node;
  expect: Expect;
  /** The property whose value is being read (objects only). */
  property?: Node;
}

/** Parse `text` without recursion; syntax errors are pushed to `errors` (the first one stops the parse). */
export function parseTreeIteratively(text: string, errors: ParseError[]): JsonNode | undefined {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  let root: Node | undefined;
  const fail = (error: number): undefined => {
    errors.push({ error, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
    return undefined;
  };
  const scan = (): number => {
    for (;;) {
      const token = scanner.scan();
      if (token !== TOKEN.lineComment && token !== TOKEN.blockComment && token !== TOKEN.lineBreak && token !== TOKEN.trivia) return token;
    }
  };
  /** Close a value's property (if any) once the value ends at `end`. */
  const finishValue = (value: Node): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.property) {
      top.property.length = value.offset + value.length - top.property.offset;
      top.property = undefined;
    }
    top.expect = 'comma-or-end';
  };
  /** Attach a new value node to the container being read, or make it the root. */
  const attach = (node: Node): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return false;
      root = node;
      return true;
    }
    const parent = top.property ?? top.node;
    node.parent = parent;
    (parent.children ??= []).push(node);
    return true;
  };

  for (;;) {
    const token = scan();
    const top = stack[stack.length - 1];
    const offset = scanner.getTokenOffset();
    if (token === TOKEN.eof) {
      if (top) return fail(top.node.type === 'object' ? 7 : 8);
      return root ?? fail(ERROR.valueExpected);
    }
    if (!top && root) return fail(ERROR.endOfFileExpected);

    if (top?.expect === 'colon') {
      if (token !== TOKEN.colon) return fail(ERROR.colonExpected);
      top.property!.colonOffset = offset;
      top.expect = 'value';
      continue;
    }
    if (top?.expect === 'comma-or-end' || top?.expect === 'first-key-or-end' || top?.expect === 'first-value-or-end') {
      const close = top.node.type === 'object' ? TOKEN.closeBrace : TOKEN.closeBracket;
      if (token === close) {
        top.node.length = offset + 1 - top.node.offset;
        stack.pop();
        finishValue(top.node);
        continue;
      }
      if (top.expect === 'comma-or-end') {
        if (token !== TOKEN.comma) return fail(ERROR.commaExpected);
        top.expect = top.node.type === 'object' ? 'key' : 'value';
        continue;
      }
      top.expect = top.node.type === 'object' ? 'key' : 'value';
    }
    if (top?.expect === 'key') {
      if (token !== TOKEN.string) return fail(ERROR.propertyNameExpected);
      const property: Node = { type: 'property', offset, length: 0, parent: top.node, children: [] };
      property.children!.push({ type: 'string', value: scanner.getTokenValue(), offset, length: scanner.getTokenLength(), parent: property });
      (top.node.children ??= []).push(property);
      top.property = property;
      top.expect = 'colon';
      continue;
    }

    // A value: in an array, as a property's value, or the root.
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      const node: Node = { type: token === TOKEN.openBrace ? 'object' : 'array', offset, length: 0, children: [] };
      if (!attach(node)) return fail(ERROR.endOfFileExpected);
      stack.push({ node, expect: token === TOKEN.openBrace ? 'first-key-or-end' : 'first-value-or-end' });
      continue;
    }
    const literal = literalNode(token, scanner.getTokenValue(), offset, scanner.getTokenLength());
    if (!literal) return fail(token === 16 ? ERROR.invalidSymbol : ERROR.valueExpected);
    if (!attach(literal)) return fail(ERROR.endOfFileExpected);
    finishValue(literal);
  }
}

function literalNode(token: number, text: string, offset: number, length: number): Node | undefined {
  switch (token) {
    case TOKEN.string:
      return { type: 'string', value: text, offset, length };
    case TOKEN.number:
      return Number.isFinite(Number(text)) ? { type: 'number', value: Number(text), offset, length } : undefined;
    case TOKEN.true:
      return { type: 'boolean', value: true, offset, length };
    case TOKEN.false:
      return { type: 'boolean', value: false, offset, length };
    case TOKEN.null:
      return { type: 'null', value: null, offset, length };
    default:
      return undefined;
  }
}
