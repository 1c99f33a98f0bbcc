/** Content pieces shared by tour steps, hints and beacons: body, image, buttons, articles. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Action, Button, Image, RichText } from '../../config/types.js';
import { isSafeUrl } from '../../config/rich-text.js';
import type { ComponentContext } from './context.js';
import { renderRichText } from './rich-text.js';
import { fallbackLanguage, localizedText } from './text-locale.js';

export function renderBody(context: ComponentContext, body: RichText | undefined, id: string): TemplateResult | typeof nothing {
  const text = context.translator.text(body);
  if (!text) return nothing;
  const part = fallbackLanguage(body, context.translator.locale);
  return html`<div class="body" part="body" id=${id} lang=${part?.lang ?? nothing} dir=${part?.dir ?? nothing}>
    ${renderRichText(text, { newTabLabel: context.translator.t('opensInNewTab'), origin: context.window.location.origin })}
  </div>`;
}

export function renderImage(context: ComponentContext, image: Image | undefined): TemplateResult | typeof nothing {
  if (!image || !isSafeUrl(image.src)) return nothing;
  return html`<img class="image" part="image" src=${image.src} alt=${context.translator.text(image.alt)} />`;
}

export function renderButtons(
  context: ComponentContext,
  buttons: readonly Button[] | undefined,
  onAction: (action: Action) => void,
): TemplateResult[] {
  return (buttons ?? []).map(
    (button) =>
      html`<button type="button" class="btn ${button.variant ?? 'secondary'}" part="button button-${button.variant ?? 'secondary'}"
        @click=${() => onAction(button.action)}>${localizedText(context, button.label)}</button>`,
  );
}

export function renderArticles(
  context: ComponentContext,
  ids: readonly string[] | undefined,
  onAction: (action: Action) => void,
): TemplateResult | typeof nothing {
  const articles = (ids ?? []).map((id) => context.articles.get(id)).filter((article) => article !== undefined);
  if (articles.length === 0) return nothing;
  return html`<ul class="articles" part="articles" aria-label=${context.translator.t('articles')}>
    ${articles.map(
      (article) =>
        html`<li><button type="button" class="btn link" part="article"
          @click=${() => onAction({ type: 'open-article', article: article.id })}>${localizedText(context, article.title)}</button></li>`,
    )}
  </ul>`;
}
