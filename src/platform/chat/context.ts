/**
 * The chat context: filtered by the config's `chat.context`, and shaped for providers (flat attributes with a
 * `waymark_` prefix, tags, a plain-text summary for mail). Identity (id, email, name) is left to the host's own
 * call to the provider (Waymark's id may be anonymous, and Intercom/Chatwoot identity verification rejects
 * unsigned ids); only email and name traits are offered where a provider has a prefill for them.
 */
import type { ChatContext, SharedContext } from '../../core/chat/contract.js';
import type { AttributeValue, ChatContextField } from './types.js';

export const ALL_CONTEXT_FIELDS: readonly ChatContextField[] = ['user', 'stage', 'page', 'step', 'struggle', 'articles', 'errors'];
/** Providers cap attribute values (Intercom: 255 characters). */
export const ATTRIBUTE_MAX_LENGTH = 255;
/** Only the most recent errors and articles are passed. */
export const CONTEXT_LIST_MAX = 10;

/** Keep only what `fields` allows (default all). Returns copies, never the caller's objects. */
export function filterContext(context: ChatContext, fields: readonly ChatContextField[] = ALL_CONTEXT_FIELDS): SharedContext {
  const allowed = new Set(fields);
  const shared: SharedContext = {};
  if (allowed.has('user')) shared.user = { id: context.user.id, traits: { ...context.user.traits } };
  if (allowed.has('stage')) shared.stage = context.stage;
  if (allowed.has('page')) shared.page = context.page;
  if (allowed.has('step')) {
    if (context.step) shared.step = { ...context.step };
    if (context.checklistItem) shared.checklistItem = { ...context.checklistItem };
  }
  if (allowed.has('struggle') && context.struggle) shared.struggle = { ...context.struggle };
  if (allowed.has('articles')) shared.articlesOpened = context.articlesOpened.slice(-CONTEXT_LIST_MAX).map((a) => ({ ...a }));
  if (allowed.has('errors')) shared.recentErrors = context.recentErrors.slice(-CONTEXT_LIST_MAX);
  return shared;
}

const clip = (value: string, max = ATTRIBUTE_MAX_LENGTH): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** `"Connect Slack" (tour onboarding, step 2)`. */
export function describeStep(step: NonNullable<ChatContext['step']>): string {
  return `"${step.title}" (tour ${step.experienceId}, step ${step.step + 1})`;
}

export function describeChecklistItem(item: NonNullable<ChatContext['checklistItem']>): string {
  return `"${item.title}" (checklist ${item.experienceId}, item ${item.item})`;
}

export function describeStruggle(struggle: NonNullable<ChatContext['struggle']>): string {
  return struggle.detail ? `${struggle.kind}: ${struggle.detail}` : struggle.kind;
}

/**
 * The context as flat attributes: `waymark_user_id`, `waymark_stage`, `waymark_page`, `waymark_step`,
 * `waymark_checklist_item`, `waymark_struggle`, `waymark_articles`, `waymark_errors` (only those present).
 * `separator` replaces `_` for providers that want other keys (Tawk.to: `-`).
 */
export function contextAttributes(context: SharedContext, separator = '_'): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  const set = (name: string, value: string | null | undefined) => {
    if (value) attributes[`waymark${separator}${name.replace(/_/g, separator)}`] = clip(value);
  };
  set('user_id', context.user?.id);
  set('stage', context.stage);
  set('page', context.page);
  if (context.step) set('step', describeStep(context.step));
  if (context.checklistItem) set('checklist_item', describeChecklistItem(context.checklistItem));
  if (context.struggle) set('struggle', describeStruggle(context.struggle));
  if (context.articlesOpened?.length) set('articles', context.articlesOpened.map((a) => a.title).join('; '));
  if (context.recentErrors?.length) set('errors', context.recentErrors.join(' | '));
  return attributes;
}

/** Scalar user traits (not email and name, which go through `contactOf`), for providers with contact attributes. */
export function traitAttributes(context: SharedContext): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(context.user?.traits ?? {})) {
    if (name === 'email' || name === 'name') continue;
    if (typeof value === 'string') attributes[name] = clip(value);
    else if (typeof value === 'number' || typeof value === 'boolean') attributes[name] = value;
  }
  return attributes;
}

/** Email and name from the user's traits, when they are non-empty strings. */
export function contactOf(context: SharedContext): { email?: string; name?: string } {
  const traits = context.user?.traits ?? {};
  const contact: { email?: string; name?: string } = {};
  if (typeof traits.email === 'string' && traits.email.trim()) contact.email = traits.email.trim();
  if (typeof traits.name === 'string' && traits.name.trim()) contact.name = traits.name.trim();
  return contact;
}

/** Short tags: `waymark`, `stage-<id>`, `struggle-<kind>`, `tour-<id>`. */
export function contextTags(context: SharedContext): string[] {
  const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const tags = ['waymark'];
  if (context.stage) tags.push(`stage-${slug(context.stage)}`);
  if (context.struggle) tags.push(`struggle-${slug(context.struggle.kind)}`);
  if (context.step) tags.push(`tour-${slug(context.step.experienceId)}`);
  return tags;
}

/** The context as plain lines, for a mail body or a note. */
export function contextSummary(context: SharedContext): string {
  const lines: string[] = [];
  if (context.user) lines.push(`User: ${context.user.id}`);
  if (context.stage) lines.push(`Stage: ${context.stage}`);
  if (context.page) lines.push(`Page: ${context.page}`);
  if (context.step) lines.push(`Tour step: ${describeStep(context.step)}`);
  if (context.checklistItem) lines.push(`Checklist item: ${describeChecklistItem(context.checklistItem)}`);
  if (context.struggle) lines.push(`Struggle: ${describeStruggle(context.struggle)}`);
  if (context.articlesOpened?.length) lines.push(`Articles read: ${context.articlesOpened.map((a) => a.title).join('; ')}`);
  if (context.recentErrors?.length) lines.push(`Recent errors: ${context.recentErrors.join(' | ')}`);
  return lines.join('\n');
}
