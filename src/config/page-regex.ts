/**
 * Regex page conditions (`{"page": {"path": "^/p/\\d+$", "match": "regex"}}`) run in the host page on
 * every navigation, in a backtracking engine. This module decides, before anything runs, whether a
 * pattern is valid and cheap; the validator reports what it refuses and the engine refuses the same.
 *
 * Rules (conservative on purpose: a refused pattern can almost always be written as a glob):
 * - compiled with the `u` flag, so typos such as `\p{Nope}` or `\-` are errors, not literals;
 * - no backreferences, and no lookaround that holds a quantifier;
 * - no repeated group that holds another repetition, an optional part or an alternation, at any
 *   depth (`(\w+/?)+`, `(a|ab)*`, `((?:a|b)?)+`);
 * - at most one ambiguous pair of repetitions in sequence (`\w+\w+`, `.*x.*`), counting an
 *   unanchored start as one, so the worst case is quadratic;
 * - a path longer than `MAX_REGEX_INPUT` characters never matches a regex condition.
 */

/** The flags the engine compiles page regexes with (and the validator checks them with). */
export const PAGE_REGEX_FLAGS = 'u';

/** Paths longer than this never match a regex page condition: bounds the (at most quadratic) work. */
export const MAX_REGEX_INPUT = 1_024;

/** Patterns longer than this are refused. */
export const MAX_REGEX_LENGTH = 1_000;

export type PageRegexCheck = { ok: true; regex: RegExp } | { ok: false; reason: string };

/** Compile a regex page pattern, or say why it is refused. Never throws. */
export function checkPageRegex(source: string): PageRegexCheck {
  if (typeof source !== 'string') return { ok: false, reason: 'expected a regular expression as a string' };
  if (source.length > MAX_REGEX_LENGTH) return { ok: false, reason: `the pattern is longer than ${MAX_REGEX_LENGTH} characters` };
  let regex: RegExp;
  try {
    regex = new RegExp(source, PAGE_REGEX_FLAGS);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, reason: `invalid regular expression (${detail})` };
  }
  const reason = riskOf(source);
  return reason ? { ok: false, reason } : { ok: true, regex };
}

/**
 * A regex page pattern as the engine's path test (engine/url.ts `PageRegex`), or why it is refused:
 * a path beyond the input bound is not tried, so the work stays at most quadratic.
 */
export function pageRegexTest(source: string): { ok: true; test(path: string): boolean } | { ok: false; reason: string } {
  const checked = checkPageRegex(source);
  if (!checked.ok) return checked;
  const { regex } = checked;
  return { ok: true, test: (path) => path.length <= MAX_REGEX_INPUT && regex.test(path) };
}

// ---- a small parser for the (already valid, `u`-mode) pattern --------------------------------

/** A set of characters, tested against probe characters (every literal in the pattern, plus samples). */
type CharSet = (char: string) => boolean;

type Node =
  | { kind: 'char'; set: CharSet }
  | { kind: 'empty'; start?: boolean } // anchors and other zero-width items
  | { kind: 'group'; alternatives: Node[][]; lookaround: boolean }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const CLASS_ESCAPES: Record<string, CharSet> = {
  d: (c) => c >= '0' && c <= '9',
  w: (c) => /\w/.test(c),
  s: (c) => /\s/u.test(c),
};

class RiskError extends Error {}

class Parser {
  private i = 0;
  /** Characters that decide overlaps: every literal seen, plus one sample of each common kind. */
  readonly probes = new Set(['a', 'Z', '0', '_', '-', '/', '.', ' ', '\n', 'é', '?', '=', '&', '#']);
  constructor(private readonly source: string) {}

  parse(): Node[][] {
    return this.alternatives();
  }

  private alternatives(): Node[][] {
    const alternatives: Node[][] = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  private quantified(atom: Node): Node {
    const s = this.source;
    const char = s[this.i];
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i, this.i + 24));
      if (!match) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.i += match[0].length - 1;
    } else return atom;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy: same cost in the worst case
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const s = this.source;
    const char = s[this.i]!;
    if (char === '^' || char === '$') {
      this.i++;
      return { kind: 'empty', start: char === '^' };
    }
    if (char === '.') {
      this.i++;
      return { kind: 'char', set: (c) => c !== '\n' && c !== '\r' };
    }
    if (char === '(') {
      this.i++;
      let lookaround = false;
      if (s[this.i] === '?') {
        if (s[this.i + 1] === ':') this.i += 2;
        else if (s[this.i + 1] === '=' || s[this.i + 1] === '!') [this.i, lookaround] = [this.i + 2, true];
        else if (s[this.i + 1] === '<' && (s[this.i + 2] === '=' || s[this.i + 2] === '!')) [this.i, lookaround] = [this.i + 3, true];
        else if (s[this.i + 1] === '<') this.i = s.indexOf('>', this.i) + 1; // named group
      }
      const alternatives = this.alternatives();
      this.i++; // ')'
      return { kind: 'group', alternatives, lookaround };
    }
    if (char === '[') return { kind: 'char', set: this.characterClass() };
    if (char === '\\') return this.escape();
    this.i++;
    this.probes.add(char);
    return { kind: 'char', set: (c) => c === char };
  }

  private escape(): Node {
    const s = this.source;
    const next = s[this.i + 1]!;
    this.i += 2;
    if (next === 'b' || next === 'B') return { kind: 'empty' };
    if (/[1-9]/.test(next) || next === 'k') throw new RiskError('backreferences (\\1, \\k<name>) can take exponential time; use a pattern without them');
    const set = this.escapeSet(next);
    return { kind: 'char', set };
  }

  /** The set an escape stands for (the backslash and letter already consumed). */
  private escapeSet(letter: string): CharSet {
    const lower = letter.toLowerCase();
    if (lower in CLASS_ESCAPES) {
      const base = CLASS_ESCAPES[lower]!;
      return letter === lower ? base : (c) => !base(c);
    }
    if (letter === 'p' || letter === 'P') {
      this.i = this.source.indexOf('}', this.i) + 1;
      return () => true; // a Unicode property: assume it may overlap anything
    }
    const literal = this.literalEscape(letter);
    this.probes.add(literal);
    return (c) => c === literal;
  }

  private literalEscape(letter: string): string {
    const s = this.source;
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    if (letter in controls) return controls[letter]!;
    if (letter === 'x') {
      const code = s.slice(this.i, this.i + 2);
      this.i += 2;
      return String.fromCharCode(parseInt(code, 16));
    }
    if (letter === 'u') {
      const braced = s[this.i] === '{';
      const end = braced ? s.indexOf('}', this.i) : this.i + 4;
      const code = s.slice(braced ? this.i + 1 : this.i, end);
      this.i = braced ? end + 1 : end;
      return String.fromCodePoint(parseInt(code, 16));
    }
    if (letter === 'c') {
      const code = s.charCodeAt(this.i) % 32;
      this.i++;
      return String.fromCharCode(code);
    }
    return letter;
  }

  private characterClass(): CharSet {
    const s = this.source;
    this.i++; // '['
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    const parts: CharSet[] = [];
    while (this.i < s.length && s[this.i] !== ']') {
      const low = this.classAtom();
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && typeof low === 'string') {
        this.i++;
        const high = this.classAtom();
        if (typeof high === 'string') {
          this.probes.add(low).add(high);
          parts.push((c) => c >= low && c <= high);
          continue;
        }
        parts.push((c) => c === low || c === '-', high);
        continue;
      }
      parts.push(typeof low === 'string' ? (c) => c === low : low);
    }
    this.i++; // ']'
    const inClass = (c: string): boolean => parts.some((part) => part(c));
    return negated ? (c) => !inClass(c) : inClass;
  }

  /** One class member: a character (string) or a class escape (set). */
  private classAtom(): string | CharSet {
    const s = this.source;
    const char = s[this.i]!;
    if (char !== '\\') {
      this.i++;
      this.probes.add(char);
      return char;
    }
    const letter = s[this.i + 1]!;
    this.i += 2;
    if (letter === 'b') return '\b';
    const lower = letter.toLowerCase();
    if (lower in CLASS_ESCAPES || lower === 'p') return this.escapeSet(letter);
    const literal = this.literalEscape(letter);
    this.probes.add(literal);
    return literal;
  }
}

/** Why the pattern may take super-linear time, or undefined when it is cheap. */
function riskOf(source: string): string | undefined {
  const parser = new Parser(source);
  let tree: Node[][];
  try {
    tree = parser.parse();
  } catch (error) {
    if (error instanceof RiskError) return error.message;
    return 'the pattern could not be analysed; write it more simply';
  }
  const probes = [...parser.probes];
  const overlaps = (a: CharSet, b: CharSet): boolean => probes.some((c) => a(c) && b(c));
  // `test()` retries an unanchored pattern at every position: one more factor of the input length.
  const anchored = tree.every((alternative) => alternative[0]?.kind === 'empty' && alternative[0].start === true);
  let ambiguities = anchored ? 0 : 1;

  const walk = (node: Node, insideRepeat: boolean, insideLookaround: boolean): string | undefined => {
    if (node.kind === 'repeat') {
      const repeats = node.max > 1;
      // Inside a repetition even "?" lets one input split in many ways ("(a?a?)+" is exponential): only fixed counts.
      if (insideRepeat && node.min !== node.max) return 'a repeated group holds another repetition or an optional part (like "(\\w+/?)+"), which can take exponential time; use a glob or a flat pattern';
      if (insideLookaround && repeats) return 'a lookaround holds a repetition; use a pattern without it';
      // A repeated group with an alternation is refused when the walk reaches the group.
      return walk(node.node, insideRepeat || repeats, insideLookaround);
    }
    if (node.kind === 'group') {
      if (insideRepeat && node.alternatives.length > 1) {
        return 'a repeated group holds an alternation (like "(a|ab)*"), which can take exponential time; use a glob or a flat pattern';
      }
      for (const alternative of node.alternatives) {
        ambiguities += sequenceAmbiguity(alternative);
        for (const child of alternative) {
          const reason = walk(child, insideRepeat, insideLookaround || node.lookaround);
          if (reason) return reason;
        }
      }
    }
    return undefined;
  };

  /** Pairs of repetitions in sequence that can match the same characters with nothing forcing a split. */
  const sequenceAmbiguity = (sequence: Node[]): number => {
    let count = 0;
    let open: CharSet[] = [];
    for (const node of sequence) {
      const { set, min, repeats } = describe(node);
      if (repeats) {
        if (open.some((earlier) => overlaps(earlier, set))) count++;
        open.push(set);
      } else if (min > 0) {
        // A required character that an open repetition cannot match ends it.
        open = open.filter((earlier) => overlaps(earlier, set));
      }
    }
    return count;
  };

  /** A node seen from the sequence it is in: which characters it may consume, whether it must, whether it repeats. */
  const describe = (node: Node): { set: CharSet; min: number; repeats: boolean } => {
    switch (node.kind) {
      case 'char':
        return { set: node.set, min: 1, repeats: false };
      case 'empty':
        return { set: () => false, min: 0, repeats: false };
      case 'repeat': {
        const inner = describe(node.node);
        return { set: inner.set, min: node.min * inner.min, repeats: node.max > 1 || inner.repeats };
      }
      case 'group': {
        if (node.lookaround) return { set: () => false, min: 0, repeats: false };
        const parts = node.alternatives.flat().map(describe);
        const set: CharSet = (c) => parts.some((part) => part.set(c));
        // A group counts as required only when it is a plain sequence of required characters.
        const required = node.alternatives.length === 1 && parts.every((part) => part.min > 0 && !part.repeats);
        return { set, min: required ? 1 : 0, repeats: parts.some((part) => part.repeats) };
      }
    }
  };

  const top: Node = { kind: 'group', alternatives: tree, lookaround: false };
  const reason = walk(top, false, false);
  if (reason) return reason;
  if (ambiguities > 1) {
    return 'repetitions in sequence can match the same characters (like "\\w+\\w+" or ".*a.*"), which can take polynomial time; anchor the pattern with "^", separate the parts, or use a glob';
  }
  return undefined;
}
