import { css } from 'lit';

/**
 * The spotlight layer, and what the tour card adds to the shared card styles. The spotlight's transform is on
 * an HTML box around its SVG: a changed inline style is then applied alone, where an SVG element is restyled in full.
 */
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
  /* Sized to the hole plus a viewport of shade around it, and moved with a transform: scrolling
     moves it on the compositor, no path is rewritten. */
  .spotlight .shape {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .spotlight svg {
    display: block;
    overflow: visible;
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
  /* A phone sheet has no arrow: without a spotlight, a ring shows what the step is about, and blocks nothing. */
  .spotlight.ring .shade {
    display: none;
  }
  /* Edged in the accent's contrast colour, so it shows on a page of any colour, the accent's own included. */
  .spotlight.ring .blocker {
    fill: none;
    stroke: var(--wm-accent);
    stroke-width: 3px;
    pointer-events: none;
    filter: drop-shadow(0 0 1px var(--wm-accent-contrast)) drop-shadow(0 0 1px var(--wm-accent-contrast));
  }
  @media (forced-colors: active) {
    .spotlight.ring .blocker {
      stroke: Highlight;
      filter: none;
    }
  }
  /* The card takes focus to be announced and then reacts to Enter and arrows: show that it has it. */
  .card:focus-visible,
  .card:focus {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  /* At high zoom a centred step is taller than the viewport: it scrolls inside, buttons stay reachable. */
  .card.centered {
    max-height: calc(100dvh - 16px);
    overflow: auto;
  }
`;
