/**
 * Help, chat handoff and the resource center are code of their own: a tour-only page never downloads it, a
 * config that has them loads it while the config is read, and a call made before it is in still works.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { record, until } from './helpers.js';

type HelpElement = HTMLElement & { isOpen?: boolean };
const helpElements = () => document.querySelectorAll<HelpElement>('wm-help[data-waymark-ui]');
const inPanel = (selector: string) => helpElements()[0]?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** The runtime's help, chat and resource-center modules this page has fetched so far. */
const supportCodeFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/src\/runtime\/(support|help|resource-center)\.ts$/.test(path));

const tourOnly: WaymarkConfig = {
  version: '1',
  experiences: [{ id: 'welcome', type: 'tour', when: { event: 'never-sent' }, steps: [{ title: 'Welcome' }] }],
};

const withArticles: WaymarkConfig = {
  version: '1',
  articles: [
    { id: 'api-keys', title: 'Create an API key', url: 'https://help.example.com/api-keys' },
    { id: 'webhooks', title: 'Verify webhook signatures', url: 'https://help.example.com/webhooks' },
  ],
  resourceCenter: { enabled: false },
  experiences: [],
};

describe('help, chat and the resource center load only when something needs them', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  // First in this file: the page has fetched no help code yet.
  it('a tour-only page fetches no help code; openHelp() from code still opens the panel, as before', async () => {
    wm = createWaymark({ config: tourOnly, user: { id: 'u-tour-only' }, storage: { kind: 'memory' } });
    const asked = record(wm, 'open-help');
    await wm.ready;
    expect(supportCodeFetched()).to.deep.equal([]);
    wm.openHelp('keys');
    await until(() => helpElements()[0]?.isOpen === true, 'the help panel open');
    expect(asked).to.deep.equal([{ query: 'keys' }]);
    expect(supportCodeFetched().length).to.be.greaterThan(0);
  });

  it("openHelp() before `ready` waits for the config: the panel searches the config's articles, and one panel only", async () => {
    wm = createWaymark({ config: withArticles, user: { id: 'u-early-help' }, storage: { kind: 'memory' } });
    wm.openHelp('API');
    await wm.ready;
    await until(() => inPanel('[data-article="api-keys"]') !== null, 'the API-key article listed');
    expect(helpElements().length).to.equal(1);
  });

  it('openChat() before `ready` without a UI hands over to the app with the message', async () => {
    wm = createWaymark({ config: { ...withArticles, chat: { provider: 'callback' } }, user: { id: 'u-early-chat' }, storage: { kind: 'memory' }, ui: false });
    const handoffs = record(wm, 'open-chat');
    wm.openChat('Hello');
    await wm.ready;
    await until(() => handoffs.length === 1, 'the handoff');
    expect(handoffs[0]!.message).to.equal('Hello');
    expect(handoffs[0]!.context?.user?.id).to.equal('u-early-chat');
  });
});
