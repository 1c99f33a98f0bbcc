/**
 * The chat contract shared by the runtime, the platform's chat adapters and message queue, and the help panel:
 * the context an operator receives, the path a handoff took, and what leaving a message returns.
 */
import type { StruggleKind } from '../../config/types.js';
import type { Traits } from '../../engine/contract.js';

/** Everything Waymark knows that helps an operator: who, where, what they tried, what went wrong. */
export interface ChatContext {
  user: { id: string; traits: Traits };
  stage: string | null;
  /** Current URL or path. */
  page: string;
  /** The tour step in progress (`step` is 0-based). */
  step?: { experienceId: string; step: number; title: string };
  /** The checklist item in progress. */
  checklistItem?: { experienceId: string; item: string; title: string };
  /** The struggle signal that fired. */
  struggle?: { kind: StruggleKind; detail?: string };
  articlesOpened: Array<{ id: string; title: string }>;
  recentErrors: string[];
}

/** The context after `chat.context` filtering: only the allowed parts are present. */
export type SharedContext = Partial<ChatContext>;

/** How a handoff reached a human: the provider's widget, the app's callback, a page or `mailto:`, or not at all. */
export type ChatPath = 'widget' | 'callback' | 'url' | 'none';

/** Length limits of a left message (the queue enforces them; the panel quotes them). */
export const MESSAGE_LIMITS = { name: 200, email: 254, messageMin: 1, message: 5000 } as const;

export type MessageIssueCode = 'required' | 'invalid' | 'too-long';
export interface MessageIssue {
  field: 'name' | 'email' | 'message';
  code: MessageIssueCode;
  message: string;
}

export type SendResult = { ok: true; id: string } | { ok: false; issues: MessageIssue[] };

/** What the user typed in the leave-a-message form. */
export interface MessageDraft {
  name?: string;
  email: string;
  message: string;
}

/** Store a message for the team (the runtime adds the context `chat.context` shares). */
export type LeaveMessage = (draft: MessageDraft) => Promise<SendResult>;

/** Where "Contact us" led: a human took over in the chat, the leave-a-message form, or neither is possible now. */
export type ContactOutcome = 'chat' | 'form' | 'unavailable';

/** Hand the user to a human if one can be reached now (the runtime decides and reports it). */
export type Contact = () => Promise<ContactOutcome>;
