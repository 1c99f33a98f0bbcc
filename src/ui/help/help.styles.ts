import { css } from 'lit';

/** `<wm-help>`'s own rules (the shared theme tokens and base styles come first in the element's list). */
export const helpStyles = css`
  /* Error colours come from the shared --wm-danger token (theme.ts), as in every Waymark form. */
  :host {
    --wm-help-width: 24rem;
  }
  .launcher {
    bottom: 20px;
    inset-inline-end: 20px;
  }
  .panel {
    bottom: 80px;
    inset-inline-end: 20px;
    width: min(var(--wm-help-width), calc(100vw - 24px));
    max-height: min(40rem, calc(100vh - 96px));
  }
  .panel.no-launcher {
    bottom: 20px;
  }
  header {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    padding: 12px 16px;
    border-bottom: 1px solid var(--wm-border);
    background: var(--wm-bg);
  }
  header .title {
    margin: 0;
  }
  header .close {
    position: static;
    margin-inline-start: auto;
  }
  .content {
    padding: 12px 16px 16px;
  }
  h3 {
    margin: 16px 0 6px;
    font-size: 14px;
    font-weight: 600;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  label {
    display: block;
    margin: 0 0 4px;
    font-weight: 600;
  }
  input,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 8px 10px;
    border: 1px solid var(--wm-muted);
    border-radius: calc(var(--wm-radius) - 4px);
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: inherit;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible,
  .launcher:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--wm-danger);
  }
  .error,
  .errors {
    margin: 4px 0 0;
    color: var(--wm-danger);
  }
  .errors {
    margin-bottom: 8px;
  }
  .errors:empty {
    display: none;
  }
  .field {
    margin: 0 0 12px;
  }
  .articles li {
    padding: 6px 0;
    border-bottom: 1px solid var(--wm-border);
  }
  .articles li:last-child {
    border-bottom: 0;
  }
  .article {
    display: block;
    padding: 0;
    border: 0;
    background: none;
    color: var(--wm-link);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .summary {
    margin: 2px 0 0;
    color: var(--wm-muted);
  }
  .empty,
  .muted {
    color: var(--wm-muted);
  }
  .checklist {
    margin: 12px 0 0;
  }
  .checklist p {
    margin: 0 0 4px;
  }
  progress {
    width: 100%;
    height: 8px;
    accent-color: var(--wm-accent);
  }
  .contact {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--wm-border);
  }
  .reader .body {
    margin: 8px 0 12px;
  }
  button.btn.back {
    padding-inline: 0;
  }
  .sent {
    font-size: 16px;
  }
  /* Phones: a bottom sheet, centred, the whole width, its form never clipped (it scrolls inside). */
  @media (max-width: 480px) {
    .panel,
    .panel.no-launcher {
      inset: auto 0 0 0;
      width: 100%;
      max-width: none;
      max-height: calc(100dvh - var(--wm-safe-top, 0px) - 8px);
      border-width: 1px 0 0;
      border-radius: var(--wm-radius) var(--wm-radius) 0 0;
    }
    .content {
      padding-bottom: calc(16px + env(safe-area-inset-bottom, 0px));
    }
  }
`;
