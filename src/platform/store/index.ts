/**
 * Durable storage: one record per user in IndexedDB with cross-tab sync and an optional remote mirror, and a
 * durable outbox for messages that must be delivered exactly once. Importing this module does nothing.
 */
export { createDurableStore } from './durable-store.js';
export { fetchRemoteAdapter, RemoteHttpError } from './remote.js';
export { createOutbox } from './outbox.js';
export { createMemoryStore } from './memory.js';
export type {
  DurableStore,
  DurableStoreOptions,
  FetchRemoteOptions,
  Outbox,
  OutboxEntry,
  OutboxOptions,
  RemoteAdapter,
  RetryOptions,
  StoreWarning,
  StoreWarningCode,
  WarningListener,
} from './types.js';
