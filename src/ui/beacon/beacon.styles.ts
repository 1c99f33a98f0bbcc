import { css } from 'lit';

/** The dot's size in CSS pixels: its box, and the offset that centres it on the target's corner. */
export const DOT_SIZE = 24;

/** The pulsing dot; the hint card uses the shared card styles. */
export const beaconStyles = css`
  .beacon {
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    width: ${DOT_SIZE}px;
    height: ${DOT_SIZE}px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    overflow: visible;
    cursor: pointer;
  }
  .beacon.hidden {
    visibility: hidden;
  }
  .dot,
  .pulse {
    position: absolute;
    inset: calc(50% - 6px);
    border-radius: 50%;
    background: var(--wm-beacon-color);
    box-shadow: 0 0 0 2px var(--wm-bg);
  }
  .pulse {
    box-shadow: none;
    animation: wm-pulse 1.6s ease-out infinite;
  }
  @keyframes wm-pulse {
    from {
      transform: scale(1);
      opacity: 0.7;
    }
    to {
      transform: scale(2.6);
      opacity: 0;
    }
  }
  .beacon:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  /* The card takes focus when it opens: show that it has it. */
  .card:focus,
  .card:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  /* Phones: the dot is a 44px touch target too (it looks the same); the card's controls follow the shared styles. */
  @media (max-width: 480px) {
    .beacon {
      width: 44px;
      height: 44px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      display: none;
    }
  }
`;
