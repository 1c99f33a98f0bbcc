import { css } from 'lit';

/** The card in the corner when it has no target, and its article list. */
export const nudgeStyles = css`
  /* Fixed in the bottom end corner, never taller or wider than the viewport: at 200 % zoom and at
     320 px every button is on screen, and a long card scrolls inside. */
  .card.corner {
    top: auto;
    left: auto;
    bottom: 20px;
    inset-inline-end: 20px;
    max-height: calc(100dvh - 40px);
    max-width: min(var(--wm-max-width), calc(100vw - 40px));
    overflow: auto;
  }
  @media (max-width: 480px), (max-height: 480px) {
    .card.corner {
      bottom: 8px;
      inset-inline-end: 8px;
      max-height: calc(100dvh - 16px);
      max-width: calc(100vw - 16px);
    }
  }
  .card.corner .arrow {
    display: none;
  }
  /* Article buttons line up with the title, like links in a list. */
  .articles .btn.link {
    padding-inline: 0;
    text-align: start;
  }
`;
