import { css } from 'lit';

/** The banner along an edge and the centred modal; both build on the shared card styles. */
export const announcementStyles = css`
  :host {
    --wm-modal-width: 30rem;
  }
  .banner {
    /* The offsets are set through the CSSOM (strict CSP forbids style attributes). */
    inset: var(--wm-edge-top, 0px) var(--wm-edge-right, 0px) auto var(--wm-edge-left, 0px);
    width: auto;
    max-width: none;
    padding: 10px 48px 10px 16px;
    border-width: 0 0 1px;
    border-radius: 0;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
  }
  .banner.bottom {
    inset: auto var(--wm-edge-right, 0px) var(--wm-edge-bottom, 0px) var(--wm-edge-left, 0px);
    border-width: 1px 0 0;
    box-shadow: 0 -2px 8px rgb(0 0 0 / 0.12);
  }
  .banner[dir='rtl'] {
    padding: 10px 16px 10px 48px;
  }
  .banner .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 16px;
    max-width: 72rem;
    margin: 0 auto;
  }
  .banner .text {
    flex: 1 1 18rem;
    min-width: 0;
  }
  .banner .title {
    display: inline;
    margin: 0;
    font-size: 15px;
  }
  .banner .title + .body {
    display: inline;
  }
  .banner .title + .body::before {
    content: ' ';
  }
  .banner .body p {
    display: inline;
    margin: 0;
  }
  .banner .footer {
    margin: 0;
  }
  .banner .image {
    max-height: 40px;
    width: auto;
    margin: 0;
  }
  .banner .close {
    top: 50%;
    transform: translateY(-50%);
  }
  .modal {
    max-width: min(var(--wm-modal-width), calc(100vw - 32px));
    width: 100%;
    max-height: calc(100vh - 32px);
    overflow: auto;
    padding: 20px;
  }
  .modal .title {
    font-size: 18px;
  }
  .modal .footer {
    justify-content: flex-end;
  }
  /* Phones: a compact strip (the close button keeps its 44 px from the shared styles). */
  @media (max-width: 480px) {
    .banner {
      padding: 4px 44px 4px 12px;
      font-size: 13px;
      line-height: 1.35;
    }
    .banner[dir='rtl'] {
      padding: 4px 12px 4px 44px;
    }
    .banner .title {
      font-size: 14px;
    }
    .banner .row {
      flex-wrap: nowrap;
      gap: 2px 8px;
    }
    /* Compact: two lines of text beside its buttons; the whole text stays for screen readers, and
       its button (Read more) carries the rest. */
    .banner .text {
      flex: 1 1 auto;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
    }
    .banner .footer {
      flex: none;
    }
    .banner .image {
      display: none;
    }
  }
`;
