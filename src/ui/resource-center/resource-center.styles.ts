import { css } from 'lit';

/** `<wm-resource-center>`'s own rules (the shared theme tokens and base styles come first in the element's list). */
export const resourceCenterStyles = css`
  :host {
    --wm-resource-center-width: 24rem;
  }
  .launcher.bottom-end,
  .launcher.bottom-start {
    bottom: 20px;
  }
  .launcher.top-end,
  .launcher.top-start {
    top: 20px;
  }
  .launcher.bottom-end,
  .launcher.top-end {
    inset-inline-end: 20px;
  }
  .launcher.bottom-start,
  .launcher.top-start {
    inset-inline-start: 20px;
  }
  .badge {
    display: inline-grid;
    place-items: center;
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    box-sizing: border-box;
    border-radius: 11px;
    background: var(--wm-accent-contrast);
    color: var(--wm-accent);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .launcher:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .panel {
    width: min(var(--wm-resource-center-width), calc(100vw - 24px));
    max-height: min(42rem, calc(100vh - 96px));
  }
  /* The panel opens above (or below) the launcher, in the launcher's corner. */
  .panel.bottom-end,
  .panel.bottom-start {
    bottom: 80px;
  }
  .panel.top-end,
  .panel.top-start {
    top: 80px;
  }
  .panel.bottom-end,
  .panel.top-end {
    inset-inline-end: 20px;
  }
  .panel.bottom-start,
  .panel.top-start {
    inset-inline-start: 20px;
  }
  header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px;
    padding-inline-start: 16px;
    border-bottom: 1px solid var(--wm-border);
    background: var(--wm-bg);
  }
  header .title {
    margin: 0;
    font-size: 17px;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  header .close {
    position: static;
    margin-inline-start: auto;
    width: 44px;
    height: 44px;
    font-size: 24px;
  }
  .content {
    padding: 4px 16px 16px;
  }
  .section {
    padding: 12px 0;
    border-bottom: 1px solid var(--wm-border);
  }
  .section:last-child {
    border-bottom: 0;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 13px;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--wm-muted);
  }
  h3:lang(ar) {
    letter-spacing: 0;
  }
  label {
    display: block;
    margin: 0 0 4px;
    font-weight: 600;
  }
  .search-row {
    display: flex;
    gap: 8px;
  }
  input {
    box-sizing: border-box;
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--wm-muted);
    border-radius: calc(var(--wm-radius) - 4px);
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: inherit;
  }
  /* Touch targets: every control is at least 44 px tall. */
  button.btn {
    min-height: 44px;
    padding: 4px 14px;
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 10px;
  }
  .actions:empty {
    display: none;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 6px 0;
  }
  .row + .row {
    border-top: 1px solid var(--wm-border);
  }
  .row-text {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
  }
  .row-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .row-meta,
  .empty {
    color: var(--wm-muted);
    font-size: 13px;
  }
  .empty {
    margin: 0;
  }
  @media (max-width: 480px) {
    /* A bottom sheet on phones: full width, above the launcher, never clipped. */
    .panel.bottom-end,
    .panel.bottom-start,
    .panel.top-end,
    .panel.top-start {
      inset: auto 0 0 0;
      width: 100%;
      max-height: 85vh;
      border-radius: var(--wm-radius) var(--wm-radius) 0 0;
      border-bottom: 0;
    }
    .launcher.bottom-end,
    .launcher.bottom-start {
      bottom: 16px;
    }
    .launcher.bottom-end,
    .launcher.top-end {
      inset-inline-end: 16px;
    }
    .launcher.bottom-start,
    .launcher.top-start {
      inset-inline-start: 16px;
    }
  }
`;
