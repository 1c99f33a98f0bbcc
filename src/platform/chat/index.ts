/**
 * Live-chat handoff: one adapter per provider on its documented JS API, the `createChat` facade with its
 * url/mailto fallback, operator hours, and the durable leave-a-message queue. Importing this module does nothing.
 */
export { createChat } from './facade.js';
export type { Chat, ChatEnv, ChatOpenReport, ChatFallbackReason, ChatRequest } from './facade.js';
export {
  CHAT_ADAPTERS,
  detectProviders,
  intercomAdapter,
  crispAdapter,
  zendeskAdapter,
  createZendeskAdapter,
  hubspotAdapter,
  chatwootAdapter,
  carrotquestAdapter,
  livechatAdapter,
  tawkAdapter,
  helpscoutAdapter,
  freshchatAdapter,
} from './adapters.js';
export type { ZendeskAdapterOptions } from './adapters.js';
export {
  filterContext,
  contextAttributes,
  traitAttributes,
  contactOf,
  contextTags,
  contextSummary,
  ALL_CONTEXT_FIELDS,
  ATTRIBUTE_MAX_LENGTH,
  CONTEXT_LIST_MAX,
} from './context.js';
export { isOpen, nextOpening, checkHours } from './hours.js';
export type { HoursIssue, HoursIssueCode } from './hours.js';
export { createMessageQueue, validateMessage, MESSAGE_QUEUE_NAME } from './offline-message.js';
export type {
  MessageQueue,
  MessageQueueEnv,
  MessageQueueOptions,
  MessageRejection,
  OfflineMessage,
  OfflineMessageInput,
  OfflineMessagePayload,
} from './offline-message.js';
export type { AdapterOpenResult, AttributeValue, ChatAdapter, ChatContextField, WidgetProvider } from './types.js';
