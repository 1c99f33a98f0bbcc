import { expect } from '@open-wc/testing';
import type { ChatSettings } from '../../config/types.js';
import { createChat, type ChatRequest } from './facade.js';
import type { ChatContext } from '../../core/chat/contract.js';
import type { ChatAdapter } from './types.js';

const context: ChatContext = {
  user: { id: 'u-7', traits: { email: 'ivan@example.ru' } },
  stage: 'trial',
  page: '/billing',
  struggle: { kind: 'form-error', detail: 'card number' },
  articlesOpened: [{ id: 'cards', title: 'Payment cards' }],
  recentErrors: [],
};

/** A window-like object: the facade only reads globals through adapters and calls `open`/`location`. */
function fakeWindow(globals: Record<string, unknown> = {}) {
  const opened: unknown[][] = [];
  const assigned: string[] = [];
  const win = { ...globals, open: (...args: unknown[]) => (opened.push(args), null), location: { assign: (url: string) => assigned.push(url) } };
  return { window: win as unknown as Window, opened, assigned };
}

describe('createChat', () => {
  it('uses the configured widget when it is on the page', async () => {
    const calls: unknown[][] = [];
    const page = fakeWindow({ Intercom: (...args: unknown[]) => void calls.push(args) });
    const chat = createChat({ provider: 'intercom', url: 'mailto:help@example.com' }, { window: page.window });
    expect(chat.route()).to.equal('widget');
    expect(await chat.open(context, '  Card declined  ')).to.deep.equal({ path: 'widget', provider: 'intercom', prefilled: true });
    expect(calls.at(-1)).to.deep.equal(['showNewMessage', 'Card declined']);
    expect(page.opened).to.deep.equal([]);
  });

  it('filters the context by chat.context before any provider sees it', async () => {
    const calls: unknown[][] = [];
    const page = fakeWindow({ Intercom: (...args: unknown[]) => void calls.push(args) });
    await createChat({ provider: 'intercom', context: ['stage', 'struggle'] }, { window: page.window }).open(context);
    expect(calls[0]).to.deep.equal(['update', { waymark_stage: 'trial', waymark_struggle: 'form-error: card number' }]);
  });

  it('falls back to mailto with the message and the context when the widget is absent', async () => {
    const page = fakeWindow();
    const chat = createChat({ provider: 'crisp', url: 'mailto:help@example.com' }, { window: page.window });
    expect(chat.route()).to.equal('url');
    const report = await chat.open(context, 'Card declined');
    const expectedBody = 'Card declined\n\n---\nUser: u-7\nStage: trial\nPage: /billing\nStruggle: form-error: card number\nArticles read: Payment cards';
    const url = `mailto:help@example.com?subject=Help%20request&body=${encodeURIComponent(expectedBody)}`;
    expect(report).to.deep.equal({ path: 'url', provider: 'crisp', prefilled: true, reason: 'widget-missing', url });
    expect(page.assigned).to.deep.equal([url]);
  });

  it('opens a page URL in a new tab without an opener', async () => {
    const page = fakeWindow();
    const report = await createChat({ provider: 'zendesk', url: 'https://example.com/support' }, { window: page.window }).open(context, 'x');
    expect(report).to.deep.equal({ path: 'url', provider: 'zendesk', prefilled: false, reason: 'widget-missing', url: 'https://example.com/support' });
    expect(page.opened).to.deep.equal([['https://example.com/support', '_blank', 'noopener,noreferrer']]);
  });

  it('falls back when the widget throws, and reports the error', async () => {
    const broken: ChatAdapter = { provider: 'chatwoot', detect: () => true, open: () => { throw new Error('widget crashed'); } };
    const urls: string[] = [];
    const chat = createChat({ provider: 'chatwoot', url: '/contact' }, { window: fakeWindow().window, adapters: { chatwoot: broken }, openUrl: (u) => urls.push(u) });
    const report = await chat.open(context);
    expect([report.path, report.reason, (report.error as Error).message, report.url]).to.deep.equal(['url', 'widget-failed', 'widget crashed', '/contact']);
    expect(urls).to.deep.equal(['/contact']);
  });

  it('reports none when there is nowhere to go, and refuses unsafe fallback URLs', async () => {
    const page = fakeWindow();
    expect(await createChat({ provider: 'tawk' }, { window: page.window }).open(context)).to.deep.equal({ path: 'none', provider: 'tawk', prefilled: false, reason: 'widget-missing' });
    const unsafe = createChat({ provider: 'url', url: 'javascript:alert(1)' }, { window: page.window });
    expect(unsafe.route()).to.equal('none');
    expect(await unsafe.open(context)).to.deep.equal({ path: 'none', provider: 'url', prefilled: false, reason: 'unsafe-url' });
    expect(await createChat({ provider: 'none' }, { window: page.window }).open(context)).to.deep.equal({ path: 'none', provider: 'none', prefilled: false, reason: 'disabled' });
    expect(page.opened).to.deep.equal([]);
    expect(page.assigned).to.deep.equal([]);
  });

  it('hands the filtered context to a callback provider, and falls back if it fails', async () => {
    const requests: ChatRequest[] = [];
    const settings: ChatSettings = { provider: 'callback', context: ['page'], url: '/contact' };
    const urls: string[] = [];
    const ok = createChat(settings, { window: fakeWindow().window, callback: (r) => void requests.push(r), openUrl: (u) => urls.push(u) });
    expect(ok.route()).to.equal('callback');
    expect(await ok.open(context, 'Help')).to.deep.equal({ path: 'callback', provider: 'callback', prefilled: true });
    expect(requests).to.deep.equal([{ context: { page: '/billing' }, message: 'Help' }]);

    const failing = createChat(settings, { window: fakeWindow().window, callback: () => Promise.reject(new Error('down')), openUrl: (u) => urls.push(u) });
    const report = await failing.open(context);
    expect([report.path, report.reason]).to.deep.equal(['url', 'callback-failed']);
    expect(urls).to.deep.equal(['/contact']);
    const missing = await createChat(settings, { window: fakeWindow().window, openUrl: (u) => urls.push(u) }).open(context);
    expect([missing.path, missing.reason]).to.deep.equal(['url', 'callback-missing']);
  });

  it('answers operator hours from the settings', () => {
    const chat = createChat({ provider: 'crisp', hours: { timeZone: 'Europe/Vilnius', weekly: { mon: ['09:00-18:00'] } } }, { window: fakeWindow().window });
    expect(chat.withinHours(Date.parse('2025-01-13T08:00:00Z'))).to.equal(true);
    expect(chat.withinHours(Date.parse('2025-01-14T08:00:00Z'))).to.equal(false);
    expect(new Date(chat.nextOpening(Date.parse('2025-01-14T08:00:00Z'))!).toISOString()).to.equal('2025-01-20T07:00:00.000Z');
    const always = createChat({ provider: 'crisp' }, { window: fakeWindow().window });
    expect(always.withinHours(0)).to.equal(true);
    expect(always.nextOpening(5)).to.equal(5);
  });
});
