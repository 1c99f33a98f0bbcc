import { css } from 'lit';

/** What the hint adds to the shared card styles: 44px touch targets on phones. */
export const hintStyles = css`
  @media (max-width: 480px) {
    .close {
      top: 2px;
      inset-inline-end: 2px;
      width: 44px;
      height: 44px;
    }
    .title,
    .card[dir='rtl'] .title {
      margin-inline: 0 40px;
    }
    button.btn {
      min-height: 44px;
      min-width: 44px;
    }
  }
`;
