/// <reference types="node" />
/**
 * The `waymark` command line: `validate` config files with editor-style `file:line:col`
 * positions (and, with `--page`, their element targets against real pages), print the JSON
 * `schema`. Output and files come through `io`, so tests run it in-process.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CONFIG_LIMITS, validateConfig } from '../config/validate.js';
import { parseTreeIteratively } from './deep-json.js';
import { parseJsonWithComments } from '../config/jsonc.js';
import { toJsonSchema } from '../config/json-schema.js';
import { toChecked } from '../config/checked.js';
import type { WaymarkConfig } from '../config/types.js';
import { didYouMean, formatPath, type ConfigIssue, type IssuePath } from '../config/issues.js';
import { collectTargets, openPage, pageFindings, type OpenedPage } from './page-check.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** For `--out` (default: the file system). */
  writeFile?(path: string, text: string): Promise<void>;
}

export const USAGE = `Usage: waymark <command> [options]

Commands:
  validate <file.json> [more files]   Check config files; exit 1 when any has an error
    --json                            Print the issues as JSON
    --out <checked.json>              Write the config in its checked, compact form (one
                                      input file, no errors): the browser trusts it after a
                                      cheap check and never loads the validator
    --page <file.html|http://localhost:…>
                                      Also check every element target against this page:
                                      warn when one matches nothing, note when an anchoring
                                      target matches several. Repeat for more pages (routes);
                                      a target is found when any page has it
  schema                              Print the config JSON Schema (draft 2020-12)

Options:
  -h, --help                          Show this help
`;

const COMMANDS = ['validate', 'schema', 'help'];

/** A problem located in a file, as printed. */
export interface LocatedIssue {
  file: string;
  line: number;
  column: number;
  code: string;
  /** `note`: worth a look, never a problem (only from `--page`). */
  severity: ConfigIssue['severity'] | 'note';
  path: string;
  message: string;
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === 'schema') {
    io.stdout(`${JSON.stringify(toJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (command === 'validate') return validateFiles(rest, io);
  io.stderr(`waymark: unknown command ${JSON.stringify(command)}${didYouMean(command, COMMANDS)}\n\n${USAGE}`);
  return 2;
}

async function validateFiles(args: string[], io: CliIO): Promise<number> {
  const parsed = parseValidateArgs(args);
  if (!parsed.ok || parsed.files.length === 0) {
    io.stderr(`${parsed.ok ? 'waymark validate: no file given' : `waymark validate: ${parsed.message}`}\n\n${USAGE}`);
    return 2;
  }
  const { files, pages: pageSpecs, json, out } = parsed;
  if (out !== undefined && files.length !== 1) {
    io.stderr(`waymark validate: --out takes exactly one config file\n\n${USAGE}`);
    return 2;
  }
  const pages: OpenedPage[] = [];
  try {
    for (const spec of pageSpecs) {
      const opened = await openPage(spec, { readFile: io.readFile });
      if (!opened.ok) {
        io.stderr(`waymark validate: ${opened.message}\n`);
        return 2;
      }
      pages.push(opened.page);
    }
    const located: LocatedIssue[] = [];
    let valid: WaymarkConfig | null = null;
    for (const file of files) {
      const inspected = await inspectFile(file, io);
      const found = [...inspected.issues];
      valid = inspected.valid ?? null;
      if (pages.length > 0 && inspected.document) found.push(...(await checkTargets(file, inspected.document, pages)));
      located.push(...byPosition(found));
    }
    const status = report(located, json, io);
    if (out === undefined) return status;
    if (status !== 0 || !valid) {
      io.stderr(`waymark validate: ${out} not written: fix the errors first\n`);
      return 1;
    }
    await (io.writeFile ?? ((path: string, text: string) => writeFile(path, text, 'utf8')))(out, `${toChecked(valid)}\n`);
    if (!json) io.stdout(`wrote ${out} (checked, ${valid.experiences.length} ${valid.experiences.length === 1 ? 'experience' : 'experiences'})\n`);
    return 0;
  } finally {
    for (const page of pages) await page.close();
  }
}

type ValidateArgs = { ok: true; files: string[]; pages: string[]; json: boolean; out?: string } | { ok: false; message: string };

function parseValidateArgs(args: readonly string[]): ValidateArgs {
  const files: string[] = [];
  const pages: string[] = [];
  let json = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--out') {
      out = args[++i];
      if (out === undefined || out.startsWith('-')) return { ok: false, message: '--out needs a file to write' };
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--page') {
      const spec = args[++i];
      if (spec === undefined || spec.startsWith('-')) return { ok: false, message: '--page needs an HTML file or a http://localhost URL' };
      pages.push(spec);
    } else if (arg.startsWith('--page=')) pages.push(arg.slice('--page='.length));
    else if (arg.startsWith('-')) return { ok: false, message: `unknown option ${JSON.stringify(arg)}` };
    else files.push(arg);
  }
  return { ok: true, files, pages, json, out };
}

function report(located: LocatedIssue[], json: boolean, io: CliIO): number {
  const errors = located.filter((i) => i.severity === 'error').length;
  const notes = located.filter((i) => i.severity === 'note').length;
  const warnings = located.length - errors - notes;
  if (json) io.stdout(`${JSON.stringify(located, null, 2)}\n`);
  else {
    for (const i of located) {
      const label = i.severity === 'error' ? '' : `${i.severity}: `;
      io.stdout(`${i.file}:${i.line}:${i.column}  ${i.path}  ${label}${i.message}\n`);
    }
    io.stdout(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** The config's element targets counted on every page; findings located in the file. */
async function checkTargets(file: string, document: ParsedDocument, pages: readonly OpenedPage[]): Promise<LocatedIssue[]> {
  const uses = collectTargets(document.value);
  if (uses.length === 0) return [];
  const targets = uses.map((use) => use.target);
  const counted = [];
  for (const page of pages) counted.push({ name: page.name, counts: await page.count(targets) });
  return pageFindings(uses, counted).map((finding) => ({
    file,
    ...document.at(offsetOf(document.tree, { code: finding.code, path: finding.path })),
    code: finding.code,
    severity: finding.severity,
    path: formatPath(finding.path),
    message: finding.message,
  }));
}

/** Read, parse (JSON with comments) and validate one file; every issue gets a position, in the file's order. */
export async function checkFile(file: string, io: Pick<CliIO, 'readFile'>): Promise<LocatedIssue[]> {
  return byPosition((await inspectFile(file, io)).issues);
}

/** One file's issues top to bottom, as an editor lists them (stable: issues at one spot keep the validator's order). */
function byPosition(issues: LocatedIssue[]): LocatedIssue[] {
  return issues.map((issue, order) => ({ issue, order })).sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order).map(({ issue }) => issue);
}

/** A file that parsed: its syntax tree, its value, and offset → line and column. */
interface ParsedDocument {
  tree: Node;
  value: unknown;
  at(offset: number): { line: number; column: number };
}

async function inspectFile(file: string, io: Pick<CliIO, 'readFile'>): Promise<{ issues: LocatedIssue[]; document?: ParsedDocument; valid?: WaymarkConfig | null }> {
  const fail = (issues: LocatedIssue[]) => ({ issues });
  let text: string;
  try {
    text = await io.readFile(file);
    // The app's loader never sees a byte-order mark (fetch drops it), and editors do not count it as a column.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch (error) {
    return fail([{ file, line: 1, column: 1, code: 'unreadable', severity: 'error', path: '(file)', message: `cannot read the file (${(error as Error).message ?? String(error)})` }]);
  }
  const lines = lineStarts(text);
  const at = (offset: number) => position(lines, offset);

  const syntax: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, syntax, { allowTrailingComma: false, disallowComments: false });
  } catch {
    // The parser recurses per nesting level and a deep (even valid) file exhausts the stack:
    // parse it again with an explicit stack, so the validator can say what is too deep.
    syntax.length = 0;
    tree = parseTreeIteratively(text, syntax);
  }
  if (syntax.length > 0 || tree === undefined) {
    const problems = syntax.length > 0 ? syntax : [{ error: 0, offset: 0, length: 0 }];
    return fail(problems.map((problem) => ({
      file,
      ...at(problem.offset),
      code: 'invalid-json',
      severity: 'error' as const,
      path: '(syntax)',
      message: syntax.length > 0 ? `invalid JSON: ${describeSyntaxError(printParseErrorCode(problem.error))}` : 'the file is empty',
    })));
  }
  const refused = refusedByRuntime(text);
  if (refused) return fail([{ file, ...at(refused.offset), code: 'invalid-json', severity: 'error', path: '(syntax)', message: `invalid JSON: ${refused.message}` }]);
  let value: unknown;
  try {
    value = toValue(tree);
  } catch (error) {
    return fail([{ file, line: 1, column: 1, code: 'too-deep', severity: 'error', path: '(file)', message: `cannot read the file (${(error as Error).message ?? String(error)})` }]);
  }
  const { issues, config: valid } = validateConfig(value);
  const located = issues.map((issue): LocatedIssue => {
    const path = formatPath(issue.path);
    const prefix = `${path}: `;
    return {
      file,
      ...at(offsetOf(tree, issue)),
      code: issue.code,
      severity: issue.severity,
      path,
      message: issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message,
    };
  });
  return { issues: located, document: { tree, value, at }, valid };
}

/**
 * What the app's loader says about the text when it refuses what the syntax tree accepted. The two agree on every
 * case known; this keeps the CLI's verdict the app's verdict should they ever part.
 */
function refusedByRuntime(text: string): { offset: number; message: string } | undefined {
  try {
    parseJsonWithComments(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    return { offset: position ? Number(position[1]) : 0, message: message.replace(/ in JSON at position \d+.*$/s, '').replace(/^./, (c) => c.toLowerCase()) };
  }
}

/** Where an issue points: the key itself for a bad key, else the deepest node the path reaches (the parent object for a missing field). */
function offsetOf(root: Node, issue: Pick<ConfigIssue, 'code' | 'path'>): number {
  const pointsAtKey = issue.code === 'unknown-key' || issue.code === 'forbidden-key';
  for (let length = issue.path.length; length >= 0; length--) {
    const path: IssuePath = issue.path.slice(0, length);
    const node = findNodeAtLocation(root, path);
    if (!node) continue;
    if (pointsAtKey && length === issue.path.length && node.parent?.type === 'property') return node.parent.children?.[0]?.offset ?? node.offset;
    return node.offset;
  }
  return root.offset;
}

/** Containers deeper than this are read as empty: the validator refuses everything past its depth limit anyway. */
const VALUE_DEPTH = CONFIG_LIMITS.maxDepth + 1;

/** The document's value, built without ever assigning through `__proto__` (unlike naive `obj[key] = …`). */
function toValue(node: Node, depth = 0): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      if (depth > VALUE_DEPTH) return object;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        Object.defineProperty(object, String(key.value), { value: toValue(value, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    case 'array':
      return depth > VALUE_DEPTH ? [] : (node.children ?? []).map((child) => toValue(child, depth + 1));
    default:
      return node.value;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function position(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function describeSyntaxError(code: string): string {
  // "CommaExpected" → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function nodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
