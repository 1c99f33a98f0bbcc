/**
 * One adapter per chat provider, each calling only that vendor's documented JavaScript API:
 *
 * | provider | detected by | context passed as | message |
 * |---|---|---|---|
 * | Intercom | `Intercom()` | `Intercom('update', attrs)` custom attributes + `Intercom('trackEvent', …, metadata)` | `Intercom('showNewMessage', text)` |
 * | Crisp | `$crisp.push` | `["set","session:data",[[[k,v]…]]]`, `user:email`/`user:nickname`, `session:segments` | `["set","message:text",[text]]` |
 * | Zendesk Messaging | `zE()` | `zE('messenger:set','conversationTags',[…])`, and `conversationFields` for mapped field ids | — (no prefill API) |
 * | HubSpot | `HubSpotConversations.widget` | `_hsq.push(['identify', props])` when the visitor has an email | — |
 * | Chatwoot | `$chatwoot` | `setCustomAttributes` (contact), `setConversationCustomAttributes` (conversation) | — |
 * | Carrot quest | `carrotquest.open` | `carrotquest.identify(props)` + `carrotquest.track(event, params)` | — (in the event) |
 * | LiveChat | `LiveChatWidget.call` | `update_session_variables`, `set_customer_name`/`_email` | — (as a session variable) |
 * | Tawk.to | `Tawk_API.maximize` | `setAttributes`, `addEvent`, `addTags` | — (in the event) |
 * | Help Scout | `Beacon()` | `Beacon('session-data', attrs)` | `Beacon('prefill', {text})` + `navigate('/ask/message/')` |
 * | Freshchat | `fcWidget.open` | `fcWidget.user.setProperties(props)` | `fcWidget.open({ replyText })` |
 */
import { contactOf, contextAttributes, contextTags, traitAttributes } from './context.js';
import type { AdapterOpenResult, AttributeValue, ChatAdapter, WidgetProvider } from './types.js';

type Globals = Record<string, unknown>;
type AnyFunction = (...args: never[]) => unknown;
/** A vendor function; vendors accept loosely typed arguments. */
type VendorCall = (...args: unknown[]) => unknown;

const globalsOf = (win: Window): Globals => win as unknown as Globals;
const isFunction = (value: unknown): value is AnyFunction => typeof value === 'function';
const record = (value: unknown): Globals | undefined => (typeof value === 'object' && value !== null) || typeof value === 'function' ? (value as Globals) : undefined;
const vendor = (value: unknown): VendorCall => value as VendorCall;
/** `obj.method`, called with `obj` as `this` (vendor methods may rely on it). */
const method = (owner: Globals, name: string): VendorCall => (...args: unknown[]) => (owner[name] as VendorCall).apply(owner, args);

const HELP_REQUESTED_EVENT = 'waymark-help-requested';
const prefilled = (value: boolean): AdapterOpenResult => ({ prefilled: value });

export const intercomAdapter: ChatAdapter = {
  provider: 'intercom',
  detect: (win) => isFunction(globalsOf(win).Intercom),
  open(context, message, win) {
    const intercom = vendor(globalsOf(win).Intercom);
    const attributes = contextAttributes(context);
    intercom('update', { ...traitAttributes(context), ...attributes });
    intercom('trackEvent', HELP_REQUESTED_EVENT, attributes);
    if (message) intercom('showNewMessage', message);
    else intercom('show');
    return prefilled(!!message);
  },
};

export const crispAdapter: ChatAdapter = {
  provider: 'crisp',
  detect: (win) => isFunction(record(globalsOf(win).$crisp)?.push),
  open(context, message, win) {
    const push = method(record(globalsOf(win).$crisp)!, 'push');
    const { email, name } = contactOf(context);
    if (email) push(['set', 'user:email', [email]]);
    if (name) push(['set', 'user:nickname', [name]]);
    const data = Object.entries({ ...traitAttributes(context), ...contextAttributes(context) });
    if (data.length > 0) push(['set', 'session:data', [data]]);
    push(['set', 'session:segments', [contextTags(context)]]);
    if (message) push(['set', 'message:text', [message]]);
    push(['do', 'chat:open']);
    return prefilled(!!message);
  },
};

export interface ZendeskAdapterOptions {
  /**
   * Zendesk conversation fields are custom ticket fields addressed by id (created in Admin Center, end-user
   * editable). Map attribute names (`waymark_stage`, `waymark_page`, …, see `contextAttributes`) to field ids.
   */
  fields?: Partial<Record<string, string>>;
}

export function createZendeskAdapter(options: ZendeskAdapterOptions = {}): ChatAdapter {
  return {
    provider: 'zendesk',
    detect: (win) => isFunction(globalsOf(win).zE),
    open(context, _message, win) {
      const zE = vendor(globalsOf(win).zE);
      zE('messenger:set', 'conversationTags', contextTags(context));
      const attributes = contextAttributes(context);
      const fields = Object.entries(options.fields ?? {})
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && attributes[entry[0]] !== undefined)
        .map(([name, id]) => ({ id, value: attributes[name]! }));
      if (fields.length > 0) zE('messenger:set', 'conversationFields', fields);
      zE('messenger', 'open');
      return prefilled(false);
    },
  };
}
export const zendeskAdapter: ChatAdapter = createZendeskAdapter();

export const hubspotAdapter: ChatAdapter = {
  provider: 'hubspot',
  detect: (win) => isFunction(record(record(globalsOf(win).HubSpotConversations)?.widget)?.open),
  open(context, _message, win) {
    const globals = globalsOf(win);
    const { email } = contactOf(context);
    // HubSpot ties tracking properties to a contact by email; without one there is nobody to attach them to.
    const queue = record(globals._hsq);
    if (email && queue && isFunction(queue.push)) method(queue, 'push')(['identify', { email, ...contextAttributes(context) }]);
    const widget = record(record(globals.HubSpotConversations)!.widget)!;
    const status = isFunction(widget.status) ? record(method(widget, 'status')()) : undefined;
    if (status && status.loaded === false) method(widget, 'load')({ widgetOpen: true });
    else method(widget, 'open')();
    return prefilled(false);
  },
};

export const chatwootAdapter: ChatAdapter = {
  provider: 'chatwoot',
  detect: (win) => isFunction(record(globalsOf(win).$chatwoot)?.toggle),
  open(context, _message, win) {
    const chatwoot = record(globalsOf(win).$chatwoot)!;
    const contact: Record<string, AttributeValue> = { ...traitAttributes(context) };
    if (context.user) contact.waymark_user_id = context.user.id;
    if (Object.keys(contact).length > 0) method(chatwoot, 'setCustomAttributes')(contact);
    const { waymark_user_id: _onContact, ...conversation } = contextAttributes(context);
    if (Object.keys(conversation).length > 0) method(chatwoot, 'setConversationCustomAttributes')(conversation);
    method(chatwoot, 'toggle')('open');
    return prefilled(false);
  },
};

export const carrotquestAdapter: ChatAdapter = {
  provider: 'carrotquest',
  detect: (win) => isFunction(record(globalsOf(win).carrotquest)?.open),
  open(context, message, win) {
    const carrotquest = record(globalsOf(win).carrotquest)!;
    const { email, name } = contactOf(context);
    const properties: Record<string, AttributeValue> = { ...contextAttributes(context) };
    if (email) properties.$email = email;
    if (name) properties.$name = name;
    method(carrotquest, 'identify')(properties);
    method(carrotquest, 'track')(HELP_REQUESTED_EVENT, message ? { ...contextAttributes(context), message } : contextAttributes(context));
    method(carrotquest, 'open')();
    return prefilled(false);
  },
};

export const livechatAdapter: ChatAdapter = {
  provider: 'livechat',
  detect: (win) => isFunction(record(globalsOf(win).LiveChatWidget)?.call),
  open(context, message, win) {
    const call = method(record(globalsOf(win).LiveChatWidget)!, 'call');
    const { email, name } = contactOf(context);
    if (name) call('set_customer_name', name);
    if (email) call('set_customer_email', email);
    const variables: Record<string, AttributeValue> = contextAttributes(context);
    if (message) variables.waymark_message = message.slice(0, 255);
    // `update_…` merges with the host's own session variables, where `set_…` would replace them.
    if (Object.keys(variables).length > 0) call('update_session_variables', variables);
    call('maximize');
    return prefilled(false);
  },
};

export const tawkAdapter: ChatAdapter = {
  provider: 'tawk',
  detect: (win) => isFunction(record(globalsOf(win).Tawk_API)?.maximize),
  open(context, message, win) {
    const tawk = record(globalsOf(win).Tawk_API)!;
    const ignore = () => undefined;
    const { email, name } = contactOf(context);
    // Tawk.to attribute keys are letters, digits and hyphens.
    const attributes: Record<string, AttributeValue> = contextAttributes(context, '-');
    if (email) attributes.email = email;
    if (name) attributes.name = name;
    if (isFunction(tawk.setAttributes)) method(tawk, 'setAttributes')(attributes, ignore);
    if (isFunction(tawk.addEvent)) method(tawk, 'addEvent')(HELP_REQUESTED_EVENT, message ? { ...contextAttributes(context, '-'), message } : contextAttributes(context, '-'), ignore);
    if (isFunction(tawk.addTags)) method(tawk, 'addTags')(contextTags(context), ignore);
    method(tawk, 'maximize')();
    return prefilled(false);
  },
};

export const helpscoutAdapter: ChatAdapter = {
  provider: 'helpscout',
  detect: (win) => isFunction(globalsOf(win).Beacon),
  open(context, message, win) {
    const beacon = vendor(globalsOf(win).Beacon);
    const data = contextAttributes(context);
    if (Object.keys(data).length > 0) beacon('session-data', data);
    const fill: Record<string, string> = { ...contactOf(context) };
    if (message) fill.text = message;
    if (Object.keys(fill).length > 0) beacon('prefill', fill);
    beacon('open');
    if (message) beacon('navigate', '/ask/message/');
    return prefilled(!!message);
  },
};

export const freshchatAdapter: ChatAdapter = {
  provider: 'freshchat',
  detect: (win) => isFunction(record(globalsOf(win).fcWidget)?.open),
  open(context, message, win) {
    const widget = record(globalsOf(win).fcWidget)!;
    const { email, name } = contactOf(context);
    const properties: Record<string, AttributeValue> = { ...traitAttributes(context), ...contextAttributes(context) };
    if (email) properties.email = email;
    if (name) properties.firstName = name;
    const user = record(widget.user);
    if (user && isFunction(user.setProperties)) method(user, 'setProperties')(properties);
    if (message) method(widget, 'open')({ replyText: message });
    else method(widget, 'open')();
    return prefilled(!!message);
  },
};

/** The built-in adapter of each widget provider. */
export const CHAT_ADAPTERS: Readonly<Record<WidgetProvider, ChatAdapter>> = {
  intercom: intercomAdapter,
  crisp: crispAdapter,
  zendesk: zendeskAdapter,
  hubspot: hubspotAdapter,
  chatwoot: chatwootAdapter,
  carrotquest: carrotquestAdapter,
  livechat: livechatAdapter,
  tawk: tawkAdapter,
  helpscout: helpscoutAdapter,
  freshchat: freshchatAdapter,
};

/** Which widget providers are on this page (e.g. for the debug overlay). */
export function detectProviders(win: Window, adapters: Readonly<Record<WidgetProvider, ChatAdapter>> = CHAT_ADAPTERS): WidgetProvider[] {
  return (Object.keys(adapters) as WidgetProvider[]).filter((provider) => adapters[provider].detect(win));
}

