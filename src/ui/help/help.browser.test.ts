import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Article } from '../../config/types.js';
import type { ContactOutcome, MessageDraft, MessageIssue, SendResult } from '../../core/chat/contract.js';
import { createSearchIndex } from '../../core/help/search-index.js';
import type { HelpSearch } from '../../core/help/types.js';
import { axeViolations, deepActive, isShown, until } from '../../../tests/browser/layouts/harness.js';
import { createDismissibleStack } from '../shared/dismissible-stack.js';
import { mountHelp, type MountHelpOptions, type MountedHelp } from './mount/test-support.js';
import type { HelpEvent } from './types.js';

const articles: Article[] = [
  {
    id: 'invoice',
    title: { en: 'Download an invoice', ru: 'Как скачать счёт', lt: 'Kaip atsisiųsti sąskaitą faktūrą' },
    summary: { en: 'Billing → Invoices → Download.', ru: 'Оплата → Счета → Скачать.', lt: 'Mokėjimai → Sąskaitos → Atsisiųsti.' },
    body: { en: 'Open **Billing**, then *Invoices*.\n\n- Pick a month\n- Press Download', ru: 'Откройте **Оплату**, затем *Счета*.', lt: 'Atidarykite **Mokėjimus**.' },
    url: 'https://help.example/invoice',
    stages: ['active'],
  },
  {
    id: 'integrations',
    title: { en: 'Connect integrations', ru: 'Подключение интеграций', lt: 'Integracijų prijungimas' },
    url: 'https://help.example/integrations',
    pages: ['/integrations/**'],
  },
  {
    id: 'profile',
    title: { en: 'Your profile', ru: 'Личный кабинет', lt: 'Jūsų paskyra' },
    url: 'https://help.example/profile',
    stages: ['trial'],
    pages: ['/settings/**'],
  },
  { id: 'shortcuts', title: 'Keyboard shortcuts', url: 'https://help.example/shortcuts', body: 'Press `?` anywhere.', tags: ['keyboard'] },
];

/** A stand-in for the runtime's "Contact us": answers what it was told to, and counts the calls. */
function contactAnswering(outcome: ContactOutcome) {
  const state = { calls: 0, contact: async () => (state.calls++, outcome) };
  return state;
}

/** A stand-in for the runtime's message queue: the same checks on what was typed, and the drafts it stored. */
function messageStore() {
  const stored: MessageDraft[] = [];
  const leaveMessage = async (draft: MessageDraft): Promise<SendResult> => {
    const issues: MessageIssue[] = [];
    if (!draft.email.trim()) issues.push({ field: 'email', code: 'required', message: 'Enter your email address' });
    else if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(draft.email.trim())) issues.push({ field: 'email', code: 'invalid', message: 'Enter an email address' });
    if (!draft.message.trim()) issues.push({ field: 'message', code: 'required', message: 'Write your message' });
    if (issues.length > 0) return { ok: false, issues };
    stored.push(draft);
    return { ok: true, id: `m${stored.length}` };
  };
  return { stored, leaveMessage };
}

describe('<wm-help>', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function mount(options: MountHelpOptions = {}): { help: MountedHelp; events: HelpEvent[]; root: ShadowRoot } {
    const events: HelpEvent[] = [];
    const help = mountHelp({ window, locale: 'en', articles, searchDelayMs: 30, onEvent: (event) => events.push(event), ...options });
    cleanups.push(() => help.dispose());
    return { help, events, root: help.element.shadowRoot! };
  }

  const panel = (root: ShadowRoot) => root.querySelector<HTMLElement>('.panel')!;
  /** Article titles as listed, without the visually hidden "(opens in a new tab)". */
  const titles = (root: ShadowRoot) =>
    [...root.querySelectorAll('.articles .article')].map((a) => {
      const copy = a.cloneNode(true) as Element;
      copy.querySelector('.visually-hidden')?.remove();
      return copy.textContent!.trim();
    });
  const status = (root: ShadowRoot) => root.querySelector('[role="status"]')!.textContent!.trim();

  const lastSearch = (events: HelpEvent[]) =>
    events.filter((e): e is Extract<HelpEvent, { type: 'help_searched' }> => e.type === 'help_searched').at(-1);

  async function type(root: ShadowRoot, text: string): Promise<void> {
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    field.focus();
    field.select();
    await sendKeys({ press: 'Backspace' });
    if (text) await sendKeys({ type: text });
  }

  it('opens from the launcher as a labelled non-modal dialog, focuses search, and Escape gives focus back', async () => {
    const { help, root } = mount();
    await help.element.updateComplete;
    const launcher = root.querySelector<HTMLButtonElement>('.launcher')!;
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    const rect = launcher.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await until(() => isShown(panel(root)), 'panel shown');
    expect(panel(root).getAttribute('role')).to.equal('dialog');
    expect(panel(root).hasAttribute('aria-modal')).to.equal(false);
    expect(root.getElementById(panel(root).getAttribute('aria-labelledby')!)!.textContent).to.equal('Help');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    await until(() => deepActive()?.getAttribute('role') === 'searchbox', 'search focused');
    expect(await axeViolations(help.element)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await until(() => !help.element.isOpen, 'closed');
    expect(panel(root).matches(':popover-open')).to.equal(false);
    expect(deepActive()).to.equal(launcher);
  });

  it('shares a dismissible stack: Escape closes only the layer on top of the panel, then the panel', async () => {
    const stack = createDismissibleStack(window);
    cleanups.push(() => stack.dispose());
    const { help } = mount({ stack });
    await help.open();
    const closed: string[] = [];
    const removeAbove = stack.push({
      dismiss: () => {
        closed.push('above');
        removeAbove();
      },
    });
    await sendKeys({ press: 'Escape' });
    expect(closed).to.deep.equal(['above']);
    expect(help.element.isOpen).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(help.element.isOpen).to.equal(false);
    expect(stack.size).to.equal(0);
  });

  it('suggests articles for the current page, stage and step, and follows update()', async () => {
    const { help, root } = mount({ context: { page: '/integrations/slack', stage: 'trial' } });
    await help.open();
    expect(titles(root)).to.deep.equal(['Connect integrations']);
    help.update({ page: '/settings/profile', stage: 'trial' });
    await help.element.updateComplete;
    expect(titles(root)).to.deep.equal(['Your profile']);
    help.update({ page: '/billing', stage: 'active', stepArticles: ['shortcuts'] });
    await help.element.updateComplete;
    expect(titles(root)).to.deep.equal(['Keyboard shortcuts', 'Download an invoice']);
    expect(root.querySelector('#wm-help-suggested')!.textContent).to.equal('Suggested for this page');
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  it("where nothing is scoped to the page, lists the stage's articles under a generic heading, never an empty panel", async () => {
    const { help, root } = mount({ locale: 'lt', context: { page: '/dashboard', stage: 'setup' } });
    await help.open();
    // Not "Download an invoice" (for the active stage) nor "Your profile" (trial).
    expect(titles(root)).to.deep.equal(['Integracijų prijungimas', 'Keyboard shortcuts']);
    expect(root.querySelector('#wm-help-suggested')!.textContent).to.equal('Pagalbos straipsniai');
    // Somewhere scoped: the scoped ones only, under "for this page".
    help.update({ page: '/integrations/slack', stage: 'setup' });
    await help.element.updateComplete;
    expect(titles(root)).to.deep.equal(['Integracijų prijungimas']);
    expect(root.querySelector('#wm-help-suggested')!.textContent).to.equal('Tinka šiam puslapiui');
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  for (const [locale, typed, expected] of [
    ['ru', 'счет', 'Как скачать счёт'],
    ['ru', 'счёт', 'Как скачать счёт'],
    ['ru', 'ПОДКЛ', 'Подключение интеграций'],
    ['lt', 'saskaita', 'Kaip atsisiųsti sąskaitą faktūrą'],
    ['lt', 'sąskaitą', 'Kaip atsisiųsti sąskaitą faktūrą'],
    ['lt', 'jusu pask', 'Jūsų paskyra'],
  ] as const) {
    it(`finds "${expected}" typed as "${typed}" (${locale}) and announces the count`, async () => {
      const { help, root, events } = mount({ locale });
      await help.open();
      await type(root, typed);
      // Under load the typing can pause past the debounce: wait for the search of the whole query.
      await until(() => lastSearch(events)?.query === typed, `the search for "${typed}"`);
      await until(() => titles(root)[0] === expected, `result ${expected}`);
      const count = titles(root).length;
      const announced = locale === 'ru' ? /Найден/ : /Rast/;
      expect(status(root)).to.match(announced);
      expect(events.filter((e) => e.type === 'help_searched').at(-1)).to.deep.include({ query: typed, results: count, remote: 'none' });
      expect(root.querySelector('ul.articles')!.getAttribute('aria-labelledby')).to.equal('wm-help-results');
    });
  }

  it('debounces: one search per pause in typing; clearing the query shows suggestions again', async () => {
    let searches = 0;
    const index = createSearchIndex(articles, { locale: 'en' });
    // The runtime's search: local hits, then a remote knowledge base's.
    const search: HelpSearch = async (query, options) => {
      searches++;
      return { hits: [...index.search(query, options), { id: 'remote-1', title: `Remote ${query}`, url: 'https://kb.example/1', source: 'json', score: 0.5 }], remote: 'ok' };
    };
    // A pause long enough that a loaded machine's keystrokes never look like two bursts of typing.
    const { help, root, events } = mount({ index, search, context: { page: '/integrations/x' }, searchDelayMs: 800 });
    await help.open();
    await type(root, 'invoice');
    await until(() => titles(root).length === 2, 'merged results');
    expect(titles(root)).to.deep.equal(['Download an invoice', 'Remote invoice']);
    expect(searches).to.equal(1);
    expect(events.filter((e) => e.type === 'help_searched')).to.deep.equal([{ type: 'help_searched', query: 'invoice', results: 2, remote: 'ok' }]);
    expect(status(root)).to.equal('2 articles found');
    await type(root, '');
    await until(() => titles(root)[0] === 'Connect integrations', 'suggestions back');
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  it('falls back to local hits, and reports the error, when the search it was given fails', async () => {
    const errors: string[] = [];
    const search: HelpSearch = async () => {
      throw new Error('down');
    };
    const { help, root, events } = mount({ search, reportError: (_error, where) => errors.push(where) });
    await help.open('shortcuts');
    expect(titles(root)).to.deep.equal(['Keyboard shortcuts']);
    expect(events.at(-1)).to.deep.equal({ type: 'help_searched', query: 'shortcuts', results: 1, remote: 'failed' });
    expect(errors).to.deep.equal(['help:search']);
  });

  it('reads an article with a body inside the panel; one without opens its page in a new tab', async () => {
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = ((...args: unknown[]) => {
      opened.push(args);
      return null;
    }) as typeof window.open;
    cleanups.push(() => (window.open = original));
    const { help, root, events } = mount({ context: { page: '/billing', stage: 'active' } });
    await help.open();
    const link = root.querySelector<HTMLButtonElement>('[data-article="invoice"]')!;
    expect(link.tagName).to.equal('BUTTON');
    link.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('.reader') !== null, 'reader');
    const reader = root.querySelector('.reader')!;
    expect(deepActive()!.id).to.equal('wm-help-article');
    expect(reader.querySelector('h3')!.textContent).to.equal('Download an invoice');
    expect(reader.querySelector('.body strong')!.textContent).to.equal('Billing');
    expect([...reader.querySelectorAll('.body li')].map((li) => li.textContent)).to.deep.equal(['Pick a month', 'Press Download']);
    expect(events).to.deep.include({ type: 'article_opened', articleId: 'invoice', title: 'Download an invoice', source: 'suggested', kb: 'local', inPanel: true });
    expect(await axeViolations(help.element)).to.deep.equal([]);
    root.querySelector<HTMLButtonElement>('.back')!.click();
    await until(() => deepActive()?.getAttribute('data-article') === 'invoice', 'focus back on the article');

    // An article without a body is a real link to a new tab.
    await help.open('integrations');
    const external = root.querySelector<HTMLAnchorElement>('a[data-article="integrations"]')!;
    expect(external.target).to.equal('_blank');
    expect(external.rel).to.equal('noopener noreferrer');
    expect(external.textContent).to.contain('(opens in a new tab)');
    // The test stays on this page: the link's own navigation is cancelled, its click handler still runs.
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay, { once: true });
    external.click();
    expect(events.at(-1)).to.deep.equal({ type: 'article_opened', articleId: 'integrations', title: 'Connect integrations', source: 'search', kb: 'local', inPanel: false });
    // Opened for an experience's button: its page in a new tab, without giving it our window.
    await help.openArticle('integrations');
    expect(opened.at(-1)).to.deep.equal(['https://help.example/integrations', '_blank', 'noopener,noreferrer']);
    expect(events.at(-1)).to.deep.equal({ type: 'article_opened', articleId: 'integrations', title: 'Connect integrations', source: 'action', kb: 'local', inPanel: false });
  });

  it('shows the current checklist progress as a labelled progress bar', async () => {
    const { help, root } = mount({ context: { checklist: { title: 'Get started', done: 2, total: 5 } } });
    await help.open();
    const progress = root.querySelector('progress')!;
    expect(progress.value).to.equal(2);
    expect(progress.max).to.equal(5);
    expect(root.getElementById(progress.getAttribute('aria-labelledby')!)!.textContent).to.equal('Get started: 2 of 5 done');
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  it('"Contact us" when a human can take it: the chat takes over, the panel closes and says so', async () => {
    const human = contactAnswering('chat');
    const { help, root, events } = mount({ contact: human.contact, context: { page: '/billing', stage: 'active' } });
    await help.open();
    root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
    await until(() => !help.element.isOpen, 'panel closed for the widget');
    expect(human.calls).to.equal(1);
    expect(status(root)).to.equal('The chat is open. An operator will answer you there.');
    // The handoff is reported by the runtime that made it, not by the panel.
    expect(events.filter((e) => e.type === 'chat_opened')).to.deep.equal([]);
  });

  it('an article that did not answer is no dead end: "Contact us" under it reaches a human, or the message form outside hours', async () => {
    for (const outcome of ['chat', 'form'] as const) {
      const human = contactAnswering(outcome);
      const store = messageStore();
      const { help, root } = mount({ contact: human.contact, leaveMessage: store.leaveMessage, context: { page: '/billing', stage: 'active' } });
      await help.open();
      root.querySelector<HTMLButtonElement>('[data-article="invoice"]')!.click();
      await until(() => root.querySelector('.reader') !== null, 'reader');
      const contact = root.querySelector<HTMLButtonElement>('[part="contact"]')!;
      expect(contact.textContent!.trim(), outcome).to.equal('Contact us');
      expect(root.getElementById(contact.getAttribute('aria-describedby')!)!.textContent, outcome).to.equal("Didn't find your answer?");
      expect(await axeViolations(help.element)).to.deep.equal([]);
      contact.focus();
      await sendKeys({ press: 'Enter' });
      if (outcome === 'chat') await until(() => !help.element.isOpen, 'panel closed for the chat');
      else await until(() => deepActive()?.id === 'wm-help-contact' && root.querySelector('form') !== null, 'the message form, focused');
      expect(human.calls, outcome).to.equal(1);
      help.element.remove();
    }
  });

  describe('when no human can take it now', () => {
    it('offers the leave-a-message form with when operators are back; errors are announced and focused; a valid message is sent once', async () => {
      const human = contactAnswering('form');
      const store = messageStore();
      const backAt = Date.UTC(2026, 10, 24, 9, 0);
      const { help, root } = mount({ contact: human.contact, leaveMessage: store.leaveMessage, operatorsBackAt: () => backAt, context: { page: '/billing', stage: 'active' } });
      await help.open();
      root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
      await until(() => root.querySelector('form') !== null, 'offline form');
      expect(human.calls).to.equal(1);
      expect(deepActive()!.id).to.equal('wm-help-contact');
      expect(root.querySelector('form')!.textContent).to.contain('Operators are back: ');
      expect(await axeViolations(help.element)).to.deep.equal([]);

      // Submit empty: both required fields are flagged, the summary is an alert, focus goes to the first.
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => root.querySelector('[role="alert"]')!.textContent!.trim() !== '', 'errors');
      expect(root.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('Fix 2 errors to send the message.');
      const email = root.querySelector<HTMLInputElement>('#wm-help-email')!;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Enter your email address.');
      expect(deepActive()).to.equal(email);
      expect(await axeViolations(help.element)).to.deep.equal([]);

      await sendKeys({ type: 'ona@example.lt' });
      root.querySelector<HTMLTextAreaElement>('#wm-help-message')!.focus();
      await sendKeys({ type: 'My card is declined' });
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => root.querySelector('.sent') !== null, 'sent');
      expect(root.querySelector('.sent')!.textContent).to.equal("Thank you! We'll reply by email.");
      expect(deepActive()!.id).to.equal('wm-help-contact');
      expect(status(root)).to.equal("Thank you! We'll reply by email.");
      expect(await axeViolations(help.element)).to.deep.equal([]);
      expect(store.stored).to.deep.equal([{ name: '', email: 'ona@example.lt', message: 'My card is declined' }]);
    });

    it('says contact is unavailable when there is neither a human now nor a message form', async () => {
      const human = contactAnswering('unavailable');
      const { help, root } = mount({ contact: human.contact });
      await help.open();
      root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
      await until(() => root.textContent!.includes('not available'), 'unavailable text');
      expect(root.querySelector('form')).to.equal(null);
    });
  });

  it('is localized and mirrored in Arabic, and axe-clean', async () => {
    const { help, root } = mount({ locale: 'ar' });
    await help.open('shortcuts');
    expect(panel(root).getAttribute('dir')).to.equal('rtl');
    expect(root.querySelector('label')!.textContent).to.equal('البحث في مقالات المساعدة');
    const launcher = root.querySelector('.launcher')!.getBoundingClientRect();
    expect(launcher.left).to.be.lessThan(innerWidth / 2);
    expect(panel(root).getBoundingClientRect().left).to.be.lessThan(innerWidth / 2);
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });

  it('without a launcher, opens from the host button and gives focus back to it; dispose removes everything', async () => {
    const hostButton = document.createElement('button');
    hostButton.textContent = 'Help';
    document.body.append(hostButton);
    cleanups.push(() => hostButton.remove());
    const { help, root } = mount({ launcher: false });
    hostButton.addEventListener('click', () => void help.open());
    hostButton.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => help.element.isOpen && deepActive()?.getAttribute('role') === 'searchbox', 'open with focus in search');
    expect(root.querySelector('.launcher')).to.equal(null);
    root.querySelector<HTMLButtonElement>('.close')!.click();
    expect(deepActive()).to.equal(hostButton);
    help.dispose();
    expect(document.querySelector('[data-waymark-ui="help"]')).to.equal(null);
  });
});
