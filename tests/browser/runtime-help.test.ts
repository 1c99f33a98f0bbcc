import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkEventMap } from '../../src/index.js';
import { nextEvent, uniqueDb, until } from './helpers.js';

type HelpElement = HTMLElement & { isOpen?: boolean };
const helpElement = () => document.querySelector<HelpElement>('wm-help[data-waymark-ui]');

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
    wm = createWaymark({ config: config(), user: { id: 'u-help' }, storage: { dbName: uniqueDb() } });
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
});
