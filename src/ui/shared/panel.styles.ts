import { css } from 'lit';

/**
 * The corner launcher and its panel, as the help center and the resource center both draw them:
 * one look for both. Each component adds its own corner, width and height.
 */
export const launcherPanelStyles = css`
  .launcher {
    position: fixed;
    z-index: var(--wm-z-index, 2147483000);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 48px;
    padding: 0 18px;
    border: 0;
    border-radius: 24px;
    background: var(--wm-accent);
    color: var(--wm-accent-contrast);
    box-shadow: var(--wm-shadow);
    font: 600 15px/1 var(--wm-font);
    cursor: pointer;
  }
  .launcher .mark {
    display: inline-grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border: 2px solid currentColor;
    border-radius: 50%;
    font-size: 13px;
  }
  .panel {
    box-sizing: border-box;
    position: fixed;
    inset: auto;
    margin: 0;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0;
    border: 1px solid var(--wm-border);
    border-radius: var(--wm-radius);
    background: var(--wm-bg);
    color: var(--wm-fg);
    box-shadow: var(--wm-shadow);
    font: 14px/1.5 var(--wm-font);
    /* A long URL or word wraps instead of scrolling the panel sideways (1.4.10 reflow). */
    overflow-wrap: anywhere;
  }
  .panel:popover-open {
    display: flex;
    flex-direction: column;
  }
`;
