/**
 * Leave-a-message: validated, stored durably in the store's outbox before anything is sent, then delivered
 * exactly once to the configured endpoint (POST JSON, the message id as `Idempotency-Key`) or callback. Failures
 * retry with backoff and on `online`; messages survive reloads and are delivered by whichever tab holds the lock.
 *
 * A receiver that answers 4xx (other than 408/425/429) rejected this message for good: it leaves the delivery
 * queue (one bad message never blocks the ones behind it) for a dead-letter queue on this device, never lost,
 * and is reported through `onRejected`.
 */
import { createOutbox } from '../store/outbox.js';
import type { Outbox, OutboxEntry, RetryOptions, WarningListener } from '../store/types.js';
import { isSafeUrl } from '../../config/rich-text.js';
import { MESSAGE_LIMITS, type MessageIssue, type SendResult, type SharedContext } from '../../core/chat/contract.js';

/** Outbox name of the queue (one per database). */
export const MESSAGE_QUEUE_NAME = 'offline-messages';
/** Outbox name of the messages the endpoint refused for good: kept, never sent again on their own. */
export const REJECTED_QUEUE_NAME = 'offline-messages-rejected';
/** The dead-letter queue holds, it does not deliver: its "delivery" fails, and is tried at most daily. */
const HOLD_RETRY = { minMs: 86_400_000, maxMs: 86_400_000 };

export interface OfflineMessageInput {
  name?: string;
  email: string;
  message: string;
  context: SharedContext;
}

/** What is stored and delivered. */
export interface OfflineMessage {
  name?: string;
  email: string;
  message: string;
  context: SharedContext;
  /** When the user pressed send (epoch ms). */
  sentAt: number;
}

/** The body POSTed to the endpoint. */
export interface OfflineMessagePayload extends OfflineMessage {
  id: string;
}

export interface MessageRejection {
  id: string;
  status: number;
  message: OfflineMessage;
}

export interface MessageQueueEnv {
  /** Default `globalThis`: IndexedDB, Web Locks, timers and `online` come from here. */
  window?: Window;
  /** Default `window.fetch`. */
  fetch?: typeof fetch;
  /** Database name (default the store's). */
  dbName?: string;
  retry?: RetryOptions;
  onWarning?: WarningListener;
  /** The endpoint refused a message for good (4xx); it was moved to the dead-letter queue (`rejected()`). */
  onRejected?: (rejection: MessageRejection) => void;
  /** Clock for `sentAt` (default `Date.now`). */
  now?: () => number;
}

export interface MessageQueueOptions {
  endpoint?: string;
  /** Used when there is no endpoint. Resolve when delivered; reject to retry. `id` is stable across retries. */
  callback?: (payload: OfflineMessagePayload) => void | Promise<void>;
  env?: MessageQueueEnv;
}

export interface MessageQueue {
  /** Validate, then store durably and start delivering. Resolves once stored (not delivered). */
  send(input: OfflineMessageInput): Promise<SendResult>;
  /** Messages not delivered yet, oldest first. */
  pending(): Promise<Array<OutboxEntry<OfflineMessage>>>;
  /** Messages the endpoint refused for good, kept on this device, oldest first. */
  rejected(): Promise<Array<OutboxEntry<OfflineMessage>>>;
  /** Try to deliver now. Never rejects. */
  flush(): Promise<void>;
  /** Stop retrying and release everything; undelivered messages stay stored for the next page. */
  dispose(): void;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Issues with a message as typed (empty when it can be sent). */
export function validateMessage(input: Pick<OfflineMessageInput, 'name' | 'email' | 'message'>): MessageIssue[] {
  const issues: MessageIssue[] = [];
  const email = (input.email ?? '').trim();
  const text = (input.message ?? '').trim();
  const name = (input.name ?? '').trim();
  if (!email) issues.push({ field: 'email', code: 'required', message: 'Enter your email address' });
  else if (email.length > MESSAGE_LIMITS.email) issues.push({ field: 'email', code: 'too-long', message: `An email address has at most ${MESSAGE_LIMITS.email} characters` });
  else if (!EMAIL.test(email)) issues.push({ field: 'email', code: 'invalid', message: 'Enter an email address like name@example.com' });
  if (text.length < MESSAGE_LIMITS.messageMin) issues.push({ field: 'message', code: 'required', message: 'Write your message' });
  else if (text.length > MESSAGE_LIMITS.message) issues.push({ field: 'message', code: 'too-long', message: `A message has at most ${MESSAGE_LIMITS.message} characters (this one has ${text.length})` });
  if (name.length > MESSAGE_LIMITS.name) issues.push({ field: 'name', code: 'too-long', message: `A name has at most ${MESSAGE_LIMITS.name} characters` });
  return issues;
}

/** Statuses worth retrying among 4xx: timeout, too early, rate limited. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

class DeliveryError extends Error {
  constructor(readonly status: number) {
    super(`Message endpoint answered ${status}`);
  }
}

/** Set up the queue; `dispose()` releases it. Messages left by an earlier page are delivered right away. */
export function createMessageQueue(options: MessageQueueOptions): MessageQueue {
  const env = options.env ?? {};
  const win = env.window ?? (globalThis as unknown as Window);
  const doFetch = env.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => win.fetch(input, init));
  const now = env.now ?? Date.now;
  const endpoint = options.endpoint && isSafeUrl(options.endpoint) ? options.endpoint : undefined;
  if (options.endpoint && !endpoint) env.onWarning?.({ code: 'remote-failed', message: `Message endpoint "${options.endpoint}" is not a safe URL; messages wait for a callback` });

  async function deliver(message: OfflineMessage, id: string): Promise<void> {
    const payload: OfflineMessagePayload = { id, ...message };
    if (endpoint) {
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
        body: JSON.stringify(payload),
        keepalive: true,
      });
      if (response.ok) return;
      if (response.status >= 400 && response.status < 500 && !RETRYABLE_CLIENT_STATUSES.has(response.status)) {
        // Retrying cannot change the receiver's mind, but the user's words are kept: stored aside before leaving the queue.
        await deadLetters().enqueue(message);
        env.onRejected?.({ id, status: response.status, message });
        return;
      }
      throw new DeliveryError(response.status);
    }
    if (options.callback) return options.callback(payload);
    throw new Error('No endpoint or callback to deliver messages to');
  }

  const outboxOptions: Parameters<typeof createOutbox<OfflineMessage>>[0] = { name: MESSAGE_QUEUE_NAME, deliver, window: win };
  if (env.dbName) outboxOptions.dbName = env.dbName;
  if (env.retry) outboxOptions.retry = env.retry;
  if (env.onWarning) outboxOptions.onWarning = env.onWarning;
  const outbox: Outbox<OfflineMessage> = createOutbox(outboxOptions);
  let rejectedBox: Outbox<OfflineMessage> | undefined;
  function deadLetters(): Outbox<OfflineMessage> {
    rejectedBox ??= createOutbox<OfflineMessage>({
      ...outboxOptions,
      name: REJECTED_QUEUE_NAME,
      retry: HOLD_RETRY,
      deliver: () => Promise.reject(new Error('held: the endpoint refused this message')),
    });
    return rejectedBox;
  }

  return {
    async send(input) {
      const issues = validateMessage(input);
      if (issues.length > 0) return { ok: false, issues };
      const message: OfflineMessage = { email: input.email.trim(), message: input.message.trim(), context: input.context, sentAt: now() };
      const name = input.name?.trim();
      if (name) message.name = name;
      // A structured copy: what is stored is what was typed now, whatever the caller mutates later.
      const id = await outbox.enqueue(structuredClone(message));
      return { ok: true, id };
    },
    pending: () => outbox.pending(),
    rejected: () => deadLetters().pending(),
    flush: () => outbox.flush(),
    dispose: () => {
      outbox.dispose();
      rejectedBox?.dispose();
    },
  };
}
