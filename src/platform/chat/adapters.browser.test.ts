import { expect } from '@open-wc/testing';
import {
  CHAT_ADAPTERS, carrotquestAdapter, chatwootAdapter, createZendeskAdapter, crispAdapter, detectProviders, freshchatAdapter,
  helpscoutAdapter, hubspotAdapter, intercomAdapter, livechatAdapter, tawkAdapter, zendeskAdapter,
} from './adapters.js';
import { filterContext } from './context.js';
import type { ChatContext } from '../../core/chat/contract.js';

const context: ChatContext = {
  user: { id: 'u-42', traits: { email: 'ona@example.lt', name: 'Ona Jonaitė', plan: 'pro', seats: 5, beta: true, tags: ['x'] } },
  stage: 'setup',
  page: '/integrations/slack',
  step: { experienceId: 'onboarding', step: 1, title: 'Connect Slack' },
  struggle: { kind: 'rage-click', detail: '#connect' },
  articlesOpened: [{ id: 'integrations', title: 'Connect integrations' }, { id: 'webhooks', title: 'Webhooks' }],
  recentErrors: ['TypeError: x is undefined'],
};
const shared = filterContext(context);
const message = 'My Slack will not connect';

const attributes = {
  waymark_user_id: 'u-42',
  waymark_stage: 'setup',
  waymark_page: '/integrations/slack',
  waymark_step: '"Connect Slack" (tour onboarding, step 2)',
  waymark_struggle: 'rage-click: #connect',
  waymark_articles: 'Connect integrations; Webhooks',
  waymark_errors: 'TypeError: x is undefined',
};
const traits = { plan: 'pro', seats: 5, beta: true };
const tags = ['waymark', 'stage-setup', 'struggle-rage-click', 'tour-onboarding'];

type Calls = unknown[][];
type Globals = Record<string, unknown>;
const globals = window as unknown as Globals;

/** Install stand-ins on the real window for one test; removed afterwards. */
const installed: string[] = [];
function install(name: string, value: unknown): void {
  globals[name] = value;
  installed.push(name);
}
afterEach(() => {
  for (const name of installed.splice(0)) delete globals[name];
});

/** An object whose named methods record `[method, ...args]`. */
function recorder(calls: Calls, methods: string[], returns: Record<string, unknown> = {}): Globals {
  return Object.fromEntries(methods.map((name) => [name, (...args: unknown[]) => (calls.push([name, ...args]), returns[name])]));
}

describe('chat adapters against stand-ins of each documented API', () => {
  it('detects nothing on a page without widgets', () => {
    expect(detectProviders(window)).to.deep.equal([]);
    for (const adapter of Object.values(CHAT_ADAPTERS)) expect(adapter.detect(window), adapter.provider).to.equal(false);
  });

  it('Intercom: update with custom attributes, trackEvent with metadata, showNewMessage with the text', () => {
    const calls: Calls = [];
    install('Intercom', (...args: unknown[]) => void calls.push(args));
    expect(detectProviders(window)).to.deep.equal(['intercom']);
    expect(intercomAdapter.open(shared, message, window)).to.deep.equal({ prefilled: true });
    expect(calls).to.deep.equal([
      ['update', { ...traits, ...attributes }],
      ['trackEvent', 'waymark-help-requested', attributes],
      ['showNewMessage', message],
    ]);
    calls.length = 0;
    expect(intercomAdapter.open({ stage: 'trial' }, undefined, window)).to.deep.equal({ prefilled: false });
    expect(calls).to.deep.equal([['update', { waymark_stage: 'trial' }], ['trackEvent', 'waymark-help-requested', { waymark_stage: 'trial' }], ['show']]);
  });

  it('Crisp: queue commands on $crisp (works before the chatbox loads)', () => {
    const queue: unknown[] = [];
    install('$crisp', queue);
    expect(crispAdapter.detect(window)).to.equal(true);
    expect(crispAdapter.open(shared, message, window)).to.deep.equal({ prefilled: true });
    expect(queue).to.deep.equal([
      ['set', 'user:email', ['ona@example.lt']],
      ['set', 'user:nickname', ['Ona Jonaitė']],
      ['set', 'session:data', [Object.entries({ ...traits, ...attributes })]],
      ['set', 'session:segments', [tags]],
      ['set', 'message:text', [message]],
      ['do', 'chat:open'],
    ]);
  });

  it('Zendesk Messaging: conversation tags, mapped conversation fields, then open', () => {
    const calls: Calls = [];
    install('zE', (...args: unknown[]) => void calls.push(args));
    expect(zendeskAdapter.detect(window)).to.equal(true);
    expect(zendeskAdapter.open(shared, message, window)).to.deep.equal({ prefilled: false });
    expect(calls).to.deep.equal([['messenger:set', 'conversationTags', tags], ['messenger', 'open']]);
    calls.length = 0;
    const mapped = createZendeskAdapter({ fields: { waymark_stage: '9001', waymark_struggle: '9002', waymark_step: '9003' } });
    mapped.open(filterContext(context, ['stage', 'struggle']), message, window);
    expect(calls).to.deep.equal([
      ['messenger:set', 'conversationTags', ['waymark', 'stage-setup', 'struggle-rage-click']],
      ['messenger:set', 'conversationFields', [{ id: '9001', value: 'setup' }, { id: '9002', value: 'rage-click: #connect' }]],
      ['messenger', 'open'],
    ]);
  });

  it('Chatwoot: contact attributes, conversation attributes, toggle("open")', () => {
    const calls: Calls = [];
    install('$chatwoot', recorder(calls, ['setCustomAttributes', 'setConversationCustomAttributes', 'toggle', 'setUser']));
    expect(chatwootAdapter.detect(window)).to.equal(true);
    expect(chatwootAdapter.open(shared, message, window)).to.deep.equal({ prefilled: false });
    const { waymark_user_id: _user, ...conversation } = attributes;
    expect(calls).to.deep.equal([
      ['setCustomAttributes', { ...traits, waymark_user_id: 'u-42' }],
      ['setConversationCustomAttributes', conversation],
      ['toggle', 'open'],
    ]);
  });

  it('HubSpot: identify on _hsq (with an email), then open, or load open when not loaded yet', () => {
    const calls: Calls = [];
    const hsq: unknown[] = [];
    install('_hsq', hsq);
    install('HubSpotConversations', { widget: recorder(calls, ['open', 'load', 'status'], { status: { loaded: true } }) });
    expect(hubspotAdapter.detect(window)).to.equal(true);
    expect(hubspotAdapter.open(shared, message, window)).to.deep.equal({ prefilled: false });
    expect(hsq).to.deep.equal([['identify', { email: 'ona@example.lt', ...attributes }]]);
    expect(calls).to.deep.equal([['status'], ['open']]);

    calls.length = 0;
    hsq.length = 0;
    install('HubSpotConversations', { widget: recorder(calls, ['open', 'load', 'status'], { status: { loaded: false } }) });
    hubspotAdapter.open(filterContext(context, ['stage']), undefined, window);
    expect(hsq, 'no email, nobody to attach properties to').to.deep.equal([]);
    expect(calls).to.deep.equal([['status'], ['load', { widgetOpen: true }]]);
  });

  it('Carrot quest: identify user properties, track the request with the message, open', () => {
    const calls: Calls = [];
    install('carrotquest', recorder(calls, ['identify', 'track', 'open', 'connect']));
    expect(carrotquestAdapter.detect(window)).to.equal(true);
    carrotquestAdapter.open(shared, message, window);
    expect(calls).to.deep.equal([
      ['identify', { ...attributes, $email: 'ona@example.lt', $name: 'Ona Jonaitė' }],
      ['track', 'waymark-help-requested', { ...attributes, message }],
      ['open'],
    ]);
  });

  it('LiveChat: customer name and email, merged session variables, maximize', () => {
    const calls: Calls = [];
    install('LiveChatWidget', recorder(calls, ['call', 'on', 'get']));
    expect(livechatAdapter.detect(window)).to.equal(true);
    livechatAdapter.open(shared, message, window);
    expect(calls).to.deep.equal([
      ['call', 'set_customer_name', 'Ona Jonaitė'],
      ['call', 'set_customer_email', 'ona@example.lt'],
      ['call', 'update_session_variables', { ...attributes, waymark_message: message }],
      ['call', 'maximize'],
    ]);
  });

  it('Tawk.to: hyphenated attributes, an event, tags, maximize', () => {
    const calls: Calls = [];
    install('Tawk_API', recorder(calls, ['setAttributes', 'addEvent', 'addTags', 'maximize']));
    expect(tawkAdapter.detect(window)).to.equal(true);
    tawkAdapter.open(filterContext(context, ['user', 'stage']), message, window);
    expect(calls.map((call) => call.filter((arg) => typeof arg !== 'function'))).to.deep.equal([
      ['setAttributes', { 'waymark-user-id': 'u-42', 'waymark-stage': 'setup', email: 'ona@example.lt', name: 'Ona Jonaitė' }],
      ['addEvent', 'waymark-help-requested', { 'waymark-user-id': 'u-42', 'waymark-stage': 'setup', message }],
      ['addTags', ['waymark', 'stage-setup']],
      ['maximize'],
    ]);
    expect(calls.slice(0, 3).map((call) => typeof call.at(-1)), 'completion callbacks, as the API takes them').to.deep.equal(['function', 'function', 'function']);
  });

  it('Help Scout Beacon: session data, prefill, open, and the message form', () => {
    const calls: Calls = [];
    install('Beacon', (...args: unknown[]) => void calls.push(args));
    expect(helpscoutAdapter.detect(window)).to.equal(true);
    expect(helpscoutAdapter.open(shared, message, window)).to.deep.equal({ prefilled: true });
    expect(calls).to.deep.equal([
      ['session-data', attributes],
      ['prefill', { email: 'ona@example.lt', name: 'Ona Jonaitė', text: message }],
      ['open'],
      ['navigate', '/ask/message/'],
    ]);
  });

  it('Freshchat: user properties, then open with replyText', () => {
    const calls: Calls = [];
    const widget = recorder(calls, ['open', 'isOpen']);
    widget.user = recorder(calls, ['setProperties']);
    install('fcWidget', widget);
    expect(freshchatAdapter.detect(window)).to.equal(true);
    expect(freshchatAdapter.open(shared, message, window)).to.deep.equal({ prefilled: true });
    expect(calls).to.deep.equal([
      ['setProperties', { ...traits, ...attributes, email: 'ona@example.lt', firstName: 'Ona Jonaitė' }],
      ['open', { replyText: message }],
    ]);
  });

  it('passes only what chat.context allows', () => {
    const calls: Calls = [];
    install('Intercom', (...args: unknown[]) => void calls.push(args));
    intercomAdapter.open(filterContext(context, ['page', 'errors']), undefined, window);
    expect(calls[0]).to.deep.equal(['update', { waymark_page: '/integrations/slack', waymark_errors: 'TypeError: x is undefined' }]);
  });
});
