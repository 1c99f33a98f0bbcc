/**
 * The card of a hint-style popover, shared by hints and beacons: a non-modal `role=dialog` in the
 * top layer (opened by the component), labelled by its title or the localized "hint" label,
 * described by its text, with arrow, close button, articles and a footer of buttons. The content
 * sits in `.scroll`, which a hint or beacon lets scroll when the card is capped to the room beside
 * its target (hint/fit-height.ts); the arrow and × stay in place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Action, Button, RichText, Text } from '../../config/types.js';
import { renderArticles, renderBody, renderButtons } from './content.js';
import type { ComponentContext } from './context.js';
import { localizedText } from './text-locale.js';

export interface HintCardContent {
  /** The card element's id, for a control that names it in `aria-controls`. */
  id?: string;
  /** The title as config text (none: the card is named by the localized "hint" label). */
  title: Text | undefined;
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
  const title = t.text(content.title);
  const hasFooter = Boolean(content.buttons?.length) || content.footerEnd !== undefined;
  // The × sits in the scroller after the title (reading order) but is placed against the card (the
  // scroller is not positioned), so it neither scrolls nor is clipped.
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
      <div class="scroll">
        ${title ? html`<h2 class="title" part="title" id="wm-title">${localizedText(context, content.title)}</h2>` : nothing}
        <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${() => on.close()}>×</button>
        ${renderBody(context, content.body, 'wm-body')}
        ${renderArticles(context, content.articles, (action) => on.action(action))}
        ${hasFooter
          ? html`<div class="footer" part="footer">${renderButtons(context, content.buttons, (action) => on.action(action))}${content.footerEnd ?? nothing}</div>`
          : nothing}
      </div>
    </div>
  `;
}

