/** Styles shared by every Waymark layer: the card, buttons, focus ring, reduced motion. */
import { css } from 'lit';

/** Text for screen readers only. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

// A card declares no transition (not even none): an element with one is restyled in full on every frame
// that moves it while its target scrolls; without, only its changed inline transform is applied.
export const baseStyles = css`
  :host {
    display: contents;
  }
  ${visuallyHiddenStyles}
  .card {
    box-sizing: border-box;
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    margin: 0;
    width: max-content;
    max-width: min(var(--wm-max-width), calc(100vw - 16px));
    padding: 16px;
    border: 1px solid var(--wm-border);
    border-radius: var(--wm-radius);
    background: var(--wm-bg);
    color: var(--wm-fg);
    box-shadow: var(--wm-shadow);
    font: 14px/1.5 var(--wm-font);
    overflow: visible;
  }
  /* A dialog shown as a popover has no [open] attribute: the UA would keep it display:none. */
  .card:popover-open,
  .card:modal {
    display: block;
  }
  /* The card is focused programmatically (to be announced) and then answers keys (Enter, arrows,
     Escape): a keyboard user must see where focus is. A pointer user gets no ring. */
  .card:focus {
    outline: none;
  }
  .card:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .card.centered {
    inset: 0;
    margin: auto;
    height: fit-content;
  }
  .card.sheet {
    inset: auto 0 0 0;
    width: 100%;
    max-width: none;
    margin: 0;
    border-radius: var(--wm-radius) var(--wm-radius) 0 0;
    max-height: 60vh;
    overflow: auto;
  }
  .card.unplaced {
    visibility: hidden;
  }
  /* Only a modal step dims the page with its backdrop; popovers leave the page as it is. */
  .card::backdrop {
    background: transparent;
  }
  .card:modal::backdrop {
    background: var(--wm-overlay);
  }
  .card.spotlit:modal::backdrop {
    background: transparent;
  }
  .arrow {
    position: absolute;
    width: 10px;
    height: 10px;
    background: var(--wm-bg);
    border: 0 solid var(--wm-border);
    transform: rotate(45deg);
    pointer-events: none;
  }
  /* Only the two outward edges get a border, so no line shows inside the card. */
  .arrow[data-side='bottom'] {
    border-width: 1px 0 0 1px;
  }
  .arrow[data-side='top'] {
    border-width: 0 1px 1px 0;
  }
  .arrow[data-side='right'] {
    border-width: 0 0 1px 1px;
  }
  .arrow[data-side='left'] {
    border-width: 1px 1px 0 0;
  }
  .card.detached {
    visibility: hidden;
  }
  .card.centered .arrow,
  .card.sheet .arrow {
    display: none;
  }
  .title {
    margin: 0 28px 6px 0;
    font-size: 16px;
    font-weight: 600;
    line-height: 1.35;
  }
  :host([dir='rtl']) .title,
  .card[dir='rtl'] .title {
    margin: 0 0 6px 28px;
  }
  .body p {
    margin: 0 0 8px;
  }
  .body ul {
    margin: 0 0 8px;
    padding-inline-start: 20px;
  }
  .body code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.92em;
  }
  a {
    color: var(--wm-link);
  }
  .image {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 0 10px;
    border-radius: calc(var(--wm-radius) - 4px);
  }
  .close {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    width: 28px;
    height: 28px;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--wm-muted);
    font-size: 20px;
    line-height: 1;
    cursor: pointer;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 12px;
  }
  .progress {
    color: var(--wm-muted);
    font-size: 13px;
    margin-inline-end: auto;
  }
  button.btn {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--wm-border);
    border-radius: calc(var(--wm-radius) - 4px);
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: inherit;
    cursor: pointer;
  }
  button.btn.primary {
    border-color: var(--wm-accent);
    background: var(--wm-accent);
    color: var(--wm-accent-contrast);
  }
  button.btn.link {
    border-color: transparent;
    background: transparent;
    color: var(--wm-link);
    text-decoration: underline;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .articles {
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
  }
  /* Phones and touch screens: every control is at least 44 × 44 px. */
  @media (max-width: 480px), (pointer: coarse) {
    .close {
      top: 2px;
      inset-inline-end: 2px;
      width: 44px;
      height: 44px;
    }
    /* Room for the 44px close button at the inline end, in either direction. */
    .title,
    :host([dir='rtl']) .title,
    .card[dir='rtl'] .title {
      margin-inline: 0 40px;
    }
    button.btn {
      min-height: 44px;
      min-width: 44px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  /* animation: false */
  :host([data-waymark-motion='off']),
  :host([data-waymark-motion='off']) *,
  :host([data-waymark-motion='off']) *::before,
  :host([data-waymark-motion='off']) *::after {
    animation: none !important;
    transition: none !important;
  }
`;
