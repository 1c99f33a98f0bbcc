// The text of a `css` template literal without what the browser ignores: comments, and whitespace where the grammar
// needs none. Conservative by design: quoted strings are left as they are, a space before `:` stays (`.a :hover` is a
// descendant), spaces around `+`, `-`, `*` and `/` stay (calc() needs them), a space that separates two words stays, and
// custom properties' values keep their spaces (a script reading one back gets the text as written).
// Runs on each static part of a template alone, so the parts keep the edges that meet an interpolation.

/** Quoted strings, comments, and runs of whitespace: the tokens the minifier acts on; anything else is kept. */
const TOKENS = /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*')|(\/\*[\s\S]*?\*\/)|(\s+)/g;
/** Characters a space beside which is never needed. */
const TIGHT = new Set(['{', '}', ';', ',', '>']);

/**
 * `first` / `last`: whether this part opens / closes the template (its edges may then be trimmed; an inner edge meets
 * an interpolation and keeps one space if it had whitespace).
 */
export function minifyCss(text, { first = true, last = true } = {}) {
  // Comments go first, as whitespace (a comment between two words separates them).
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(TOKENS)) {
    if (match.index > at) parts.push({ kind: 'text', value: text.slice(at, match.index) });
    if (match[1] !== undefined) parts.push({ kind: 'string', value: match[1] });
    else parts.push({ kind: 'space' });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', value: text.slice(at) });

  let out = '';
  let endsInString = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.kind === 'string') {
      out += part.value;
      endsInString = true;
      continue;
    }
    if (part.kind === 'text') {
      // A declaration's last semicolon is optional.
      if (part.value[0] === '}' && out.at(-1) === ';' && !endsInString) out = out.slice(0, -1);
      out += part.value.replace(/;}/g, '}');
      endsInString = false;
      continue;
    }
    // Successive spaces and comments are one separator.
    while (parts[i + 1]?.kind === 'space') i++;
    const before = out.at(-1);
    const next = parts[i + 1];
    const after = next?.value[0];
    // No space after `(` or `:`, none before `)`; one before `(` stays (`and (` is not the function `and(`).
    const edge = (out === '' && first) || (next === undefined && last);
    // A custom property's value is kept as written (it is read back as text), only its edges and runs are trimmed.
    const needless = inCustomProperty(out)
      ? edge || before === ':' || after === ';' || after === '}'
      : edge || TIGHT.has(before) || TIGHT.has(after) || before === '(' || before === ':' || after === ')';
    if (!needless) out += ' ';
  }
  return out;
}

/** Whether the text so far ends inside a custom property's value (`--name:` opens the declaration it is in). */
function inCustomProperty(text) {
  const declaration = text.slice(Math.max(text.lastIndexOf(';'), text.lastIndexOf('{'), text.lastIndexOf('}')) + 1);
  return /^\s*--[\w-]+:/.test(declaration);
}
