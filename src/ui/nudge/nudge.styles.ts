import { css } from 'lit';

/** The card in the corner when it has no target, and its article list. */
export const nudgeStyles = css`
  .card.corner {
    top: auto;
    left: auto;
    bottom: 20px;
    inset-inline-end: 20px;
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
