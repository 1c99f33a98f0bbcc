/**
 * JSON with `//` and `/* *\/` comments, read the one way both the browser and `waymark validate` read it:
 * comments blanked, then the platform's own `JSON.parse`. One function, so a file the CLI accepts is a file
 * the app loads, and the same goes for refusals.
 */

/**
 * `text` with every comment replaced by spaces (line breaks kept), so `JSON.parse` positions still point into
 * the original file. Text inside strings is left alone (`"https://x"` keeps its `//`). An unterminated block
 * comment is left as it is, for `JSON.parse` to refuse.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      // Skip the string, escapes included; an unterminated one runs to the end (JSON.parse refuses it).
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      const end = line ? lineEnd(text, i + 2) : text.indexOf('*/', i + 2);
      if (end === -1) break;
      const stop = line ? end : end + 2;
      out += text.slice(copiedUpTo, i) + text.slice(i, stop).replace(/[^\r\n]/g, ' ');
      copiedUpTo = i = stop;
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** Parse a config file's text: comments allowed, a leading byte-order mark ignored, everything else strict JSON. Throws `SyntaxError` like `JSON.parse`. */
export function parseJsonWithComments(text: string): unknown {
  return JSON.parse(stripJsonComments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
}
