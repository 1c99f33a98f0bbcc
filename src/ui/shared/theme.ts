/**
 * Theme tokens: every component reads `--wm-*` custom properties set on its host, with
 * defaults for light and dark. Config tokens are applied through the CSSOM (never a style
 * string), and only when the value is of the kind its token needs (a colour, a font stack: never
 * `url()`, `var()` or escapes, which `CSS.supports` lets through) and the browser confirms it.
 */
import { css } from 'lit';
import type { ThemeTokens } from '../../config/types.js';
import { isThemeValue } from '../../config/theme-values.js';

/** The custom properties a host may set (documented on each component as @cssproperty). */
export const themeTokens = css`
  :host {
    --wm-accent: #2563eb;
    --wm-accent-contrast: #ffffff;
    --wm-link: var(--wm-accent);
    --wm-bg: #ffffff;
    --wm-fg: #1f2328;
    --wm-muted: #57606a;
    --wm-border: #d0d7de;
    --wm-radius: 10px;
    --wm-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --wm-shadow: 0 8px 30px rgb(0 0 0 / 0.18), 0 2px 6px rgb(0 0 0 / 0.12);
    --wm-overlay: rgb(15 23 42 / 0.55);
    --wm-focus-ring: #1d4ed8;
    --wm-max-width: 22rem;
    --wm-beacon-color: #e5484d;
    /* Error text and error borders: 4.5:1 on --wm-bg in light and dark. */
    --wm-danger: #b42318;
  }
  :host([data-mode='dark']) {
    --wm-accent: #4493f8;
    --wm-accent-contrast: #0d1117;
    --wm-bg: #1c2128;
    --wm-fg: #e6edf3;
    --wm-muted: #9da7b3;
    --wm-border: #444c56;
    --wm-shadow: 0 8px 30px rgb(0 0 0 / 0.5);
    --wm-overlay: rgb(0 0 0 / 0.65);
    --wm-focus-ring: #79b8ff;
    --wm-danger: #ff8a80;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([data-mode='light'])) {
      --wm-accent: #4493f8;
      --wm-accent-contrast: #0d1117;
      --wm-bg: #1c2128;
      --wm-fg: #e6edf3;
      --wm-muted: #9da7b3;
      --wm-border: #444c56;
      --wm-shadow: 0 8px 30px rgb(0 0 0 / 0.5);
      --wm-overlay: rgb(0 0 0 / 0.65);
      --wm-focus-ring: #79b8ff;
      --wm-danger: #ff8a80;
    }
  }
`;

/** Apply config theme tokens to a host element. Returns a disposer that removes what it set. */
export function applyTheme(host: HTMLElement, tokens: ThemeTokens | undefined): () => void {
  const set: string[] = [];
  const setProperty = (name: string, value: string) => {
    host.style.setProperty(name, value);
    set.push(name);
  };
  const supports = (property: string, value: string): boolean => {
    const view = host.ownerDocument.defaultView;
    return view ? view.CSS.supports(property, value) : false;
  };
  const mode = tokens?.mode;
  if (mode === 'light' || mode === 'dark') host.dataset.mode = mode;
  // The config validator refuses other values; this guards configs that skipped it.
  if (isThemeValue('color', tokens?.accent) && supports('color', tokens.accent)) {
    setProperty('--wm-accent', tokens.accent);
    // A config accent must stay readable (WCAG AA): pick the button text color for it, and
    // fall back to the text color for links when the accent is too faint on the background.
    const accent = parseColor(host.ownerDocument, tokens!.accent!);
    if (accent) {
      const dark = mode === 'dark' || (mode !== 'light' && Boolean(host.ownerDocument.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches));
      const background = dark ? DARK_BG : LIGHT_BG;
      setProperty('--wm-accent-contrast', contrast(accent, WHITE) >= contrast(accent, BLACK) ? '#ffffff' : '#0d1117');
      if (contrast(accent, background) < 4.5) setProperty('--wm-link', 'var(--wm-fg)');
    }
  }
  if (typeof tokens?.radius === 'number' && Number.isFinite(tokens.radius) && tokens.radius >= 0) {
    setProperty('--wm-radius', `${tokens.radius}px`);
  }
  if (isThemeValue('font-family', tokens?.fontFamily) && supports('font-family', tokens.fontFamily)) setProperty('--wm-font', tokens.fontFamily);
  if (typeof tokens?.zIndex === 'number' && Number.isInteger(tokens.zIndex)) setProperty('--wm-z-index', String(tokens.zIndex));
  return () => {
    for (const name of set) host.style.removeProperty(name);
    if (mode === 'light' || mode === 'dark') delete host.dataset.mode;
  };
}

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [13, 17, 23];
const LIGHT_BG: Rgb = [255, 255, 255];
const DARK_BG: Rgb = [28, 33, 40];

/** Any CSS color → sRGB, via a 2D canvas (CSP-safe; no style strings). Null if unavailable. */
function parseColor(doc: Document, value: string): Rgb | null {
  const context = doc.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.fillStyle = '#000';
  context.fillStyle = value;
  const normalized = String(context.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normalized);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normalized);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colors. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
