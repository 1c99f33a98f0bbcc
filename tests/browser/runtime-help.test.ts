import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkEventMap } from '../../src/index.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

type HelpElement = HTMLElement & { isOpen?: boolean };
const helpElement = () => document.querySelector<HelpElement>('wm-help[data-waymark-ui]');
/** An element inside the panel, or null while the panel is not on the page. */
const inPanel = <E extends Element = HTMLElement>(selector: string): E | null => helpElement()?.shadowRoot?.querySelector<E>(selector) ?? null;

/** Replace `window.fetch` for requests to `origin` (the rest go through) until the returned restore is called. */
function interceptFetch(origin: string, answer: (url: string, init?: RequestInit) => Response | Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return url.startsWith(origin) ? Promise.resolve(answer(url, init)) : original(input, init);
  }) as typeof fetch;
  return () => (window.fetch = original);
}

const config = (hours?: NonNullable<WaymarkConfig['chat']>['hours']): WaymarkConfig => ({
  version: '1',
  stages: [{ id: 'integrate' }],
  articles: [
    { id: 'api-keys', title: { en: 'Create an API key', lt: 'Sukurkite API raktą' }, url: 'https://help.example.com/api-keys', summary: 'Keys authenticate integrations.' },
    { id: 'webhooks', title: 'Verify webhook signatures', url: 'https://help.example.com/webhooks' },
  ],
  chat: { provider: 'callback', ...(hours ? { hours } : {}), offline: { form: true } },
  experiences: [
    {
      id: 'stuck-on-save',
      type: 'nudge',
      when: { struggle: 'rage-click' },
      escalation: [
        { kind: 'hint', body: 'The button needs an API key first.' },
        { kind: 'articles', articles: ['api-keys', 'webhooks'] },
        { kind: 'chat', body: 'Talk to us?', message: 'I am stuck saving an integration' },
      ],
    },
  ],
});

describe('the support funnel, wired by the runtime', () => {
  let wm: Waymark | undefined;
  let button: HTMLButtonElement;
  beforeEach(() => {
    button = document.createElement('button');
    button.id = 'wm-save';
    button.textContent = 'Save integration';
    document.body.append(button);
  });
  afterEach(async () => {
    wm?.destroy();
    wm = undefined;
    button.remove();
    await resetMouse();
  });

  it('openHelp() opens the help panel; destroy() removes it', async () => {
    // The floating help launcher on its own (the resource center, on by default, would hold help).
    wm = createWaymark({ config: { ...config(), resourceCenter: { enabled: false } }, user: { id: 'u-help' }, storage: { dbName: uniqueDb() } });
    await wm.ready;
    await until(() => helpElement() !== null, 'the floating help launcher mounted');
    // A floating checklist stacks above the help launcher instead of covering it.
    expect(document.documentElement.style.getPropertyValue('--wm-checklist-bottom')).to.equal('76px');
    wm.openHelp();
    await until(() => helpElement()?.isOpen === true, 'the panel open');
    wm.destroy();
    wm = undefined;
    await until(() => helpElement() === null, 'the panel removed');
    expect(document.documentElement.style.getPropertyValue('--wm-checklist-bottom')).to.equal('');
  });

  it('a rage-click burst produces the nudge; its chat offer hands over with the full context', async () => {
    wm = createWaymark({ config: config(), user: { id: 'u-funnel', traits: { plan: 'pro' } }, storage: { dbName: uniqueDb() }, helpLauncher: false });
    await wm.ready;
    wm.setStage('integrate');
    const nudge = nextEvent(wm, 'show', (e) => e.experience.id === 'stuck-on-save');
    const r = button.getBoundingClientRect();
    for (let i = 0; i < 4; i++) await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    expect((await nudge).level ?? 0).to.equal(0);

    const handoff: Promise<WaymarkEventMap['open-chat']> = nextEvent(wm, 'open-chat');
    wm.act('stuck-on-save', { type: 'button', action: { type: 'open-chat', message: 'I am stuck saving an integration' } });
    const { message, context } = await handoff;
    expect(message).to.equal('I am stuck saving an integration');
    expect(context?.user?.id).to.equal('u-funnel');
    expect(context?.user?.traits).to.deep.include({ plan: 'pro' });
    expect(context?.stage).to.equal('integrate');
    expect(context?.page).to.equal(location.pathname + location.search);
    expect(context?.struggle?.kind).to.equal('rage-click');
  });

  it('funnel events carry their documented props: the nudge that handed over, the experience that opened an article', async () => {
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = ((...args: unknown[]) => (opened.push(args), null)) as typeof window.open;
    try {
      wm = createWaymark({ config: config(), user: { id: 'u-props' }, storage: { kind: 'memory' }, helpLauncher: false });
      await wm.ready;
      wm.start('stuck-on-save');
      const chat = nextEvent(wm, 'chat_opened');
      wm.act('stuck-on-save', { type: 'button', action: { type: 'open-chat' } });
      expect((await chat).props).to.deep.equal({ provider: 'callback', online: true, source: 'nudge', path: 'callback' });
      const fromApi = nextEvent(wm, 'chat_opened');
      wm.openChat();
      expect((await fromApi).props).to.deep.include({ source: 'api' });

      const article = nextEvent(wm, 'article_opened');
      wm.act('stuck-on-save', { type: 'button', action: { type: 'open-article', article: 'api-keys' } });
      const event = await article;
      expect(event).to.deep.include({ experienceId: 'stuck-on-save', experienceType: 'nudge' });
      expect(event.props).to.deep.equal({ articleId: 'api-keys', source: 'action', kb: 'local', inPanel: false });
      expect(opened).to.deep.equal([['https://help.example.com/api-keys', '_blank', 'noopener,noreferrer']]);
    } finally {
      window.open = original;
    }
  });

  it('what the user did in the funnel is an event for triggers: a CSAT survey after a chat, and not before', async () => {
    const withSurvey: WaymarkConfig = {
      ...config(),
      experiences: [{ id: 'csat-after-chat', type: 'survey', kind: 'csat', question: 'How did the chat go?', when: { event: 'chat_opened' } }],
    };
    wm = createWaymark({ config: withSurvey, user: { id: 'u-after-chat' }, storage: { kind: 'memory' }, helpLauncher: false });
    await wm.ready;
    expect(wm.why('csat-after-chat')?.eligible).to.equal(false);
    const survey = nextEvent(wm, 'show', (e) => e.experience.id === 'csat-after-chat');
    wm.openChat('Hello');
    await survey;
    await until(() => document.querySelector('wm-survey[data-waymark-ui]') !== null, 'the survey on screen');
  });

  it('outside operator hours a chat request opens the panel (articles and the message form), never a dead end', async () => {
    const closed = { timeZone: 'Europe/Vilnius', weekly: {} };
    wm = createWaymark({ config: config(closed), user: { id: 'u-offline' }, storage: { dbName: uniqueDb() }, helpLauncher: false });
    await wm.ready;
    let handedOff = false;
    wm.on('open-chat', () => (handedOff = true));
    wm.openChat('Anyone there?');
    await until(() => helpElement()?.isOpen === true, 'the help panel open instead of a chat');
    expect(handedOff).to.equal(false);
  });

  it('the open panel follows the user: suggestions change when the page changes', async () => {
    const startUrl = location.href;
    const scoped: WaymarkConfig = {
      ...config(),
      articles: [
        { id: 'keys', title: 'Create an API key', url: 'https://help.example.com/keys', pages: ['/wm-help-keys'] },
        { id: 'billing', title: 'Change your plan', url: 'https://help.example.com/billing', pages: ['/wm-help-billing'] },
      ],
    };
    try {
      history.replaceState(null, '', '/wm-help-keys');
      wm = createWaymark({ config: scoped, user: { id: 'u-follow' }, storage: { kind: 'memory' }, helpLauncher: false });
      await wm.ready;
      wm.openHelp();
      const suggested = () => [...(helpElement()?.shadowRoot?.querySelectorAll<HTMLElement>('[data-article]') ?? [])].map((a) => a.dataset.article);
      await until(() => suggested().join() === 'keys', 'the API-key article suggested on the keys page');
      history.pushState(null, '', '/wm-help-billing');
      await until(() => suggested().join() === 'billing', 'the billing article suggested after navigating');
    } finally {
      history.replaceState(null, '', startUrl);
    }
  });

  describe('the panel goes through the same wiring', () => {
    const restore: Array<() => void> = [];
    afterEach(() => {
      for (const undo of restore.splice(0).reverse()) undo();
    });

    it('"Contact us" within operator hours hands over once, with the articles the user opened in the panel', async () => {
      const opened: unknown[][] = [];
      const originalOpen = window.open;
      window.open = ((...args: unknown[]) => (opened.push(args), null)) as typeof window.open;
      restore.push(() => (window.open = originalOpen));
      wm = createWaymark({ config: config(), user: { id: 'u-contact' }, storage: { kind: 'memory' }, helpLauncher: false, locale: 'lt' });
      await wm.ready;
      wm.setStage('integrate');
      const handoffs = record(wm, 'open-chat');
      const chats = record(wm, 'chat_opened');
      wm.openHelp('API');
      await until(() => inPanel('[data-article="api-keys"]') !== null, 'the API-key article listed');
      // Without a body it opens in a new tab: the link's own navigation is cancelled, its click handler still runs.
      document.addEventListener('click', (event) => event.preventDefault(), { once: true });
      inPanel<HTMLElement>('[data-article="api-keys"]')!.click();
      inPanel<HTMLButtonElement>('[part="contact"]')!.click();
      await until(() => handoffs.length === 1 && chats.length === 1, 'the handoff to the app, reported');
      // The article as the user saw it (Lithuanian), tracked once for the operator.
      expect(handoffs[0]!.context?.articlesOpened).to.deep.equal([{ id: 'api-keys', title: 'Sukurkite API raktą' }]);
      expect(handoffs[0]!.context?.stage).to.equal('integrate');
      expect(chats.map((event) => event.props)).to.deep.equal([{ provider: 'callback', online: true, source: 'help', path: 'callback' }]);
      await until(() => helpElement()?.isOpen === false, 'the panel closed for the chat');
      // wm.openChat() hands over the same record: the articles opened are tracked in one place.
      wm.openChat('Still stuck');
      await until(() => handoffs.length === 2, 'the second handoff');
      expect(handoffs[1]!.context?.articlesOpened).to.deep.equal([{ id: 'api-keys', title: 'Sukurkite API raktą' }]);
    });

    it('outside operator hours the panel\'s form goes through the message queue: only the context `chat.context` shares, delivered once the endpoint is up, exactly once', async () => {
      const received: Array<{ email: string; message: string; context: unknown }> = [];
      const server = { up: false, attempts: 0 };
      restore.push(
        interceptFetch('https://support.example/', (_url, init) => {
          server.attempts++;
          if (!server.up) return new Response('busy', { status: 503 });
          received.push(JSON.parse(String(init?.body)));
          return new Response(null, { status: 204 });
        }),
      );
      const closed: WaymarkConfig = {
        ...config({ timeZone: 'UTC', weekly: {} }),
        chat: { provider: 'callback', hours: { timeZone: 'UTC', weekly: {} }, offline: { form: true, endpoint: 'https://support.example/messages' }, context: ['page', 'stage'] },
      };
      wm = createWaymark({ config: closed, user: { id: 'u-private', traits: { email: 'ona@example.lt' } }, storage: { dbName: uniqueDb() }, helpLauncher: false });
      await wm.ready;
      wm.setStage('integrate');
      const left = record(wm, 'message_left');
      const handoffs = record(wm, 'open-chat');
      wm.openHelp();
      await until(() => helpElement()?.isOpen === true, 'the panel open');
      inPanel<HTMLButtonElement>('[part="contact"]')!.click();
      await until(() => inPanel('form') !== null, 'the leave-a-message form');
      inPanel<HTMLInputElement>('#wm-help-email')!.value = 'ona@example.lt';
      inPanel<HTMLTextAreaElement>('#wm-help-message')!.value = 'Where is my invoice?';
      inPanel<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => inPanel('.sent') !== null, 'sent');
      await until(() => left.length === 1 && server.attempts > 0, 'the message stored and tried');
      expect(received).to.deep.equal([]);
      server.up = true;
      window.dispatchEvent(new Event('online'));
      await until(() => received.length === 1, 'the message delivered');
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((m) => [m.email, m.message])).to.deep.equal([['ona@example.lt', 'Where is my invoice?']]);
      expect(received[0]!.context).to.deep.equal({ page: location.pathname + location.search, stage: 'integrate' });
      expect(handoffs).to.deep.equal([]);
    });

    it('a remote knowledge base that fails leaves the local hits in the panel', async () => {
      restore.push(interceptFetch('https://kb.example/', () => new Response('down', { status: 503 })));
      wm = createWaymark({ config: { ...config(), search: { provider: 'json', url: 'https://kb.example/search' } }, user: { id: 'u-kb' }, storage: { kind: 'memory' }, helpLauncher: false });
      await wm.ready;
      const searched = nextEvent(wm, 'help_searched');
      wm.openHelp('webhook');
      expect((await searched).props).to.deep.equal({ query: 'webhook', results: 1, remote: 'failed' });
      expect([...(helpElement()?.shadowRoot?.querySelectorAll<HTMLElement>('[data-article]') ?? [])].map((a) => a.dataset.article)).to.deep.equal(['webhooks']);
    });
  });
});
