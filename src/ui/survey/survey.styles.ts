import { css } from 'lit';

/** The corner card, the scale (numbers, stars, faces), the "why?" field and the thank-you. */
export const surveyStyles = css`
  :host {
    --wm-star: #b45309;
  }
  .card.corner {
    inset: auto;
    inset-block-end: 16px;
    inset-inline-end: 16px;
    width: min(24rem, calc(100vw - 32px));
    max-width: none;
    max-height: calc(100vh - 32px);
    overflow: auto;
  }
  .question {
    margin: 0 0 10px;
    margin-inline-end: 28px;
    font-size: 15px;
    font-weight: 600;
  }
  .scale {
    display: flex;
    gap: 2px;
  }
  .option {
    flex: 1 1 0;
    min-width: 24px;
    min-height: 36px;
    padding: 0;
    /* Option edges are what show the choices: 3:1 against the card (WCAG 1.4.11). */
    border: 1px solid var(--wm-muted);
    border-radius: 6px;
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: inherit;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .option:hover {
    border-color: var(--wm-accent);
  }
  /* --wm-link is the accent when it reads on the card, else the text color (see applyTheme): the
     selected fill keeps 3:1 against the card even with a faint config accent in dark mode. */
  .option[aria-checked='true'] {
    border-color: var(--wm-link);
    background: var(--wm-link);
    color: var(--wm-bg);
  }
  .option:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .stars .option,
  .faces .option {
    flex: 0 0 auto;
    width: 44px;
    height: 44px;
    border-color: transparent;
    background: transparent;
    color: var(--wm-muted);
  }
  .stars,
  .faces {
    gap: 6px;
  }
  .stars .option.filled,
  .stars .option[aria-checked='true'] {
    background: transparent;
    color: var(--wm-star);
  }
  .faces .option[aria-checked='true'] {
    background: transparent;
    border-color: var(--wm-accent);
    color: var(--wm-accent);
  }
  .option svg {
    display: block;
    width: 28px;
    height: 28px;
    margin: auto;
    pointer-events: none;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    margin: 6px 0 0;
    color: var(--wm-muted);
    font-size: 12px;
  }
  .ends span:last-child {
    text-align: end;
  }
  .why {
    display: block;
    margin: 12px 0 4px;
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 64px;
    padding: 6px 8px;
    border: 1px solid var(--wm-muted);
    border-radius: 6px;
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: inherit;
    resize: vertical;
  }
  textarea:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 1px;
  }
  .error {
    margin: 8px 0 0;
    color: var(--wm-danger, #b42318);
    font-size: 13px;
  }
  .footer {
    justify-content: flex-end;
  }
  .thanks {
    margin: 0 0 6px;
    margin-inline-end: 28px;
    font-size: 16px;
    font-weight: 600;
  }
  .thanks:focus {
    outline: none;
  }
  .follow-up h3 {
    margin: 8px 0 4px;
    font-size: 15px;
  }
  @media (max-width: 400px) {
    .card.corner {
      inset-inline-end: 8px;
      inset-block-end: 8px;
      width: calc(100vw - 16px);
      padding: 12px;
    }
    .scale:not(.stars):not(.faces) {
      gap: 1px;
    }
  }
  /* Phones: 44px touch targets (the eleven NPS options keep 44px height; their width is what fits). */
  @media (max-width: 480px) {
    .close {
      top: 2px;
      inset-inline-end: 2px;
      width: 44px;
      height: 44px;
    }
    .question,
    .thanks {
      margin-inline-end: 40px;
    }
    button.btn {
      min-height: 44px;
      min-width: 44px;
    }
    .option {
      min-height: 44px;
    }
  }
`;
