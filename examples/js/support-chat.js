import { h } from './dom.js';
import { icon } from './icons.js';

/**
 * The app's own support chat (a stand-in for Intercom, Crisp…). Waymark's config uses the
 * `callback` chat provider, so when a nudge or survey offers chat, Waymark emits `open-chat` and
 * the host opens its widget, as here. A native modal <dialog>: focus trap, Escape and focus return come free.
 * Returns `{ open(message), dispose() }`.
 */
export function setupSupportChat(doc, { announce }) {
  const message = h('textarea', { class: 'input', id: 'support-chat-message', name: 'message', rows: 4 });
  const form = h(
    'form',
    { class: 'form', method: 'dialog' },
    h('div', { class: 'field' }, h('label', { class: 'field__label', for: 'support-chat-message' }, 'Your message'), message),
    h(
      'div',
      { class: 'form__actions' },
      h('button', { class: 'btn btn--primary', type: 'submit', value: 'send' }, 'Send'),
      h('button', { class: 'btn btn--secondary', type: 'submit', value: 'cancel', formnovalidate: true }, 'Close'),
    ),
  );
  const dialog = h(
    'dialog',
    { class: 'chat-dialog card', 'aria-labelledby': 'support-chat-title', 'data-waymark': 'support-chat' },
    h('div', { class: 'chat-dialog__header' }, icon('help'), h('h2', { class: 'section__title', id: 'support-chat-title' }, 'Chat with Acme support')),
    h('p', { class: 'muted' }, 'Demo: a real app opens its chat tool here, with the context Waymark passed along.'),
    form,
  );
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'send' && message.value.trim()) announce('Message sent. We usually reply within 10 minutes.');
  });
  doc.body.append(dialog);
  return {
    open(text = '') {
      message.value = text;
      dialog.returnValue = '';
      if (!dialog.open) dialog.showModal();
      message.focus();
    },
    dispose: () => dialog.remove(),
  };
}
