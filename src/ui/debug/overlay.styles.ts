import { css } from 'lit';
import { visuallyHiddenStyles } from '../shared/styles.js';

/**
 * The debug overlay's own look: a dark developer panel, independent of the config's theme (it is
 * not part of the product UI), the picker's shield and the highlight box.
 */
export const debugStyles = css`
  :host {
    display: contents;
  }
  [popover] {
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    overflow: visible;
    inset: auto;
  }
  .layer {
    position: fixed;
    box-sizing: border-box;
    max-width: calc(100vw - 24px);
    font: 12px/1.45 ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: #f3f4f6;
    text-align: start;
  }
  .layer.top { top: 12px; }
  .layer.bottom { bottom: 12px; }
  .layer.left { left: 12px; }
  .layer.right { right: 12px; }
  .panel {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    width: min(400px, calc(100vw - 24px));
    max-height: min(64vh, 620px);
    background: #111827;
    border: 1px solid #374151;
    border-radius: 10px;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.35);
    overflow: hidden;
  }
  header {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 8px 10px;
    border-bottom: 1px solid #374151;
    background: #0b1220;
  }
  h2 {
    margin: 0;
    flex: 1;
    font-size: 13px;
    font-weight: 600;
  }
  h3 {
    margin: 10px 0 6px;
    font-size: 12px;
    font-weight: 600;
    color: #e5e7eb;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .body {
    overflow: auto;
    padding: 0 10px 10px;
    overscroll-behavior: contain;
  }
  button,
  select,
  input {
    font: inherit;
    color: #f9fafb;
    background: #1f2937;
    border: 1px solid #6b7280;
    border-radius: 6px;
    padding: 3px 8px;
    min-height: 24px;
  }
  button {
    cursor: pointer;
  }
  button:hover {
    background: #374151;
  }
  button[aria-pressed='true'] {
    background: #1d4ed8;
    border-color: #93c5fd;
  }
  :focus-visible {
    outline: 2px solid #93c5fd;
    outline-offset: 1px;
  }
  input[type='search'] {
    box-sizing: border-box;
    width: 100%;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 6px 12px;
    border-radius: 999px;
    background: #111827;
    border: 1px solid #4b5563;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.3);
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #34d399;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 10px;
    margin: 0;
  }
  dt {
    color: #9ca3af;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  code,
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 11.5px;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .experiences > li {
    padding: 6px 0;
    border-top: 1px solid #1f2937;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  .name {
    font-weight: 600;
    flex: 1;
    min-width: 8em;
    overflow-wrap: anywhere;
  }
  .muted {
    color: #9ca3af;
  }
  .reason {
    margin: 2px 0 0;
    color: #d1d5db;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    font-size: 11px;
    font-weight: 600;
    border: 1px solid transparent;
  }
  .badge.showing { background: #064e3b; color: #d1fae5; border-color: #10b981; }
  .badge.eligible { background: #1e3a8a; color: #dbeafe; border-color: #60a5fa; }
  .badge.blocked { background: #451a03; color: #fde68a; border-color: #d97706; }
  .badge.unknown { background: #1f2937; color: #e5e7eb; border-color: #6b7280; }
  details {
    margin-top: 2px;
  }
  summary {
    cursor: pointer;
    color: #bfdbfe;
  }
  .checks li,
  .tree li {
    padding-inline-start: 1.2em;
    text-indent: -1.2em;
    overflow-wrap: anywhere;
  }
  .tree ul {
    padding-inline-start: 1em;
  }
  .ok { color: #6ee7b7; }
  .no { color: #fca5a5; }
  .log li {
    display: grid;
    grid-template-columns: max-content max-content 1fr;
    gap: 0 6px;
    padding: 2px 0;
    border-top: 1px solid #1f2937;
  }
  .kind {
    color: #9ca3af;
  }
  .kind.event {
    color: #c4b5fd;
  }
  .summary {
    overflow-wrap: anywhere;
  }
  .picked {
    margin-top: 8px;
    padding: 8px;
    border: 1px solid #1d4ed8;
    border-radius: 8px;
    background: #0b1730;
  }
  .picked code.selector {
    display: block;
    padding: 4px 6px;
    margin: 4px 0;
    background: #030712;
    border-radius: 4px;
    color: #fef3c7;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .alternatives li {
    display: flex;
    align-items: baseline;
    gap: 6px;
    padding: 2px 0;
  }
  .alternatives code {
    flex: 1;
    overflow-wrap: anywhere;
  }
  .tools {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    margin-top: 6px;
  }
  .hint {
    margin: 0;
    padding: 6px 10px;
    color: #fde68a;
  }
  .shield {
    position: fixed;
    inset: 0;
    width: 100vw;
    height: 100vh;
    cursor: crosshair;
    background: transparent;
  }
  .box {
    position: fixed;
    box-sizing: border-box;
    pointer-events: none;
    border: 2px solid #f59e0b;
    background: rgb(245 158 11 / 0.12);
    border-radius: 2px;
  }
  .box .tag {
    position: absolute;
    bottom: 100%;
    left: -2px;
    margin-bottom: 2px;
    padding: 1px 6px;
    white-space: nowrap;
    max-width: calc(100vw - 16px);
    overflow: hidden;
    text-overflow: ellipsis;
    border-radius: 4px;
    background: #f59e0b;
    color: #111827;
    font: 600 11px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .box.flip .tag {
    left: auto;
    right: -2px;
  }
  .box.below .tag {
    bottom: auto;
    top: 100%;
    margin: 2px 0 0;
  }
  ${visuallyHiddenStyles}
  /* On a narrow screen Waymark's own launchers (checklist, help) span the bottom: stay clear of them. */
  @media (max-width: 639px) {
    .layer.bottom { bottom: 84px; }
    .panel { max-height: 50vh; }
  }
  @media (prefers-reduced-motion: no-preference) {
    .box {
      transition: top 60ms linear, left 60ms linear, width 60ms linear, height 60ms linear;
    }
  }
`;
