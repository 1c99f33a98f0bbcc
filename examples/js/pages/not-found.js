import { h } from '../dom.js';
import { pageHeader } from './common.js';

export function renderNotFound(ctx) {
  return {
    title: 'Page not found',
    element: h(
      'div',
      { class: 'page' },
      pageHeader({ title: 'Page not found', description: `Nothing lives at ${ctx.path}. It may have moved, or the link has a typo.` }),
      h('a', { class: 'btn btn--primary', href: '/' }, 'Go to the dashboard'),
    ),
  };
}
