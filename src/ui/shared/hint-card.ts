/**
 * The card of a hint-style popover, shared by hints and beacons: a non-modal `role=dialog` in the
 * top layer (opened by the component), labelled by its title or the localized "hint" label,
 * described by its text, with arrow, close button, articles and a footer of buttons.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Action, Button, RichText } from '../../config/types.js';
import { renderArticles, renderBody, renderButtons } from './content.js';
import type { ComponentContext } from './context.js';

export interface HintCardContent {
  /** The card element's id, for a control that names it in `aria-controls`. */
  id?: string;
  /** The title, already localized ('' for none). */
  title: string;
  body: RichText | undefined;
  articles: readonly string[] | undefined;
  buttons: readonly Button[] | undefined;
  /** A control of the component's own after the custom buttons (the footer shows when there is one or any button). */
  footerEnd?: TemplateResult;
}

export interface HintCardHandlers {
  close(): void;
  /** A custom button or an article link was used. */
  action(action: Action): void;
  /** Listeners on the card itself, for a component that keeps it open while hovered or focused. */
  mouseenter?(): void;
  mouseleave?(): void;
  focusout?(event: FocusEvent): void;
  keydown?(event: KeyboardEvent): void;
}

export function renderHintCard(context: ComponentContext, content: HintCardContent, on: HintCardHandlers): TemplateResult {
  const t = context.translator;
  const title = content.title;
  const hasFooter = Boolean(content.buttons?.length) || content.footerEnd !== undefined;
  return html`
    <div
      id=${content.id ?? nothing}
      class="card"
      part="popover"
      popover="manual"
      role="dialog"
      tabindex="-1"
      dir=${t.dir}
      lang=${t.locale}
      aria-label=${title ? nothing : t.t('hintLabel')}
      aria-labelledby=${title ? 'wm-title' : nothing}
      aria-describedby="wm-body"
      @mouseenter=${on.mouseenter}
      @mouseleave=${on.mouseleave}
      @focusout=${on.focusout}
      @keydown=${on.keydown}
    >
      <div class="arrow" part="arrow"></div>
      <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${() => on.close()}>×</button>
      <div class="scroll">
        ${title ? html`<h2 class="title" part="title" id="wm-title">${title}</h2>` : nothing}
        ${renderBody(context, content.body, 'wm-body')}
        ${renderArticles(context, content.articles, (action) => on.action(action))}
        ${hasFooter
          ? html`<div class="footer" part="footer">${renderButtons(context, content.buttons, (action) => on.action(action))}${content.footerEnd ?? nothing}</div>`
          : nothing}
      </div>
    </div>
  `;
}

/**
 * For a card anchored with `fitHeight`: never taller than the room beside its target
 * (`--wm-fit-height`); its content scrolls inside while the arrow and × stay put, so at 400 % zoom
 * nothing runs off the viewport and every control can be scrolled to (focus does it).
 */
export const fitHeightCardStyles = css`
  .card:popover-open {
    display: flex;
    flex-direction: column;
    max-height: var(--wm-fit-height, none);
  }
  .card > .scroll {
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Room for the focus ring of a control at the scroller's edge, which would be clipped. */
    margin: -4px;
    padding: 4px;
    /* A long URL wraps instead of scrolling the card sideways. */
    overflow-wrap: anywhere;
  }
  /* Overflowing (see syncScrollStop): a shade at the edge that has more to scroll to (covered where it has not). */
  .card > .scroll[tabindex] {
    background:
      linear-gradient(var(--wm-bg) 35%, transparent) top / 100% 40px no-repeat local,
      linear-gradient(transparent, var(--wm-bg) 65%) bottom / 100% 40px no-repeat local,
      radial-gradient(farthest-side at 50% 0, color-mix(in srgb, var(--wm-fg) 25%, transparent), transparent) top / 100% 10px no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, color-mix(in srgb, var(--wm-fg) 25%, transparent), transparent) bottom / 100% 10px no-repeat scroll;
  }
  .card > .scroll:focus-visible {
    outline: 2px solid var(--wm-focus-ring);
    outline-offset: -2px;
  }
`;

/**
 * A scrolled card's text must be scrollable by keyboard too: while its content overflows, the
 * scroller is a Tab stop (a group named like the card); otherwise it is no stop at all.
 */
export function syncScrollStop(card: HTMLElement): void {
  const scroller = card.querySelector<HTMLElement>(':scope > .scroll');
  if (!scroller) return;
  const overflowing = scroller.scrollHeight > scroller.clientHeight + 1;
  if (overflowing === scroller.hasAttribute('tabindex')) return;
  if (overflowing) {
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'group');
    const title = card.querySelector('#wm-title');
    if (title) scroller.setAttribute('aria-labelledby', 'wm-title');
    else scroller.setAttribute('aria-label', card.getAttribute('aria-label') ?? '');
  } else {
    for (const name of ['tabindex', 'role', 'aria-labelledby', 'aria-label']) scroller.removeAttribute(name);
  }
}
