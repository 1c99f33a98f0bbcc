// A rollup plugin: the `css` template literals of Waymark's sources (Lit styles), minified in place (css-minify.mjs).
// Lit hands their text to the browser as written; without this, every comment and indent of every stylesheet ships.
import MagicString from 'magic-string';
import { minifyCss } from './css-minify.mjs';

export function cssLiterals() {
  return {
    name: 'css-literals',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id.replace(/\\/g, '/')) || !code.includes('css`')) return null;
      const output = new MagicString(code);
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
          const parts = node.quasi.quasis;
          parts.forEach((part, index) => {
            if (part.start === part.end) return;
            const raw = code.slice(part.start, part.end);
            const minified = minifyCss(raw, { first: index === 0, last: index === parts.length - 1 });
            if (minified === raw) return;
            if (minified === '') output.remove(part.start, part.end);
            else output.overwrite(part.start, part.end, minified);
          });
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
