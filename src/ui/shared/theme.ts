/**
 * Theme tokens: every component reads `--wm-*` custom properties set on its host, with
 * defaults for light and dark. Config tokens are applied through the CSSOM (never a style
 * string), and only after the browser confirms the value is valid for that property.
 */
import { css } from 'lit';
import type { ThemeTokens } from '../../config/types.js';

/** The custom properties a host may set (documented on each component as @cssproperty). */
export const themeTokens = css`
  :host {
    --wm-accent: #2563eb;
    --wm-accent-contrast: #ffffff;
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
  if (tokens?.accent && supports('color', tokens.accent)) setProperty('--wm-accent', tokens.accent);
  if (typeof tokens?.radius === 'number' && Number.isFinite(tokens.radius) && tokens.radius >= 0) {
    setProperty('--wm-radius', `${tokens.radius}px`);
  }
  if (tokens?.fontFamily && supports('font-family', tokens.fontFamily)) setProperty('--wm-font', tokens.fontFamily);
  if (typeof tokens?.zIndex === 'number' && Number.isInteger(tokens.zIndex)) setProperty('--wm-z-index', String(tokens.zIndex));
  return () => {
    for (const name of set) host.style.removeProperty(name);
    if (mode === 'light' || mode === 'dark') delete host.dataset.mode;
  };
}
