/**
 * The panel's views as plain templates: the article list, the in-panel reader and the contact view. They
 * render what they are given and call back; the state and the focus moves stay in `<wm-help>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { MESSAGE_LIMITS, type MessageIssue } from '../../core/chat/contract.js';
import type { HelpArticle } from '../../core/help/types.js';
import type { StringKey, Translator } from '../shared/i18n-core.js';
import { renderRichText } from '../shared/rich-text.js';
import type { ArticleOpenedFrom } from './types.js';

export type ContactState = 'form' | 'sent' | 'unavailable';
type Field = MessageIssue['field'];
export type MessageDraft = { name?: string | undefined; email?: string | undefined; message?: string | undefined };

/** The draft's filled fields only (an empty one must not overwrite a prefilled value). */
export const withoutEmpty = (draft: MessageDraft): MessageDraft =>
  Object.fromEntries(Object.entries(draft).filter(([, value]) => typeof value === 'string' && value !== '')) as MessageDraft;

/** What the leave-a-message form holds, as typed. */
export function messageOf(form: HTMLFormElement): { name: string; email: string; message: string } {
  const value = (name: Field) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
  return { name: value('name'), email: value('email'), message: value('message') };
}

export function backButton(t: Translator, onBack: () => void): TemplateResult {
  return html`<button type="button" class="btn link back" @click=${onBack}>${t.dir === 'rtl' ? '→' : '←'} ${t.t('helpBack')}</button>`;
}

export interface ArticleListOptions {
  labelledBy: string;
  from: ArticleOpenedFrom;
  /** The article can be read inside the panel (a local one with a body). */
  readable(hit: HelpArticle): boolean;
  /** Open the reader. */
  read(hit: HelpArticle, from: ArticleOpenedFrom): void;
  /** Its link to a new tab was followed. */
  followed(hit: HelpArticle, from: ArticleOpenedFrom): void;
}

export function articleList(t: Translator, hits: readonly HelpArticle[], options: ArticleListOptions): TemplateResult {
  const { from } = options;
  return html`<ul class="articles" part="articles" aria-labelledby=${options.labelledBy}>
    ${hits.map((hit) => {
      const title = options.readable(hit)
        ? html`<button type="button" class="article" part="article" data-article=${hit.id} @click=${() => options.read(hit, from)}>${hit.title}</button>`
        : html`<a class="article" part="article" data-article=${hit.id} href=${hit.url} target="_blank" rel="noopener noreferrer"
            @click=${() => options.followed(hit, from)}
            >${hit.title}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a>`;
      return html`<li>${title}${hit.summary ? html`<p class="summary">${hit.summary}</p>` : nothing}</li>`;
    })}
  </ul>`;
}

export function articleReader(t: Translator, article: HelpArticle, body: string, origin: string, onBack: () => void, onContact: () => void): TemplateResult {
  return html`
    ${backButton(t, onBack)}
    <article class="reader" part="reader" aria-labelledby="wm-help-article">
      <h3 id="wm-help-article" tabindex="-1">${article.title}</h3>
      <div class="body" part="body">${renderRichText(body, { newTabLabel: t.t('opensInNewTab'), origin })}</div>
      <a part="link" href=${article.url} target="_blank" rel="noopener noreferrer">${article.url}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a>
    </article>
    <div class="contact">
      <p id="wm-help-not-answered">${t.t('helpNotAnswered')}</p>
      <button type="button" class="btn primary" part="contact" aria-describedby="wm-help-not-answered" @click=${onContact}>${t.t('contactUs')}</button>
    </div>
  `;
}

export interface ContactViewOptions {
  state: ContactState;
  issues: readonly MessageIssue[];
  sending: boolean;
  /** When operators are next on duty, when that is later than now. */
  backAt: number | null;
  /** What the fields start with (the user's email, a message carried over or given back). */
  draft?: { name?: string | undefined; email?: string | undefined; message?: string | undefined };
  /** The last message was refused by the team's endpoint: say so above the form. */
  notSent?: boolean;
  onBack(): void;
  onSubmit(event: SubmitEvent): void;
}

export function contactView(t: Translator, options: ContactViewOptions): TemplateResult {
  const back = backButton(t, options.onBack);
  if (options.state === 'sent') {
    return html`${back}<h3 class="sent" id="wm-help-contact" tabindex="-1">${t.t('messageSent')}</h3>`;
  }
  if (options.state === 'unavailable') {
    return html`${back}<h3 id="wm-help-contact" tabindex="-1">${t.t('contactUs')}</h3>
      <p>${t.t('contactUnavailable')}</p>${operatorsBack(t, options.backAt)}`;
  }
  const draft = options.draft ?? {};
  const field = (name: Field, label: StringKey, control: (invalid: boolean, describedBy: string | typeof nothing) => TemplateResult) => {
    const issue = options.issues.find((candidate) => candidate.field === name);
    const errorId = `wm-help-${name}-error`;
    return html`<div class="field">
      <label for="wm-help-${name}">${t.t(label)}</label>
      ${control(issue !== undefined, issue ? errorId : nothing)}
      ${issue ? html`<p class="error" id=${errorId}>${issueText(t, issue)}</p>` : nothing}
    </div>`;
  };
  return html`${back}
    <form part="form" novalidate aria-labelledby="wm-help-contact" @submit=${options.onSubmit}>
      <h3 id="wm-help-contact" tabindex="-1">${t.t('offlineTitle')}</h3>
      <p class="muted">${t.t('offlineIntro')}</p>
      ${operatorsBack(t, options.backAt)}
      <p class="errors" role="alert">${options.notSent ? t.t('messageNotSent') : options.issues.length > 0 ? t.t('formErrors', { count: options.issues.length }) : ''}</p>
      ${field('name', 'nameLabel', (invalid, describedBy) =>
        html`<input id="wm-help-name" name="name" autocomplete="name" .value=${draft.name ?? ''} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />`)}
      ${field('email', 'emailLabel', (invalid, describedBy) =>
        html`<input id="wm-help-email" name="email" type="email" autocomplete="email" .value=${draft.email ?? ''} aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />`)}
      ${field('message', 'messageLabel', (invalid, describedBy) =>
        html`<textarea id="wm-help-message" name="message" .value=${draft.message ?? ''} aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>`)}
      <button type="submit" class="btn primary" ?disabled=${options.sending}>${t.t('submit')}</button>
    </form>`;
}

function operatorsBack(t: Translator, at: number | null): TemplateResult | typeof nothing {
  if (at === null) return nothing;
  return html`<p class="muted" data-operators-back>${t.t('offlineBackAt', { time: operatorsBackTime(t.locale, at) })}</p>`;
}

/**
 * When operators are back, in the user's own time zone and naming it ("Monday 9:00 AM Eastern European Time"):
 * a bare time leaves the user guessing whose clock it is.
 */
export function operatorsBackTime(locale: string, at: number): string {
  const base: Intl.DateTimeFormatOptions = { weekday: 'long', hour: 'numeric', minute: '2-digit' };
  // The generic zone name reads best ("Central European Time"); older engines only know the short one.
  for (const timeZoneName of ['longGeneric', 'long', 'short'] as const) {
    try {
      return new Intl.DateTimeFormat(locale, { ...base, timeZoneName }).format(at);
    } catch {
      /* try the next form */
    }
  }
  return new Date(at).toISOString();
}

function issueText(t: Translator, issue: MessageIssue): string {
  if (issue.code === 'too-long') return t.t('fieldTooLong', { max: MESSAGE_LIMITS[issue.field] });
  if (issue.field === 'email') return t.t(issue.code === 'required' ? 'emailRequired' : 'emailInvalid');
  return t.t('messageRequired');
}
