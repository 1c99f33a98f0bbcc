import { css } from 'lit';

/**
 * The spotlight layer (see spotlight.ts), and what the tour card adds to the shared card styles. The layer is placed
 * in the page (absolute, in the top layer): the hole scrolls with the page; the frame is fixed over the viewport.
 */
export const tourStyles = css`
  .spotlight {
    position: absolute;
    inset: auto;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
    pointer-events: none;
  }
  /* The target stays put when the window scrolls (a fixed or sticky header): so does the hole. */
  .spotlight.pinned {
    position: fixed;
  }
  /* Blocks the page's clicks; the whole shade while the target is scrolled away. */
  .frame {
    position: fixed;
    inset: 0;
    overflow: hidden;
    pointer-events: auto;
  }
  .spotlight.covered:not(.ring) .frame {
    background: var(--wm-overlay);
  }
  .spotlight.interactive:not(.covered) .frame,
  .spotlight.ring .frame {
    pointer-events: none;
  }
  /* The shade is the hole's shadow, reaching across the viewport from anywhere in it; a shadow is drawn outside the
     box without adding to the page's length. Kept in forced colours: it is what the step is about. */
  .hole {
    position: absolute;
    left: 0;
    top: 0;
    box-sizing: border-box;
    transform-origin: 0 0;
    will-change: transform;
    pointer-events: none;
    box-shadow: 0 0 0 max(100vw, 100vh) var(--wm-overlay);
    forced-color-adjust: none;
  }
  .spotlight.covered .hole {
    display: none;
  }
  /* An interactive step: a transparent shape with the hole blocks clicks around it, moved with a transform. */
  .shape {
    display: none;
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .spotlight.interactive:not(.covered) .shape {
    display: block;
  }
  .shape svg {
    display: block;
    overflow: visible;
  }
  .shade {
    fill: transparent;
    pointer-events: auto;
  }
  /* A phone sheet has no arrow: without a spotlight, a ring shows what the step is about, and blocks nothing.
     Edged in the accent's contrast colour, so it shows on a page of any colour, the accent's own included. */
  .spotlight.ring .hole {
    box-shadow: none;
    border: 3px solid var(--wm-accent);
    filter: drop-shadow(0 0 1px var(--wm-accent-contrast)) drop-shadow(0 0 1px var(--wm-accent-contrast));
  }
  @media (forced-colors: active) {
    .spotlight.ring .hole {
      border-color: Highlight;
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
