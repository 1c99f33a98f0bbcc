/** The inside of a hint-style card, shared by hints and beacons: arrow, title, close, text, articles, buttons. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Action, Button, RichText } from '../../config/types.js';
import { renderArticles, renderBody, renderButtons } from './content.js';
import type { ComponentContext } from './context.js';

export interface HintCardContent {
  /** The title, already localized ('' for none); the card is labelled by it (`wm-title`) when there is one. */
  title: string;
  /** Rendered with the id `wm-body`, which the card's `aria-describedby` names. */
  body: RichText | undefined;
  articles: readonly string[] | undefined;
  buttons: readonly Button[] | undefined;
}

export interface HintCardHandlers {
  close(): void;
  /** A custom button or an article link was used. */
  action(action: Action): void;
}

/**
 * The card's content, for the component's own card element (which keeps its role, labels and
 * listeners). The footer shows when there are custom buttons or `footerEnd` (a control of its own).
 */
export function renderHintCardContent(
  context: ComponentContext,
  content: HintCardContent,
  on: HintCardHandlers,
  footerEnd: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const t = context.translator;
  const hasFooter = Boolean(content.buttons?.length) || footerEnd !== nothing;
  return html`
    <div class="arrow" part="arrow"></div>
    ${content.title ? html`<h2 class="title" part="title" id="wm-title">${content.title}</h2>` : nothing}
    <button type="button" class="close" part="close" aria-label=${t.t('close')} @click=${() => on.close()}>×</button>
    ${renderBody(context, content.body, 'wm-body')}
    ${renderArticles(context, content.articles, (action) => on.action(action))}
    ${hasFooter ? html`<div class="footer" part="footer">${renderButtons(context, content.buttons, (action) => on.action(action))}${footerEnd}</div>` : nothing}
  `;
}
