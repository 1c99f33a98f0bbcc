import { css } from 'lit';

/** The spotlight layer; the step card uses the shared card styles. */
export const tourStyles = css`
  .spotlight {
    position: fixed;
    inset: 0;
    width: auto;
    height: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: hidden;
    pointer-events: none;
  }
  .spotlight svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .shade {
    fill: var(--wm-overlay);
    pointer-events: auto;
  }
  .blocker {
    fill: transparent;
    pointer-events: all;
  }
  .spotlight.interactive .blocker {
    display: none;
  }
`;
