/**
 * Theme values a config may set, by kind. Theme tokens reach the page as CSS custom properties, and
 * `CSS.supports('color', 'var(--x, url(https://…))')` says yes to anything with a `var()`, so the
 * browser would fetch whatever the fallback names. Each token therefore accepts only the value kind
 * it needs, written without `url(`, `image-set(`, `@import`, `expression(`, `var(` or backslash escapes.
 * Shared by the validator (path-precise errors) and the UI (which applies nothing else).
 */

export type ThemeValueKind = 'color' | 'font-family';

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, a colour keyword, or a colour function over numbers. */
const COLOR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]{3,30}|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([a-z0-9.,%/+\-\s]{1,80}\))$/i;

/** A comma-separated font stack of quoted names or plain words (no parentheses, so no functions). */
const FAMILY = String.raw`(?:"[^"\\(){};\n]{1,60}"|'[^'\\(){};\n]{1,60}'|[a-z0-9_\- ]{1,60})`;
const FONT_STACK = new RegExp(String.raw`^${FAMILY}(?:,\s*${FAMILY}){0,15}$`, 'i');

/** Words that may load or run something, named in the error so the author knows why. */
const FORBIDDEN = /url\(|image-set\(|@import|expression\(|var\(|\\/i;

export const THEME_VALUE_EXPECTED: Record<ThemeValueKind, string> = {
  color: 'a colour like "#2563eb", "rebeccapurple" or "rgb(37 99 235)"',
  'font-family': `a font stack like "Inter, 'Segoe UI', sans-serif"`,
};

/** Why `value` is not an acceptable theme value of `kind`, or undefined when it is. */
export function themeValueProblem(kind: ThemeValueKind, value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected ${THEME_VALUE_EXPECTED[kind]}, got ${typeof value}`;
  const trimmed = value.trim();
  const forbidden = FORBIDDEN.exec(trimmed);
  if (forbidden) return `expected ${THEME_VALUE_EXPECTED[kind]}, got a value with ${JSON.stringify(forbidden[0])}, which theme values may not contain`;
  const pattern = kind === 'color' ? COLOR : FONT_STACK;
  if (trimmed.length > 300 || !pattern.test(trimmed)) return `expected ${THEME_VALUE_EXPECTED[kind]}, got ${JSON.stringify(trimmed.slice(0, 60))}`;
  return undefined;
}

export function isThemeValue(kind: ThemeValueKind, value: unknown): value is string {
  return themeValueProblem(kind, value) === undefined;
}
