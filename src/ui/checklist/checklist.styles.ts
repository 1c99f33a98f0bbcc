/** Styles of <wm-checklist>: the floating launcher and panel, the inline card, items, celebration. */
import { css } from 'lit';

export const checklistStyles = css`
  :host {
    --wm-success: #1a7f37;
  }
  :host([data-mode='dark']) {
    --wm-success: #3fb950;
  }
  :host([data-inline]) {
    display: block;
  }
  /* ---- launcher (floating pill, or the collapsed inline card) ---- */
  .launcher-layer {
    position: fixed;
    inset: auto;
    bottom: var(--wm-checklist-bottom, 16px);
    inset-inline-end: 16px;
    inset-inline-start: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
  }
  .launcher-layer.bottom-start {
    inset-inline-start: 16px;
    inset-inline-end: auto;
  }
  .launcher {
    display: inline-flex;
    align-items: center;
    gap: 10px;
    min-height: 44px;
    padding: 6px 16px 6px 6px;
    padding-inline: 6px 16px;
    border: 1px solid var(--wm-border);
    border-radius: 999px;
    background: var(--wm-bg);
    color: var(--wm-fg);
    box-shadow: var(--wm-shadow);
    font: 600 14px/1.3 var(--wm-font);
    cursor: pointer;
  }
  .inline .launcher {
    box-shadow: none;
    border-radius: var(--wm-radius);
    width: 100%;
  }
  .launcher .count {
    color: var(--wm-muted);
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .ring {
    flex: none;
    width: 32px;
    height: 32px;
    transform: rotate(-90deg);
  }
  /* The ring fills in the reading direction. */
  [dir='rtl'] .ring {
    transform: scaleX(-1) rotate(-90deg);
  }
  .ring-track {
    fill: none;
    stroke: var(--wm-border);
    stroke-width: 4;
  }
  .ring-value {
    fill: none;
    stroke: var(--wm-accent);
    stroke-width: 4;
    stroke-linecap: round;
    transition: stroke-dashoffset 300ms ease-out;
  }
  .ring.complete .ring-value {
    stroke: var(--wm-success);
  }
  /* ---- panel ---- */
  .panel {
    width: min(var(--wm-max-width), calc(100vw - 32px));
    max-width: none;
    padding: 16px;
  }
  .panel.floating {
    top: auto;
    left: auto;
    bottom: calc(var(--wm-checklist-bottom, 16px) + 56px);
    inset-inline-end: 16px;
    inset-inline-start: auto;
    /* Never over the host's fixed header: the coordinator measures it into --wm-safe-top. */
    max-height: calc(100vh - var(--wm-checklist-bottom, 16px) - 56px - var(--wm-safe-top, 0px) - 12px);
    overflow: auto;
  }
  .panel.floating.bottom-start {
    inset-inline-start: 16px;
    inset-inline-end: auto;
  }
  .inline .panel {
    box-sizing: border-box;
    width: 100%;
    border: 1px solid var(--wm-border);
    border-radius: var(--wm-radius);
    background: var(--wm-bg);
    color: var(--wm-fg);
    font: 14px/1.5 var(--wm-font);
  }
  .inline .launcher,
  .inline {
    font-family: var(--wm-font);
  }
  .panel:focus {
    outline: none;
  }
  /* Focus moves to the panel when it opens and it answers Escape: keyboard users see it. */
  .panel:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 4px;
    margin: -4px 0 4px;
  }
  .head .title {
    flex: 1;
    margin: 0;
  }
  .icon-button {
    flex: none;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--wm-muted);
    font: 20px/1 var(--wm-font);
    cursor: pointer;
  }
  .icon-button:hover {
    background: color-mix(in srgb, var(--wm-fg) 8%, transparent);
  }
  .bar-row {
    display: flex;
    align-items: center;
    gap: 10px;
    margin: 8px 0 4px;
    color: var(--wm-muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    flex: 1;
    height: 6px;
    border-radius: 3px;
    background: var(--wm-border);
    overflow: hidden;
  }
  .bar svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  /* The bar fills in the reading direction. */
  [dir='rtl'] .bar svg {
    transform: scaleX(-1);
  }
  .bar-fill {
    fill: var(--wm-accent);
  }
  .bar-fill.complete {
    fill: var(--wm-success);
  }
  /* ---- items ---- */
  .items {
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    gap: 10px;
    padding: 10px 0;
    border-top: 1px solid var(--wm-border);
  }
  .mark {
    flex: none;
    display: grid;
    place-items: center;
    width: 22px;
    height: 22px;
    margin-top: 1px;
  }
  .mark input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--wm-success);
    cursor: pointer;
  }
  .mark input[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .mark input:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: 2px;
  }
  .state {
    box-sizing: border-box;
    display: grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border: 2px solid var(--wm-muted);
    border-radius: 50%;
    color: var(--wm-accent-contrast);
    font-size: 12px;
    line-height: 1;
  }
  .state[aria-checked='true'] {
    border-color: var(--wm-success);
    background: var(--wm-success);
  }
  .state[aria-disabled='true'] {
    border-style: dashed;
  }
  .text {
    flex: 1;
    min-width: 0;
  }
  .item-title {
    display: block;
    font-weight: 600;
  }
  .item.done .item-title {
    color: var(--wm-muted);
    text-decoration: line-through;
  }
  .item .body {
    margin-top: 2px;
    color: var(--wm-fg);
  }
  .item .body p {
    margin: 0 0 4px;
  }
  .reason {
    display: block;
    color: var(--wm-muted);
    font-size: 13px;
  }
  .item .btn {
    margin-top: 6px;
  }
  /* ---- celebration ---- */
  .celebration {
    position: relative;
    margin-top: 12px;
    padding: 12px;
    border-radius: calc(var(--wm-radius) - 2px);
    background: color-mix(in srgb, var(--wm-success) 12%, var(--wm-bg));
    text-align: center;
    overflow: hidden;
  }
  .celebration h3 {
    margin: 4px 0;
    font-size: 16px;
  }
  .celebration p {
    margin: 0 0 10px;
  }
  .check {
    width: 40px;
    height: 40px;
  }
  .check circle {
    fill: var(--wm-success);
  }
  .check path {
    fill: none;
    stroke: #fff;
    stroke-width: 4;
    stroke-linecap: round;
    stroke-linejoin: round;
    stroke-dasharray: 30;
    stroke-dashoffset: 0;
  }
  .celebrating .check path {
    animation: wm-draw 500ms ease-out both;
  }
  .confetti {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .confetti i {
    position: absolute;
    top: -10px;
    width: 6px;
    height: 10px;
    border-radius: 1px;
    background: var(--wm-accent);
    opacity: 0;
    animation: wm-fall 1400ms ease-in 1 both;
  }
  .confetti i:nth-child(3n) {
    background: var(--wm-success);
  }
  .confetti i:nth-child(3n + 1) {
    background: #f59e0b;
  }
  .confetti i:nth-child(1) { left: 6%; animation-delay: 0ms; }
  .confetti i:nth-child(2) { left: 14%; animation-delay: 120ms; }
  .confetti i:nth-child(3) { left: 23%; animation-delay: 60ms; }
  .confetti i:nth-child(4) { left: 31%; animation-delay: 200ms; }
  .confetti i:nth-child(5) { left: 40%; animation-delay: 30ms; }
  .confetti i:nth-child(6) { left: 48%; animation-delay: 160ms; }
  .confetti i:nth-child(7) { left: 57%; animation-delay: 90ms; }
  .confetti i:nth-child(8) { left: 65%; animation-delay: 240ms; }
  .confetti i:nth-child(9) { left: 74%; animation-delay: 10ms; }
  .confetti i:nth-child(10) { left: 82%; animation-delay: 140ms; }
  .confetti i:nth-child(11) { left: 89%; animation-delay: 70ms; }
  .confetti i:nth-child(12) { left: 95%; animation-delay: 180ms; }
  @keyframes wm-fall {
    0% { opacity: 1; transform: translateY(0) rotate(0deg); }
    100% { opacity: 0; transform: translateY(160px) rotate(540deg); }
  }
  @keyframes wm-draw {
    from { stroke-dashoffset: 30; }
    to { stroke-dashoffset: 0; }
  }
  /* No motion at all when the user asked for less: no confetti, the check is simply there. */
  @media (prefers-reduced-motion: reduce) {
    .confetti {
      display: none;
    }
  }
`;
