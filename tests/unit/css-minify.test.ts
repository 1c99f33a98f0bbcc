import { describe, expect, it } from 'vitest';
import { parseAst } from 'rollup/parseAst';
import { minifyCss } from '../../scripts/css-minify.mjs';
import { cssLiterals } from '../../scripts/css-literals.mjs';

describe('minifyCss', () => {
  it('drops comments, indents and the last semicolon of a block', () => {
    expect(minifyCss('\n  /* why */\n  .card {\n    color: red;\n    margin: 0 auto;\n  }\n')).toBe('.card{color:red;margin:0 auto}');
  });

  it('keeps every space the grammar needs', () => {
    expect(minifyCss('.a :hover { x: 1 }'), 'a descendant pseudo-class').toBe('.a :hover{x:1}');
    expect(minifyCss('@media screen and (min-width: 480px) { .b { y: 2 } }'), '`and (` is not the function `and(`').toBe(
      '@media screen and (min-width:480px){.b{y:2}}',
    );
    expect(minifyCss('.c { width: calc(100% - 2 * var(--gap)) ; }'), 'calc() operators').toBe('.c{width:calc(100% - 2 * var(--gap))}');
    expect(minifyCss('.d { border: 1px solid red !important; }')).toBe('.d{border:1px solid red !important}');
    expect(minifyCss('.e > .f , .g ~ .h + .i { }')).toBe('.e>.f,.g ~ .h + .i{}');
  });

  it("keeps a custom property's value as written, trimmed", () => {
    expect(minifyCss(':host {\n  --font: system-ui, sans-serif ;\n  --shadow:  0 1px 2px red, 0 0 1px blue;\n  color: rgb(0, 0, 0);\n}')).toBe(
      ':host{--font:system-ui, sans-serif;--shadow:0 1px 2px red, 0 0 1px blue;color:rgb(0,0,0)}',
    );
  });

  it('leaves quoted strings as they are', () => {
    expect(minifyCss(".x::before { content: ' ;  }  /* no */ '; }")).toBe(".x::before{content:' ;  }  /* no */ '}");
    expect(minifyCss('.y { font-family: "A  B", sans-serif; }')).toBe('.y{font-family:"A  B",sans-serif}');
  });

  it('keeps one space where a part meets an interpolation', () => {
    expect(minifyCss('\n  .dot {\n    width: ', { last: false })).toBe('.dot{width:');
    expect(minifyCss('px;\n    border: 1px solid ', { first: false, last: false })).toBe('px;border:1px solid ');
    expect(minifyCss('\n  .after { x: 1 }\n', { first: false })).toBe(' .after{x:1}');
  });
});

describe('cssLiterals (rollup plugin)', () => {
  const transform = (code: string, id = '/repo/src/ui/x.styles.ts') =>
    (cssLiterals().transform as (this: unknown, code: string, id: string) => { code: string } | null).call({ parse: parseAst }, code, id);

  it('minifies each static part of a `css` template in place, and nothing else', () => {
    const code = [
      "import { css, html } from 'lit';",
      'const size = 12;',
      'export const styles = css`\n  .dot {\n    width: ${size}px;\n    height: ${size}px; /* round */\n  }\n`;',
      'export const page = html`<p>  keep   this  </p>`;',
      "export const text = '  .not { css: 1; }  ';",
    ].join('\n');
    const out = transform(code)!.code;
    expect(out).toContain('css`.dot{width:${size}px;height:${size}px}`');
    expect(out).toContain('html`<p>  keep   this  </p>`');
    expect(out).toContain("'  .not { css: 1; }  '");
  });

  it('leaves files outside src/ and files without css literals alone', () => {
    expect(transform('const a = css`  .x { y: 1 }  `;', '/repo/node_modules/lit/x.js')).toBe(null);
    expect(transform('const a = 1;')).toBe(null);
  });
});
