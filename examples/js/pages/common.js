import { h } from '../dom.js';
import { icon } from '../icons.js';

/** The page's heading block. The h1 takes focus after client-side navigation. */
export function pageHeader({ title, description, actions = [], eyebrow }) {
  return h(
    'div',
    { class: 'page-header' },
    h(
      'div',
      { class: 'page-header__text' },
      eyebrow,
      h('h1', { class: 'page-title', tabindex: '-1' }, title),
      description && h('p', { class: 'page-header__description' }, description),
    ),
    actions.length > 0 && h('div', { class: 'page-header__actions' }, actions),
  );
}

export function section({ title, description, actions, className, labelledBy }, ...children) {
  const heading = h('h2', { class: 'section__title', id: labelledBy }, title);
  return h(
    'section',
    { class: ['card', 'section', className], 'aria-labelledby': labelledBy },
    h('div', { class: 'section__header' }, h('div', {}, heading, description && h('p', { class: 'section__description' }, description)), actions),
    children,
  );
}

export function badge(text, tone = 'neutral') {
  return h('span', { class: ['badge', `badge--${tone}`] }, text);
}

export function emptyState({ title, body, action, iconName = 'sparkles' }) {
  return h('div', { class: 'empty' }, icon(iconName, 'icon empty__icon'), h('p', { class: 'empty__title' }, title), body && h('p', { class: 'empty__body' }, body), action);
}

/**
 * A table in a keyboard-scrollable region (focusable, named), so wide or long tables scroll
 * inside the page instead of breaking the layout at 320 px.
 */
export function scrollTable({ label, columns, rows, className, anchor, caption }) {
  return h(
    'div',
    // The region's name says "table" so it never repeats the name of the section around it.
    { class: ['table-scroll', className], role: 'region', 'aria-label': `${label} table`, tabindex: '0', 'data-waymark': anchor },
    h(
      'table',
      { class: 'table' },
      caption && h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.numeric && 'num' }, column.label)))),
      h('tbody', {}, rows),
    ),
  );
}

export function statusMessage() {
  return h('p', { class: 'form-status', role: 'status' });
}
